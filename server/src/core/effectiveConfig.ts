/**
 * The effective configuration of a goals file: which `.goalpost.yaml` applies, the date it is checked as
 * of and where that date comes from, the ignore globs, and every rule's severity and options after the
 * config is laid over the defaults. Rendered as a YAML document for people to read.
 */
import { ruleSetting, type Config } from './config';
import { DEFAULT_MAX_FILE_SIZE } from './fileSize';
import type { Rule } from './rule';
import type { SeverityOrOff } from './types';

/** Where the check date comes from, strongest first (`option`: `goalpost --today`, the CLI's setting). */
export type TodaySource = 'setting' | 'option' | 'config' | 'clock';

/** Where the largest file size comes from, strongest first. */
export type MaxFileSizeSource = 'setting' | 'config' | 'default';

/** One rule as it applies to the file. */
export interface EffectiveRule {
  readonly id: string;
  readonly severity: SeverityOrOff;
  /** The rule's default severity, to show what the config changed. */
  readonly defaultSeverity: SeverityOrOff;
  /** Every option, defaults overlaid with the config's. */
  readonly options: Readonly<Record<string, unknown>>;
  /** Whether the config mentions the rule at all. */
  readonly configured: boolean;
}

/** The effective configuration of one file. */
export interface EffectiveConfig {
  /** The file the configuration is for (as the caller names files). */
  readonly file: string;
  /** The `.goalpost.yaml` that applies, if any (as the caller names files). */
  readonly configFile?: string;
  /** Why that config could not be used, if it could not (then every rule has its defaults). */
  readonly configProblem?: string;
  readonly today: string;
  readonly todaySource: TodaySource;
  readonly ignore: readonly string[];
  /** The largest goals file checked, in bytes, and where that comes from. */
  readonly maxFileSize: number;
  readonly maxFileSizeSource: MaxFileSizeSource;
  readonly rules: readonly EffectiveRule[];
}

/** What the effective configuration is computed from. */
export interface EffectiveConfigInput {
  readonly file: string;
  readonly configFile?: string;
  readonly configProblem?: string;
  readonly config: Config;
  /** The editor's `goalpost.today`, when set. */
  readonly todaySetting?: string;
  /** The command line's `--today`, when set (the CLI's counterpart of the setting). */
  readonly todayOption?: string;
  /** The editor's `goalpost.maxFileSize`, when set. */
  readonly maxFileSizeSetting?: number;
  readonly clockToday: string;
}

/** The effective configuration: every rule in catalogue order. */
export function effectiveConfig(input: EffectiveConfigInput, rules: readonly Rule[]): EffectiveConfig {
  const today = input.todaySetting ?? input.todayOption ?? input.config.today ?? input.clockToday;
  const todaySource: TodaySource =
    input.todaySetting !== undefined ? 'setting' : input.todayOption !== undefined ? 'option' : input.config.today !== undefined ? 'config' : 'clock';
  return {
    file: input.file,
    configFile: input.configFile,
    configProblem: input.configProblem,
    today,
    todaySource,
    ignore: input.config.ignore,
    maxFileSize: input.maxFileSizeSetting ?? input.config.maxFileSize ?? DEFAULT_MAX_FILE_SIZE,
    maxFileSizeSource: input.maxFileSizeSetting !== undefined ? 'setting' : input.config.maxFileSize !== undefined ? 'config' : 'default',
    rules: rules.map((rule) => {
      const setting = ruleSetting(rule, input.config);
      return {
        id: rule.meta.id,
        severity: setting.severity,
        defaultSeverity: rule.meta.severity,
        options: setting.options,
        configured: input.config.rules.has(rule.meta.id),
      };
    }),
  };
}

const MAX_FILE_SIZE_FROM: Readonly<Record<MaxFileSizeSource, string>> = {
  setting: 'from the goalpost.maxFileSize setting of the editor',
  config: 'from maxFileSize: in the configuration',
  default: 'the default',
};

const TODAY_FROM: Readonly<Record<TodaySource, string>> = {
  setting: 'the goalpost.today setting of the editor',
  option: '--today on the command line',
  config: 'today: in the configuration',
  clock: 'the real date (nothing pins one)',
};

/**
 * The effective configuration as a YAML document in the shape of `.goalpost.yaml`, with comments saying
 * where each value comes from. Values are written as JSON, which is YAML too, so any id or option
 * value is quoted safely.
 */
export function renderEffectiveConfig(effective: EffectiveConfig): string {
  const lines = [
    `# The effective Goalpost configuration of ${effective.file}`,
    effective.configFile ? `# Configuration file: ${effective.configFile}` : '# Configuration file: none applies; every rule has its defaults.',
  ];
  if (effective.configProblem) lines.push(`# It cannot be used (${oneLine(effective.configProblem)}), so every rule has its defaults.`);
  lines.push('# Read-only: edit the configuration file to change it.', '');
  lines.push(`today: ${effective.today} # from ${TODAY_FROM[effective.todaySource]}`);
  lines.push(effective.ignore.length > 0 ? 'ignore:' : 'ignore: []');
  for (const glob of effective.ignore) lines.push(`  - ${JSON.stringify(glob)}`);
  lines.push(`maxFileSize: ${effective.maxFileSize} # bytes, ${MAX_FILE_SIZE_FROM[effective.maxFileSizeSource]}`);
  lines.push('rules:');
  for (const rule of effective.rules) {
    const note = rule.severity === rule.defaultSeverity ? (rule.configured ? 'configured' : 'default') : `configured; default ${rule.defaultSeverity}`;
    const options = Object.entries(rule.options);
    if (options.length === 0) {
      lines.push(`  ${rule.id}: ${rule.severity} # ${note}`);
      continue;
    }
    lines.push(`  ${rule.id}: # ${note}`, `    severity: ${rule.severity}`, '    options:');
    for (const [name, value] of options) lines.push(`      ${name}: ${JSON.stringify(value)}`);
  }
  return `${lines.join('\n')}\n`;
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}
