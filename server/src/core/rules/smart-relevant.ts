import type { Goal } from '../model';
import { itemLabel } from '../naming';
import type { Rule } from '../rule';
import type { Workspace } from '../workspace';

/** A goal that supports no business objective. */
export const smartRelevant: Rule = {
  meta: {
    id: 'smart-relevant',
    description: 'A goal supports no business objective.',
    severity: 'warning',
    reads: ['supports', 'parent'],
    docs: {
      why: 'The R of SMART. A social-media goal is relevant when it serves a business objective; without that link, effort drifts toward whatever is easy to post about ("a company focused on increasing sales may find its social media team promoting brand awareness without a clear strategy to convert followers into customers"). List the objectives a goal serves in `supports`. A sub-goal is relevant through its `parent`: when the parent goal (or any goal above it) supports an objective, the sub-goal serves that objective too and needs no `supports` of its own. A `supports` or `parent` that names unknown ids is reported by `unknown-reference` instead.',
      bad: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n',
      good: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n    supports: [grow-online-revenue]\n',
    },
  },
  check(context) {
    for (const goal of context.workspace.goals) {
      if (servesThroughParents(goal, context.workspace)) continue;
      context.report({
        file: goal.file,
        place: { path: goal.path, part: 'head' },
        message: `${itemLabel(goal)} supports no business objective; add \`supports\` with the ids of the objectives it serves.`,
      });
    }
  },
};

/**
 * Whether a goal serves an objective itself or through the goals above it (`parent`). A parent that does
 * not exist counts as serving: `unknown-reference` already reports it, and this rule would only repeat it.
 */
function servesThroughParents(goal: Goal, workspace: Workspace): boolean {
  const seen = new Set<Goal>();
  for (let current: Goal | undefined = goal; current && !seen.has(current);) {
    if (current.supports.length > 0) return true;
    seen.add(current);
    if (current.parent === undefined) return false;
    const parent: Goal | undefined = workspace.find('goal', current.parent);
    if (!parent) return true;
    current = parent;
  }
  return false;
}
