/** What every run of the extension-host tests starts from, whichever VS Code runs them. */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** The repository root, which is also the extension under test (package.json `main` is its bundle). */
export const ROOT = path.resolve(__dirname, '../../..');
/** The mocha entry, built by scripts/vscode-test/build.mjs. */
export const TEST_INDEX = path.join(ROOT, 'dist/test/vscode/index.js');
const FIXTURE = path.join(ROOT, 'test/vscode/workspace');

/** User settings for a quiet, predictable workbench; the tests switch the theme themselves. */
const USER_SETTINGS = {
  'workbench.colorTheme': 'Default Light Modern',
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'extensions.ignoreRecommendations': true,
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  // In the browser VS Code saves edits after a second by default; desktop VS Code does not. Tests that
  // edit a file and revert it need the desktop behaviour, or the edit reaches the disk.
  'files.autoSave': 'off',
};

/** The fresh folders of one run. */
export interface TestRun {
  /** A copy of test/vscode/workspace; tests may change it freely. */
  readonly workspace: string;
  readonly userDataDir: string;
  readonly extensionsDir: string;
  /** Parent of the above, for whatever else the run must keep out of $HOME. */
  readonly temp: string;
  /** Deletes all of it. */
  remove(): void;
}

/** Creates the folders of a run in the system's temp folder. */
export function prepareTestRun(): TestRun {
  if (!fs.existsSync(TEST_INDEX)) throw new Error(`${TEST_INDEX} is missing; run node scripts/vscode-test/build.mjs first.`);
  const temp = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-vscode-'));
  const workspace = path.join(temp, 'workspace');
  fs.cpSync(FIXTURE, workspace, { recursive: true });
  const userDataDir = path.join(temp, 'user-data');
  fs.mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(path.join(userDataDir, 'User/settings.json'), JSON.stringify(USER_SETTINGS, null, 2));
  const extensionsDir = path.join(temp, 'extensions');
  fs.mkdirSync(extensionsDir);
  return { workspace, userDataDir, extensionsDir, temp, remove: () => fs.rmSync(temp, { recursive: true, force: true }) };
}

/** The defined entries only: an unset variable must stay unset, not become "undefined". */
export function definedEnv(entries: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
