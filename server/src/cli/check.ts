/** `goalpost check`: lint the requested files' workspaces, format the findings, and pick the exit code. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyReplacements, fixAllReplacements } from '../core/fixAll';
import { INTERNAL_ERROR, sortFindings } from '../core/lint';
import { EMPTY_RANGE, LineIndex } from '../core/locate';
import { rules } from '../core/rules';
import type { Finding, Severity } from '../core/types';
import { parseYaml } from '../core/yaml';
import { errorReason, stripBom } from '../node/fsUtil';
import { UsageError } from './errors';
import { analyzeInputs, type AnalyzeOptions, type AnalyzedWorkspace } from './analyze';
import { readGoalsFile, relativeTo } from './files';
import { IGNORED_FILE, plural, summarize, type FormatInput } from './formatters/format';
import { summary } from './formatters/check/summary';
import { formatters } from './formatters/check';
import { version } from '../../../package.json';
import { EXIT, type CheckOptions, type CliIO } from './io';
import { appendAll } from '../core/arrays';
import { unifiedDiff } from './unifiedDiff';

/** Fix passes at most: a fix can reveal another (ESLint stops at ten too). */
const MAX_FIX_PASSES = 10;

/** What one check found: the formatters' input (every output is derived from it) and its counts. */
export interface CheckReport {
  readonly input: FormatInput;
  readonly counts: Record<Severity, number>;
}

/** Runs a check and writes its report; resolves to the exit code. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIO): Promise<number> {
  const { input, counts } = await checkReport(paths, options, io);
  const report = formatters[options.format](input);
  if (options.outputFile) {
    try {
      fs.mkdirSync(path.dirname(path.resolve(io.cwd, options.outputFile)), { recursive: true });
      fs.writeFileSync(path.resolve(io.cwd, options.outputFile), report);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    io.stdout(report);
  }
  if (options.format === 'github' && io.env.GITHUB_STEP_SUMMARY) appendJobSummary(io.env.GITHUB_STEP_SUMMARY, summary(input), io);
  if (counts.error > 0) return EXIT.findings;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && counts.warning > options.maxWarnings) {
    io.stderr(`goalpost: ${plural(counts.warning, 'warning')}, more than the maximum of ${options.maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * Analyses the requested files once (applying `--fix` when asked) and returns what every output format is
 * made from; writes nothing but `--fix`'s files and `--fix-dry-run`'s diff.
 */
export async function checkReport(paths: readonly string[], options: CheckOptions, io: CliIO): Promise<CheckReport> {
  const fromStdin = paths.includes('-');
  if (options.stdinFilename !== undefined && !fromStdin)
    throw new UsageError('--stdin-filename needs `-` among the paths (the text comes from standard input)');
  if (fromStdin && options.fix) throw new UsageError('--fix cannot write standard input back; use --fix-dry-run to see the fixes');
  const stdinFile = fromStdin ? path.resolve(io.cwd, options.stdinFilename ?? '<stdin>') : undefined;
  const texts = new Map<string, string>();
  if (stdinFile !== undefined) {
    if (!io.readStdin) throw new UsageError('standard input cannot be read here');
    texts.set(stdinFile, stripBom(await io.readStdin()));
  }
  const ignored = new Map<string, string>();
  const analyzeOptions: AnalyzeOptions = {
    today: options.today,
    config: options.config,
    ignore: options.ignore,
    stdinFile,
    texts,
    // As in ESLint, a file the user named that an ignore glob skips is a warning on that file in every format.
    onIgnored: (file, config) => ignored.set(file, config),
  };
  let { requested, workspaces } = await analyzeInputs(paths, analyzeOptions, io);
  if (options.fix || options.fixDryRun) {
    const original = new Map(requested.map((file) => [file, texts.get(file) ?? readGoalsFile(file, io.cwd)]));
    for (let pass = 0; pass < MAX_FIX_PASSES && applyFixes(requested, workspaces, texts, io.cwd); pass++) {
      ({ requested, workspaces } = await analyzeInputs(paths, { ...analyzeOptions, onIgnored: undefined }, io));
    }
    for (const file of requested) {
      const fixed = texts.get(file);
      const before = original.get(file);
      if (fixed === undefined || before === undefined || fixed === before) continue;
      if (options.fixDryRun) io.stdout(unifiedDiff(relativeTo(io.cwd, file), before, fixed));
      else writeFixed(file, fixed, io.cwd);
    }
  }
  const relative = (file: string) => relativeTo(io.cwd, file);
  const all = requestedFindings(requested, workspaces);
  for (const [file, config] of ignored) all.push(ignoredFinding(file, relative(config)));
  const findings = all.filter((finding) => !options.quiet || finding.severity === 'error');
  const shown = findings.map((finding) => ({
    ...finding,
    file: relative(finding.file),
    ...(finding.related && { related: finding.related.map((related) => ({ ...related, file: relative(related.file) })) }),
  }));
  // An ignored file counts among the files while its warning is shown (not with --quiet): it was not checked.
  const files = [...requested, ...(options.quiet ? [] : ignored.keys())].map(relative);
  const sorted = sortFindings(shown, new Map(files.map((file, index) => [file, index])));
  const toTerminal = !options.outputFile;
  const input = {
    findings: sorted,
    files,
    rules: rules.map((rule) => rule.meta),
    version,
    color: options.color && toTerminal,
    columns: toTerminal ? options.columns : undefined,
    maxWarnings: options.maxWarnings,
  };
  return { input, counts: summarize(sorted) };
}

