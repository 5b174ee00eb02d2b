import { itemLabel } from '../naming';
import type { Rule } from '../rule';

/** A goal that supports no business objective. */
export const smartRelevant: Rule = {
  meta: {
    id: 'smart-relevant',
    description: 'A goal supports no business objective.',
    severity: 'warning',
    docs: {
      why: 'The R of SMART. A social-media goal is relevant when it serves a business objective; without that link, effort drifts toward whatever is easy to post about ("a company focused on increasing sales may find its social media team promoting brand awareness without a clear strategy to convert followers into customers"). List the objectives a goal serves in `supports`. A `supports` that names unknown ids is reported by `unknown-reference` instead.',
      bad: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n',
      good: 'objectives:\n  - id: grow-online-revenue\n    title: Grow online revenue by 15% in FY2027\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n    supports: [grow-online-revenue]\n',
    },
  },
  check(context) {
    for (const goal of context.workspace.goals) {
      if (goal.supports.length > 0) continue;
      context.report({
        file: goal.file,
        target: { path: goal.path, part: 'head' },
        message: `${itemLabel(goal)} supports no business objective; add \`supports\` with the ids of the objectives it serves.`,
      });
    }
  },
};
