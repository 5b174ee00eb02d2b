import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const platformAudienceMismatch: Rule = {
  meta: { id: 'platform-audience-mismatch', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule platform-audience-mismatch is not implemented yet');
  },
};
