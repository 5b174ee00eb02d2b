/** How hover and code lens word a goal's progress and status, so the two always say the same. */
import type { Analysis } from '../../core/lint';
import type { Goal } from '../../core/model';
import { STATUS_LABEL, goalProgress, goalStatus, percent, type Status } from '../../core/progress';

// The wording lives in the core, where `goalpost tree` shares it; re-exported for the editor features.
export { STATUS_LABEL, percent };

/** A goal's progress (0..1, when measurable) and status on its file's check date, against its period. */
export function goalStanding(analysis: Analysis, goal: Goal): { readonly progress?: number; readonly status: Status } {
  const status = goalStatus(goal, analysis.workspace.periodOf(goal.file), analysis.todayOf(goal.file));
  return { progress: goalProgress(goal), status };
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
