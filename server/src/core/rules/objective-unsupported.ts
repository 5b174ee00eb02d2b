import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const objectiveUnsupported: Rule = {
  meta: { id: 'objective-unsupported', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule objective-unsupported is not implemented yet');
  },
};
