/** `goalpost check`: find files, group them into workspaces, lint, format, and pick the exit code. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { INTERNAL_ERROR, lint, sortFindings } from '../core/lint';
import { rules } from '../core/rules';
import type { Finding } from '../core/types';
import { UsageError } from './errors';
import { CliConfigs, expandInputs, groupWorkspaces, readGoalsFile, relativeTo } from './files';
import { summarize } from './formatters/format';
import { formatters } from './formatters';
import { version } from '../../../package.json';
import { EXIT, type CheckOptions, type CliIO } from './io';

/** Runs a check and writes its report; resolves to the exit code. */
export async function runCheck(paths: readonly string[], options: CheckOptions, io: CliIO): Promise<number> {
  const resolver = new CliConfigs(io.cwd, options.config);
  const requested = expandInputs(paths, io.cwd, resolver);
  const wanted = new Set(requested);
  const findings: Finding[] = [];
  for (const group of groupWorkspaces(requested, resolver)) {
    const sources = group.files.map((file) => ({ file, text: readGoalsFile(file, io.cwd), config: group.config?.config }));
    const analysis = lint(sources, { today: options.today, clockToday: localDate(io.now()) });
    // A rule that threw is reported on the workspace's first file; move it onto a requested one, never drop it.
    const shownOn = group.files.find((file) => wanted.has(file)) ?? '';
    const moved = analysis.findings.map((finding) => (finding.rule === INTERNAL_ERROR && !wanted.has(finding.file) ? { ...finding, file: shownOn } : finding));
    findings.push(...moved.filter((finding) => wanted.has(finding.file)));
  }
  const relative = (file: string) => relativeTo(io.cwd, file);
  const shown = findings.map((finding) => ({
    ...finding,
    file: relative(finding.file),
    ...(finding.related && { related: finding.related.map((related) => ({ ...related, file: relative(related.file) })) }),
  }));
  const files = requested.map(relative);
  const sorted = sortFindings(shown, new Map(files.map((file, index) => [file, index])));
  const report = formatters[options.format]({ findings: sorted, files, rules: rules.map((rule) => rule.meta), version, color: options.color && !options.outputFile });
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
  const counts = summarize(sorted);
  if (counts.error > 0) return EXIT.findings;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && counts.warning > options.maxWarnings) {
    io.stderr(`goalpost: ${counts.warning} warnings, more than the maximum of ${options.maxWarnings} (--max-warnings).\n`);
    return EXIT.findings;
  }
  return EXIT.ok;
}

/** The machine's local calendar date, `YYYY-MM-DD`: "today" as the person running the check means it. */
function localDate(date: Date): string {
  const pad = (value: number) => String(value).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}
