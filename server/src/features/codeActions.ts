import type { CodeAction, CodeActionParams } from 'vscode-languageserver';
import type { DocumentContext } from './context';

/** Placeholder until the feature lands (issue 3); answers nothing rather than something wrong. */
export function codeActions(context: DocumentContext, params: CodeActionParams): CodeAction[] {
  void context;
  void params;
  return [];
}
