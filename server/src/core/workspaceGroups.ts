/**
 * The one rule for which goal files are checked together (a workspace: ids are global inside it), shared
 * by the editor, `goalpost check` and `goalpost diff`:
 * - a file belongs to the workspace of its nearest `.goalpost.yaml` (a broken config still groups its
 *   files; the front end reports the config);
 * - a file that no config covers belongs to the workspace of the deepest root folder holding it: the
 *   editor's workspace folders, the folders named to `goalpost check` (and its working directory), the
 *   repository for `goalpost diff`;
 * - a file under no config and no root is a workspace alone;
 * - a file an `ignore` glob of its config matches is in no workspace (unless ignoring is switched off).
 * Each front end decides which files it knows (its file listing); this module only groups them.
 */
import type { ConfigResolver, LoadedConfig } from './configResolver';
import { pathInside } from './paths';

/** Where a file belongs. */
export interface Placement {
  /** `config:<config file>`, `folder:<root>`, or `file:<file>` for a file alone; stable between calls. */
  readonly key: string;
  /** The config that applies, when one does. */
  readonly config?: LoadedConfig;
  /** The root folder that holds the file, when no config applies. */
  readonly root?: string;
}

/** A set of goal files checked together, with the config that applies to them. */
export interface WorkspaceGroup {
  readonly key: string;
  readonly config?: LoadedConfig;
  /** The root folder the group is under when no config applies. */
  readonly root?: string;
  /** The group's files, as the caller names them, sorted. */
  readonly files: string[];
}

/** How files are grouped. */
export interface GroupOptions {
  /** Folders whose config-less files form one workspace each (the deepest holding a file wins). */
  readonly roots?: readonly string[];
  /** False (`--no-ignore`): files an `ignore` glob matches are grouped too. */
  readonly ignore?: boolean;
  /** The path of a file, when the caller names files otherwise (the editor names them by URI). */
  readonly pathOf?: (file: string) => string;
}

/** Where one file belongs, whether or not it exists yet. `file` is how the caller names it, `path` its path. */
export function placeFile(file: string, path: string, resolver: ConfigResolver, roots: readonly string[] = []): Placement {
  const config = resolver.configFor(path);
  if (config) return { key: `config:${config.file}`, config };
  let root: string | undefined;
  for (const candidate of roots) {
    if (pathInside(candidate, path) !== undefined && (root === undefined || candidate.length > root.length)) root = candidate;
  }
  return root === undefined ? { key: `file:${file}` } : { key: `folder:${root}`, root };
}

/**
 * Groups files into workspaces. Groups come in the order of their first file in `files`; each group's
 * files are sorted.
 */
export function groupWorkspaces(files: Iterable<string>, resolver: ConfigResolver, options: GroupOptions = {}): WorkspaceGroup[] {
  const pathOf = options.pathOf ?? ((file: string) => file);
  const ignore = options.ignore ?? true;
  const groups = new Map<string, Placement & { files: Set<string> }>();
  for (const file of files) {
    const path = pathOf(file);
    const place = placeFile(file, path, resolver, options.roots);
    if (ignore && place.config?.ignores(path)) continue;
    let group = groups.get(place.key);
    if (!group) {
      group = { ...place, files: new Set() };
      groups.set(place.key, group);
    }
    group.files.add(file);
  }
  return [...groups.values()].map(({ key, config, root, files: members }) => ({ key, config, root, files: [...members].sort() }));
}
