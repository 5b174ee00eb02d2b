import { itemLabel } from '../naming';
import type { Rule } from '../rule';

/** A goal with no deadline, a deadline before its start, or a deadline outside its planning period. */
export const smartTimeBound: Rule = {
  meta: {
    id: 'smart-time-bound',
    description: 'A goal has no `deadline`, a deadline before its start, or a deadline outside its period.',
    severity: 'warning',
    reads: ['deadline', 'start', 'period'],
    docs: {
      why: 'The T of SMART: "set deadlines to maintain focus and urgency", as in "achieve a 20% increase in LinkedIn followers within three months". A goal without a deadline can never be late, so it is never reviewed, judged or finished. A deadline before the goal starts is a typo, and one outside the planning period (the file\'s `period`, else the workspace\'s) means the goal is planned in the wrong file or year.',
      bad: 'period: { start: 2027-01-01, end: 2027-12-31 }\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20%\n    start: 2027-01-01\n  - id: li-leads-h2\n    title: Double LinkedIn leads in the second half\n    start: 2027-07-01\n    deadline: 2028-06-30\n',
      good: 'period: { start: 2027-01-01, end: 2027-12-31 }\ngoals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20%\n    start: 2027-01-01\n    deadline: 2027-03-31\n  - id: li-leads-h2\n    title: Double LinkedIn leads in the second half\n    start: 2027-07-01\n    deadline: 2027-12-31\n',
    },
  },
  check(context) {
    const { workspace } = context;
    for (const goal of workspace.goals) {
      const { deadline } = goal;
      if (deadline === undefined) {
        context.report({
          file: goal.file,
          place: { path: goal.path, part: 'head' },
          message: `${itemLabel(goal)} has no \`deadline\`; add the date it is due (YYYY-MM-DD).`,
        });
        continue;
      }
      const at = { path: [...goal.path, 'deadline'], part: 'value' as const };
      const period = workspace.periodOf(goal.file);
      const start = goal.start ?? period?.start;
      const beforeStart = start !== undefined && deadline < start;
      if (beforeStart) {
        const whose = goal.start !== undefined ? `its \`start\` ${start}` : `the start of its period, ${start}`;
        context.report({
          file: goal.file,
          place: at,
          message: `${itemLabel(goal)} is due ${deadline}, before ${whose}; the deadline must come after the start.`,
        });
      }
      if (!period) continue;
      const range = `${period.start} to ${period.end}`;
      // Before the start of the period is the same problem as before the start when the goal starts with its period.
      if (deadline < period.start && !beforeStart) {
        context.report({
          file: goal.file,
          place: at,
          message: `${itemLabel(goal)} is due ${deadline}, before its period (${range}) starts; move the deadline into the period or plan the goal in a file with its own \`period\`.`,
        });
      } else if (deadline > period.end) {
        context.report({
          file: goal.file,
          place: at,
          message: `${itemLabel(goal)} is due ${deadline}, after its period (${range}) ends; move the deadline into the period or plan the goal in a file with its own \`period\`.`,
        });
      }
    }
  },
};
