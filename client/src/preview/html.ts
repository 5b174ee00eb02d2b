/**
 * The preview's HTML: the same locked-down page as `goalpost render --format html`, with the bundle loaded
 * from the extension's dist/ folder (the only local resource root) instead of inlined.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PageData } from '../../../server/src/core/render/messages';
import { renderPage } from '../../../server/src/core/render/page';

/** The folder the webview may load from: the bundles. */
export function previewRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, 'dist');
}

/** The options every preview webview gets: scripts on, local resources from dist/ only. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [previewRoot(extensionUri)] };
}

/** The page for a webview, with a fresh nonce each time it is called. */
export function previewHtml(webview: vscode.Webview, extensionUri: vscode.Uri, title: string, data: PageData): string {
  const script = webview.asWebviewUri(vscode.Uri.joinPath(previewRoot(extensionUri), 'webview.js'));
  return renderPage({ title, nonce: randomBytes(18).toString('base64'), script: { src: script.toString() }, data, cspSource: webview.cspSource });
}
