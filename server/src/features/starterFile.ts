/** `goalpost/starterFile`: the text of a new goals file, fitted to the workspace it will join. */
import { starterContext, starterGoals } from '../core/starter';
import type { Project } from '../project';
import type { StarterFileParams, StarterFileResult } from '../protocol';

/** The starter for a file at `params.uri`, dated as its workspace checks. */
export function starterFile(project: Project, params: StarterFileParams): StarterFileResult {
  const place = project.placeOf(params.uri);
  const group = place.group;
  if (!group || group.uris.length === 0) return { text: starterGoals(place.today), joins: 0 };
  const analysis = project.analysis(group);
  return { text: starterGoals(analysis.todayOf(group.uris[0]), starterContext(analysis.workspace)), joins: group.uris.length };
}
