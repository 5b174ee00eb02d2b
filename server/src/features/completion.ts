import type { CompletionItem, Position } from 'vscode-languageserver';
import type { DocumentContext } from './context';

/** Placeholder until the feature lands (issue 3); answers nothing rather than something wrong. */
export function completion(context: DocumentContext, position: Position): CompletionItem[] {
  void context;
  void position;
  return [];
}
