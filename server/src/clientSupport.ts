/** What an LSP client said it supports in `initialize`, read once into plain flags. */
import type { InitializeParams } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import { markdownSupport, type MarkdownSupport } from './markup';

/** The client's capabilities the server acts on, and the folders it opened with. */
export interface ClientSupport {
  /** It answers `workspace/configuration` (settings per resource). */
  readonly configuration: boolean;
  /** It takes a dynamic registration of `workspace/didChangeConfiguration`. */
  readonly registersConfiguration: boolean;
  /** It takes a dynamic registration of watched files. */
  readonly watchedFiles: boolean;
  /** It shows work-done progress. */
  readonly workDone: boolean;
  /** It sends workspace folder changes; without it the folders are the root it started with. */
  readonly folders: boolean;
  /** Whether hovers and completion documentation may be markdown. */
  readonly markdown: MarkdownSupport;
  /** The workspace folders (URIs) to index at start. */
  readonly initialFolders: readonly string[];
}

/** Reads the client's support from `initialize`. */
export function clientSupport(params: InitializeParams): ClientSupport {
  const workspace = params.capabilities.workspace;
  let folders = (params.workspaceFolders ?? []).map((folder) => folder.uri);
  // Clients without workspace folders (Neovim before 0.8's folders, older eglot) name one root instead.
  if (folders.length === 0 && params.rootUri) folders = [params.rootUri];
  if (folders.length === 0 && params.rootPath) folders = [URI.file(params.rootPath).toString()];
  return {
    configuration: workspace?.configuration === true,
    registersConfiguration: workspace?.didChangeConfiguration?.dynamicRegistration === true,
    watchedFiles: workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    workDone: params.capabilities.window?.workDoneProgress === true,
    folders: workspace?.workspaceFolders === true,
    markdown: markdownSupport(params.capabilities),
    initialFolders: folders,
  };
}