/** The warning that stands for a file named explicitly but skipped by an `ignore` glob of `config`. */
function ignoredFinding(file: string, config: string): Finding {
  return { file, rule: IGNORED_FILE, severity: 'warning', message: `File ignored by ${config}; use --no-ignore to check it.`, range: EMPTY_RANGE };
}

/** The findings of the requested files; a rule that threw is moved onto a requested file, never dropped. */
function requestedFindings(requested: readonly string[], workspaces: readonly AnalyzedWorkspace[]): Finding[] {
  const wanted = new Set(requested);
  const findings: Finding[] = [];
  for (const { group, analysis } of workspaces) {
    const shownOn = group.files.find((file) => wanted.has(file)) ?? '';
    const moved = analysis.findings.map((finding) => (finding.rule === INTERNAL_ERROR && !wanted.has(finding.file) ? { ...finding, file: shownOn } : finding));
    appendAll(
      findings,
      moved.filter((finding) => wanted.has(finding.file)),
    );
  }
  return findings;
}

/**
 * One pass of the safe fixes (the editor's "fix all": did-you-means with exactly one suggestion) over the
 * requested files, into `texts`. Whether anything changed.
 */
function applyFixes(requested: readonly string[], workspaces: readonly AnalyzedWorkspace[], texts: Map<string, string>, cwd: string): boolean {
  const findings = requestedFindings(requested, workspaces).filter((finding) => finding.suggestions?.length === 1);
  const files = new Set(findings.map((finding) => finding.file));
  let changed = false;
  for (const file of files) {
    const text = texts.get(file) ?? readGoalsFile(file, cwd);
    const parsed = parseYaml(text);
    const replacements = fixAllReplacements(file, findings, parsed, new LineIndex(text));
    if (replacements.length === 0) continue;
    texts.set(file, applyReplacements(text, replacements));
    changed = true;
  }
  return changed;
}

/** Writes a fixed file back, keeping a byte-order mark it had. */
function writeFixed(file: string, text: string, cwd: string): void {
  try {
    const bom = fs.readFileSync(file, 'utf8').startsWith('\uFEFF') ? '\uFEFF' : '';
    fs.writeFileSync(file, bom + text);
  } catch (error) {
    throw new UsageError(`cannot write the fixes to ${relativeTo(cwd, file)}: ${errorReason(error)}`);
  }
}

/**
 * Appends the job summary to the file GitHub Actions names in `$GITHUB_STEP_SUMMARY`. The summary is an
 * extra: when it cannot be written, a warning says so and the check's result stands.
 */
export function appendJobSummary(file: string, text: string, io: CliIO): void {
  try {
    fs.appendFileSync(path.resolve(io.cwd, file), text);
  } catch (error) {
    io.stderr(`goalpost: warning: cannot write the job summary to ${file} ($GITHUB_STEP_SUMMARY): ${errorReason(error)}\n`);
  }
}
