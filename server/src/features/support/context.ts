/** What every editor feature needs about one document: its parse, lines, and the analysis of its workspace. */
import type { Analysis } from '../../core/lint';
import type { LineIndex } from '../../core/locate';
import type { ParsedYaml } from '../../core/yaml';
import type { GoalFile, Project } from '../../project';

/** One document, ready for a feature to answer a request about it. */
export interface DocumentContext {
  readonly project: Project;
  readonly file: GoalFile;
  readonly parsed: ParsedYaml;
  readonly lines: LineIndex;
  readonly analysis: Analysis;
}

/** The context of a goal file, or undefined when the server does not know it or it is too large to check. */
export function documentContext(project: Project, uri: string): DocumentContext | undefined {
  const file = project.file(uri);
  const analysis = project.analysisFor(uri);
  // A file past the largest size has only its one finding: nothing parses it for a feature either.
  if (!file || !analysis || project.tooLarge(file)) return undefined;
  return { project, file, parsed: project.parsed(file), lines: project.lines(file), analysis };
}
