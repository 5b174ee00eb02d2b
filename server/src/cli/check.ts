/** `goalpost check`: lint the requested files' workspaces, format the findings, and pick the exit code. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INTERNAL_ERROR, sortFindings } from '../core/lint';
import { rules } from '../core/rules';
import type { Finding } from '../core/types';
import { errorReason } from '../node/fsUtil';
import { UsageError } from './errors';
import { analyzeInputs } from './analyze';
import { relativeTo } from './files';
import { summarize } from './formatters/format';
import { summary } from './formatters/summary';
import { formatters } from './formatters';
import { version } from '../../../package.json';
import { EXIT, type CheckOptions, type CliIO } from './io';
import { appendAll } from '../core/arrays';

/** Runs a check and writes its report; resolves to the exit code. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIO): Promise<number> {
  const { requested, workspaces } = await analyzeInputs(paths, options, io);
  const wanted = new Set(requested);
  const findings: Finding[] = [];
  for (const { group, analysis } of workspaces) {
    // A rule that threw is reported on the workspace's first file; move it onto a requested one, never drop it.
    const shownOn = group.files.find((file) => wanted.has(file)) ?? '';
    const moved = analysis.findings.map((finding) => (finding.rule === INTERNAL_ERROR && !wanted.has(finding.file) ? { ...finding, file: shownOn } : finding));
    appendAll(findings, moved.filter((finding) => wanted.has(finding.file)));
  }
  const relative = (file: string) => relativeTo(io.cwd, file);
  const shown = findings.map((finding) => ({
    ...finding,
    file: relative(finding.file),
    ...(finding.related && { related: finding.related.map((related) => ({ ...related, file: relative(related.file) })) }),
  }));
  const files = requested.map(relative);
  const sorted = sortFindings(shown, new Map(files.map((file, index) => [file, index])));
  const input = { findings: sorted, files, rules: rules.map((rule) => rule.meta), version, color: options.color && !options.outputFile };
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
  const counts = summarize(sorted);
  if (counts.error > 0) return EXIT.findings;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && counts.warning > options.maxWarnings) {
    io.stderr(`goalpost: ${counts.warning} warnings, more than the maximum of ${options.maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/**
 * Appends the job summary to the file GitHub Actions names in `$GITHUB_STEP_SUMMARY`. The summary is an
 * extra: when it cannot be written, a warning says so and the check's result stands.
 */
function appendJobSummary(file: string, text: string, io: CliIO): void {
  try {
    fs.appendFileSync(path.resolve(io.cwd, file), text);
  } catch (error) {
    io.stderr(`goalpost: warning: cannot write the job summary to ${file} ($GITHUB_STEP_SUMMARY): ${errorReason(error)}\n`);
  }
}

