/**
 * Which `.goalpost.yaml` applies to a goal file: the nearest one up the folder tree (configs are not
 * merged), read once each and validated by the core. Reading is injected (`ConfigSource`), so the CLI and
 * the editor read the disk and `goalpost diff` reads a git revision, all with the same lookup. Never
 * throws: a config that cannot be read or is invalid carries its problems, and the caller decides (the CLI
 * stops, the editor and diff report them on the config).
 */
import { DEFAULT_CONFIG, parseConfig, type Config } from './config';
import { joinPath, parentFolder, pathInside } from './paths';
import { rules } from './rules';
import type { Finding } from './types';

/** File names of a configuration, in order of preference (`.yaml` wins over `.yml` in one folder). */
export const CONFIG_NAMES: readonly string[] = ['.goalpost.yaml', '.goalpost.yml'];

/** What reading a config file gave: its text (without a byte-order mark), or why it could not be read. */
export type ConfigRead = { readonly text: string } | { readonly error: string };

/** Where configs come from: the disk, a git revision, a test's table. */
export interface ConfigSource {
  /** Reads a config file; undefined when there is no such file (then the lookup goes on upwards). */
  read(file: string): ConfigRead | undefined;
  /** Compiles `ignore` globs into a test of paths relative to the config's folder, with `/` separators. */
  ignoreMatcher(globs: readonly string[]): (relative: string) => boolean;
}

/** A configuration file and the folder it governs. */
export interface LoadedConfig {
  /** Path of the config file, as the source names files. */
  readonly file: string;
  /** The folder it governs: the workspace root, and the base of `ignore` globs. */
  readonly root: string;
  /** The validated configuration; the defaults when the file is unreadable or invalid. */
  readonly config: Config;
  /** Why the file could not be read, if it could not. */
  readonly readError?: string;
  /** Syntax and schema problems of the file (findings on the config file itself). */
  readonly problems: readonly Finding[];
  /** Whether the config's `ignore` globs leave out a file (named as the source names files). */
  readonly ignores: (file: string) => boolean;
}

/** Finds the nearest config of a file, reading each config and each folder's lookup once. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, LoadedConfig | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** `forced`: a config file that applies to every file instead of the nearest one (`--config`). */
  constructor(
    private readonly source: ConfigSource,
    private readonly forced?: string,
  ) {}

  /** The config that applies to a file, or undefined when none does (every rule at its defaults). */
  configFor(file: string): LoadedConfig | undefined {
    if (this.forced !== undefined) return this.loaded.get(this.forced) ?? this.load(this.forced, this.source.read(this.forced) ?? { error: 'no such file' });
    const folder = parentFolder(file);
    return folder === undefined ? undefined : this.nearest(folder);
  }

  /** Every config read so far. */
  all(): LoadedConfig[] {
    return [...this.loaded.values()];
  }

  private nearest(folder: string): LoadedConfig | undefined {
    if (this.byFolder.has(folder)) return this.byFolder.get(folder);
    let found: LoadedConfig | undefined;
    for (const name of CONFIG_NAMES) {
      const file = joinPath(folder, name);
      const read = this.loaded.has(file) ? undefined : this.source.read(file);
      found = this.loaded.get(file) ?? (read && this.load(file, read));
      if (found) break;
    }
    if (!found) {
      const parent = parentFolder(folder);
      found = parent === undefined ? undefined : this.nearest(parent);
    }
    this.byFolder.set(folder, found);
    return found;
  }

  private load(file: string, read: ConfigRead): LoadedConfig {
    const root = parentFolder(file) ?? '';
    let result: LoadedConfig;
    if ('error' in read) {
      result = { file, root, config: DEFAULT_CONFIG, readError: read.error, problems: [], ignores: () => false };
    } else {
      const { config, problems } = parseConfig(read.text, file, rules);
      const effective = config ?? DEFAULT_CONFIG;
      const matcher = effective.ignore.length > 0 ? this.source.ignoreMatcher(effective.ignore) : undefined;
      const ignores = (goals: string) => {
        const relative = matcher && pathInside(root, goals);
        return relative !== undefined && matcher !== undefined && matcher(relative);
      };
      result = { file, root, config: effective, problems, ignores };
    }
    this.loaded.set(file, result);
    return result;
  }
}
