import type { Rule } from '../rule';

/** Placeholder until the rule lands: it fails loudly so the gap cannot pass for a clean result. */
export const kpiUnused: Rule = {
  meta: { id: 'kpi-unused', description: 'Not implemented yet.', severity: 'warning', docs: { why: '', bad: '', good: '' } },
  check() {
    throw new Error('rule kpi-unused is not implemented yet');
  },
};
