/** Writing an exported diagram: only to the file the user chose in the save dialog, only an SVG document. */
import * as vscode from 'vscode';

/** Whether the page's answer is an SVG document (it comes through postMessage, so it is checked, not trusted). */
export function isSvgDocument(text: string): boolean {
  return /^\s*(<\?xml[^>]*\?>\s*)?<svg[\s>]/.test(text);
}

/** Writes the SVG to `target`, replacing what is there (the save dialog has asked). */
export async function writeSvgFile(target: vscode.Uri, svg: string): Promise<void> {
  if (!isSvgDocument(svg)) throw new Error('The diagram page answered with something that is not an SVG document.');
  await vscode.workspace.fs.writeFile(target, Buffer.from(svg, 'utf8'));
}

/** Asks where to save (next to the followed goals file, else in the first workspace folder) and writes there. */
export async function exportSvg(svg: string, near: vscode.Uri | undefined): Promise<vscode.Uri | undefined> {
  const folder = near ? vscode.Uri.joinPath(near, '..') : vscode.workspace.workspaceFolders?.[0]?.uri;
  const target = await vscode.window.showSaveDialog({
    title: 'Export the strategy diagram',
    saveLabel: 'Export',
    defaultUri: folder && vscode.Uri.joinPath(folder, 'strategy.svg'),
    filters: { 'SVG image': ['svg'] },
  });
  if (!target) return undefined;
  await writeSvgFile(target, svg);
  return target;
}
