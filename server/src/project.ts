/**
 * The server's view of the goal files: the text of every goal file of the workspace folders (open
 * documents from the editor, the others from disk), grouped into workspaces by their nearest
 * `.goalpost.yaml`, each group's analysis computed on demand and cached until one of its files changes.
 * No LSP connection here: server.ts wires this to the protocol, and tests can drive it directly.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { bytesAfter, maxFileSizeOf, sizeOver, utf8Bytes } from './core/fileSize';
import { IncrementalParser } from './core/incremental';
import { parseConfig } from './core/config';
import { lint, type Analysis } from './core/lint';
import { rules } from './core/rules';
import { LineIndex } from './core/locate';
import { composeChanges, textChange, type TextChange } from './core/textChange';
import type { ParsedYaml } from './core/yaml';
import { groupWorkspaces, placeFile, type Placement } from './core/workspaceGroups';
import { CONFIG_NAMES, diskConfigResolver, type LoadedConfig } from './node/configs';
import { globGoals, isGoalsFile, stripBom } from './node/fsUtil';

/** One goal file as the server knows it. */
export interface GoalFile {
  readonly uri: string;
  /** Absolute file-system path, for config lookup; the URI's path for non-file schemes. */
  readonly fsPath: string;
  text: string;
  /** The editor's version while open; undefined for a file read from disk. */
  version?: number;
  readonly parser: IncrementalParser;
  parsed?: ParsedYaml;
  /** How the text differs from the one last parsed, while that is known (edits since the last parse). */
  sinceParse?: TextChange;
  lines?: LineIndex;
  /** The text's size in UTF-8 bytes once counted, kept up to date edit by edit (a count reads every character). */
  bytes?: number;
}

/** A set of goal files whose ids are global among them, with the config that applies. */
export interface Group {
  readonly key: string;
  readonly config?: LoadedConfig;
  readonly uris: string[];
}

/** The editor's settings for one group; absent ones leave the config's or the default. */
export interface EditorSettings {
  /** `goalpost.today`: the check date, `YYYY-MM-DD`. */
  readonly today?: string;
  /** `goalpost.maxFileSize`: the largest file checked, in bytes. */
  readonly maxFileSize?: number;
}

/** Where the project reads what is not open, and what today is. */
export interface ProjectHost {
  /** Reads a file from disk; undefined when it cannot be read. */
  readFile(fsPath: string): string | undefined;
  /** The real date, `YYYY-MM-DD`. */
  clockToday(): string;
}

/** The node host: files from disk, today from the clock. */
export const nodeHost: ProjectHost = {
  readFile(fsPath) {
    try {
      return stripBom(fs.readFileSync(fsPath, 'utf8'));
    } catch {
      return undefined;
    }
  },
  clockToday() {
    const now = new Date();
    const pad = (value: number) => String(value).padStart(2, '0');
    return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
  },
};

/** A few hundred goals in the usual layout: what the server checks once before the first real file. */
export const WARM_UP_SAMPLE = Array.from(
  { length: 40 },
  (_, index) =>
    `  - id: warm-up-${index}\n    title: Increase website sessions from Instagram by 20% (${index})\n    department: marketing\n    supports: [grow-revenue]\n` +
    `    platform: instagram\n    start: 2027-01-01\n    deadline: "2027-12-31"\n    targets:\n      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }\n` +
    `      - kpi: orders\n        baseline: 10.5\n        target: 12\n    review: quarterly # a comment\n    confidence: 0.7\n`,
).join('');

/**
 * Runs the reader, the build-time schema validators and every rule once on a sample, so that the first
 * real file a user opens does not pay for cold code.
 */
export function warmUp(sample: string): void {
  // Through a project, as the editor's files go: the chunked parse, the line index, the analysis.
  const project = new Project({ readFile: () => undefined, clockToday: () => '2027-05-15' });
  const uri = 'untitled:warm-up.goals.yaml';
  project.setText(uri, `goalpost: 1\ngoals:\n${sample}`, 1);
  const group = project.groupOf(uri);
  if (group) project.analysis(group);
  parseConfig('', 'warm-up/.goalpost.yaml', rules);
}

/** All goal files of the workspace folders, and their analyses. */
export class Project {
  private readonly files = new Map<string, GoalFile>();
  private readonly folders: string[] = [];
  private resolver = diskConfigResolver();
  private readonly analyses = new Map<string, Analysis>();
  /** The editor's settings per group key, when any is set. */
  private readonly editorSettings = new Map<string, EditorSettings>();
  /** Groups change only when files come or go or configs change; kept between keystrokes. */
  private groupCache?: Group[];

  constructor(private readonly host: ProjectHost = nodeHost) {}

