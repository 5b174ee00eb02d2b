import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const vanityMetric: Rule = {
  meta: { id: 'vanity-metric', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule vanity-metric is not implemented yet');
  },
};
