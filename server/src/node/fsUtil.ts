/** Small file-system helpers shared by the CLI and the language server. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { globSync } from 'tinyglobby';

/** Names a goals file has. */
export const GOALS_GLOB = '**/*.goals.{yaml,yml}';

/** Folders never searched for goal files. */
export const ALWAYS_IGNORED = ['**/node_modules/**', '**/.git/**'];

/** Whether a path names a goals file. */
export function isGoalsFile(file: string): boolean {
  return /\.goals\.ya?ml$/i.test(file);
}

/** Every goal file under a folder, absolute and sorted, without node_modules and .git. */
export function globGoals(folder: string): string[] {
  return globSync(GOALS_GLOB, { cwd: folder, absolute: true, dot: true, ignore: ALWAYS_IGNORED })
    .map((file) => path.normalize(file))
    .sort();
}

/** Drops a leading byte-order mark: editors hide it, so columns must too. */
export function stripBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** A path with forward slashes, as every output shows files. */
export function toPosix(file: string): string {
  return file.split(path.sep).join('/');
}

/** Whether a path is an existing regular file. */
export function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Whether a path is an existing directory. */
export function isDirectory(file: string): boolean {
  try {
    return fs.statSync(file).isDirectory();
  } catch {
    return false;
  }
}

/** A short human reason for a failed file operation. */
export function errorReason(error: unknown): string {
  switch ((error as NodeJS.ErrnoException).code) {
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
