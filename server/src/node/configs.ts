/**
 * The disk side of configuration lookup, shared by the CLI and the language server: the core's
 * `ConfigResolver` reading `.goalpost.yaml` files from disk, with picomatch for `ignore` globs.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import picomatch from 'picomatch';
import { ConfigResolver, type ConfigRead, type ConfigSource } from '../core/configResolver';
import { errorReason, isFile, stripBom } from './fsUtil';

export { CONFIG_NAMES, ConfigResolver, type LoadedConfig } from '../core/configResolver';

/** Compiles `ignore` globs (relative, `/`-separated; dot files included) into one test. */
export function globMatcher(globs: readonly string[]): (relative: string) => boolean {
  return picomatch([...globs], { dot: true });
}

/** Configs read from disk: a regular file at an absolute path (a relative one names no place on disk). */
export const diskConfigSource: ConfigSource = {
  read(file: string): ConfigRead | undefined {
    if (!path.isAbsolute(file) || !isFile(file)) return undefined;
    try {
      return { text: stripBom(fs.readFileSync(file, 'utf8')) };
    } catch (error) {
      return { error: errorReason(error) };
    }
  },
  ignoreMatcher: globMatcher,
};

/** A resolver over the disk; `forced` (absolute) applies to every file instead of the nearest config. */
export function diskConfigResolver(forced?: string): ConfigResolver {
  return new ConfigResolver(diskConfigSource, forced === undefined ? undefined : path.normalize(forced));
}
