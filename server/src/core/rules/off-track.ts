import { code, itemLabel } from '../naming';
import { DEFAULT_PACE_MARGIN, directionOf, elapsedFraction, startOf, targetProgress } from '../progress';
import type { OptionsOf, Rule, RuleOption } from '../rule';

/** The options, declared once: their schemas validate the config and their types are derived from them. */
const OPTIONS = {
  margin: {
    description: 'How far progress may trail the linear pace before a target is reported, as a fraction (0.1 = 10 percentage points).',
    schema: { type: 'number', minimum: 0, maximum: 1 },
    default: DEFAULT_PACE_MARGIN,
  },
} as const satisfies Readonly<Record<string, RuleOption>>;

/** Options of `off-track`. */
export type OffTrackOptions = OptionsOf<typeof OPTIONS>;

/** A target whose progress trails the linear pace from start to deadline by more than the margin. */
export const offTrack: Rule<OffTrackOptions> = {
  meta: {
    id: 'off-track',
    description: "A target's progress trails the linear pace between the goal's start and deadline by more than the margin.",
    severity: 'info',
    reads: ['start', 'deadline', 'baseline', 'target', 'current', 'direction'],
    docs: {
      why: "Tracking progress regularly is what lets a team adjust a strategy while there is still time, instead of finding out at the deadline. Between a goal's start and its deadline, a target is expected to move at least at a linear pace from its baseline towards its target; one that trails that pace by more than the margin (10 percentage points by default) needs attention now: new tactics, more resources, or a more realistic target.",
      bad: 'period: { start: 2027-01-01, end: 2027-12-31 }\ngoals:\n  - id: ig-traffic-2027\n    title: Increase website sessions from Instagram by 20% in 2027\n    deadline: 2027-12-31\n    targets:\n      # on 2027-07-01, half the year has passed but only 10% of the growth is there\n      - { kpi: ig-site-sessions, baseline: 10000, target: 12000, current: 10200 }\n',
      good: 'period: { start: 2027-01-01, end: 2027-12-31 }\ngoals:\n  - id: ig-traffic-2027\n    title: Increase website sessions from Instagram by 20% in 2027\n    deadline: 2027-12-31\n    targets:\n      # on 2027-07-01, half the year has passed and half of the growth is there\n      - { kpi: ig-site-sessions, baseline: 10000, target: 12000, current: 11000 }\n',
    },
    options: OPTIONS,
  },
  check(context) {
    const { workspace } = context;
    for (const goal of workspace.goals) {
      const today = context.today(goal.file);
      const start = startOf(goal, workspace.periodOf(goal.file));
      const { deadline } = goal;
      // Before the start nothing is expected yet; after the deadline deadline-missed speaks.
      if (start === undefined || deadline === undefined || today < start || today > deadline) continue;
      const elapsed = elapsedFraction(start, deadline, today);
      if (elapsed === undefined) continue;
      const { margin } = context.options(goal.file);
      for (const target of goal.targets) {
        const progress = targetProgress(target);
        if (progress === undefined || progress >= elapsed - margin) continue;
        // Without a baseline, progress is computable only for an increase, which counts from 0.
        const from = target.baseline ?? 0;
        const name = target.kpi !== undefined ? `the target on ${code(target.kpi)}` : `target ${Number(target.path[target.path.length - 1]) + 1}`;
        context.report({
          file: goal.file,
          place: { path: [...target.path, 'current'], part: 'value' },
          message: `In ${itemLabel(goal, false)}, ${name} is ${percent(progress)} of the way from ${from} to ${target.target}${directionOf(target) === 'decrease' ? ', lower is better' : ''} (current ${target.current}), but ${percent(elapsed)} of the time to the deadline ${deadline} has passed; it trails the linear pace by more than ${Math.round(margin * 100)} percentage points.`,
        });
      }
    }
  },
};

function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}
