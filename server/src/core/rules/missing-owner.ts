import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const missingOwner: Rule = {
  meta: { id: 'missing-owner', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule missing-owner is not implemented yet');
  },
};
