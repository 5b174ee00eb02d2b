/**
 * The one owner of diagnostics: when a document is re-checked (debounced per URI), what was last sent per
 * URI (unchanged diagnostics are not sent again), the per-file cap, and clearing files that left every
 * workspace. No LSP connection here: the server passes a `PublisherHost`, and tests drive it directly.
 */
import type { Diagnostic } from 'vscode-languageserver';
import { URI } from 'vscode-uri';
import type { Analysis } from './core/lint';
import { EMPTY_RANGE } from './core/locate';
import type { Group, Project } from './project';
import { toDiagnostic } from './toLsp';

/**
 * How long a document must be quiet before it is re-checked: long enough that the changes of one burst
 * (arriving together, as a paste or multi-cursor edit sends them) make one analysis, short enough to add
 * nothing a user notices; parsing an edit re-reads only its item, so checking each keystroke is cheap.
 */
export const DEBOUNCE_MS = 5;

/**
 * At most this many diagnostics per file: beyond it an editor only slows down (a generated file with
 * 50,000 goals gave 150,000), and the list is no longer something a person reads.
 */
export const MAX_DIAGNOSTICS_PER_FILE = 1000;

/** What the publisher needs from the server around it. */
export interface PublisherHost {
  /** Sends a file's diagnostics to the client (`version`: the open document's, if open). */
  send(uri: string, diagnostics: Diagnostic[]): void;
  /** Resolves once a group's settings are read: nothing of a group is published before. */
  settingsRead(group: Group): Promise<void>;
  /** Told of every analysis published and of the groups that still exist (the outline notifications). */
  analysed(groupKey: string, analysis: Analysis): void;
  retained(groupKeys: readonly string[]): void;
  /** Logs a failure; the server lives on. */
  error(message: string): void;
}

/** Schedules, publishes and clears the diagnostics of a project's files. */
export class DiagnosticsPublisher {
  /** Diagnostics last sent per URI, serialized, so that unchanged ones are not sent again. */
  private readonly published = new Map<string, string>();
  /** The pending re-check per URI. */
  private readonly timers = new Map<string, NodeJS.Timeout>();
  /** Checks whose timer fired and that have not finished (they await settings). */
  private readonly running = new Set<Promise<void>>();
  private markIndexed: () => void = () => undefined;
  /**
   * Settles once the folders given at start are indexed (or indexing failed): an open document is not
   * checked before, or it would be checked alone and show cross-file findings that the index then takes back.
   */
  private readonly indexedGate = new Promise<void>((resolve) => (this.markIndexed = resolve));

  constructor(
    private readonly project: Project,
    private readonly host: PublisherHost,
    private readonly debounceMs = DEBOUNCE_MS,
  ) {}

  /** The first index is done (or failed): scheduled checks may run. */
  indexed(): void {
    this.markIndexed();
  }

  /** Re-checks a document's workspace once it has been quiet for the debounce; a newer change restarts the wait. */
  schedule(uri: string): void {
    this.cancel(uri);
    this.timers.set(
      uri,
      setTimeout(() => {
        this.timers.delete(uri);
        const running = this.check(uri).finally(() => this.running.delete(running));
        this.running.add(running);
      }, this.debounceMs),
    );
  }

  /** Drops a document's pending re-check. */
  cancel(uri: string): void {
    const timer = this.timers.get(uri);
    if (timer) clearTimeout(timer);
    this.timers.delete(uri);
  }

  /**
   * The editor closed a document (the project has already been told): its pending re-check goes, and so do
   * its diagnostics when the project forgot it (a file outside every folder, untitled, deleted).
   */
  async closed(uri: string): Promise<void> {
    this.cancel(uri);
    if (!this.project.file(uri)) this.clear(uri);
    await this.publishAll();
  }

  /** Re-checks and publishes every group (settings read first), and clears files that left every group. */
  async publishAll(): Promise<void> {
    // Until the groups stand still across the awaits: a group that appeared meanwhile (a document opened)
    // is not published before its settings are read either.
    let groups = this.project.groups();
    for (let settled = false; !settled;) {
      for (const group of groups) await this.guardAsync('reading settings', () => this.host.settingsRead(group));
      const now = this.project.groups();
      settled = now === groups;
      groups = now;
    }
    const live = new Set<string>();
    for (const group of groups) {
      this.publishGroup(group);
      for (const uri of group.uris) live.add(uri);
    }
    this.host.retained(groups.map((group) => group.key));
    for (const config of this.project.configs()) live.add(URI.file(config.file).toString());
    // Files that left every group (deleted, ignored, out of the folders) lose their diagnostics.
    for (const uri of [...this.published.keys()]) if (!live.has(uri)) this.clear(uri);
  }

