/** Test helpers around the pure core: lint texts in memory, with a pinned today. */
import { DEFAULT_CONFIG, parseConfig, type Config } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { oneBased } from '../../server/src/core/locate';
import { rules } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';

/** The check date every test uses unless it says otherwise. */
export const TODAY = '2027-05-15';

/** A config built from rule settings, as `.goalpost.yaml` would give it. */
export function configOf(yamlText: string): Config {
  const { config, problems } = parseConfig(yamlText, '.goalpost.yaml', rules);
  if (!config) throw new Error(`bad test config: ${problems.map((problem) => problem.message).join('; ')}`);
  return config;
}

/** Lints in-memory files (name → text) as one workspace. */
export function lintFiles(files: Record<string, string>, options: { today?: string; config?: Config } = {}): Finding[] {
  const sources = Object.entries(files).map(([file, text]) => ({ file, text, config: options.config ?? DEFAULT_CONFIG }));
  return lint(sources, { today: options.today ?? TODAY, clockToday: TODAY }).findings;
}

/** Findings of one rule only. */
export function lintRule(rule: string, files: Record<string, string> | string, options: { today?: string; config?: Config } = {}): Finding[] {
  const map = typeof files === 'string' ? { 'test.goals.yaml': files } : files;
  return lintFiles(map, options).filter((finding) => finding.rule === rule);
}

/** "line:col" (1-based, as people read it) of a finding's start, for compact assertions. */
export function at(finding: Finding): string {
  const { line, column } = oneBased(finding.range.start);
  return `${line}:${column}`;
}
