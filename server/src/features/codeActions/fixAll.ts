/** The `source.fixAll` action: every unambiguous did-you-mean of the document at once (the core's fix-all). */
import { CodeActionKind, type CodeAction } from 'vscode-languageserver';
import { fixAllReplacements } from '../../core/fixAll';
import type { EditableDocument } from './document';

/** Every did-you-mean with exactly one suggestion in the document, as one edit; overlapping fixes keep the first. */
export function fixAllAction(document: EditableDocument): CodeAction | undefined {
  const { analysis, parsed, lines } = document.context;
  const edits = fixAllReplacements(document.uri, analysis.findings, parsed, lines).map(({ range, newText }) => ({ range, newText }));
  if (edits.length === 0) return undefined;
  return {
    title: `Fix all Goalpost did-you-mean problems (${edits.length})`,
    kind: CodeActionKind.SourceFixAll,
    edit: document.workspaceEdit(edits),
  };
}
