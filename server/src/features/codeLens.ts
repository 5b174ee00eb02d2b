/** Code lens: a goal's progress, status and number of targets above its id line, and what clicking it shows. */
import type { CodeLens } from 'vscode-languageserver';
import { itemTitle } from '../core/naming';
import { ServerCommand } from '../protocol';
import type { DocumentContext } from './support/context';
import { standingText, targetCount } from './support/goalSummary';

/**
 * One lens per goal with an id, such as "62% · on track · 2 targets". Its command is one the server
 * implements (`ServerCommand.showGoal`), so every client can run it: clients show a lens without a
 * command as unresolved, and one whose command nobody implements fails when clicked.
 */
export function codeLenses(context: DocumentContext): CodeLens[] {
  const { analysis, file } = context;
  return analysis.workspace.goals
    .filter((goal) => goal.file === file.uri)
    .map((goal) => ({
      range: analysis.rangeOf(file.uri, { path: goal.path, part: 'head' }),
      command: {
        title: `${standingText(analysis, goal)} · ${targetCount(goal)}`,
        ...(goal.id === undefined ? { command: '' } : { command: ServerCommand.showGoal, arguments: [file.uri, goal.id] }),
      },
    }));
}

/**
 * What running a goal's lens shows: "Goal ig-traffic (Increase …): 55% · on track · 1 target. sessions:
 * 1000 → 1200, current 1100." Undefined when the document has no such goal (any more).
 */
export function goalMessage(context: DocumentContext, id: unknown): string | undefined {
  const { analysis, file } = context;
  const goal = analysis.workspace.goals.find((candidate) => candidate.file === file.uri && candidate.id === id);
  if (!goal) return undefined;
  const title = itemTitle(goal);
  const targets = goal.targets.map(
    (target) =>
      `${target.kpi ?? '?'}: ${target.baseline ?? '?'} → ${target.target ?? '?'}${target.current !== undefined ? `, current ${target.current}` : ''}.`,
  );
  return [`Goal ${goal.id}${title !== undefined ? ` (${title})` : ''}: ${standingText(analysis, goal)} · ${targetCount(goal)}.`, ...targets].join(' ');
}
