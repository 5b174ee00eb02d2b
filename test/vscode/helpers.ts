/**
 * Helpers for the suites that run inside the extension host. They wait on VS Code's events, each with
 * a deadline that fails with a message saying what was awaited and what was seen instead.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { GoalpostApi } from '../../client/src/api';
import { ENV, shotLine } from './protocol';

/** The extension's id: `<publisher>.<name>` from package.json. */
export const EXTENSION_ID = 'goalpost.goalpost';

/** How long a helper waits for an event before failing (below mocha's own timeout). */
const WAIT_MS = 20_000;

/** Activates the extension (a no-op when it already is) and waits until its server has indexed. */
export async function activateGoalpost(): Promise<GoalpostApi> {
  const extension = vscode.extensions.getExtension<GoalpostApi>(EXTENSION_ID);
  assert.ok(extension, `The extension ${EXTENSION_ID} is not installed in this VS Code.`);
  const api = await extension.activate();
  await within(api.whenReady(), WAIT_MS, 'the Goalpost language server to start and index the workspace');
  return api;
}

/** The URI of a file in the (temporary copy of the) fixture workspace. */
export function workspaceUri(relativePath: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'The tests need a workspace folder; the runner opens a copy of test/vscode/workspace.');
  return vscode.Uri.joinPath(folder.uri, ...relativePath.split('/'));
}

/** Opens a workspace file in an editor and returns the editor. */
export async function openGoalsFile(relativePath: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceUri(relativePath));
  return vscode.window.showTextDocument(document);
}

/**
 * Resolves with the diagnostics of `uri` as soon as they satisfy `predicate` (at once when they
 * already do), waiting on `onDidChangeDiagnostics`.
 */
export function waitForDiagnostics(
  uri: vscode.Uri,
  predicate: (diagnostics: readonly vscode.Diagnostic[]) => boolean,
  what = 'the expected diagnostics',
): Promise<vscode.Diagnostic[]> {
  const current = () => vscode.languages.getDiagnostics(uri);
  if (predicate(current())) return Promise.resolve(current());
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      subscription.dispose();
      const seen = current().map((d) => `${d.range.start.line}:${d.range.start.character} ${ruleOf(d)}`);
      reject(new Error(`Timed out after ${WAIT_MS} ms waiting for ${what} on ${vscode.workspace.asRelativePath(uri)}; it has [${seen.join(', ')}].`));
    }, WAIT_MS);
    const subscription = vscode.languages.onDidChangeDiagnostics((event) => {
      if (!event.uris.some((changed) => changed.toString() === uri.toString()) || !predicate(current())) return;
      clearTimeout(timer);
      subscription.dispose();
      resolve(current());
    });
  });
}

/** The Goalpost rule id of a diagnostic (its `code`, which may carry a link to the rule's page). */
export function ruleOf(diagnostic: vscode.Diagnostic): string {
  const code = diagnostic.code;
  return String(typeof code === 'object' ? code.value : code);
}

/** The colour themes the screenshots are taken in, with the kind VS Code reports for each. */
export const THEMES = {
  light: { name: 'Default Light Modern', kind: vscode.ColorThemeKind.Light },
  dark: { name: 'Default Dark Modern', kind: vscode.ColorThemeKind.Dark },
  'high-contrast': { name: 'Default High Contrast', kind: vscode.ColorThemeKind.HighContrast },
} as const;

/**
 * Switches the workbench's colour theme (user settings) and waits until VS Code reports it active.
 * Switching inside one run is much cheaper than starting VS Code once per theme.
 */
export async function setColorTheme(theme: keyof typeof THEMES): Promise<void> {
  const { name, kind } = THEMES[theme];
  const changed =
    vscode.window.activeColorTheme.kind === kind
      ? Promise.resolve()
      : waitForEvent(vscode.window.onDidChangeActiveColorTheme, (active) => active.kind === kind, `the ${theme} theme to become active`);
  await vscode.workspace.getConfiguration('workbench').update('colorTheme', name, vscode.ConfigurationTarget.Global);
  await changed;
}

/**
 * Asks the runner for a screenshot of the workbench, saved as `<name>.png`, and waits until it is
 * written. Without a runner that takes screenshots (e.g. under @vscode/test-electron) it does nothing.
 */
export async function screenshot(name: string): Promise<void> {
  const dir = process.env[ENV.screenshotDir];
  if (!dir) return;
  const file = path.join(dir, `${name}.png`);
  fs.mkdirSync(dir, { recursive: true });
  fs.rmSync(file, { force: true });
  // Watch before asking, so the file cannot appear unseen. The runner renames a finished file into place.
  const watcher = fs.watch(dir);
  try {
    const written = new Promise<void>((resolve) => watcher.on('change', () => fs.existsSync(file) && resolve()));
    console.log(shotLine(name));
    await within(written, WAIT_MS, `the runner to write the screenshot ${file}`);
  } finally {
    watcher.close();
  }
}

/** Resolves with the first event that satisfies `predicate`. */
export function waitForEvent<T>(event: vscode.Event<T>, predicate: (value: T) => boolean, what: string): Promise<T> {
  let subscription: vscode.Disposable | undefined;
  const fired = new Promise<T>((resolve) => {
    subscription = event((value) => predicate(value) && resolve(value));
  });
  return within(fired, WAIT_MS, what).finally(() => subscription?.dispose());
}

/** Fails with "Timed out … waiting for <what>" when `promise` has not settled within `ms`. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${ms} ms waiting for ${what}.`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
