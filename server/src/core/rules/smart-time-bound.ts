import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const smartTimeBound: Rule = {
  meta: { id: 'smart-time-bound', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule smart-time-bound is not implemented yet');
  },
};
