/**
 * The `goalpost` command line as a function with injected I/O, so tests can run it in-process as well as
 * as a real process. Exit codes: 0 clean, 1 findings at or above the fail level, 2 usage or I/O error.
 */
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { version } from '../../../package.json';
import { isIsoDate } from '../core/dates';
import { runCheck } from './check';
import { runDiff, type DiffOptions } from './diff';
import { runInit } from './init';
import { RENDER_FORMATS, runRender, type RenderOptions } from './render';
import { runTree, type TreeOptions } from './tree';
import { UsageError } from './errors';
import { EXIT, terminalWidth, wantsColor, type CheckOptions, type CliIO } from './io';
import { runPrintConfig } from './printConfig';
import { formatters } from './formatters/check';

/** Runs the CLI and resolves to its exit code. Never throws and never prints a stack trace. */
export async function main(io: CliIO): Promise<number> {
  let exitCode: number = EXIT.ok;
  const program = new Command('goalpost')
    .description('Lint your social-media and marketing strategy kept as *.goals.yaml files.')
    .version(version, '-v, --version')
    .exitOverride()
    .configureOutput({ writeOut: io.stdout, writeErr: io.stderr, outputError: () => undefined })
    .showHelpAfterError(false);

  program
    .command('check')
    .description('check goal files and report findings')
    .argument('[paths...]', 'files, directories or globs (default: the current directory)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(Object.keys(formatters)).default('stylish'))
    .option('--max-warnings <count>', 'exit with 1 when there are more warnings than this', parseCount)
    .option('--today <date>', 'check as of this date (YYYY-MM-DD) instead of the real date', parseDate)
    .option('-c, --config <path>', 'use this config file for every file instead of the nearest .goalpost.yaml')
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .option('--quiet', 'report errors only')
    .option('--fix', 'apply the safe fixes (did-you-means with one suggestion) to the files')
    .option('--fix-dry-run', 'print the safe fixes as a diff without writing them')
    .option('--no-ignore', "check files the config's ignore globs match")
    .option('--stdin-filename <path>', 'check standard input (the path `-`) as this file')
    .option('--print-config <file>', 'print the configuration that applies to a file (YAML; JSON with --format json) and exit')
    .option('--no-color', 'never colour the output (FORCE_COLOR=1 colours even a pipe)')
    .action(async (paths: string[], options: CheckOptions) => {
      if (options.printConfig !== undefined) {
        exitCode = runPrintConfig(options.printConfig, options, io);
        return;
      }
      exitCode = await runCheck(paths, { ...options, color: wantsColor(options.color, io), columns: terminalWidth(io) }, io);
    });

  program
    .command('diff')
    .description('the semantic diff of the strategy between two git revisions (head: the working tree)')
    .argument('<base>', 'the base revision (a commit, branch or tag)')
    .argument('[head]', 'the head revision (default: the working tree)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(['markdown', 'json']).default('markdown'))
    .option('--today <date>', 'judge findings as of this date (YYYY-MM-DD)', parseDate)
    .option('-o, --output-file <path>', 'write the report to a file instead of stdout')
    .addOption(
      new Option('--fail-on-new <severity>', 'exit with 1 when the change introduces findings of this severity or worse').choices(['error', 'warning', 'info']),
    )
    .action(async (base: string, head: string | undefined, options: DiffOptions) => {
      exitCode = await runDiff(base, head, options, io);
    });

  program
    .command('tree')
    .description('the strategy as a tree: objectives → goals → targets, with progress and status')
    .argument('[paths...]', 'files, directories or globs (default: the current directory)')
    .option('--today <date>', 'judge progress as of this date (YYYY-MM-DD)', parseDate)
    .option('--width <columns>', 'fit lines to this many columns (default: the terminal width on a terminal, else no limit)', parseWidth)
    .option('--no-color', 'never colour the output (FORCE_COLOR=1 colours even a pipe)')
    .action(async (paths: string[], options: TreeOptions) => {
      exitCode = await runTree(paths, { ...options, color: wantsColor(options.color, io), width: options.width ?? terminalWidth(io) }, io);
    });

  program
    .command('render')
    .description('draw the strategy: objectives, goals and KPIs as an SVG image, an interactive HTML page or a mermaid flowchart')
    .argument('[paths...]', 'files, directories or globs of one workspace (default: the current directory)')
    .addOption(new Option('-f, --format <name>', 'output format').choices(RENDER_FORMATS).default('svg'))
    .option('-o, --output-file <path>', 'write the diagram to a file instead of stdout')
    .option('--today <date>', 'judge progress as of this date (YYYY-MM-DD)', parseDate)
    .option('-c, --config <path>', 'use this config file for every file instead of the nearest .goalpost.yaml')
    .action(async (paths: string[], options: RenderOptions) => {
      exitCode = await runRender(paths, options, io);
    });

  program
    .command('init')
    .description('write a starter goals file (never overwrites)')
    .argument('[file]', 'the file to create', 'strategy.goals.yaml')
    .option('--today <date>', 'write the strategy as of this date (YYYY-MM-DD) instead of the real date', parseDate)
    .action(async (file: string, options: { today?: string }) => {
      exitCode = await runInit(file, io, options.today);
    });

  try {
    await program.parseAsync([...io.argv], { from: 'user' });
    return exitCode;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.exitCode === 0) return EXIT.ok;
      // Help shown for a bare `goalpost` has already been written to stderr; its "(outputHelp)" is no message.
      if (error.code === 'commander.help') return EXIT.usage;
      // Commander puts its did-you-mean on a second line; the contract is one line.
      io.stderr(`goalpost: ${error.message.replace(/^error: /, '').replace(/\s*\n\s*/g, ' ')}\n`);
      return EXIT.usage;
    }
    if (error instanceof UsageError) {
      io.stderr(`goalpost: ${error.message}\n`);
      return EXIT.usage;
    }
    io.stderr(`goalpost: internal error: ${error instanceof Error ? error.message : String(error)}; please report it.\n`);
    return EXIT.usage;
  }
}

function parseCount(value: string): number {
  if (!/^-?\d+$/.test(value) || Number(value) < -1) throw new InvalidArgumentError('Expected a whole number (-1 for no limit).');
  return Number(value);
}

function parseWidth(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 20) throw new InvalidArgumentError('Expected a whole number of columns, at least 20.');
  return Number(value);
}

function parseDate(value: string): string {
  if (!isIsoDate(value)) throw new InvalidArgumentError('Expected a real date written YYYY-MM-DD.');
  return value;
}