  /** Adds a workspace folder and reads every goal file under it. */
  addFolder(folderUri: string): void {
    const folder = URI.parse(folderUri).fsPath;
    if (this.folders.includes(folder)) return;
    this.folders.push(folder);
    for (const fsPath of globGoals(folder)) {
      const uri = URI.file(fsPath).toString();
      if (!this.files.has(uri)) this.readFromDisk(uri);
    }
    this.structureChanged();
  }

  /** Removes a workspace folder and the closed files under it. */
  removeFolder(folderUri: string): string[] {
    const folder = URI.parse(folderUri).fsPath;
    const index = this.folders.indexOf(folder);
    if (index >= 0) this.folders.splice(index, 1);
    const removed: string[] = [];
    for (const file of this.files.values()) {
      if (file.version === undefined && isInside(folder, file.fsPath) && !this.folders.some((other) => isInside(other, file.fsPath))) removed.push(file.uri);
    }
    for (const uri of removed) this.files.delete(uri);
    this.structureChanged();
    return removed;
  }

  /**
   * The editor opened or changed a document. `edit`, when the editor knows it, is how this version
   * differs from version `from`; it is used when that is the version the project has.
   */
  setText(uri: string, text: string, version: number, edit?: { readonly from: number; readonly change: TextChange }): void {
    const known = this.files.get(uri);
    const file = known ?? this.create(uri, text);
    const previousVersion = file.version;
    file.version = version;
    // Opening a file read from disk sends the same text: its parse, lines and analysis stay.
    if (known && known.text === text) return;
    if (known) this.edited(known, text, edit && previousVersion === edit.from ? edit.change : textChange(known.text, text));
    file.text = text;
    file.parsed = undefined;
    this.invalidate(uri);
  }

  /**
   * Carries what is known of a file's text over to its next version, given how the two differ: the change
   * since the last parse (so the parser re-cuts only what it touches), the line index, the size.
   */
  private edited(file: GoalFile, text: string, change: TextChange): void {
    file.sinceParse = file.parsed ? change : file.sinceParse && composeChanges(file.sinceParse, change);
    file.lines = file.lines?.edited(text, change);
    file.bytes = file.bytes === undefined ? undefined : bytesAfter(file.text, file.bytes, text, change);
  }

  /** The editor closed a document: its text is the disk's again, or it is gone (as is a file outside every folder). */
  close(uri: string): void {
    const file = this.files.get(uri);
    if (!file) return;
    file.version = undefined;
    this.invalidate(uri);
    // A file outside the workspace folders is known only while it is open, even when it exists on disk.
    const inFolder = this.folders.some((folder) => isInside(folder, file.fsPath));
    if (!inFolder || !this.readFromDisk(uri)) {
      this.files.delete(uri);
      this.structureChanged();
    }
  }

  /**
   * A file changed on disk (created, changed or deleted). Open documents keep the editor's text. Returns
   * true when the project changed.
   */
  diskChanged(uri: string, deleted: boolean): boolean {
    const fsPath = URI.parse(uri).fsPath;
    if (CONFIG_NAMES.includes(path.basename(fsPath))) {
      this.resolver = diskConfigResolver();
      this.structureChanged();
      return true;
    }
    if (!isGoalsFile(fsPath)) return false;
    const file = this.files.get(uri);
    if (file?.version !== undefined) return false;
    this.invalidate(uri);
    if (deleted) {
      this.files.delete(uri);
      this.structureChanged();
      return true;
    }
    this.readFromDisk(uri);
    return true;
  }

  /**
   * Where a file belongs, whether or not it exists yet: its group's key and config, the group itself
   * when it has files, and the check date there (the editor's setting, else the config's, else the clock).
   */
  placeOf(uri: string): { key: string; config?: LoadedConfig; group?: Group; todaySetting?: string; maxFileSizeSetting?: number; today: string } {
    const parsed = URI.parse(uri);
    const { key, config } = this.placement(parsed.scheme === 'file' ? parsed.fsPath : parsed.path, uri);
    const { today: todaySetting, maxFileSize: maxFileSizeSetting } = this.editorSettings.get(key) ?? {};
    const group = this.groups().find((candidate) => candidate.key === key);
    return { key, config, group, todaySetting, maxFileSizeSetting, today: todaySetting ?? config?.config.today ?? this.host.clockToday() };
  }

  /** The real date, `YYYY-MM-DD`. */
  clockToday(): string {
    return this.host.clockToday();
  }

  /** Sets the editor's settings for a group (`{}` clears them). */
  setEditorSettings(groupKey: string, settings: EditorSettings): void {
    const before = this.editorSettings.get(groupKey);
    if (before?.today === settings.today && before?.maxFileSize === settings.maxFileSize) return;
    if (settings.today === undefined && settings.maxFileSize === undefined) this.editorSettings.delete(groupKey);
    else this.editorSettings.set(groupKey, settings);
    this.analyses.delete(groupKey);
  }

