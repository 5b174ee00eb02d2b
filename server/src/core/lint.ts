/**
 * The engine: texts + config + today → parse → model → workspace index → rules → findings.
 * Pure and deterministic: the same input always gives the same findings in the same order.
 */
import { DEFAULT_CONFIG, ruleSetting, type Config, type RuleSetting } from './config';
import { EMPTY_RANGE, LineIndex, locate, type Place } from './locate';
import { fileTooLarge, maxFileSizeOf, sizeOver } from './fileSize';
import { enclosingItems } from './itemPath';
import { KnockOns } from './knockOn';
import { buildModel } from './model';
import type { Report, Rule, RuleContext, SourceFile } from './rule';
import { rules as allRules } from './rules';
import { validateGoals } from './schema';
import { Suppressions } from './suppress';
import type { Finding, Range } from './types';
import { Workspace } from './workspace';
import { parseYaml, type ParsedYaml } from './yaml';

/** One goals file to check. */
export interface SourceText {
  /** The file's identifier, echoed in findings (a URI in the server, a path in the CLI). */
  readonly file: string;
  readonly text: string;
  /** The configuration that applies to this file; defaults when absent. */
  readonly config?: Config;
  /** The text already parsed (by the editor's incremental parser); parsed here when absent. */
  readonly parsed?: ParsedYaml;
  /** The text's line index, when the caller keeps one (the editor's features use the same); made here when absent. */
  readonly lines?: LineIndex;
  /** True when the caller has checked the text is within the largest size for the same limit (the editor remembers it per text). */
  readonly withinSize?: boolean;
}

/** How to run the engine. */
export interface LintOptions {
  /** A check date that overrides every config (`--today`), `YYYY-MM-DD`. */
  readonly today?: string;
  /** The real date, used when neither `today` nor the file's config pins one. */
  readonly clockToday: string;
  /** The rules to run; every rule by default. */
  readonly rules?: readonly Rule[];
  /** The largest file checked, in bytes, over every config (the editor's `goalpost.maxFileSize`). */
  readonly maxFileSize?: number;
}

/** Every rule id, for the comments that name rules (whichever rules run). */
const RULE_IDS: ReadonlySet<string> = new Set(allRules.map((rule) => rule.meta.id));

/** The code of the finding that stands for a rule that threw. */
export const INTERNAL_ERROR = 'internal-error';

/** The engine's result, with what the outline and editor features need to point into the files. */
export interface Analysis {
  readonly findings: Finding[];
  readonly workspace: Workspace;
  /** The range of a target in a file. */
  rangeOf(file: string, place: Place): Range;
  /** The check date that applies to a file. */
  todayOf(file: string): string;
}

interface Prepared extends SourceFile {
  readonly lines: LineIndex;
  readonly config: Config;
  readonly suppressions: Suppressions;
  readonly knockOns: KnockOns;
}

/** Checks a workspace of goal files. Never throws: a rule that throws becomes one internal-error finding. */
export function lint(sources: readonly SourceText[], options: LintOptions): Analysis {
  const rules = options.rules ?? allRules;
  const prepared = new Map<string, Prepared>();
  // A file past the largest size is not parsed: it gets one finding and takes no part in the workspace.
  const tooLarge: Finding[] = [];
  for (const source of sources) {
    const max = maxFileSizeOf(options.maxFileSize, source.config);
    const size = source.withinSize ? undefined : sizeOver(source.text, max);
    if (size !== undefined) {
      tooLarge.push(fileTooLarge(source.file, size, max));
      continue;
    }
    const parsed = source.parsed ?? parseYaml(source.text);
    const lines = source.lines ?? new LineIndex(source.text);
    const suppressions = new Suppressions(parsed.comments, lines);
    // A file that is not YAML has no reliable value to validate; yaml-syntax already speaks for it.
    const schemaProblems = parsed.value === undefined && parsed.problems.length > 0 ? [] : validateGoals(parsed.value);
    prepared.set(source.file, {
      file: source.file,
      parsed,
      schemaProblems,
      lines,
      config: source.config ?? DEFAULT_CONFIG,
      suppressions,
      namedRules: suppressions.named,
      knockOns: new KnockOns(parsed, schemaProblems),
    });
  }
  const files = [...prepared.values()];
  const workspace = new Workspace(
    files.map((file) => buildModel(file.file, file.parsed.value)),
    files.flatMap((file) => file.knockOns.unreadableTexts()),
  );
  const todayOf = (file: string) => options.today ?? prepared.get(file)?.config.today ?? options.clockToday;
  const rangeOf = (file: string, place: Place): Range => {
    const source = prepared.get(file);
    return source ? locate(source.parsed, source.lines, place) : EMPTY_RANGE;
  };

  const findings: Finding[] = tooLarge;
  for (const rule of rules) {
    const settings = new Map<string, RuleSetting>(files.map((file) => [file.file, ruleSetting(rule, file.config)]));
    if (files.every((file) => settings.get(file.file)?.severity === 'off')) continue;
    const context: RuleContext = {
      workspace,
      sources: files,
      options: (file) => (settings.get(file) ?? ruleSetting(rule, DEFAULT_CONFIG)).options as Record<string, unknown>,
      today: todayOf,
      ruleIds: RULE_IDS,
      report: (report: Report) => {
        const source = prepared.get(report.file);
        const setting = settings.get(report.file);
        if (!source || !setting || setting.severity === 'off') return;
        const range = rangeOf(report.file, report.place);
        const itemLines = () =>
          'path' in report.place ? enclosingItems(report.place.path).map((item) => source.lines.position(source.parsed.locate(item).value.start).line) : [];
        if (source.suppressions.has(rule.meta.id, range.start.line, itemLines)) return;
        if (source.knockOns.silences(report.place, source.lines.offset(range.start), rule.meta.reads)) return;
        findings.push({
          file: report.file,
          rule: rule.meta.id,
          severity: setting.severity,
          message: report.message,
          range,
          ...(report.related && {
            related: report.related.map((related) => ({ file: related.file, range: rangeOf(related.file, related.place), message: related.message })),
          }),
          ...(report.suggestions && report.suggestions.length > 0 && { suggestions: report.suggestions }),
        });
      },
    };
    try {
      rule.check(context);
    } catch (error) {
      const first = files[0];
      if (!first) continue;
      const reason = error instanceof Error ? error.message : String(error);
      findings.push({
        file: first.file,
        rule: INTERNAL_ERROR,
        severity: 'error',
        message: `Rule \`${rule.meta.id}\` failed on this workspace (${reason}); its findings are missing. Please report this.`,
        range: EMPTY_RANGE,
      });
    }
  }
  const order = new Map(sources.map((source, index) => [source.file, index]));
  return { findings: sortFindings(dedupe(findings), order), workspace, rangeOf, todayOf };
}

function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((finding) => {
    const key = `${finding.file}|${finding.rule}|${finding.range.start.line}:${finding.range.start.character}|${finding.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Sorts findings by file (in the given order), then position, then rule id: stable output for every format. */
export function sortFindings(findings: Finding[], order: ReadonlyMap<string, number>): Finding[] {
  return findings.sort(
    (a, b) =>
      (order.get(a.file) ?? 0) - (order.get(b.file) ?? 0) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      a.rule.localeCompare(b.rule) ||
      a.message.localeCompare(b.message),
  );
}
