import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const deadlineMissed: Rule = {
  meta: { id: 'deadline-missed', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule deadline-missed is not implemented yet');
  },
};
