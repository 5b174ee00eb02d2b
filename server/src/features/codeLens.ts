import type { CodeLens } from 'vscode-languageserver';
import type { DocumentContext } from './context';

/** Placeholder until the feature lands (issue 3); answers nothing rather than something wrong. */
export function codeLenses(context: DocumentContext): CodeLens[] {
  void context;
  return [];
}
