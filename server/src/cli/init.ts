/**
 * `goalpost init`: a starter goals file that checks clean on the day it is written, and a `.goalpost.yaml`
 * beside it when no configuration applies there yet. It never overwrites anything.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { HOMEPAGE } from '../core/docs';
import { starterContext, starterGoals, starterPeriod, type StarterContext } from '../core/starter';
import { diskConfigResolver, type LoadedConfig } from '../node/configs';
import { errorReason, globGoals } from '../node/fsUtil';
import { analyzeInputs } from './analyze';
import { UsageError } from './errors';
import { relativeTo } from './files';
import { EXIT, localDate, type CliIO } from './io';

/** The file `goalpost init` writes when given a folder or nothing. */
export const DEFAULT_INIT_FILE = 'strategy.goals.yaml';

/** Writes the starter files and says what it wrote and what to run next; resolves to the exit code. */
export async function runInit(file: string, io: CliIO, todayOption?: string): Promise<number> {
  let target = path.resolve(io.cwd, file);
  if (/[\\/]$/.test(file) || isDirectory(target)) target = path.join(target, DEFAULT_INIT_FILE);
  const shown = relativeTo(io.cwd, target);
  if (!/\.goals\.ya?ml$/.test(target)) {
    throw new UsageError(`${shown} is not a goals file name (Goalpost finds *.goals.yaml and *.goals.yml); nothing was written`);
  }
  // Looked up before writing: the goals file must not count as "something already there".
  const existingConfig = diskConfigResolver().configFor(target);
  const today = todayOption ?? localDate(io.now());
  const fitted = await workspaceAround(target, existingConfig, io, todayOption);
  // Dated as the workspace checks (its config may pin a day), so the new file checks clean there.
  const asOf = fitted?.today ?? today;
  write(target, starterGoals(asOf, fitted?.context), shown);

  const planned = (starterPeriod(asOf, fitted?.context)?.start ?? asOf).slice(0, 4);
  const lines = [`Created ${shown}: a starter strategy for ${planned}, with comments on every section.`];
  if (planned > asOf.slice(0, 4)) lines.push(`It plans ${planned}: ${asOf.slice(0, 4)} ends in less than a month.`);
  if (fitted) {
    lines.push(
      `It joins the ${fitted.fileCount} goal file${fitted.fileCount === 1 ? '' : 's'} already there: it names their objectives and departments instead of defining them again.`,
    );
  }
  if (existingConfig) {
    lines.push(`Kept the configuration that already applies there, ${relativeTo(io.cwd, existingConfig.file)}.`);
  } else {
    const config = path.join(path.dirname(target), '.goalpost.yaml');
    // A config that appeared meanwhile is kept, not an error: the goals file is written and that is what was asked.
    if (writeIfAbsent(config, STARTER_CONFIG)) lines.push(`Created ${relativeTo(io.cwd, config)}: the configuration for the goal files in that folder.`);
  }
  lines.push(`Next: edit ${shown}, then run \`goalpost check ${quoteArg(shown)}\` (and \`goalpost tree ${quoteArg(shown)}\` to see it as a tree).`);
  io.stdout(`${lines.join('\n')}\n`);
  return EXIT.ok;
}

/**
 * The workspace the new file will join (the goal files under the config that applies, or under the
 * file's folder when none does), so the starter fits it; undefined when there are no goal files yet.
 */
async function workspaceAround(
  target: string,
  config: LoadedConfig | undefined,
  io: CliIO,
  today?: string,
): Promise<{ context: StarterContext; today: string; fileCount: number } | undefined> {
  const root = config?.root ?? path.dirname(target);
  if (!isDirectory(root) || globGoals(root).length === 0) return undefined;
  const { workspaces } = await analyzeInputs([root], { today }, io);
  const joined = workspaces.find((workspace) => workspace.group.config?.file === config?.file);
  if (!joined) return undefined;
  return { context: starterContext(joined.analysis.workspace), today: joined.analysis.todayOf(joined.group.files[0]), fileCount: joined.group.files.length };
}

/** Creates a file that must not exist yet; `wx` makes "exists" and "create" one atomic step. */
function write(file: string, text: string, shown: string): void {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text, { flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') throw new UsageError(`${shown} already exists; nothing was written`);
    throw new UsageError(`cannot write ${shown}: ${errorReason(error)}`);
  }
}

/** Creates a file unless one is there; false when it was there. */
function writeIfAbsent(file: string, text: string): boolean {
  try {
    fs.writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw new UsageError(`cannot write ${file}: ${errorReason(error)}`);
  }
}

function isDirectory(file: string): boolean {
  return fs.statSync(file, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** A path as a shell argument the user can paste: quoted only when it needs to be. */
function quoteArg(text: string): string {
  return /^[\w./-]+$/.test(text) ? text : `'${text.replace(/'/g, `'\\''`)}'`;
}

/** The starter `.goalpost.yaml`: every setting explained, none that changes a result from the defaults. */
const STARTER_CONFIG = `# Goalpost configuration for the goal files in this folder and below; the nearest .goalpost.yaml to a
# file wins. The goal files under it form one workspace, so ids are shared between them.
# ${HOMEPAGE}#configuration

# Check as of a fixed date instead of the real one, for reproducible results (\`--today\` overrides it).
# today: 2027-06-30

# Goal files to leave out, as globs relative to this folder.
# ignore:
#   - drafts/**

# Rule severities: off | info | warning | error, or { severity, options }. Every rule has a page:
# ${HOMEPAGE}/tree/main/docs/rules
rules:
  review-overdue: info               # the default; make it \`warning\` to fail CI with --max-warnings 0
  # smart-achievable:
  #   severity: warning
  #   options: { maxMonthlyGrowth: 0.3 }
`;
