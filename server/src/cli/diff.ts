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
import { DEFAULT_CONFIG, type Config } from '../core/config';
import { maxFileSizeOf, sizeOver } from '../core/fileSize';
import { diffStrategies, findingOwners, SEVERITY_ORDER, type DiffSide } from '../core/diff';
import { lint } from '../core/lint';
import { buildGraph } from '../core/render/build';
import type { GraphEdge, GraphNode, StrategyGraph } from '../core/render/graph';
import type { GoalsModel } from '../core/model';
import type { Finding, Severity } from '../core/types';
import { parseYaml } from '../core/yaml';
import { groupWorkspaces, type WorkspaceGroup } from '../core/workspaceGroups';
import { CONFIG_NAMES, ConfigResolver, globMatcher, type LoadedConfig } from '../node/configs';
import { isGoalsFile, stripBom } from '../node/fsUtil';
import { UsageError } from './errors';
import { diffJson } from './formatters/diff/json';
import { diffMarkdown } from './formatters/diff/markdown';
import type { DiffFormatter, DiffRevision } from './formatters/diff/format';
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
  // Only the markdown draws the diagram of the change.
  const draw = options.format === 'markdown';
  const baseSide = baseRevision.lint({ today: options.today, clockToday, todayFor: headToday }, draw);
  const headSide = headRevision.lint({ today: options.today, clockToday, todayFor: headToday }, draw);
  const diff = diffStrategies(baseSide, headSide);
  const shown = (revision: string | undefined, commit: string | undefined): DiffRevision => ({ revision: revision ?? null, commit: commit ?? null });
  const graphs = baseSide.graph && headSide.graph ? { base: baseSide.graph, head: headSide.graph } : undefined;
  const report = diffFormatters[options.format]({ diff, base: shown(base, baseCommit), head: shown(head, headCommit), graphs });
  write(report, options.outputFile, io);
  if (options.failOnNew !== undefined) {
    const threshold = SEVERITY_ORDER.indexOf(options.failOnNew);
    const failing = diff.findings.introduced.filter((finding) => SEVERITY_ORDER.indexOf(finding.severity) <= threshold);
    if (failing.length > 0) {
      io.stderr(
        `goalpost: the change introduces ${failing.length} finding${failing.length === 1 ? '' : 's'} of severity ${options.failOnNew} or worse (--fail-on-new).\n`,
      );
      return EXIT.findings;
    }
  }
  return EXIT.ok;
}

/** Goals files and configs, outside node_modules (which `check` never searches either). */
export function isWanted(file: string): boolean {
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

/** How a revision is linted. */
interface LintDates {
  readonly today?: string;
  readonly clockToday: string;
  /** The check date a config of the head pins for a file, which applies to both revisions. */
  readonly todayFor: (file: string) => string | undefined;
}

/**
 * The goal files and configs of one revision, grouped into workspaces by the rule `check` and the editor
 * use (core/workspaceGroups.ts), with the repository as the root of files no config covers. Paths are
 * relative to the repository root, which is the folder `''`.
 */
export class Revision {
  private readonly goals = new Map<string, string>();
  private readonly resolver: ConfigResolver;

  constructor(files: readonly RevisionFile[]) {
    const configs = new Map<string, string>();
    for (const file of files) {
      const text = stripBom(file.text.toString('utf8'));
      if (isGoalsFile(file.path)) this.goals.set(file.path, text);
      else configs.set(file.path, text);
    }
    this.resolver = new ConfigResolver({ read: (file) => (configs.has(file) ? { text: configs.get(file) as string } : undefined), ignoreMatcher: globMatcher });
  }

  /** The config nearest to a file, in this revision. */
  configFor(file: string): LoadedConfig | undefined {
    return this.resolver.configFor(file);
  }

  /** The revision's workspaces: one per config, plus one for the files no config covers. */
  groups(): WorkspaceGroup[] {
    return groupWorkspaces([...this.goals.keys()].sort(), this.resolver, { roots: [''] });
  }

  /**
   * Lints every workspace of the revision; a broken config's problems are findings of the revision. The
   * graph is every workspace's diagram side by side (an item whose key another workspace drew first is
   * left out: the diagram of a change names items by kind and id, as the diff does); built only when `draw`.
   */
  lint(dates: LintDates, draw: boolean): DiffSide & { readonly graph?: StrategyGraph } {
    const nodes: GraphNode[] = [];
    const edges: GraphEdge[] = [];
    const drawn = new Set<string>();
    const models: GoalsModel[] = [];
    const findings: Finding[] = [];
    const unparsable: string[] = [];
    const owners = new Map<Finding, string>();
    for (const { config: loaded, files } of this.groups()) {
      if (loaded) appendAll(findings, loaded.problems);
      const sources = files.map((file) => {
        const text = this.goals.get(file) as string;
        const config: Config = { ...(loaded?.config ?? DEFAULT_CONFIG), today: dates.todayFor(file) };
        // A file past maxFileSize is not parsed (lint gives it its one finding); its items are unknown, as a broken file's.
        const withinSize = sizeOver(text, maxFileSizeOf(undefined, config)) === undefined;
        const parsed = withinSize ? parseYaml(text) : undefined;
        if (!parsed || parsed.problems.length > 0) unparsable.push(file);
        return { file, text, parsed, withinSize, config };
      });
      const analysis = lint(sources, { today: dates.today, clockToday: dates.clockToday });
      appendAll(models, analysis.workspace.models);
      appendAll(findings, analysis.findings);
      for (const [finding, owner] of findingOwners(analysis)) owners.set(finding, owner);
      if (!draw) continue;
      const graph = buildGraph(analysis);
      const fresh = graph.nodes.filter((node) => !drawn.has(node.key));
      for (const node of fresh) drawn.add(node.key);
      appendAll(nodes, fresh);
      appendAll(edges, graph.edges);
    }
    return { models, findings, unparsable, owners, graph: draw ? { nodes, edges, departments: [] } : undefined };
  }
}
