import type { DocumentSymbol, WorkspaceSymbol } from 'vscode-languageserver';
import type { Project } from '../project';
import type { DocumentContext } from './context';

/** Placeholder until the feature lands (issue 3). */
export function documentSymbols(context: DocumentContext): DocumentSymbol[] {
  void context;
  return [];
}

/** Placeholder until the feature lands (issue 3). */
export function workspaceSymbols(project: Project, query: string): WorkspaceSymbol[] {
  void project;
  void query;
  return [];
}
