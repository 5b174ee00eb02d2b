/** `goalpost/outline`: the core's outline model with file identifiers as URIs. */
import { buildOutline, type OutlineNode } from '../core/outline';
import type { Project } from '../project';
import type { OutlineItem, OutlineParams, OutlineResult } from '../protocol';

/** The outline of one document (its items, in the context of its workspace) or of every workspace. */
export function outline(project: Project, params: OutlineParams): OutlineResult {
  if (params.uri !== undefined) {
    const analysis = project.analysisFor(params.uri);
    return { items: analysis ? buildOutline(analysis, params.uri).map(toItem) : [] };
  }
  return { items: project.groups().flatMap((group) => buildOutline(project.analysis(group)).map(toItem)) };
}

function toItem(node: OutlineNode): OutlineItem {
  return {
    kind: node.kind,
    id: node.id,
    label: node.label,
    uri: node.file,
    range: node.range,
    progress: node.progress,
    status: node.status,
    worst: node.worst,
    children: node.children.map(toItem),
  };
}
