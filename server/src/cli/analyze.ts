/**
 * What `check` and `tree` share: the command line's paths expanded, files grouped into workspaces (one per
 * config folder), read, parsed and linted per workspace.
 */
import { maxFileSizeOf, sizeOver } from '../core/fileSize';
import { lint, type Analysis } from '../core/lint';
import { parseYaml } from '../core/yaml';
import { checkWorkspaces, CliConfigs, expandInputs, readGoalsFile, usableWorkspaces, type WorkspaceGroup } from './files';
import { localDate, type CliIO } from './io';

/** What the commands that analyse files may ask for besides the paths. */
export interface AnalyzeOptions {
  readonly today?: string;
  readonly config?: string;
  /** False with `--no-ignore`. */
  readonly ignore?: boolean;
  /** The absolute path `-` (standard input) stands for. */
  readonly stdinFile?: string;
  /** Texts that replace what is on disk (standard input; a fixed file before it is written). */
  readonly texts?: ReadonlyMap<string, string>;
  /** Told of each explicitly named file an `ignore` glob skips. */
  readonly onIgnored?: (absolute: string, config: string) => void;
}

/** One workspace, linted. */
export interface AnalyzedWorkspace {
  readonly group: WorkspaceGroup;
  readonly analysis: Analysis;
}

/** The requested files (absolute, in a stable order) and every workspace they belong to, linted. */
export async function analyzeInputs(
  paths: readonly string[],
  options: AnalyzeOptions,
  io: CliIO,
): Promise<{ requested: string[]; workspaces: AnalyzedWorkspace[] }> {
  const resolver = new CliConfigs(io.cwd, options.config);
  const ignore = options.ignore ?? true;
  const requested = expandInputs(paths, io.cwd, resolver.resolver, { ignore, stdinFile: options.stdinFile, onIgnored: options.onIgnored });
  const textOf = (file: string) => options.texts?.get(file) ?? readGoalsFile(file, io.cwd);
  const grouped = usableWorkspaces(checkWorkspaces(requested, paths, io.cwd, resolver.resolver, ignore), resolver);
  const workspaces = grouped.map((group) => {
    const max = maxFileSizeOf(undefined, group.config?.config);
    const sources = group.files.map((file) => {
      const text = textOf(file);
      // A file past the config's maxFileSize is not parsed: lint gives it its one finding.
      const withinSize = sizeOver(text, max) === undefined;
      return { file, text, parsed: withinSize ? parseYaml(text) : undefined, withinSize, config: group.config?.config };
    });
    return { group, analysis: lint(sources, { today: options.today, clockToday: localDate(io.now()) }) };
  });
  return { requested, workspaces };
}
