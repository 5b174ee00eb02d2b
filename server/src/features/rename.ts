import type { Position, Range, WorkspaceEdit } from 'vscode-languageserver';
import type { DocumentContext } from './context';

/** Placeholder until the feature lands (issue 3). */
export function prepareRename(context: DocumentContext, position: Position): { range: Range; placeholder: string } | null {
  void context;
  void position;
  return null;
}

/** Placeholder until the feature lands (issue 3). */
export function rename(context: DocumentContext, position: Position, newName: string): WorkspaceEdit | null {
  void context;
  void position;
  void newName;
  return null;
}
