import { idList, itemLabel } from '../naming';
import type { Rule } from '../rule';

/** A KPI tied to no business objective, neither by its own `supports` nor through the goals that target it. */
export const kpiUnlinked: Rule = {
  meta: {
    id: 'kpi-unlinked',
    description: 'A KPI supports no business objective, directly or through the goals that target it.',
    severity: 'warning',
    reads: ['supports'],
    docs: {
      why: 'Social-media KPIs should relate directly to business metrics: if the business goal is to increase sales, conversion from social traffic says more than follower growth. A KPI that no objective can be traced to measures activity, not results, and invites the work to drift away from what the business needs. A KPI counts as linked when its own `supports` names an objective, or when a goal that targets it does.',
      bad: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\nkpis:\n  - id: ig-site-sessions\n    name: Website sessions from Instagram\n    metric: sessions\n',
      good: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\nkpis:\n  - id: ig-site-sessions\n    name: Website sessions from Instagram\n    metric: sessions\n    supports: [grow-online-revenue]\n',
    },
  },
  check(context) {
    const { workspace } = context;
    // Only objectives that exist count; `supports` naming nothing is unknown-reference's business.
    const linked = (supports: readonly string[]) => supports.some((id) => workspace.find('objective', id) !== undefined);
    for (const kpi of workspace.kpis) {
      if (linked(kpi.supports) || (kpi.id !== undefined && workspace.mayLinkTo(kpi.id))) continue;
      const goals = kpi.id === undefined ? [] : workspace.goalsTargeting(kpi.id);
      if (goals.some((goal) => linked(goal.supports))) continue;
      const own = kpi.supports.length === 0 ? 'it has no `supports`' : 'its `supports` names no existing objective';
      const goalIds = [...new Set(goals.flatMap((goal) => (goal.id === undefined ? [] : [goal.id])))];
      const named = goalIds.length > 0 ? ` (${idList(goalIds)})` : '';
      const through =
        goals.length === 0
          ? 'no goal targets it'
          : goals.length === 1
            ? `the goal that targets it${named} supports no existing objective either`
            : `the goals that target it${named} support no existing objective either`;
      context.report({
        file: kpi.file,
        place: { path: kpi.path, part: 'head' },
        message: `${itemLabel(kpi)} supports no business objective, directly or through a goal: ${own}, and ${through}; add the objective it moves to its \`supports\`.`,
      });
    }
  },
};
