/**
 * Applies an LSP WorkspaceEdit to in-memory texts, as an editor would, so tests can feed the result back
 * to the server. The text arithmetic is vscode-languageserver-textdocument's (the same the server uses).
 */
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextEdit, WorkspaceEdit } from 'vscode-languageserver-protocol';

/** The texts by URI after the edit; URIs the edit does not touch keep their text. Throws on an edit to an unknown URI. */
export function applyWorkspaceEdit(texts: ReadonlyMap<string, string>, edit: WorkspaceEdit): Map<string, string> {
  const byUri = new Map<string, TextEdit[]>();
  for (const [uri, edits] of Object.entries(edit.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const change of edit.documentChanges ?? []) {
    if (!('textDocument' in change)) throw new Error(`applyWorkspaceEdit: resource operation ${change.kind} is not supported`);
    const edits = change.edits.map((one) => {
      if (!('newText' in one)) throw new Error('applyWorkspaceEdit: snippet edits are not supported');
      return one;
    });
    byUri.set(change.textDocument.uri, [...(byUri.get(change.textDocument.uri) ?? []), ...edits]);
  }
  const out = new Map(texts);
  for (const [uri, edits] of byUri) {
    const text = texts.get(uri);
    if (text === undefined) throw new Error(`applyWorkspaceEdit: the edit touches ${uri}, whose text the test did not give`);
    out.set(uri, TextDocument.applyEdits(TextDocument.create(uri, 'goals', 0, text), edits));
  }
  return out;
}
