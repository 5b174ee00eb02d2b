import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const smartAchievable: Rule = {
  meta: { id: 'smart-achievable', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule smart-achievable is not implemented yet');
  },
};
