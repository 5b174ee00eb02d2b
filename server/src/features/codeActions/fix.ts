/** What every quick fix module hands to the code action handler. */
import type { TextEdit } from 'vscode-languageserver';
import type { Finding } from '../../core/types';
import type { EditableDocument } from './document';

/** A quick fix before it becomes a code action; without edits (undefined or none) it is not offered. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[] | undefined;
}

/** The fix a rule's findings get, when the document around the finding allows one. */
export type FindingFix = (document: EditableDocument, finding: Finding) => Fix | undefined;
