/** The `source.fixAll` action: every unambiguous did-you-mean of the document at once. */
import { CodeActionKind, type CodeAction, type TextEdit } from 'vscode-languageserver';
import { replacement, type Replacement } from './didYouMean';
import type { EditableDocument } from './document';

/** Every did-you-mean with exactly one suggestion in the document, as one edit; overlapping fixes keep the first. */
export function fixAllAction(document: EditableDocument): CodeAction | undefined {
  const replacements: Replacement[] = [];
  for (const finding of document.context.analysis.findings) {
    if (finding.file !== document.uri || finding.suggestions?.length !== 1) continue;
    const found = replacement(document, finding.range, finding.suggestions[0]);
    if (found) replacements.push(found);
  }
  replacements.sort((a, b) => a.start - b.start || a.end - b.end);
  const edits: TextEdit[] = [];
  const newKeys = new Set<string>();
  let end = -1;
  for (const next of replacements) {
    if (next.start < end) continue;
    // Two misspellings of one key in a mapping must not both become that key.
    if (next.newKey !== undefined) {
      if (newKeys.has(next.newKey)) continue;
      newKeys.add(next.newKey);
    }
    edits.push(next.edit);
    end = next.end;
  }
  if (edits.length === 0) return undefined;
  return {
    title: `Fix all Goalpost did-you-mean problems (${edits.length})`,
    kind: CodeActionKind.SourceFixAll,
    edit: document.workspaceEdit(edits),
  };
}
