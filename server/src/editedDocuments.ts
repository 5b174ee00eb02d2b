/**
 * The editor's open documents (vscode-languageserver's `TextDocuments`), and what each edit changed. The
 * store applies the client's incremental edits here, one at a time, which turns their ranges into one
 * `TextChange` for the version they make: the project then never compares a 5 MB text with its previous
 * version to find a keystroke.
 */
import { TextDocuments, type TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { composeChanges, replacementChange, type TextChange } from './core/textChange';

/** How a document's version differs from the version before it (`from`). */
export interface DocumentEdit {
  readonly from: number;
  readonly change: TextChange;
}

export class EditedDocuments {
  /** The last edit of each open document, while it is known (a whole-text replacement is not). */
  private readonly edits = new Map<string, DocumentEdit & { readonly to: number }>();
  readonly documents = new TextDocuments<TextDocument>({
    create: (uri, languageId, version, text) => TextDocument.create(uri, languageId, version, text),
    update: (document, changes, version) => this.update(document, changes, version),
  });

  constructor() {
    this.documents.onDidClose(({ document }) => this.edits.delete(document.uri));
  }

  /** What the edit that made this version of the document changed, if it is known. */
  editOf(document: TextDocument): DocumentEdit | undefined {
    const edit = this.edits.get(document.uri);
    return edit?.to === document.version ? edit : undefined;
  }

  /** Applies a client's edits to a document, as the store does on `didChange`, and records what they changed. */
  update(document: TextDocument, changes: TextDocumentContentChangeEvent[], version: number): TextDocument {
    const from = document.version;
    let change: TextChange | undefined;
    let known = true;
    for (const edit of changes) {
      if (!('range' in edit)) {
        known = false;
        TextDocument.update(document, [edit], version);
        continue;
      }
      const lengthBefore = document.getText().length;
      const [start, end] = [document.offsetAt(edit.range.start), document.offsetAt(edit.range.end)].sort((a, b) => a - b);
      TextDocument.update(document, [edit], version);
      const step = replacementChange(start, end, lengthBefore, document.getText());
      change = change ? composeChanges(change, step) : step;
    }
    if (known && change) this.edits.set(document.uri, { from, to: version, change });
    else this.edits.delete(document.uri);
    return document;
  }
}
