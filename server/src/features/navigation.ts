import type { Location, Position } from 'vscode-languageserver';
import type { DocumentContext } from './context';

/** Placeholder until the feature lands (issue 3). */
export function definition(context: DocumentContext, position: Position): Location[] | null {
  void context;
  void position;
  return null;
}

/** Placeholder until the feature lands (issue 3). */
export function references(context: DocumentContext, position: Position, includeDeclaration: boolean): Location[] {
  void context;
  void position;
  void includeDeclaration;
  return [];
}
