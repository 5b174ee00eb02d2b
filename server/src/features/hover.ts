import type { Hover, Position } from 'vscode-languageserver';
import type { DocumentContext } from './context';

/** Placeholder until the feature lands (issue 3); answers nothing rather than something wrong. */
export function hover(context: DocumentContext, position: Position): Hover | null {
  void context;
  void position;
  return null;
}
