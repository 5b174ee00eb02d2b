/**
 * Finding the goal files the user means: paths, directories and globs expanded, each file given its
 * nearest `.goalpost.yaml`, and files grouped into workspaces (one per config folder).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { ConfigResolver, type LoadedConfig } from '../node/configs';
import { ALWAYS_IGNORED, errorReason, globGoals, isDirectory, isFile, stripBom, toPosix } from '../node/fsUtil';
import { UsageError } from './errors';

/**
 * The CLI's view of configs: the nearest one for a file, and a usage error (exit 2) the moment a config
 * that applies cannot be read or is invalid.
 */
export class CliConfigs {
  private readonly resolver: ConfigResolver;

  constructor(
    private readonly cwd: string,
    forced?: string,
  ) {
    this.resolver = new ConfigResolver(forced === undefined ? undefined : path.resolve(cwd, forced));
  }

  /** The valid config that applies to a file, or undefined for defaults; throws UsageError when it is broken. */
  configFor(absolute: string): LoadedConfig | undefined {
    const loaded = this.resolver.configFor(absolute);
    if (!loaded) return undefined;
    const where = relativeTo(this.cwd, loaded.file);
    if (loaded.readError) throw new UsageError(`cannot read config ${where}: ${loaded.readError}`);
    const [first] = loaded.problems;
    if (first) {
      const more = loaded.problems.length > 1 ? ` (and ${loaded.problems.length - 1} more problem${loaded.problems.length > 2 ? 's' : ''})` : '';
      throw new UsageError(`invalid config ${where}:${first.range.start.line + 1}:${first.range.start.character + 1}: ${first.message}${more}`);
    }
    return loaded;
  }
}

/** How `expandInputs` treats the config's `ignore` globs and standard input. */
export interface ExpandOptions {
  /** False with `--no-ignore`: nothing is skipped. */
  readonly ignore: boolean;
  /** The absolute path the text of `-` (standard input) is checked as. */
  readonly stdinFile?: string;
  /** Told of each file named explicitly but skipped by an `ignore` glob (ESLint warns about those too). */
  readonly onIgnored?: (absolute: string, config: string) => void;
}

/**
 * Expands the command line's paths, directories and globs into absolute goal-file paths, in a stable order.
 * Files under a directory or matched by a glob that an `ignore` glob matches are skipped silently; a file
 * named explicitly is skipped with a word to `onIgnored`, since the user asked for it.
 */
export function expandInputs(inputs: readonly string[], cwd: string, resolver: CliConfigs, options: ExpandOptions = { ignore: true }): string[] {
  const out = new Set<string>();
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let matches: string[];
    if (input === '-' && options.stdinFile !== undefined) {
      const config = options.ignore ? resolver.configFor(options.stdinFile) : undefined;
      if (config?.ignores(options.stdinFile)) options.onIgnored?.(options.stdinFile, config.file);
      else out.add(options.stdinFile);
      continue;
    } else if (isDirectory(absolute)) {
      matches = globGoals(absolute);
      if (matches.length === 0) throw new UsageError(`no goal files (*.goals.yaml, *.goals.yml) under ${input}`);
    } else if (fs.existsSync(absolute)) {
      const config = options.ignore ? resolver.configFor(absolute) : undefined;
      if (config?.ignores(absolute)) options.onIgnored?.(absolute, config.file);
      else out.add(path.normalize(absolute));
      continue;
    } else if (isDynamicPattern(input)) {
      matches = globSync(input, { cwd, absolute: true, dot: false, ignore: ALWAYS_IGNORED }).filter((file) => isFile(file));
      if (matches.length === 0) throw new UsageError(`no files match ${input}`);
    } else {
      throw new UsageError(`no such file or directory: ${input}`);
    }
    for (const file of matches.sort()) {
      if (!options.ignore || !resolver.configFor(file)?.ignores(file)) out.add(path.normalize(file));
    }
  }
  return [...out];
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
export function groupWorkspaces(requested: readonly string[], resolver: CliConfigs, ignore = true): WorkspaceGroup[] {
  const groups = new Map<string, { config?: LoadedConfig; files: Set<string> }>();
  for (const file of requested) {
    const config = resolver.configFor(file);
    const key = config?.file ?? '';
    let group = groups.get(key);
    if (!group) {
      const members = config ? globGoals(config.root).filter((member) => resolver.configFor(member) === config && !(ignore && config.ignores(member))) : [];
      group = { config, files: new Set(members) };
      groups.set(key, group);
    }
    group.files.add(file);
  }
  return [...groups.values()].map((group) => ({ config: group.config, files: [...group.files].sort() }));
}

/** Reads a goals file as text, without a byte-order mark (editors hide it, so columns must too). */
export function readGoalsFile(file: string, cwd: string): string {
  try {
    return stripBom(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UsageError(`cannot read ${relativeTo(cwd, file)}: ${errorReason(error)}`);
  }
}

/** A path relative to the working directory with forward slashes, as every output shows files. */
export function relativeTo(cwd: string, file: string): string {
  return toPosix(path.relative(cwd, file)) || path.basename(file);
}
