/**
 * "New goals file": asks for a name, gets the starter text from the server (the `goalpost init`
 * template, fitted to the workspace the file joins), writes the file and opens it. Never overwrites.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { StarterFileRequest } from '../../server/src/protocol';
import { LANGUAGE } from './ids';

/** What the command may be given: a folder (the Explorer's context menu) or, from code, a folder and a name. */
export type NewGoalsFileArgs = vscode.Uri | { readonly folder?: vscode.Uri; readonly name?: string } | undefined;

const GOALS_NAME = /\.goals\.ya?ml$/;

/** A file name as the user typed it, made a goals file name: `social` → `social.goals.yaml`. */
export function goalsFileName(typed: string): string {
  const name = typed.trim();
  if (GOALS_NAME.test(name)) return name;
  return `${name.replace(/\.ya?ml$/, '')}.goals.yaml`;
}

/** Creates the file and opens it; resolves with its editor, or undefined when the user cancelled. */
export async function newGoalsFile(client: LanguageClient, args: NewGoalsFileArgs): Promise<vscode.TextEditor | undefined> {
  const given = args instanceof vscode.Uri ? { folder: args } : (args ?? {});
  const folder = given.folder ?? defaultFolder();
  if (!folder) {
    // No folder open: an untitled goals document, saved wherever the user likes.
    const text = (await client.sendRequest(StarterFileRequest.type, { uri: 'untitled:strategy.goals.yaml' }))?.text ?? '';
    const document = await vscode.workspace.openTextDocument({ language: LANGUAGE, content: text });
    return vscode.window.showTextDocument(document);
  }
  const typed =
    given.name ??
    (await vscode.window.showInputBox({
      title: 'New Goals File',
      prompt: `A name for the new goals file in ${vscode.workspace.asRelativePath(folder)}`,
      value: 'strategy.goals.yaml',
      valueSelection: [0, 'strategy'.length],
      validateInput: (value) => problemWith(folder, value),
    }));
  if (typed === undefined) return undefined;
  const problem = await problemWith(folder, typed);
  if (problem) {
    void vscode.window.showErrorMessage(problem);
    return undefined;
  }
  const uri = vscode.Uri.joinPath(folder, goalsFileName(typed));
  const starter = await client.sendRequest(StarterFileRequest.type, { uri: uri.toString() });
  if (!starter) throw new Error('The Goalpost language server could not make the starter file; the "Goalpost" output says why.');
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(starter.text));
  return vscode.window.showTextDocument(uri);
}

/** The folder of the goals file being edited, else the first workspace folder. */
function defaultFolder(): vscode.Uri | undefined {
  const active = vscode.window.activeTextEditor?.document;
  if (active?.languageId === LANGUAGE && active.uri.scheme === 'file') return vscode.Uri.joinPath(active.uri, '..');
  return vscode.workspace.workspaceFolders?.[0]?.uri;
}

/** Why a name cannot be used, or undefined when it can. */
async function problemWith(folder: vscode.Uri, typed: string): Promise<string | undefined> {
  const name = typed.trim();
  if (name === '') return 'Give the file a name, such as social.goals.yaml.';
  if (/[\\/:*?"<>|]/.test(name)) return `"${name}" cannot be a file name here: leave out \\ / : * ? " < > |.`;
  const file = goalsFileName(name);
  try {
    await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder, file));
    return `${file} already exists; choose another name.`;
  } catch {
    return undefined;
  }
}
