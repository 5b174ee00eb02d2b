/** `goalpost tree`: the strategy as a terminal tree, objectives → goals → targets, with progress and status. */
import * as path from 'node:path';
import { buildOutline, type OutlineNode } from '../core/outline';
import { analyzeInputs } from './analyze';
import { summarize } from './formatters/format';
import { EXIT, type CliIO } from './io';
import { renderTree, type TreeWorkspace } from './treeText';

/** Options of `goalpost tree`. */
export interface TreeOptions {
  readonly today?: string;
  readonly color: boolean;
  /** Columns to fit lines to (titles are ellipsised); none for no limit. */
  readonly width?: number;
}

/**
 * Finds and groups files exactly as `check` does, lints each workspace, and prints its outline. Exit 0
 * whatever the findings (the tree informs, `check` judges); usage and I/O errors throw UsageError (exit 2).
 */
export async function runTree(paths: readonly string[], options: TreeOptions, io: CliIO): Promise<number> {
  const analyzed = await analyzeInputs(paths, options, io);
  const wanted = new Set(analyzed.requested);
  const workspaces: TreeWorkspace[] = analyzed.workspaces.map(({ group, analysis }) => {
    const everything = group.files.every((file) => wanted.has(file));
    const shown = group.files.filter((file) => wanted.has(file));
    return {
      title: folderTitle(io.cwd, group.config ? group.config.root : commonFolder(shown)),
      fileCount: shown.length,
      today: analysis.todayOf(shown[0] ?? group.files[0]),
      roots: everything ? buildOutline(analysis) : scoped(buildOutline(analysis), wanted),
      findings: summarize(analysis.findings.filter((finding) => wanted.has(finding.file))),
    };
  });
  io.stdout(renderTree(workspaces, options.color, options.width));
  return EXIT.ok;
}

/**
 * The outline of the requested files of a workspace whose other files were loaded only for references:
 * as `buildOutline(analysis, file)` scopes to one file, generalised to several.
 */
function scoped(roots: readonly OutlineNode[], wanted: ReadonlySet<string>): OutlineNode[] {
  const inScope = (node: OutlineNode) => node.file !== undefined && wanted.has(node.file);
  const out: OutlineNode[] = [];
  for (const root of roots) {
    if (root.kind === 'objective') {
      if (inScope(root) || root.children.some(inScope)) out.push(root);
    } else {
      const children = root.children.filter(inScope);
      if (children.length > 0) out.push({ ...root, children });
    }
  }
  return out;
}

/** The deepest folder holding every file. */
export function commonFolder(files: readonly string[]): string {
  let folder = path.dirname(files[0] ?? '.');
  while (!files.every((file) => file.startsWith(folder.endsWith(path.sep) ? folder : folder + path.sep))) {
    const parent = path.dirname(folder);
    if (parent === folder) break;
    folder = parent;
  }
  return folder;
}

/** A folder as the user reads it: relative to the working directory (`.` for the working directory itself). */
function folderTitle(cwd: string, folder: string): string {
  const relative = path.relative(cwd, folder).split(path.sep).join('/');
  return relative === '' ? '.' : relative;
}
