/** Code lens: a goal's progress, status and number of targets above its id line. */
import type { CodeLens } from 'vscode-languageserver';
import type { DocumentContext } from './context';
import { standingText, targetCount } from './goalSummary';

/**
 * One lens per goal of the document, such as "62% · on track · 2 targets". Title-only: the empty command
 * makes editors show the text without making it clickable.
 */
export function codeLenses(context: DocumentContext): CodeLens[] {
  const { analysis, file } = context;
  return analysis.workspace.goals
    .filter((goal) => goal.file === file.uri)
    .map((goal) => ({
      range: analysis.rangeOf(file.uri, { path: goal.path, part: 'head' }),
      command: { title: `${standingText(analysis, goal)} · ${targetCount(goal)}`, command: '' },
    }));
}
