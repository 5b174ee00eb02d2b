/** `goalpost/outline`: the core's outline model with file identifiers as URIs. */
import { buildOutline, type OutlineNode } from '../core/outline';
import type { Project } from '../project';
import type { OutlineItem, OutlineParams, OutlineResult } from '../protocol';

/** The outline of one document (its items, in the context of its workspace) or of every workspace. */
export function outline(project: Project, params: OutlineParams): OutlineResult {
  const grouping = params.groupBy ?? 'objective';
  if (params.uri !== undefined) {
    const analysis = project.analysisFor(params.uri);
    return { items: analysis ? buildOutline(analysis, params.uri, grouping).map(toItem) : [] };
  }
  return { items: project.groups().flatMap((group) => buildOutline(project.analysis(group), undefined, grouping).map(toItem)) };
}

function toItem(node: OutlineNode): OutlineItem {
  const { file, children, ...rest } = node;
  return { ...rest, uri: file, children: children.map(toItem) };
}
