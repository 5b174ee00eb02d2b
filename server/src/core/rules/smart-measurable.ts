import { itemLabel, targetLabel } from '../naming';
import type { Rule } from '../rule';

/** A goal with no target, or a target without a numeric `target` value. */
export const smartMeasurable: Rule = {
  meta: {
    id: 'smart-measurable',
    description: 'A goal has no target, or a target has no numeric `target` value.',
    severity: 'error',
    reads: ['targets', 'target'],
    docs: {
      why: 'The M of SMART. Without a KPI and a number to reach, nobody can track progress or say whether the goal was met: "with defined goals, teams can track progress and measure the impact of their efforts". Every goal needs at least one target on a KPI, and every target a numeric `target` (ideally with the `baseline` it starts from).',
      bad: 'goals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n    deadline: 2027-03-31\n    targets:\n      - kpi: ig-site-sessions\n        baseline: 10000\n',
      good: 'goals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n    deadline: 2027-03-31\n    targets:\n      - kpi: ig-site-sessions\n        baseline: 10000\n        target: 12000\n',
    },
  },
  check(context) {
    for (const goal of context.workspace.goals) {
      if (goal.targets.length === 0) {
        context.report({
          file: goal.file,
          place: { path: goal.path, part: 'head' },
          message: `${itemLabel(goal)} has no targets; add at least one under \`targets\` with a \`kpi\` and the numeric \`target\` to reach, so its progress can be measured.`,
        });
        continue;
      }
      for (const target of goal.targets) {
        if (target.target !== undefined) continue;
        context.report({
          file: goal.file,
          place: { path: target.path, part: 'head' },
          message: `${targetLabel(goal, target)} has no numeric \`target\`; add the value to reach by the deadline.`,
        });
      }
    }
  },
};
