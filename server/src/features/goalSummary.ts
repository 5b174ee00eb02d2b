/** How hover and code lens word a goal's progress and status, so the two always say the same. */
import type { Analysis } from '../core/lint';
import type { Goal } from '../core/model';
import { goalProgress, goalStatus, type Status } from '../core/progress';

/** Status words as people write them. */
export const STATUS_LABEL: Readonly<Record<Status, string>> = {
  done: 'done',
  'on-track': 'on track',
  'at-risk': 'at risk',
  'off-track': 'off track',
  missed: 'missed',
  'not-started': 'not started',
  'no-data': 'no data',
};

/** A goal's progress (0..1, when measurable) and status on its file's check date, against its period. */
export function goalStanding(analysis: Analysis, goal: Goal): { readonly progress?: number; readonly status: Status } {
  const status = goalStatus(goal, analysis.workspace.periodOf(goal.file), analysis.todayOf(goal.file));
  return { progress: goalProgress(goal), status };
}

/** A fraction as a whole percentage, "62%". */
export function percent(fraction: number): string {
  return `${Math.round(fraction * 100)}%`;
}

/** "62% · on track" (or just "no data" when there is no progress to show). */
export function standingText(analysis: Analysis, goal: Goal): string {
  const { progress, status } = goalStanding(analysis, goal);
  return progress === undefined ? STATUS_LABEL[status] : `${percent(progress)} · ${STATUS_LABEL[status]}`;
}

/** "1 target", "3 targets", "no targets". */
export function targetCount(goal: Goal): string {
  const count = goal.targets.length;
  return count === 0 ? 'no targets' : `${count} ${count === 1 ? 'target' : 'targets'}`;
}
