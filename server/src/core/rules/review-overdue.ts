import { addDays, addMonths } from '../dates';
import type { Cadence } from '../model';
import { itemLabel } from '../naming';
import { startOf } from '../progress';
import type { OptionsOf, Rule, RuleOption } from '../rule';

/** The options, declared once: their schemas validate the config and their types are derived from them. */
const OPTIONS = {
  defaultCadence: {
    description: 'The review cadence of goals that declare no `review`: weekly, monthly, quarterly or yearly.',
    schema: { enum: ['weekly', 'monthly', 'quarterly', 'yearly'] },
    default: 'quarterly',
  },
} as const satisfies Readonly<Record<string, RuleOption>>;

/** Options of `review-overdue`. */
export type ReviewOverdueOptions = OptionsOf<typeof OPTIONS>;

/** The date a review falls due `cadence` after `from`: a week is 7 days, the others are calendar months. */
function nextReview(from: string, cadence: Cadence): string {
  switch (cadence) {
    case 'weekly':
      return addDays(from, 7);
    case 'monthly':
      return addMonths(from, 1);
    case 'quarterly':
      return addMonths(from, 3);
    case 'yearly':
      return addMonths(from, 12);
  }
}

/** A goal whose review is overdue on the check date, given its `review` cadence. */
export const reviewOverdue: Rule<ReviewOverdueOptions> = {
  meta: {
    id: 'review-overdue',
    description: 'A goal has not been reviewed within its `review` cadence (quarterly by default).',
    severity: 'info',
    reads: ['review', 'last_reviewed'],
    docs: {
      why: "Objectives should be reviewed regularly, quarterly at least, to assess progress, refine targets and feed what the audience says back into the strategy. A goal nobody has looked at for longer than its cadence drifts: targets go stale and a slipping goal is noticed only at its deadline. The cadence is the goal's `review`, else the `defaultCadence` option; a goal that has never been reviewed is due one cadence after it started. A goal whose deadline comes before its next review is not reported.",
      bad: 'goals:\n  - id: ig-traffic-2027\n    title: Increase website sessions from Instagram by 20% in 2027\n    start: 2027-01-01\n    deadline: 2027-12-31\n    review: quarterly\n    last_reviewed: 2027-01-15 # on 2027-05-15 the April review is overdue\n',
      good: 'goals:\n  - id: ig-traffic-2027\n    title: Increase website sessions from Instagram by 20% in 2027\n    start: 2027-01-01\n    deadline: 2027-12-31\n    review: quarterly\n    last_reviewed: 2027-04-12\n',
    },
    options: OPTIONS,
  },
  check(context) {
    const { workspace } = context;
    for (const goal of workspace.goals) {
      const cadence = goal.review ?? context.options(goal.file).defaultCadence;
      const today = context.today(goal.file);
      const since = goal.lastReviewed ?? startOf(goal, workspace.periodOf(goal.file));
      if (since === undefined) continue;
      const due = nextReview(since, cadence);
      // A goal that ends before its next review is due has no review left to miss.
      if (due >= today || (goal.deadline !== undefined && goal.deadline < due)) continue;
      if (goal.lastReviewed !== undefined) {
        context.report({
          file: goal.file,
          place: { path: [...goal.path, 'last_reviewed'], part: 'value' },
          message: `${itemLabel(goal)} was last reviewed on ${goal.lastReviewed}, and its ${cadence} review was due on ${due}; review it and update \`last_reviewed\`.`,
        });
      } else {
        context.report({
          file: goal.file,
          place: { path: goal.path, part: 'head' },
          message: `${itemLabel(goal)} has never been reviewed since it started on ${since}, and its ${cadence} review was due on ${due}; review it and record the date in \`last_reviewed\`.`,
        });
      }
    }
  },
};
