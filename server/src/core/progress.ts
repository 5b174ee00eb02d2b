/**
 * Progress and pace of goals and targets: one definition shared by the outline, the tree, the preview and
 * the rules that judge deadlines and pace, so they can never disagree.
 */
import { daysBetween } from './dates';
import type { Direction, Goal, Period, Target } from './model';

/** The direction a target moves in: explicit, else inferred from baseline and target (up when unknown). */
export function directionOf(target: Target): Direction | undefined {
  if (target.direction) return target.direction;
  if (target.baseline === undefined || target.target === undefined) return 'increase';
  if (target.target > target.baseline) return 'increase';
  if (target.target < target.baseline) return 'decrease';
  return undefined;
}

/** Whether `current` has reached `target`, in the target's direction. Undefined when either is missing. */
export function isReached(target: Target): boolean | undefined {
  if (target.current === undefined || target.target === undefined) return undefined;
  return directionOf(target) === 'decrease' ? target.current <= target.target : target.current >= target.target;
}

/**
 * The fraction of the way from baseline to target that `current` has come, unclamped (it can be negative
 * or above 1). Without a baseline an increase counts from 0. Undefined when it cannot be computed.
 */
export function targetProgress(target: Target): number | undefined {
  const { current, target: goal } = target;
  if (current === undefined || goal === undefined) return undefined;
  const baseline = target.baseline ?? (directionOf(target) === 'increase' ? 0 : undefined);
  if (baseline === undefined || goal === baseline) return undefined;
  return (current - baseline) / (goal - baseline);
}

/** The mean progress of a goal's measurable targets, each clamped to 0..1; undefined when none is measurable. */
export function goalProgress(goal: Goal): number | undefined {
  const values = goal.targets.map(targetProgress).filter((value): value is number => value !== undefined);
  if (values.length === 0) return undefined;
  return values.reduce((sum, value) => sum + clamp(value), 0) / values.length;
}

/** The start that applies to a goal: its own, else its period's. */
export function startOf(goal: Goal, period: Period | undefined): string | undefined {
  return goal.start ?? period?.start;
}

/** The fraction of the time from start to deadline that has passed on `today`, clamped to 0..1. */
export function elapsedFraction(start: string | undefined, deadline: string | undefined, today: string): number | undefined {
  if (!start || !deadline) return undefined;
  const total = daysBetween(start, deadline);
  if (total <= 0) return undefined;
  return clamp(daysBetween(start, today) / total);
}

/** Where a goal stands, as the tree, the preview and `goalpost tree` show it. */
export type Status = 'done' | 'on-track' | 'at-risk' | 'off-track' | 'missed' | 'not-started' | 'no-data';

/** Status words as people write them, shared by hover, code lens and `goalpost tree`. */
export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  done: 'done',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  missed: 'missed',
  'not-started': 'not started',
  'no-data': 'no data',
};

/** A fraction as a whole percentage, "62%". */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** Default margin by which progress may trail the linear pace before a goal counts as off track. */
export const DEFAULT_PACE_MARGIN = 0.1;

/** The status of a goal on `today`, judged against linear pace from start to deadline. */
export function goalStatus(goal: Goal, period: Period | undefined, today: string, margin = DEFAULT_PACE_MARGIN): Status {
  const reached = goal.targets.map(isReached);
  if (reached.length > 0 && reached.every((value) => value === true)) return 'done';
  const start = startOf(goal, period);
  if (goal.deadline && today > goal.deadline) return 'missed';
  if (start && today < start) return 'not-started';
  const progress = goalProgress(goal);
  const elapsed = elapsedFraction(start, goal.deadline, today);
  if (progress === undefined || elapsed === undefined) return 'no-data';
  if (progress < elapsed - margin) return 'off-track';
  if (progress < elapsed) return 'at-risk';
  return 'on-track';
}

function clamp(value: number): number {
  return Math.max(0, Math.min(1, value));
}