  /** Sends empty diagnostics for a URI that has some. */
  clear(uri: string): void {
    if (!this.published.has(uri)) return;
    this.published.delete(uri);
    this.host.send(uri, []);
  }

  /** Resolves once every check that has started is done (a test waits on it instead of on time). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all(this.running);
  }

  /** Stops every pending re-check (shutdown). */
  dispose(): void {
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  /**
   * A document's scheduled check. The group is looked up again after every await, never kept across one:
   * a document closed (or a folder removed, a config changed) meanwhile leaves the group it had, and
   * analysing that stale group would read a file the project no longer has.
   */
  private async check(uri: string): Promise<void> {
    await this.indexedGate;
    let group = this.project.groupOf(uri);
    while (group) {
      const key = group.key;
      await this.guardAsync('reading settings', () => this.host.settingsRead(group as Group));
      // A newer change restarted the wait: its check will publish.
      if (this.timers.has(uri)) return;
      group = this.project.groupOf(uri);
      if (group?.key === key) {
        this.publishGroup(group);
        return;
      }
    }
    // The document is in no group (closed and forgotten, ignored, …): publishing everything clears it.
    await this.publishAll();
  }

  /** Publishes the diagnostics of every file of a group (and of its config) that changed since last sent. */
  private publishGroup(group: Group): void {
    const analysis = this.guard('checking a workspace', () => this.project.analysis(group));
    if (!analysis) return;
    this.host.analysed(group.key, analysis);
    const byFile = new Map<string, Diagnostic[]>(group.uris.map((uri) => [uri, []]));
    for (const finding of analysis.findings) byFile.get(finding.file)?.push(toDiagnostic(finding));
    if (group.config) {
      const configUri = URI.file(group.config.file).toString();
      const problems = group.config.problems.map((problem) => toDiagnostic({ ...problem, file: configUri }));
      if (group.config.readError) {
        problems.push({ range: EMPTY_RANGE, severity: 1, source: 'goalpost', message: `Goalpost cannot read this configuration: ${group.config.readError}.` });
      }
      byFile.set(configUri, problems);
    }
    for (const [uri, diagnostics] of byFile) this.send(uri, capped(diagnostics));
  }

  private send(uri: string, diagnostics: Diagnostic[]): void {
    const serialized = JSON.stringify(diagnostics);
    if (this.published.get(uri) === serialized) return;
    this.published.set(uri, serialized);
    this.host.send(uri, diagnostics);
  }

  private guard<T>(what: string, work: () => T): T | undefined {
    return guarded(what, work, (message) => this.host.error(message));
  }

  private async guardAsync(what: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (error) {
      this.host.error(failure(what, error));
    }
  }
}

/** Runs `work`; a throw is logged through `log` as a failure (the server lives on) and gives undefined. */
export function guarded<T>(what: string, work: () => T, log: (message: string) => void): T | undefined {
  try {
    return work();
  } catch (error) {
    log(failure(what, error));
    return undefined;
  }
}

/** The log line of a failure, with its stack. */
export function failure(what: string, error: unknown): string {
  return `Goalpost failed while ${what}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
}

/** The first MAX_DIAGNOSTICS_PER_FILE diagnostics, errors first, and one more that says how many were left out. */
export function capped(diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length <= MAX_DIAGNOSTICS_PER_FILE) return diagnostics;
  const kept = [...diagnostics].sort((a, b) => (a.severity ?? 1) - (b.severity ?? 1)).slice(0, MAX_DIAGNOSTICS_PER_FILE);
  kept.push({
    range: EMPTY_RANGE,
    severity: 3,
    source: 'goalpost',
    message: `Goalpost shows ${MAX_DIAGNOSTICS_PER_FILE.toLocaleString('en-US')} of the ${diagnostics.length.toLocaleString('en-US')} problems in this file, errors first; run \`goalpost check\` for all of them.`,
  });
  return kept;
}
