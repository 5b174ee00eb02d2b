/**
 * Paths as the front ends name files, without the file system: absolute with `/` or `\` (disk, the
 * editor) or relative to a repository root with `/` (a git revision, whose root folder is `''`). The
 * workspace resolver walks folders with these, so it serves disk, editor and git alike.
 */

/** Whether a path is absolute (`/…`, `\…` or `C:…`). */
export function isAbsolutePath(file: string): boolean {
  return /^([\\/]|[A-Za-z]:)/.test(file);
}

/**
 * The folder holding a path: `''` for a bare relative name (the root of a revision), undefined for a
 * root itself (`/`, `C:\`, `''`). A root keeps its separator (`/a` → `/`).
 */
export function parentFolder(file: string): string | undefined {
  if (file === '') return undefined;
  const index = Math.max(file.lastIndexOf('/'), file.lastIndexOf('\\'));
  if (index < 0) return /^[A-Za-z]:$/.test(file) ? undefined : '';
  if (index === file.length - 1) return undefined;
  const head = file.slice(0, index);
  return head === '' || /^[A-Za-z]:$/.test(head) ? file.slice(0, index + 1) : head;
}

/** A name inside a folder, with the folder's own separator. */
export function joinPath(folder: string, name: string): string {
  if (folder === '' || /[\\/]$/.test(folder)) return folder + name;
  return `${folder}${folder.includes('\\') && !folder.includes('/') ? '\\' : '/'}${name}`;
}

/** The path of `file` inside `folder` with `/` separators, or undefined when it is not strictly inside. */
export function pathInside(folder: string, file: string): string | undefined {
  if (folder === '') return isAbsolutePath(file) || file === '' ? undefined : file.replace(/\\/g, '/');
  if (file.length <= folder.length || !file.startsWith(folder)) return undefined;
  const rest = /[\\/]$/.test(folder) ? file.slice(folder.length) : /^[\\/]/.test(file.slice(folder.length)) ? file.slice(folder.length + 1) : undefined;
  return rest === undefined || rest === '' ? undefined : rest.replace(/\\/g, '/');
}
