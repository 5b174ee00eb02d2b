/** `goalpost/effectiveConfig`: the configuration that applies to a file, as data and as a document to read. */
import { URI } from 'vscode-uri';
import { effectiveConfig as resolve, renderEffectiveConfig } from '../core/effectiveConfig';
import { rules } from '../core/rules';
import type { Project } from '../project';
import type { EffectiveConfigParams, EffectiveConfigResult } from '../protocol';

/** The effective configuration of `params.uri`, whether or not the file is known yet. */
export function effectiveConfig(project: Project, params: EffectiveConfigParams): EffectiveConfigResult {
  const place = project.placeOf(params.uri);
  const loaded = place.config;
  const problem =
    loaded?.readError ??
    (loaded && loaded.problems.length > 0
      ? `${loaded.problems.length} problem${loaded.problems.length === 1 ? '' : 's'}: ${loaded.problems[0].message}`
      : undefined);
  const config = resolve(
    {
      file: params.uri,
      configFile: loaded && URI.file(loaded.file).toString(),
      configProblem: problem,
      config: loaded?.config ?? { rules: new Map(), ignore: [] },
      todaySetting: place.todaySetting,
      maxFileSizeSetting: place.maxFileSizeSetting,
      clockToday: project.clockToday(),
    },
    rules,
  );
  return { config, text: renderEffectiveConfig({ ...config, file: shown(config.file), configFile: config.configFile && shown(config.configFile) }) };
}

/** A URI as people read it: the path of a file, the URI itself otherwise. */
function shown(uri: string): string {
  const parsed = URI.parse(uri);
  return parsed.scheme === 'file' ? parsed.fsPath : uri;
}
