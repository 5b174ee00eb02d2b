/**
 * `goalpost` over scenario folders, each run in-process through `main()` with injected I/O; a few also
 * run as a real process (REAL_PROCESS below). Each `scenarios/<name>/` holds:
 * - `args.json`: the arguments after `goalpost`;
 * - `input/`: the working directory (goal files, `.goalpost.yaml` where the scenario needs one);
 * - `stdout.txt`, `stderr.txt`, `exit-code.txt`: the expected output, and `output-file.txt` when the
 *   arguments name an `--output-file` (the report it must hold);
 * - optionally `stdin.txt` (standard input; otherwise it is empty) and `env.json` (variables to set);
 * - optionally `written/`: then the command runs in a copy of `input/`, and the files it creates there
 *   (`goalpost init`) must be exactly those of `written/`.
 * UPDATE_GOLDEN=1 rewrites the expected files from the actual run; review the diff before committing.
 * Every scenario pins its check date (`--today` or `today:` in its config), so the output never depends
 * on the day the tests run.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { version } from '../../package.json';
import { main } from '../../server/src/cli/main';
import { assertBuilt, runCli, type CliRun, type CliRunOptions } from '../helpers/cli';

const SCENARIOS = path.join(__dirname, 'scenarios');
const UPDATE = process.env.UPDATE_GOLDEN === '1';
const GOLDENS = ['stdout.txt', 'stderr.txt', 'exit-code.txt', 'output-file.txt'] as const;

/**
 * The scenarios that also run as the built bin in a real process, against the same goldens: what only a
 * process shows (the bundle, standard streams, the exit code, files written from the process's own
 * working directory) for a check, a report written with --output-file, standard input, init and an error exit.
 */
const REAL_PROCESS = ['format-stylish', 'output-file', 'stdin', 'init-mid-year', 'error-missing-path'];

/** How a scenario is run: the arguments, the working directory, standard input and environment. */
type Runner = (args: readonly string[], cwd: string, options: CliRunOptions) => Promise<CliRun>;

/** `main()` in this process, with the scenario's I/O injected: stdout a pipe (not a terminal), the real clock. */
const inProcess: Runner = async (args, cwd, options) => {
  let stdout = '';
  let stderr = '';
  const status = await main({
    argv: args,
    cwd,
    env: { ...options.env },
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    stdoutIsTTY: false,
    now: () => new Date(),
    readStdin: () => Promise.resolve(options.input ?? ''),
  });
  return { stdout, stderr, status };
};

/** The built bin as a real process. */
const realProcess: Runner = (args, cwd, options) => Promise.resolve(runCli(args, cwd, options));

const names = fs
  .readdirSync(SCENARIOS, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

describe('CLI scenarios (test/cli/scenarios)', () => {
  for (const name of names) it(name, () => runScenario(path.join(SCENARIOS, name), inProcess));
});

describe('CLI scenarios as real processes', () => {
  before(assertBuilt);

  it('names scenarios that exist', () =>
    assert.deepEqual(
      REAL_PROCESS.filter((name) => !names.includes(name)),
      [],
    ));
  for (const name of REAL_PROCESS) it(name, () => runScenario(path.join(SCENARIOS, name), realProcess));
});

async function runScenario(folder: string, runner: Runner): Promise<void> {
  const args: unknown = JSON.parse(fs.readFileSync(path.join(folder, 'args.json'), 'utf8'));
  assert.ok(Array.isArray(args) && args.every((arg) => typeof arg === 'string'), `${rel(folder)}/args.json must be an array of strings`);
  const input = path.join(folder, 'input');
  assert.ok(fs.statSync(input, { throwIfNoEntry: false })?.isDirectory(), `${rel(folder)}/input/ is missing`);
  const writes = path.join(folder, 'written');
  const copy = fs.existsSync(writes) ? fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-scenario-')) : undefined;
  if (copy) fs.cpSync(input, copy, { recursive: true });
  try {
    await runIn(folder, args, copy ?? input, runner);
    if (copy) compareWritten(folder, input, copy, writes);
  } finally {
    if (copy) fs.rmSync(copy, { recursive: true, force: true });
  }
}

/** The files a run created in the copy of its input must be the scenario's `written/`, byte for byte. */
function compareWritten(folder: string, input: string, copy: string, writes: string): void {
  const files = (root: string) =>
    fs
      .readdirSync(root, { recursive: true, withFileTypes: true })
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(root, path.join(entry.parentPath, entry.name)))
      .sort();
  const existing = new Set(files(input));
  const created = files(copy).filter((file) => !existing.has(file));
  if (UPDATE) {
    fs.rmSync(writes, { recursive: true, force: true });
    for (const file of created) fs.cpSync(path.join(copy, file), path.join(writes, file));
  }
  assert.deepEqual(created, files(writes), `${rel(folder)}: the files written differ from written/ (UPDATE_GOLDEN=1 rewrites it)`);
  for (const file of created)
    assert.equal(fs.readFileSync(path.join(copy, file), 'utf8'), fs.readFileSync(path.join(writes, file), 'utf8'), `${rel(path.join(writes, file))} differs`);
}

