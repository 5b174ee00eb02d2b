import { DAYS_PER_MONTH, daysBetween } from '../dates';
import type { Goal, Target } from '../model';
import { targetLabel } from '../naming';
import { startOf } from '../progress';
import type { OptionsOf, Rule, RuleOption } from '../rule';

/** The options, declared once: their schemas validate the config and their types are derived from them. */
const OPTIONS = {
  maxMonthlyGrowth: {
    description: 'The highest compounded growth per month an increasing target may imply, as a fraction (0.5 = 50% a month).',
    schema: { type: 'number', exclusiveMinimum: 0 },
    default: 0.5,
  },
  maxMonthlyReduction: {
    description: 'The highest compounded reduction per month a decreasing target may imply, as a fraction (0.5 = 50% a month).',
    schema: { type: 'number', exclusiveMinimum: 0, maximum: 1 },
    default: 0.5,
  },
} as const satisfies Readonly<Record<string, RuleOption>>;

/** Options of `smart-achievable`. */
export type SmartAchievableOptions = OptionsOf<typeof OPTIONS>;

/**
 * A target that implies more compounded monthly change than is realistic over the goal's duration,
 * that equals its baseline, or that lies on the wrong side of its baseline for its explicit `direction`.
 */
export const smartAchievable: Rule<SmartAchievableOptions> = {
  meta: {
    id: 'smart-achievable',
    description: 'A target implies an unrealistic monthly growth or reduction, equals its baseline, or contradicts its `direction`.',
    severity: 'warning',
    reads: ['baseline', 'target', 'direction', 'start', 'deadline'],
    docs: {
      why: 'The A of SMART: "set realistic goals based on available resources and past performance. For example, doubling followers in a month might be unrealistic, but a 10% growth is achievable." The change from `baseline` to `target` is spread over the goal\'s duration (from its `start`, else its period\'s start, to its `deadline`) as a compounded monthly rate; above the ceiling (50% a month by default, in either direction) the target is reported. A target equal to its baseline has nothing to achieve, and one below its baseline with `direction: increase` (or above it with `direction: decrease`) contradicts itself.',
      bad: 'goals:\n  - id: ig-followers-june\n    title: Grow Instagram followers from 1,000 to 10,000 in June\n    start: 2027-06-01\n    deadline: 2027-06-30\n    targets:\n      - kpi: ig-followers\n        baseline: 1000\n        target: 10000\n',
      good: 'goals:\n  - id: ig-followers-june\n    title: Grow Instagram followers by 10% to 1,100 in June\n    start: 2027-06-01\n    deadline: 2027-06-30\n    targets:\n      - kpi: ig-followers\n        baseline: 1000\n        target: 1100\n',
    },
    options: OPTIONS,
  },
  check(context) {
    const { workspace } = context;
    for (const goal of workspace.goals) {
      const start = startOf(goal, workspace.periodOf(goal.file));
      const days = start !== undefined && goal.deadline !== undefined ? daysBetween(start, goal.deadline) : 0;
      const options = context.options(goal.file);
      for (const target of goal.targets) {
        const message = problemOf(goal, target, days, options);
        if (message) context.report({ file: goal.file, place: { path: [...target.path, 'target'], part: 'value' }, message });
      }
    }
  },
};

/** What is wrong with one target, if anything. `days` is the goal's duration (0 when unknown). */
function problemOf(goal: Goal, target: Target, days: number, options: SmartAchievableOptions): string | undefined {
  const { baseline, target: value, direction } = target;
  if (baseline === undefined || value === undefined) return undefined;
  // Messages are made only for the targets that have a problem: this runs for every target on every keystroke.
  const label = () => targetLabel(goal, target);
  if (value === baseline) {
    return `${label()} equals its baseline (${value}), so there is nothing to achieve; set the value to reach by the deadline.`;
  }
  if (direction === 'increase' && value < baseline) {
    return `${label()} (${value}) is below its baseline (${baseline}), but its \`direction\` is \`increase\`; raise the target or set \`direction: decrease\`.`;
  }
  if (direction === 'decrease' && value > baseline) {
    return `${label()} (${value}) is above its baseline (${baseline}), but its \`direction\` is \`decrease\`; lower the target or set \`direction: increase\`.`;
  }
  // A compounded rate needs a positive start and end; a target of zero or below has no meaningful monthly rate.
  if (baseline <= 0 || value <= 0 || days <= 0) return undefined;
  const months = days / DAYS_PER_MONTH;
  const ratio = value / baseline;
  const monthly = value > baseline ? ratio ** (1 / months) - 1 : 1 - ratio ** (1 / months);
  const limit = value > baseline ? options.maxMonthlyGrowth : options.maxMonthlyReduction;
  if (monthly <= limit) return undefined;
  const total = `${ratio > 1 ? '+' : '-'}${Math.round(Math.abs(ratio - 1) * 100)}%`;
  const span = `${days} day${days === 1 ? '' : 's'}`;
  // Within a month, a monthly rate compounded over a fraction of a month reads oddly (a doubling in 30
  // days is "102% a month"): the change itself is what the reader compares with the ceiling.
  const withinAMonth = days <= 31;
  if (value > baseline) {
    const pace = withinAMonth ? 'faster than' : `a compounded growth of ${percent(monthly, limit)} a month, more than`;
    return `${label()} goes from ${baseline} to ${value} (${total}) in ${span}, ${pace} the ${percent(limit)} a month considered achievable; lower the target or allow more time.`;
  }
  const pace = withinAMonth ? 'faster than' : `a compounded reduction of ${percent(monthly, limit)} a month, more than`;
  return `${label()} goes from ${baseline} to ${value} (${total}) in ${span}, ${pace} the ${percent(limit)} a month considered achievable; raise the target or allow more time.`;
}

/**
 * A fraction as a rounded percentage. Above a `limit`, it keeps as many decimals (up to 3) as it takes to
 * read as more than the limit, so that 50.3% is not shown as "50%, more than 50%".
 */
function percent(fraction: number, limit?: number): string {
  if (limit === undefined) return `${Number((fraction * 100).toFixed(2))}%`;
  let decimals = 0;
  while (decimals < 3 && Number((fraction * 100).toFixed(decimals)) <= Number((limit * 100).toFixed(2))) decimals++;
  return `${(fraction * 100).toFixed(decimals)}%`;
}
