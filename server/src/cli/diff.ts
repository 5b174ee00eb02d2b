/**
 * `goalpost diff <base> [<head>]`: the semantic diff of the strategy between two git revisions, the head
 * being the working tree when omitted. Each revision is read from git (the working tree from disk: tracked
 * and untracked files, ignored ones left out), grouped into workspaces the way `check` groups them (by the
 * nearest `.goalpost.yaml` of that revision), linted, and compared by the core.
 *
 * The diff covers the whole repository, whatever folder it runs in, and shows paths relative to the
 * repository root, as a pull request does. Exit codes: 0 (the diff is informational), 1 with
 * `--fail-on-new` when the change introduces findings at or above that severity, 2 usage or I/O error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../core/config';
import { diffStrategies, findingOwners, SEVERITY_ORDER, type DiffSide } from '../core/diff';
import { lint } from '../core/lint';
import type { GoalsModel } from '../core/model';
import { rules } from '../core/rules';
import type { Finding, Severity } from '../core/types';
import { parseYaml } from '../core/yaml';
import { CONFIG_NAMES } from '../node/configs';
import { isGoalsFile, stripBom } from '../node/fsUtil';
import { UsageError } from './errors';
import { diffJson } from './formatters/diff-json';
import { diffMarkdown } from './formatters/diff-markdown';
import type { DiffFormatter, DiffRevision } from './formatters/diff-format';
import { readCommitFiles, readWorkingTreeFiles, repositoryRoot, resolveCommit, type RevisionFile } from './git';
import { EXIT, localDate, type CliIO } from './io';
import { appendAll } from '../core/arrays';

/** Options of `goalpost diff`. */
export interface DiffOptions {
  readonly format: 'markdown' | 'json';
  readonly today?: string;
  readonly outputFile?: string;
  /** Exit with 1 when the change introduces findings of this severity or worse. */
  readonly failOnNew?: Severity;
}

/** The formats of `goalpost diff`, by the name `--format` takes; the first is the default. */
export const diffFormatters: Readonly<Record<DiffOptions['format'], DiffFormatter>> = { markdown: diffMarkdown, json: diffJson };

/** Runs a diff and writes its report; resolves to the exit code. */
export async function runDiff(base: string, head: string | undefined, options: DiffOptions, io: CliIO): Promise<number> {
  const root = await repositoryRoot(io.cwd);
  const baseCommit = await resolveCommit(root, base);
  const headCommit = head === undefined ? undefined : await resolveCommit(root, head);
  const [baseFiles, headFiles] = await Promise.all([
    readCommitFiles(root, baseCommit, isWanted),
    headCommit === undefined ? readWorkingTreeFiles(root, isWanted) : readCommitFiles(root, headCommit, isWanted),
  ]);
  const baseRevision = new Revision(baseFiles);
  const headRevision = new Revision(headFiles);
  const clockToday = localDate(io.now());
  // Both sides are judged as of one date: --today, else the head's config, so a finding is never
  // "introduced" only because the base's config pinned another day.
  const headToday = (file: string) => headRevision.configFor(file)?.config.today;
  const diff = diffStrategies(
    baseRevision.lint({ today: options.today, clockToday, todayFor: headToday }),
    headRevision.lint({ today: options.today, clockToday, todayFor: headToday }),
  );
  const shown = (revision: string | undefined, commit: string | undefined): DiffRevision => ({ revision: revision ?? null, commit: commit ?? null });
  const report = diffFormatters[options.format]({ diff, base: shown(base, baseCommit), head: shown(head, headCommit) });
  write(report, options.outputFile, io);
  if (options.failOnNew !== undefined) {
    const threshold = SEVERITY_ORDER.indexOf(options.failOnNew);
    const failing = diff.findings.introduced.filter((finding) => SEVERITY_ORDER.indexOf(finding.severity) <= threshold);
    if (failing.length > 0) {
      io.stderr(`goalpost: the change introduces ${failing.length} finding${failing.length === 1 ? '' : 's'} of severity ${options.failOnNew} or worse (--fail-on-new).\n`);
      return EXIT.findings;
    }
  }
  return EXIT.ok;
}

/** Goals files and configs, outside node_modules (which `check` never searches either). */
function isWanted(file: string): boolean {
  if (file.split('/').includes('node_modules')) return false;
  return isGoalsFile(file) || CONFIG_NAMES.includes(file.slice(file.lastIndexOf('/') + 1));
}

