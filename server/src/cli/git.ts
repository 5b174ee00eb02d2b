/**
 * Reading goal files out of git revisions by calling the real `git` binary with argument arrays (never a
 * shell string): revisions resolved with `rev-parse`, files listed with `ls-tree`/`ls-files`, blobs read in
 * one `cat-file --batch`. Every failure is a UsageError (exit 2) with one line.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from './errors';

/** A file of a revision: its path relative to the repository root (with `/`) and its text. */
export interface RevisionFile {
  readonly path: string;
  readonly text: Buffer;
}

/** Runs git and resolves to its stdout, or rejects with the exit code and the first line of stderr. */
function git(cwd: string, args: readonly string[], input?: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // git needs the real environment (PATH, HOME, GIT_DIR…), not the CLI's injected one.
    // GIT_OPTIONAL_LOCKS=0: reading must not take the index lock a concurrent git command may hold.
    const child = spawn('git', args, { cwd, env: { ...process.env, GIT_OPTIONAL_LOCKS: '0' }, stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error: NodeJS.ErrnoException) => {
      reject(error.code === 'ENOENT' ? new UsageError('cannot run `git`: it is not installed or not on the PATH') : error);
    });
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitFailed(code, Buffer.concat(err).toString('utf8')));
    });
    // git may exit before reading all of stdin (a bad object name); that EPIPE is reported by its exit code.
    child.stdin.on('error', () => undefined);
    child.stdin.end(input);
  });
}

/** git exited with a non-zero code. */
class GitFailed extends Error {
  constructor(
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(firstLine(stderr) || `git exited with code ${code}`);
  }
}

function firstLine(text: string): string {
  return (
    text
      .split('\n')
      .map((line) => line.trim())
      .find((line) => line !== '') ?? ''
  );
}

/** Runs git, turning a failure into a one-line UsageError that says what was being done. */
async function gitOrFail(cwd: string, args: readonly string[], doing: string, input?: Buffer): Promise<Buffer> {
  try {
    return await git(cwd, args, input);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot ${doing}: ${error instanceof Error ? error.message.replace(/^(fatal|error): /, '') : String(error)}`);
  }
}

/** The root of the working tree that holds `cwd`; a UsageError when `cwd` is not in a git repository. */
export async function repositoryRoot(cwd: string): Promise<string> {
  try {
    const root = (await git(cwd, ['rev-parse', '--show-toplevel'])).toString('utf8').trim();
    if (root === '') throw new UsageError('`goalpost diff` needs a git working tree, and this is a bare repository');
    return path.resolve(root);
  } catch (error) {
    if (error instanceof GitFailed) throw new UsageError('not a git repository (or any parent folder): `goalpost diff` compares git revisions');
    throw error;
  }
}

/** The full commit id a revision names; a UsageError when it names no commit. */
export async function resolveCommit(root: string, revision: string): Promise<string> {
  if (revision === '' || revision.startsWith('-')) throw new UsageError(`bad revision ${JSON.stringify(revision)}: expected a commit, branch or tag`);
  try {
    return (await git(root, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`])).toString('utf8').trim();
  } catch (error) {
    if (error instanceof GitFailed) throw new UsageError(`bad revision ${JSON.stringify(revision)}: no commit, branch or tag has that name`);
    throw error;
  }
}

/** The regular files of a commit (symlinks and submodules left out) whose path `wanted` accepts, in path order. */
export async function readCommitFiles(root: string, commit: string, wanted: (file: string) => boolean): Promise<RevisionFile[]> {
  const listing = await gitOrFail(root, ['ls-tree', '-r', '-z', '--full-tree', commit], `list the files of ${commit.slice(0, 12)}`);
  const blobs: { path: string; object: string }[] = [];
  for (const entry of listing.toString('utf8').split('\0')) {
    // "<mode> <type> <object>\t<path>"
    const match = /^(100644|100755) blob ([0-9a-f]+)\t([\s\S]+)$/.exec(entry);
    if (match && wanted(match[3])) blobs.push({ path: match[3], object: match[2] });
  }
  if (blobs.length === 0) return [];
  const output = await gitOrFail(
    root,
    ['cat-file', '--batch'],
    `read the files of ${commit.slice(0, 12)}`,
    Buffer.from(blobs.map((blob) => `${blob.object}\n`).join('')),
  );
  const files: RevisionFile[] = [];
  let offset = 0;
  for (const blob of blobs) {
    // "<object> blob <size>\n<content>\n"
    const headerEnd = output.indexOf(0x0a, offset);
    const header = output.subarray(offset, headerEnd).toString('utf8');
    const size = Number(/^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1] ?? NaN);
    if (headerEnd < 0 || !Number.isInteger(size))
      throw new UsageError(`cannot read ${blob.path} in ${commit.slice(0, 12)}: git answered ${JSON.stringify(header)}`);
    const start = headerEnd + 1;
    files.push({ path: blob.path, text: output.subarray(start, start + size) });
    offset = start + size + 1;
  }
  return files;
}

/**
 * The files of the working tree that git would show: tracked ones still on disk and untracked ones not
 * ignored (`ls-files --cached --others --exclude-standard`), read from disk, in path order.
 */
export async function readWorkingTreeFiles(root: string, wanted: (file: string) => boolean): Promise<RevisionFile[]> {
  const listing = await gitOrFail(root, ['ls-files', '-z', '--cached', '--others', '--exclude-standard', '--full-name'], 'list the files of the working tree');
  const names = [...new Set(listing.toString('utf8').split('\0'))].filter((name) => name !== '' && wanted(name)).sort();
  const files: RevisionFile[] = [];
  for (const name of names) {
    const absolute = path.join(root, ...name.split('/'));
    let text: Buffer;
    try {
      // Symlinks are left out as they are in commits, whose listing skips them, so both sides read alike.
      if (!fs.lstatSync(absolute).isFile()) continue;
      text = fs.readFileSync(absolute);
    } catch (error) {
      // Tracked but deleted from disk: absent from the working tree, as `git status` says.
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') continue;
      throw new UsageError(`cannot read ${name}: ${error instanceof Error ? error.message : String(error)}`);
    }
    files.push({ path: name, text });
  }
  return files;
}
