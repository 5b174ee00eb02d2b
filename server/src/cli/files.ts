/**
 * Finding the goal files and configs the user means: paths, directories and globs expanded, each file
 * given its nearest `.goalpost.yaml`, and files grouped into workspaces (one per config folder).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { parseConfig, type Config } from '../core/config';
import { rules } from '../core/rules';
import { UsageError } from './errors';

/** Names a goals file has. */
export const GOALS_GLOB = '**/*.goals.{yaml,yml}';
const CONFIG_NAMES = ['.goalpost.yaml', '.goalpost.yml'];
const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** A loaded configuration and the folder it governs. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  /** Absolute folder: the workspace root, and the base of `ignore` globs. */
  readonly root: string;
  readonly config: Config;
  /** Matches absolute paths against the config's `ignore` globs. */
  readonly ignores: (absolute: string) => boolean;
}

/** Reads configs once each and finds the nearest one for a file. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, LoadedConfig | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** `forced`: the `--config` file, which then applies to every file. */
  constructor(
    private readonly cwd: string,
    private readonly forced?: string,
  ) {}

  /** The config that applies to an absolute file path, or undefined for defaults. */
  configFor(absolute: string): LoadedConfig | undefined {
    if (this.forced) return this.load(path.resolve(this.cwd, this.forced));
    return this.nearest(path.dirname(absolute));
  }

  private nearest(folder: string): LoadedConfig | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    const here = CONFIG_NAMES.map((name) => path.join(folder, name)).find((candidate) => isFile(candidate));
    const parent = path.dirname(folder);
    const found = here ? this.load(here) : parent === folder ? undefined : this.nearest(parent);
    this.byFolder.set(folder, found);
    return found;
  }

  private load(file: string): LoadedConfig {
    const cached = this.loaded.get(file);
    if (cached) return cached;
    let text: string;
    try {
      text = stripBom(fs.readFileSync(file, 'utf8'));
    } catch (error) {
      throw new UsageError(`cannot read config ${relativeTo(this.cwd, file)}: ${reason(error)}`);
    }
    const { config, problems } = parseConfig(text, file, rules);
    if (!config) {
      const [first] = problems;
      const where = `${relativeTo(this.cwd, file)}:${first.range.start.line + 1}:${first.range.start.character + 1}`;
      const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})` : '';
      throw new UsageError(`invalid config ${where}: ${first.message}${more}`);
    }
    const root = path.dirname(file);
    const matcher = config.ignore.length > 0 ? picomatch([...config.ignore], { dot: true }) : undefined;
    const ignores = (absolute: string) => matcher !== undefined && matcher(toPosix(path.relative(root, absolute)));
    const result = { file, root, config, ignores };
    this.loaded.set(file, result);
    return result;
  }
}

/** Expands the command line's paths, directories and globs into absolute goal-file paths, in a stable order. */
export function expandInputs(inputs: readonly string[], cwd: string, resolver: ConfigResolver): string[] {
  const out = new Set<string>();
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let matches: string[];
    if (isDirectory(absolute)) {
      matches = globGoals(absolute);
      if (matches.length === 0) throw new UsageError(`no goal files (*.goals.yaml, *.goals.yml) under ${input}`);
    } else if (fs.existsSync(absolute)) {
      matches = [absolute];
    } else if (isDynamicPattern(input)) {
      matches = globSync(input, { cwd, absolute: true, dot: false, ignore: ALWAYS_IGNORED }).filter((file) => isFile(file));
      if (matches.length === 0) throw new UsageError(`no files match ${input}`);
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
    for (const file of matches.sort()) {
      if (!resolver.configFor(file)?.ignores(file)) out.add(path.normalize(file));
    }
  }
  return [...out];
}

/** Every goal file under a folder, sorted, without node_modules and .git. */
export function globGoals(folder: string): string[] {
  return globSync(GOALS_GLOB, { cwd: folder, absolute: true, dot: true, ignore: ALWAYS_IGNORED }).map((file) => path.normalize(file)).sort();
}

/** A group of files checked together: ids are global inside it. */
export interface WorkspaceGroup {
  readonly config?: LoadedConfig;
  /** Every goal file of the workspace, for references; absolute and sorted. */
  readonly files: string[];
}

/**
 * Groups requested files into workspaces. A file under a `.goalpost.yaml` belongs to that config's
 * workspace, which also loads the other goal files under the config's folder so references resolve;
 * the requested files that have no config form one more workspace together, without siblings.
 */
export function groupWorkspaces(requested: readonly string[], resolver: ConfigResolver): WorkspaceGroup[] {
  const groups = new Map<string, WorkspaceGroup>();
  for (const file of requested) {
    const config = resolver.configFor(file);
    const key = config?.file ?? '';
    let group = groups.get(key);
    if (!group) {
      const members = config ? globGoals(config.root).filter((member) => resolver.configFor(member) === config && !config.ignores(member)) : [];
      group = { config, files: members };
      groups.set(key, group);
    }
    if (!group.files.includes(file)) group.files.push(file);
  }
  for (const group of groups.values()) group.files.sort();
  return [...groups.values()];
}

/** Reads a goals file as text, without a byte-order mark (editors hide it, so columns must too). */
export function readGoalsFile(file: string, cwd: string): string {
  try {
    return stripBom(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${relativeTo(cwd, file)}: ${reason(error)}`);
  }
}

/** A path relative to the working directory with forward slashes, as every output shows files. */
export function relativeTo(cwd: string, file: string): string {
  return toPosix(path.relative(cwd, file)) || path.basename(file);
}

function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

function reason(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'it is a directory';
    default:
      return error instanceof Error ? error.message : String(error);
  }
}