function write(report: string, outputFile: string | undefined, io: CliIO): void {
  if (outputFile === undefined) {
    io.stdout(report);
    return;
  }
  const target = path.resolve(io.cwd, outputFile);
  try {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, report);
  } catch (error) {
    throw new UsageError(`cannot write ${outputFile}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** A config file of a revision, read and validated. */
interface RevisionConfig {
  /** Path relative to the repository root. */
  readonly file: string;
  /** Folder it governs, relative to the root ('' for the root itself). */
  readonly folder: string;
  /** The validated config; the defaults when it is invalid (its problems are then findings of the revision). */
  readonly config: Config;
  readonly problems: readonly Finding[];
  readonly ignores: (file: string) => boolean;
}

/** How a revision is linted. */
interface LintDates {
  readonly today?: string;
  readonly clockToday: string;
  /** The check date a config of the head pins for a file, which applies to both revisions. */
  readonly todayFor: (file: string) => string | undefined;
}

/** The goal files and configs of one revision, with the nearest-config lookup `check` does on disk. */
class Revision {
  private readonly goals = new Map<string, string>();
  private readonly configs = new Map<string, RevisionConfig>();

  constructor(files: readonly RevisionFile[]) {
    const texts = new Map(files.map((file) => [file.path, stripBom(file.text.toString('utf8'))]));
    for (const [file, text] of texts) {
      const name = file.slice(file.lastIndexOf('/') + 1);
      if (!CONFIG_NAMES.includes(name)) continue;
      const folder = folderOf(file);
      // `.goalpost.yaml` wins over `.goalpost.yml` in one folder, as on disk.
      const preferred = CONFIG_NAMES.map((candidate) => (folder ? `${folder}/${candidate}` : candidate)).find((candidate) => texts.has(candidate));
      if (preferred === file) this.configs.set(folder, loadConfig(file, folder, text));
    }
    for (const [file, text] of texts) {
      if (!isGoalsFile(file)) continue;
      if (this.configFor(file)?.ignores(file)) continue;
      this.goals.set(file, text);
    }
  }

  /** The config nearest to a file, in this revision. */
  configFor(file: string): RevisionConfig | undefined {
    for (let folder = folderOf(file); ; folder = folderOf(folder)) {
      const found = this.configs.get(folder);
      if (found) return found;
      if (folder === '') return undefined;
    }
  }

  /** Lints every workspace of the revision: one per config, plus one for the files no config covers. */
  lint(dates: LintDates): DiffSide {
    const groups = new Map<string, string[]>();
    for (const file of [...this.goals.keys()].sort()) {
      const key = this.configFor(file)?.file ?? '';
      const group = groups.get(key);
      if (group) group.push(file);
      else groups.set(key, [file]);
    }
    const models: GoalsModel[] = [];
    const findings: Finding[] = [];
    const unparsable: string[] = [];
    const owners = new Map<Finding, string>();
    for (const [key, files] of groups) {
      const loaded = key === '' ? undefined : this.configFor(files[0]);
      if (loaded) appendAll(findings, loaded.problems);
      const sources = files.map((file) => {
        const text = this.goals.get(file) as string;
        const parsed = parseYaml(text);
        if (parsed.problems.length > 0) unparsable.push(file);
        const config: Config = { ...(loaded?.config ?? DEFAULT_CONFIG), today: dates.todayFor(file) };
        return { file, text, parsed, config };
      });
      const analysis = lint(sources, { today: dates.today, clockToday: dates.clockToday });
      appendAll(models, analysis.workspace.models);
      appendAll(findings, analysis.findings);
      for (const [finding, owner] of findingOwners(analysis)) owners.set(finding, owner);
    }
    return { models, findings, unparsable, owners };
  }
}

/** The folder of a repository path, '' at the root. */
function folderOf(file: string): string {
  return file.includes('/') ? file.slice(0, file.lastIndexOf('/')) : '';
}

function loadConfig(file: string, folder: string, text: string): RevisionConfig {
  const { config, problems } = parseConfig(text, file, rules);
  const effective = config ?? DEFAULT_CONFIG;
  const matcher = effective.ignore.length > 0 ? picomatch([...effective.ignore], { dot: true }) : undefined;
  const ignores = (goals: string) => matcher !== undefined && matcher(folder === '' ? goals : goals.slice(folder.length + 1));
  return { file, folder, config: effective, problems, ignores };
}
