import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const goalCycle: Rule = {
  meta: { id: 'goal-cycle', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule goal-cycle is not implemented yet');
  },
};