async function runIn(folder: string, args: string[], cwd: string, runner: Runner): Promise<void> {
  const outputFile = outputFileOf(args);
  const outputPath = outputFile === undefined ? undefined : path.resolve(cwd, outputFile);
  if (outputPath) removeWritten(outputPath, cwd); // left over by an interrupted run
  let run;
  let written: string | undefined;
  try {
    run = await runner(args, cwd, { input: readIfThere(path.join(folder, 'stdin.txt')), env: envOf(folder) });
    if (outputPath && fs.existsSync(outputPath)) written = fs.readFileSync(outputPath, 'utf8');
  } finally {
    if (outputPath) removeWritten(outputPath, cwd);
  }

  const actual: Record<(typeof GOLDENS)[number], string | undefined> = {
    'stdout.txt': withoutVersion(run.stdout),
    'stderr.txt': run.stderr,
    'exit-code.txt': `${run.status}\n`,
    'output-file.txt': written === undefined ? undefined : withoutVersion(written),
  };
  if (UPDATE) writeGoldens(folder, actual);

  // What holds for every scenario, whatever its goldens say.
  assert.notEqual(run.status, null, 'the process was killed (timeout?)');
  assert.doesNotMatch(run.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'a stack trace on stderr');
  if (run.status === 2) {
    assert.match(run.stderr, /^goalpost: [^\n]+\n$/, 'a usage or I/O error must be exactly one line on stderr');
    assert.equal(run.stdout, '', 'a usage or I/O error must print nothing on stdout');
  }
  if (outputFile !== undefined) {
    assert.equal(run.stdout, '', `with --output-file the report goes to ${outputFile}, not stdout`);
    if (run.status !== 2) assert.notEqual(written, undefined, `--output-file ${outputFile} was not written`);
  }

  for (const name of GOLDENS) {
    const golden = path.join(folder, name);
    const value = actual[name];
    if (value === undefined) {
      assert.ok(!fs.existsSync(golden), `${rel(golden)} is stale: this run writes no output file (UPDATE_GOLDEN=1 removes it)`);
      continue;
    }
    if (!fs.existsSync(golden)) {
      assert.fail(`missing golden ${rel(golden)}: run \`UPDATE_GOLDEN=1 npx mocha test/cli/scenarios.test.ts -g "CLI scenarios"\` and review what it writes`);
    }
    assert.equal(value, fs.readFileSync(golden, 'utf8'), `${rel(golden)} differs (UPDATE_GOLDEN=1 rewrites it)`);
  }
}

function readIfThere(file: string): string | undefined {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : undefined;
}

/** The scenario's `env.json`: an object of strings, if there is one. */
function envOf(folder: string): Record<string, string> | undefined {
  const text = readIfThere(path.join(folder, 'env.json'));
  if (text === undefined) return undefined;
  const env: unknown = JSON.parse(text);
  assert.ok(
    env !== null && typeof env === 'object' && Object.values(env).every((value) => typeof value === 'string'),
    `${rel(folder)}/env.json must be an object of strings`,
  );
  return env as Record<string, string>;
}

function writeGoldens(folder: string, actual: Record<string, string | undefined>): void {
  for (const [name, value] of Object.entries(actual)) {
    const golden = path.join(folder, name);
    if (value === undefined) fs.rmSync(golden, { force: true });
    else fs.writeFileSync(golden, value);
  }
}

/** The value of `-o` / `--output-file` in an argument list, if any. */
function outputFileOf(args: readonly string[]): string | undefined {
  let found: string | undefined;
  args.forEach((arg, index) => {
    if (arg === '-o' || arg === '--output-file') found = args[index + 1];
    else if (arg.startsWith('--output-file=')) found = arg.slice('--output-file='.length);
  });
  return found;
}

/** Removes a file the CLI wrote into a scenario's input, and the folders it created for it. */
function removeWritten(file: string, cwd: string): void {
  fs.rmSync(file, { force: true });
  for (let folder = path.dirname(file); folder.startsWith(cwd + path.sep); folder = path.dirname(folder)) {
    if (!fs.existsSync(folder) || fs.readdirSync(folder).length > 0) break;
    fs.rmdirSync(folder);
  }
}

/** The package version, which SARIF carries, replaced so that a release does not change every golden. */
function withoutVersion(text: string): string {
  return text.split(JSON.stringify(version)).join('"<version>"');
}

function rel(file: string): string {
  return path.relative(process.cwd(), file);
}
