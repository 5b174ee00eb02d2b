import type { Target } from '../model';
import { code, itemLabel } from '../naming';
import { directionOf, isReached } from '../progress';
import type { Rule } from '../rule';

/** A goal past its deadline with a target whose `current` has not reached its `target`. */
export const deadlineMissed: Rule = {
  meta: {
    id: 'deadline-missed',
    description: "The deadline has passed and a target's `current` has not reached its `target`.",
    severity: 'warning',
    reads: ['deadline', 'target', 'current', 'baseline', 'direction'],
    docs: {
      why: 'A deadline is what makes a goal time-bound, and a missed one is the strongest signal the feedback loop can give: either the plan did not work, or the target was unrealistic, or the numbers were never updated. Leaving the goal as it is hides that lesson. Record the final values, then close the goal, or move the deadline and say why, so the next plan starts from what really happened.',
      bad: 'goals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by March 31\n    deadline: 2027-03-31\n    targets:\n      - { kpi: ig-site-sessions, baseline: 10000, target: 12000, current: 10800 }\n',
      good: 'goals:\n  - id: ig-traffic-q1\n    title: Increase website sessions from Instagram by 20% by June 30\n    # Moved from March 31: the spring campaign launched six weeks late.\n    deadline: 2027-06-30\n    targets:\n      - { kpi: ig-site-sessions, baseline: 10000, target: 12000, current: 10800 }\n',
    },
  },
  check(context) {
    for (const goal of context.workspace.goals) {
      if (goal.deadline === undefined || context.today(goal.file) <= goal.deadline) continue;
      const missed = goal.targets.filter((target) => isReached(target) === false);
      if (missed.length === 0) continue;
      const total = goal.targets.length;
      const which = missed.length < total ? `${missed.length} of its ${total} targets` : total === 1 ? 'its target' : `its ${total} targets`;
      context.report({
        file: goal.file,
        place: { path: [...goal.path, 'deadline'], part: 'value' },
        message: `${itemLabel(goal)} passed its deadline ${goal.deadline} without reaching ${which}: ${list(missed.map(shortfall))}; record the final values and close the goal, or move the deadline and say why.`,
      });
    }
  },
};

/** "`kpi` is at 10800 against a target of 12000". */
function shortfall(target: Target): string {
  const name = target.kpi !== undefined ? code(target.kpi) : `target ${Number(target.path[target.path.length - 1]) + 1}`;
  return `${name} is at ${target.current} against a target of ${target.target}${directionOf(target) === 'decrease' ? ' (lower is better)' : ''}`;
}

function list(parts: readonly string[]): string {
  return parts.length <= 1 ? parts.join('') : `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
