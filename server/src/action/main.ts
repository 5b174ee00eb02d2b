/**
 * The GitHub Action (`action.yml`): `goalpost check` as annotations, a job summary and a SARIF file, the
 * counts as step outputs, and on pull requests the semantic diff as one comment updated in place. The
 * goal files are analysed once; annotations, summary, SARIF and counts are all formatted from that one
 * report. It runs the CLI in-process, so it needs nothing but its bundle; the REST calls use Node's fetch.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isIsoDate } from '../core/dates';
import { appendJobSummary, checkReport, type CheckReport } from '../cli/check';
import { UsageError } from '../cli/errors';
import { main } from '../cli/main';
import type { CheckOptions, CliIO } from '../cli/io';
import { DIFF_MARKER } from '../cli/formatters/diff/markdown';
import { github } from '../cli/formatters/check/github';
import { sarif as sarifLog } from '../cli/formatters/check/sarif';
import { summary } from '../cli/formatters/check/summary';
import { upsertComment, type GitHubApi } from './comment';

/** What the action reads from its process, injected so tests can run it in-process too. */
export interface ActionIO {
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
  readonly stdout: (text: string) => void;
  readonly fetch: typeof fetch;
  readonly now: () => Date;
  /** The analysis of the goal files (the CLI's `checkReport`); a test wraps it to count the analyses. */
  readonly check?: typeof checkReport;
}

/** A comment holds at most 65,536 characters; the job summary always has the whole diff. */
const MAX_COMMENT = 65_000;

const FAIL_LEVELS = ['error', 'warning', 'info', 'none'] as const;
type FailLevel = (typeof FAIL_LEVELS)[number];

/** Runs the action; resolves to the process exit code (1 when the findings reach the fail level). */
export async function runAction(io: ActionIO): Promise<number> {
  const input = (name: string) => (io.env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
  const paths = input('paths')
    .split(/\r?\n|\s+/)
    .filter(Boolean);
  const failLevel = input('fail-level') || 'error';
  if (!isFailLevel(failLevel)) return fail(io, `fail-level must be one of ${FAIL_LEVELS.join(', ')}, not "${failLevel}"`);
  if (input('today') && !isIsoDate(input('today'))) return fail(io, `today must be a real date written YYYY-MM-DD, not "${input('today')}"`);
  const today = input('today') ? ['--today', input('today')] : [];
  const options: CheckOptions = { format: 'github', color: false, ignore: true, today: input('today') || undefined, config: input('config') || undefined };

  let report: CheckReport;
  try {
    report = await analyse(io, paths, options);
  } catch (error) {
    if (error instanceof UsageError) return fail(io, error.message);
    return fail(io, `internal error: ${error instanceof Error ? error.message : String(error)}; please report it.`);
  }
  // Annotations go to stdout, where the runner reads workflow commands; the job summary to its file.
  io.stdout(github(report.input));
  if (io.env.GITHUB_STEP_SUMMARY)
    appendJobSummary(
      io.env.GITHUB_STEP_SUMMARY,
      summary(report.input),
      cliIO(io, [], (text) => warn(io, text)),
    );
  const { counts } = report;
  const outputs: Record<string, string> = { errors: String(counts.error), warnings: String(counts.warning), infos: String(counts.info), sarif: '' };
  const sarif = input('sarif');
  if (sarif) {
    try {
      const file = path.resolve(io.cwd, sarif);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, sarifLog(report.input));
    } catch (error) {
      return fail(io, `cannot write ${sarif}: ${error instanceof Error ? error.message : String(error)}`);
    }
    outputs.sarif = sarif;
  }
  writeOutputs(io, outputs);

  if (input('diff-comment') === 'true') await diffComment(io, input('github-token'), today);

  const reached = failLevel !== 'none' && (counts.error > 0 || (failLevel !== 'error' && counts.warning > 0) || (failLevel === 'info' && counts.info > 0));
  if (reached) io.stdout(`::error title=Goalpost::${counts.error} errors, ${counts.warning} warnings, ${counts.info} infos (fail-level: ${failLevel})\n`);
  return reached ? 1 : 0;
}

/** The one analysis of the goal files; what the CLI would warn about on stderr becomes workflow warnings. */
async function analyse(io: ActionIO, paths: readonly string[], options: CheckOptions): Promise<CheckReport> {
  return (io.check ?? checkReport)(
    paths,
    options,
    cliIO(io, [], (text) => warn(io, text)),
  );
}

/** A CLI warning ("goalpost: warning: …") as a workflow warning. */
function warn(io: ActionIO, text: string): void {
  io.stdout(`::warning title=Goalpost::${escapeData(text.trim().replace(/^goalpost: (warning: )?/, ''))}\n`);
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
  const diff = await cli(io, ['diff', base, '--format', 'markdown', ...today]);
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

/** The CLI's I/O for the action: stdout to `out`, stderr to `err`, never a terminal. */
function cliIO(io: ActionIO, argv: readonly string[], err: (text: string) => void, out: (text: string) => void = () => undefined): CliIO {
  // The summary is the action's to write: a CLI command run here must not append one of its own.
  return { argv, cwd: io.cwd, env: { ...io.env, GITHUB_STEP_SUMMARY: undefined }, stdout: out, stderr: err, stdoutIsTTY: false, now: io.now };
}

/** Runs a CLI command in-process; its stdout is returned, warnings on stderr become workflow warnings. */
async function cli(io: ActionIO, argv: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main(
    cliIO(
      io,
      argv,
      (text) => (stderr += text),
      (text) => (stdout += text),
    ),
  );
  if (code !== 2 && stderr) warn(io, stderr);
  return { code, stdout, stderr };
}

/** Appends `name=value` lines to `$GITHUB_OUTPUT` (values here are one line, so no heredoc is needed). */
function writeOutputs(io: ActionIO, outputs: Record<string, string>): void {
  const file = io.env.GITHUB_OUTPUT;
  if (!file) return;
  fs.appendFileSync(
    path.resolve(io.cwd, file),
    Object.entries(outputs)
      .map(([name, value]) => `${name}=${value.replace(/[\r\n]/g, ' ')}\n`)
      .join(''),
  );
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
