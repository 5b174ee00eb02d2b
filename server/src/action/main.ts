/**
 * The GitHub Action (`action.yml`): `goalpost check` as annotations, a job summary and a SARIF file, the
 * counts as step outputs, and on pull requests the semantic diff as one comment updated in place. It
 * runs the CLI's `main` in-process, so it needs nothing but its bundle; the REST calls use Node's fetch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { main } from '../cli/main';
import type { CliIO } from '../cli/io';
import { DIFF_MARKER } from '../cli/formatters/diff-markdown';
import { upsertComment, type GitHubApi } from './comment';

/** What the action reads from its process, injected so tests can run it in-process too. */
export interface ActionIO {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
}


/** A comment holds at most 65,536 characters; the job summary always has the whole diff. */
const MAX_COMMENT = 65_000;

const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];

/** Runs the action; resolves to the process exit code (1 when the findings reach the fail level). */
export async function runAction(io: ActionIO): Promise<number> {
  const input = (name: string) => (io.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  const paths = input('paths').split(/\r?\n|\s+/).filter(Boolean);
  const failLevel = input('fail-level') || 'error';
  if (!isFailLevel(failLevel)) return fail(io, `fail-level must be one of ${FAIL_LEVELS.join(', ')}, not "${failLevel}"`);
  const today = input('today') ? ['--today', input('today')] : [];
  const common = [...today, ...(input('config') ? ['--config', input('config')] : [])];

  // Annotations go to stdout, where the runner reads workflow commands; the job summary to its file.
  const annotations = await cli(io, ['check', '--format', 'github', ...common, '--', ...paths], true);
  if (annotations.code === 2) return fail(io, annotations.stderr.trim().replace(/^goalpost: /, ''));
  const json = await cli(io, ['check', '--format', 'json', ...common, '--', ...paths], false);
  const counts = (JSON.parse(json.stdout) as { summary: { error: number; warning: number; info: number } }).summary;
  const outputs: Record<string, string> = { errors: String(counts.error), warnings: String(counts.warning), infos: String(counts.info), sarif: '' };

  const sarif = input('sarif');
  if (sarif) {
    const written = await cli(io, ['check', '--format', 'sarif', '--output-file', sarif, ...common, '--', ...paths], false);
    if (written.code === 2) return fail(io, written.stderr.trim().replace(/^goalpost: /, ''));
    outputs.sarif = sarif;
  }
  writeOutputs(io, outputs);

  if (input('diff-comment') === 'true') await diffComment(io, input('github-token'), today);

  const reached = failLevel !== 'none' && (counts.error > 0 || (failLevel !== 'error' && counts.warning > 0) || (failLevel === 'info' && counts.info > 0));
  if (reached) io.stdout(`::error title=Goalpost::${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos (fail-level: ${failLevel})\n`);
  return reached ? 1 : 0;
}

/** On a pull request: the semantic diff from the base commit to the checked-out tree, as the marked comment. */
async function diffComment(io: ActionIO, token: string, today: readonly string[]): Promise<void> {
  const eventName = io.env.GITHUB_EVENT_NAME ?? '';
  if (eventName !== 'pull_request' && eventName !== 'pull_request_target') {
    io.stdout(`diff-comment: not a pull request (${eventName || 'no event'}), no comment.\n`);
    return;
  }
  const event = readEvent(io);
  const base = event?.pull_request?.base?.sha;
  const number = event?.pull_request?.number;
  const repository = io.env.GITHUB_REPOSITORY;
  if (typeof base !== 'string' || typeof number !== 'number' || !repository) {
    io.stdout('::warning title=Goalpost::diff-comment: the event has no pull request base and number; no comment.\n');
    return;
  }
  const diff = await cli(io, ['diff', base, '--format', 'markdown', ...today], false);
  if (diff.code === 2) {
    io.stdout(`::warning title=Goalpost::diff-comment: ${escapeData(diff.stderr.trim())} (does the checkout have the base commit? use fetch-depth: 0)\n`);
    return;
  }
  appendSummary(io, diff.stdout);
  // The markdown starts with the marker that finds the comment again; it is added if it ever does not.
  let body = diff.stdout.includes(DIFF_MARKER) ? diff.stdout : `${DIFF_MARKER}\n${diff.stdout}`;
  if (body.length > MAX_COMMENT) body = `${body.slice(0, MAX_COMMENT)}\n\n…cut short: the job summary has the whole diff.`;
  const api: GitHubApi = { url: io.env.GITHUB_API_URL || 'https://api.github.com', token, repository, fetch: io.fetch };
  try {
    const done = await upsertComment(api, number, DIFF_MARKER, body);
    io.stdout(`diff-comment: ${done.action} comment ${done.id} on pull request #${number}.\n`);
  } catch (error) {
    // A fork's read-only token cannot comment; the annotations, summary and SARIF stand.
    io.stdout(`::warning title=Goalpost::diff-comment: ${escapeData(error instanceof Error ? error.message : String(error))}\n`);
  }
}

interface PullRequestEvent {
  readonly pull_request?: { readonly number?: unknown; readonly base?: { readonly sha?: unknown } };
}

function readEvent(io: ActionIO): PullRequestEvent | undefined {
  const file = io.env.GITHUB_EVENT_PATH;
  if (!file) return undefined;
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8')) as PullRequestEvent;
  } catch {
    return undefined;
  }
}

/** Runs the CLI in-process; `passThrough` prints its stdout (the annotations) as it comes. */
async function cli(io: ActionIO, argv: readonly string[], passThrough: boolean): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const env = passThrough ? io.env : { ...io.env, GITHUB_STEP_SUMMARY: undefined };
  const cliIO: CliIO = {
    argv,
    cwd: io.cwd,
    env,
    stdout: (text) => (passThrough ? io.stdout(text) : (stdout += text)),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: false,
    now: io.now,
  };
  const code = await main(cliIO);
  // Warnings (a summary that could not be written) surface as workflow warnings; errors are the caller's.
  if (code !== 2 && stderr) io.stdout(`::warning title=Goalpost::${escapeData(stderr.trim())}\n`);
  return { code, stdout, stderr };
}

/** Appends `name=value` lines to `$GITHUB_OUTPUT` (values here are one line, so no heredoc is needed). */
function writeOutputs(io: ActionIO, outputs: Record<string, string>): void {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  fs.appendFileSync(path.resolve(io.cwd, file), Object.entries(outputs).map(([name, value]) => `${name}=${value.replace(/[\r\n]/g, ' ')}\n`).join(''));
}

function appendSummary(io: ActionIO, text: string): void {
  const file = io.env.GITHUB_STEP_SUMMARY;
  if (file) fs.appendFileSync(path.resolve(io.cwd, file), `${text}\n`);
}

function isFailLevel(value: string): value is FailLevel {
  return (FAIL_LEVELS as readonly string[]).includes(value);
}

/** A usage problem of the action: an error annotation and exit 2. */
function fail(io: ActionIO, message: string): number {
  io.stdout(`::error title=Goalpost::${escapeData(message)}\n`);
  return 2;
}

/** Message escaping of the Actions runner (`%`, CR, LF). */
function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
