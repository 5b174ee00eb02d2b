/**
 * Node-side configuration lookup shared by the CLI and the language server: each goal file gets its
 * nearest `.goalpost.yaml`, read once and validated by the core. Never throws: a config that cannot be
 * read or is invalid carries its problems, and the caller decides (the CLI stops, the server reports).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { DEFAULT_CONFIG, parseConfig, type Config } from '../core/config';
import { rules } from '../core/rules';
import type { Finding } from '../core/types';
import { errorReason, isFile, stripBom, toPosix } from './fsUtil';

/** File names of a configuration, in order of preference. */
export const CONFIG_NAMES = ['.goalpost.yaml', '.goalpost.yml'];

/** A configuration file and the folder it governs. */
export interface LoadedConfig {
  /** Absolute path of the config file. */
  readonly file: string;
  /** Absolute folder: the workspace root, and the base of `ignore` globs. */
  readonly root: string;
  /** The validated configuration; the defaults when the file is unreadable or invalid. */
  readonly config: Config;
  /** Why the file could not be read, if it could not. */
  readonly readError?: string;
  /** Syntax and schema problems of the file (findings on the config file itself). */
  readonly problems: readonly Finding[];
  /** Matches absolute paths against the config's `ignore` globs. */
  readonly ignores: (absolute: string) => boolean;
}

/** Reads configs once each and finds the nearest one for a file. */
export class ConfigResolver {
  private readonly byFolder = new Map<string, LoadedConfig | undefined>();
  private readonly loaded = new Map<string, LoadedConfig>();

  /** `forced`: an absolute config path that then applies to every file (`--config`). */
  constructor(private readonly forced?: string) {}

  /** The config that applies to an absolute file path, or undefined for defaults. */
  configFor(absolute: string): LoadedConfig | undefined {
    if (this.forced) return this.load(this.forced);
    return this.nearest(path.dirname(absolute));
  }

  /** Every config read so far. */
  all(): LoadedConfig[] {
    return [...this.loaded.values()];
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
    const root = path.dirname(file);
    let result: LoadedConfig;
    try {
      const { config, problems } = parseConfig(stripBom(fs.readFileSync(file, 'utf8')), file, rules);
      const effective = config ?? DEFAULT_CONFIG;
      const matcher = effective.ignore.length > 0 ? picomatch([...effective.ignore], { dot: true }) : undefined;
      const ignores = (absolute: string) => matcher !== undefined && matcher(toPosix(path.relative(root, absolute)));
      result = { file, root, config: effective, problems, ignores };
    } catch (error) {
      result = { file, root, config: DEFAULT_CONFIG, readError: errorReason(error), problems: [], ignores: () => false };
    }
    this.loaded.set(file, result);
    return result;
  }
}
