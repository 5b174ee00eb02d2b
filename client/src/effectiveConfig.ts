/**
 * "Show effective configuration": a read-only document (`goalpost-config:` scheme) with the
 * `.goalpost.yaml` that applies to a goals file and every rule's severity and options, as the server
 * resolves them. It updates when the server says something changed.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { EffectiveConfigRequest } from '../../server/src/protocol';
import { EFFECTIVE_CONFIG_SCHEME } from './ids';

/** Serves the documents; one per goals file, named after it. */
export class EffectiveConfigDocuments implements vscode.TextDocumentContentProvider, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;

  constructor(private readonly client: () => LanguageClient) {}

  /** The document's URI for a goals file: its path with a suffix, the file's own URI in the query. */
  static uriFor(file: vscode.Uri): vscode.Uri {
    return vscode.Uri.from({ scheme: EFFECTIVE_CONFIG_SCHEME, path: `${file.path}.effective-config.yaml`, query: file.toString() });
  }

  async provideTextDocumentContent(uri: vscode.Uri, token: vscode.CancellationToken): Promise<string> {
    const result = await this.client().sendRequest(EffectiveConfigRequest.type, { uri: uri.query }, token);
    return result?.text ?? `# Goalpost could not resolve the configuration of ${uri.query}; the "Goalpost" output says why.\n`;
  }

  /** Asks VS Code to read every open effective-configuration document again. */
  refreshOpen(): void {
    for (const document of vscode.workspace.textDocuments) if (document.uri.scheme === EFFECTIVE_CONFIG_SCHEME) this.changed.fire(document.uri);
  }

  /** Opens the effective configuration of `file` beside the editor, highlighted as YAML. */
  static async show(file: vscode.Uri): Promise<vscode.TextEditor> {
    const document = await vscode.workspace.openTextDocument(EffectiveConfigDocuments.uriFor(file));
    const yaml = (await vscode.languages.getLanguages()).includes('yaml') ? await vscode.languages.setTextDocumentLanguage(document, 'yaml') : document;
    return vscode.window.showTextDocument(yaml, { preview: true, viewColumn: vscode.ViewColumn.Beside });
  }

  dispose(): void {
    this.changed.dispose();
  }
}
