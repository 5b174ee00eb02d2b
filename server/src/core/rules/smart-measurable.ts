import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const smartMeasurable: Rule = {
  meta: { id: 'smart-measurable', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule smart-measurable is not implemented yet');
  },
};