  /** Whether a known file is past the largest size checked: then it is never parsed, and features leave it alone. */
  tooLarge(file: GoalFile): boolean {
    const { key, config } = this.placement(file.fsPath, file.uri);
    return this.sizeOver(file, maxFileSizeOf(this.editorSettings.get(key)?.maxFileSize, config?.config)) !== undefined;
  }

  /** A file's size past `max`, if it is. */
  private sizeOver(file: GoalFile, max: number): number | undefined {
    return sizeOver(file.text, max, () => (file.bytes ??= utf8Bytes(file.text)));
  }

  /** Every known goal file. */
  allFiles(): GoalFile[] {
    return [...this.files.values()];
  }

  file(uri: string): GoalFile | undefined {
    return this.files.get(uri);
  }

  /** The parse of a file, incremental from its previous version. */
  parsed(file: GoalFile): ParsedYaml {
    if (!file.parsed) {
      file.parsed = file.parser.parse(file.text, file.sinceParse);
      file.sinceParse = undefined;
    }
    return file.parsed;
  }

  /** The line index of a file's current text. */
  lines(file: GoalFile): LineIndex {
    file.lines ??= new LineIndex(file.text);
    return file.lines;
  }

  /** Every group, in a stable order. */
  groups(): Group[] {
    this.groupCache ??= this.computeGroups();
    return this.groupCache;
  }

  /** The shared grouping rule (core/workspaceGroups.ts), with the workspace folders as roots. */
  private computeGroups(): Group[] {
    const pathOf = (uri: string) => (this.files.get(uri) as GoalFile).fsPath;
    return groupWorkspaces([...this.files.keys()].sort(), this.resolver, { roots: this.folders, pathOf }).map(({ key, config, files }) => ({
      key,
      config,
      uris: files,
    }));
  }

  /** The group a file belongs to, if the file is known and not ignored. */
  groupOf(uri: string): Group | undefined {
    const file = this.files.get(uri);
    if (!file) return undefined;
    return this.groups().find((group) => group.uris.includes(uri));
  }

  /** The analysis of a group, computed now if anything in it changed. */
  analysis(group: Group): Analysis {
    const cached = this.analyses.get(group.key);
    if (cached) return cached;
    const settings = this.editorSettings.get(group.key);
    const max = maxFileSizeOf(settings?.maxFileSize, group.config?.config);
    const sources = group.uris.map((uri) => {
      const file = this.files.get(uri) as GoalFile;
      // A file past the largest size is left to lint unparsed: it reports it with one finding.
      const checked = this.sizeOver(file, max) === undefined;
      return {
        file: uri,
        text: file.text,
        parsed: checked ? this.parsed(file) : undefined,
        lines: checked ? this.lines(file) : undefined,
        withinSize: checked,
        config: group.config?.config,
      };
    });
    const analysis = lint(sources, { today: settings?.today, maxFileSize: settings?.maxFileSize, clockToday: this.host.clockToday() });
    this.analyses.set(group.key, analysis);
    return analysis;
  }

  /** The analysis that covers a file. */
  analysisFor(uri: string): Analysis | undefined {
    const group = this.groupOf(uri);
    return group && this.analysis(group);
  }

  /** Every config that applies to some file, with its problems (for diagnostics on the config itself). */
  configs(): LoadedConfig[] {
    const seen = new Map<string, LoadedConfig>();
    for (const group of this.groups()) if (group.config) seen.set(group.config.file, group.config);
    return [...seen.values()];
  }

  private placement(fsPath: string, uri: string): Placement {
    return placeFile(uri, fsPath, this.resolver, this.folders);
  }

  /** Files came or went, or configs changed: groups and every analysis are recomputed. */
  private structureChanged(): void {
    this.groupCache = undefined;
    this.analyses.clear();
  }

  private invalidate(uri: string): void {
    const file = this.files.get(uri);
    if (!file) {
      this.analyses.clear();
      return;
    }
    this.analyses.delete(this.placement(file.fsPath, file.uri).key);
  }

  private create(uri: string, text: string): GoalFile {
    const parsedUri = URI.parse(uri);
    const file: GoalFile = { uri, fsPath: parsedUri.scheme === 'file' ? parsedUri.fsPath : parsedUri.path, text, parser: new IncrementalParser() };
    this.files.set(uri, file);
    this.structureChanged();
    return file;
  }

  private readFromDisk(uri: string): boolean {
    const fsPath = URI.parse(uri).fsPath;
    const text = this.host.readFile(fsPath);
    if (text === undefined) return false;
    const file = this.files.get(uri) ?? this.create(uri, text);
    file.text = text;
    file.version = undefined;
    file.parsed = undefined;
    file.sinceParse = undefined;
    file.lines = undefined;
    file.bytes = undefined;
    return true;
  }
}

function isInside(folder: string, file: string): boolean {
  const relative = path.relative(folder, file);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
