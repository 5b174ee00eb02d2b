import { code, itemLabel } from '../naming';
import type { Rule } from '../rule';

/** A KPI that no goal targets. */
export const kpiUnused: Rule = {
  meta: {
    id: 'kpi-unused',
    description: 'A KPI is defined but no goal targets it.',
    severity: 'info',
    unnecessary: true,
    docs: {
      why: 'A KPI is worth defining when someone tracks progress with it. One that no goal targets is measured by nobody and reviewed by nobody: either a goal is missing (the work it should steer has no target), or the KPI is left over from an earlier plan and only clutters the strategy.',
      bad: 'kpis:\n  - id: li-qualified-leads\n    name: Qualified leads from LinkedIn\n    metric: leads\n    supports: [grow-b2b-pipeline]\ngoals:\n  - id: li-leads-q2\n    title: Generate 300 qualified leads from LinkedIn by June 30\n    department: marketing\n',
      good: 'kpis:\n  - id: li-qualified-leads\n    name: Qualified leads from LinkedIn\n    metric: leads\n    supports: [grow-b2b-pipeline]\ngoals:\n  - id: li-leads-q2\n    title: Generate 300 qualified leads from LinkedIn by June 30\n    department: marketing\n    targets:\n      - { kpi: li-qualified-leads, baseline: 0, target: 300 }\n',
    },
  },
  check(context) {
    const { workspace } = context;
    for (const kpi of workspace.kpis) {
      // A KPI without an id cannot be targeted at all; the schema rule already asks for the id.
      if (kpi.id === undefined || workspace.goalsTargeting(kpi.id).length > 0 || workspace.mayLinkTo(kpi.id)) continue;
      context.report({
        file: kpi.file,
        place: { path: kpi.path, part: 'head' },
        message: `${itemLabel(kpi)} is not targeted by any goal; add a target on it (${code(`kpi: ${kpi.id}`)}) to the goal it measures, or remove it.`,
      });
    }
  },
};
