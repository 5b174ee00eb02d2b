/** `goalpost/diagram`: the strategy graph of a file's workspace for the preview, built by the core renderer. */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import type { Analysis } from '../core/lint';
import { buildGraph } from '../core/render/build';
import type { StrategyGraph } from '../core/render/graph';
import type { Range } from '../core/types';
import type { Group, Project } from '../project';
import type { DiagramExtent, DiagramParams, DiagramResult } from '../protocol';

/**
 * Graphs by analysis: a group's analysis is a new object whenever anything in it changes, so switching
 * between the files of one workspace (a new `active`, the same graph) builds nothing again. Building takes
 * about 80 ms at 2,000 goals.
 */
const graphs = new WeakMap<Analysis, StrategyGraph>();

/**
 * The diagram of the workspace `uri` belongs to, its items active, with their extents so the preview can
 * tell which node the cursor is in. Without a known goals file: the first workspace (a preview opened from
 * the Goals view before any goals file), nothing active; no workspace at all: an empty graph.
 */
export function diagram(project: Project, params: DiagramParams): DiagramResult {
  const group = (params.uri !== undefined ? project.groupOf(params.uri) : undefined) ?? project.groups()[0];
  if (!group) return { graph: { nodes: [], edges: [], departments: [] }, active: [], extents: [], title: 'no goals files' };
  const analysis = project.analysis(group);
  let graph = graphs.get(analysis);
  if (!graph) {
    graph = buildGraph(analysis);
    graphs.set(analysis, graph);
  }
  const uri = params.uri !== undefined && group.uris.includes(params.uri) ? params.uri : undefined;
  if (uri === undefined) return { graph, active: [], extents: [], title: titleOf(group) };

  // Nodes carry their item's head range; the same head identifies the item, whose whole range is the extent.
  const keyByHead = new Map(graph.nodes.filter((node) => node.file === uri).map((node) => [startOf(node.range), node.key]));
  const { workspace } = analysis;
  const extents: DiagramExtent[] = [];
  for (const item of [...workspace.objectives, ...workspace.goals, ...workspace.kpis]) {
    if (item.file !== uri) continue;
    const key = keyByHead.get(startOf(analysis.rangeOf(uri, { path: item.path, part: 'head' })));
    if (key !== undefined) extents.push({ key, range: analysis.rangeOf(uri, { path: item.path }) });
  }
  extents.sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
  return { graph, active: [...keyByHead.values()], extents, title: titleOf(group) };
}

function startOf(range: Range): string {
  return `${range.start.line}:${range.start.character}`;
}

/** The workspace's folder name: its configuration's root, else the folder of its first file. */
function titleOf(group: Group): string {
  const folder = group.config?.root ?? path.posix.dirname(URI.parse(group.uris[0] ?? 'file:///').path);
  return path.basename(folder) || folder;
}
