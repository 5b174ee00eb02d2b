/**
 * Runs the built `goalpost` bin as a real process, the way CI runs it: `node bin/goalpost.js …` with
 * stdout a pipe (not a TTY) and an environment that neither forces nor forbids colour.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

/** The repository root. */
export const REPO = path.resolve(__dirname, '../..');

/** The published entry point, which requires the bundle `dist/cli.js`. */
export const BIN = path.join(REPO, 'bin', 'goalpost.js');

const BUNDLE = path.join(REPO, 'dist', 'cli.js');

/** What a run of the CLI left behind. */
export interface CliRun {
  readonly stdout: string;
  readonly stderr: string;
  /** The exit code; null only when the process was killed. */
  readonly status: number | null;
}

/**
 * The child's environment: the test's own, minus what would change the output behind the test's back
 * (colour switches, and the GitHub Actions job summary file that CI sets).
 */
function childEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['NO_COLOR', 'FORCE_COLOR', 'GITHUB_STEP_SUMMARY']) delete env[name];
  return env;
}

/** What a run may add: text on standard input, and environment variables. */
export interface CliRunOptions {
  readonly input?: string;
  readonly env?: Readonly<Record<string, string>>;
}

/** Runs `goalpost <args>` in `cwd` and waits for it to end. */
export function runCli(args: readonly string[], cwd: string, options: CliRunOptions = {}): CliRun {
  assertBuilt();
  const env = { ...childEnv(), ...options.env };
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd, env, input: options.input ?? '', encoding: 'utf8', timeout: 60_000 });
  if (result.error) throw result.error;
  return { stdout: result.stdout, stderr: result.stderr, status: result.status };
}

let built = false;

/**
 * Fails with a clear message when the bundle is missing or older than a source it is built from, since
 * the process tests would otherwise test yesterday's CLI.
 */
export function assertBuilt(): void {
  if (built) return;
  if (!fs.existsSync(BUNDLE)) throw new Error(`${path.relative(REPO, BUNDLE)} is missing: run \`npm run build\` before the CLI tests.`);
  const bundled = fs.statSync(BUNDLE).mtimeMs;
  const newer = [path.join(REPO, 'package.json'), ...sourceFiles(path.join(REPO, 'server', 'src'))].find((file) => fs.statSync(file).mtimeMs > bundled);
  if (newer) throw new Error(`${path.relative(REPO, BUNDLE)} is older than ${path.relative(REPO, newer)}: run \`npm run build\` before the CLI tests.`);
  built = true;
}

function sourceFiles(folder: string): string[] {
  return fs
    .readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts'))
    .map((entry) => path.join(entry.parentPath, entry.name));
}
