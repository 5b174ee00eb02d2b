/** `goalpost/diagram`: the strategy graph of a file's workspace for the preview, built by the core renderer. */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Analysis } from '../core/lint';
import { buildGraphAndKeys } from '../core/render/build';
import type { StrategyGraph } from '../core/render/graph';
import type { Item } from '../core/model';
import type { Group, Project } from '../project';
import type { DiagramExtent, DiagramParams, DiagramResult } from '../protocol';

/**
 * Graphs by analysis: a group's analysis is a new object whenever anything in it changes, so switching
 * between the files of one workspace (a new `active`, the same graph) builds nothing again. Building takes
 * about 80 ms at 2,000 goals.
 */
const graphs = new WeakMap<Analysis, { graph: StrategyGraph; keys: ReadonlyMap<Item, string> }>();

/**
 * The diagram of the workspace `uri` belongs to, its items active, with their extents so the preview can
 * tell which node the cursor is in. Without a known goals file: the first workspace (a preview opened from
 * the Goals view before any goals file), nothing active; no workspace at all: an empty graph.
 */
export function diagram(project: Project, params: DiagramParams): DiagramResult {
  const group = (params.uri !== undefined ? project.groupOf(params.uri) : undefined) ?? project.groups()[0];
  if (!group) return { graph: { nodes: [], edges: [], departments: [] }, active: [], extents: [], title: 'no goals files' };
  const analysis = project.analysis(group);
  let built = graphs.get(analysis);
  if (!built) {
    built = buildGraphAndKeys(analysis);
    graphs.set(analysis, built);
  }
  const { graph, keys } = built;
  const uri = params.uri !== undefined && group.uris.includes(params.uri) ? params.uri : undefined;
  if (uri === undefined) return { graph, active: [], extents: [], title: titleOf(group) };

  // Each drawn item of the file, with its whole range: the preview finds the node under the cursor by it.
  const { workspace } = analysis;
  const extents: DiagramExtent[] = [];
  for (const items of [workspace.objectives, workspace.goals, workspace.kpis]) {
    for (const item of items) {
      const key = item.file === uri ? keys.get(item) : undefined;
      if (key !== undefined) extents.push({ key, range: analysis.rangeOf(uri, { path: item.path }) });
    }
  }
  extents.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  const active = graph.nodes.filter((node) => node.file === uri).map((node) => node.key);
  return { graph, active, extents, title: titleOf(group) };
}

/** The workspace's folder name: its configuration's root, else the folder of its first file. */
function titleOf(group: Group): string {
  const folder = group.config?.root ?? path.posix.dirname(URI.parse(group.uris[0] ?? 'file:///').path);
  return path.basename(folder) || folder;
}
