/**
 * Finding the goal files the user means: paths, directories and globs expanded, and the files grouped
 * into workspaces by the rule the editor and `diff` share (core/workspaceGroups.ts).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync, isDynamicPattern } from 'tinyglobby';
import { groupWorkspaces, type WorkspaceGroup } from '../core/workspaceGroups';
import { diskConfigResolver, type ConfigResolver, type LoadedConfig } from '../node/configs';
import { ALWAYS_IGNORED, errorReason, globGoals, isDirectory, isFile, stripBom, toPosix } from '../node/fsUtil';
import { UsageError } from './errors';

export type { WorkspaceGroup } from '../core/workspaceGroups';

/**
 * The CLI's view of configs: the nearest one for a file, and a usage error (exit 2) the moment a config
 * that applies cannot be read or is invalid.
 */
export class CliConfigs {
  /** The lookup itself, which never throws (a broken config carries its problems). */
  readonly resolver: ConfigResolver;

  constructor(
    private readonly cwd: string,
    forced?: string,
  ) {
    this.resolver = diskConfigResolver(forced === undefined ? undefined : path.resolve(cwd, forced));
  }

  /** The valid config that applies to a file, or undefined for defaults; throws UsageError when it is broken. */
  configFor(absolute: string): LoadedConfig | undefined {
    const loaded = this.resolver.configFor(absolute);
    return loaded && this.usable(loaded);
  }

  /** The config itself when it can be used; throws UsageError naming the first problem when it cannot. */
  usable(loaded: LoadedConfig): LoadedConfig {
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
export function expandInputs(inputs: readonly string[], cwd: string, configs: ConfigResolver, options: ExpandOptions = { ignore: true }): string[] {
  const out = new Set<string>();
  for (const input of inputs.length > 0 ? inputs : ['.']) {
    const absolute = path.resolve(cwd, input);
    let matches: string[];
    if (input === '-' && options.stdinFile !== undefined) {
      const config = options.ignore ? configs.configFor(options.stdinFile) : undefined;
      if (config?.ignores(options.stdinFile)) options.onIgnored?.(options.stdinFile, config.file);
      else out.add(options.stdinFile);
      continue;
    } else if (isDirectory(absolute)) {
      matches = globGoals(absolute);
      if (matches.length === 0) throw new UsageError(`no goal files (*.goals.yaml, *.goals.yml) under ${input}`);
    } else if (fs.existsSync(absolute)) {
      const config = options.ignore ? configs.configFor(absolute) : undefined;
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
      if (!options.ignore || !configs.configFor(file)?.ignores(file)) out.add(path.normalize(file));
    }
  }
  return [...out];
}

/**
 * `check`'s workspaces: the requested files, plus the other goal files under each requested file's
 * config (so `check` of one file still resolves references to its siblings), grouped by the shared rule.
 * Files without a config are grouped under the folder named on the command line that holds them, else
 * under the working directory. Broken configs are not judged here: `usableWorkspaces` refuses them.
 */
export function checkWorkspaces(
  requested: readonly string[],
  inputs: readonly string[],
  cwd: string,
  configs: ConfigResolver,
  ignore = true,
): WorkspaceGroup[] {
  const listing = new Set(requested);
  const expanded = new Set<string>();
  for (const file of requested) {
    const config = configs.configFor(file);
    if (!config || expanded.has(config.file)) continue;
    expanded.add(config.file);
    for (const member of globGoals(config.root)) if (configs.configFor(member) === config) listing.add(member);
  }
  return groupWorkspaces(listing, configs, { roots: checkRoots(inputs, cwd), ignore });
}

/** The folders `check` groups config-less files under: the working directory and every folder named. */
export function checkRoots(inputs: readonly string[], cwd: string): string[] {
  const named = (inputs.length > 0 ? inputs : ['.']).map((input) => path.resolve(cwd, input)).filter((folder) => isDirectory(folder));
  return [...new Set([path.resolve(cwd), ...named])];
}

/** The workspaces when every config that applies can be used; throws UsageError naming the first that cannot. */
export function usableWorkspaces(groups: readonly WorkspaceGroup[], configs: CliConfigs): readonly WorkspaceGroup[] {
  for (const group of groups) if (group.config) configs.usable(group.config);
  return groups;
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
