/**
 * Configuration (`.goalpost.yaml`): parsed and validated by the core, pure. Finding the nearest file and
 * reading it is the caller's job (CLI, server); this module only turns a text into a resolved config.
 */
import { DEFAULT_MAX_FILE_SIZE } from './fileSize';
import { LineIndex, locate } from './locate';
import { code } from './naming';
import type { Rule } from './rule';
import { createValidator, type Describe, type Validator } from './schema';
import type { Finding, Severity, SeverityOrOff } from './types';
import { parseYaml } from './yaml';

/** The settings of one rule for the files a config covers. */
export interface RuleSetting {
  readonly severity: SeverityOrOff;
  readonly options: Readonly<Record<string, unknown>>;
}

/** A validated configuration. */
export interface Config {
  /** Rule settings by rule id; a rule not listed keeps its defaults. */
  readonly rules: ReadonlyMap<string, Partial<RuleSetting>>;
  /** The check date, `YYYY-MM-DD`, when the config pins one. */
  readonly today?: string;
  /** Globs of files to leave out, relative to the config file's folder. */
  readonly ignore: readonly string[];
  /** The largest goals file checked, in bytes, when the config sets one (core/fileSize.ts has the default). */
  readonly maxFileSize?: number;
}

/** An empty configuration: every rule at its defaults. */
export const DEFAULT_CONFIG: Config = { rules: new Map(), ignore: [] };

const SEVERITIES: readonly SeverityOrOff[] = ['off', 'info', 'warning', 'error'];

/** The JSON schema of `.goalpost.yaml`, generated from the rules' metadata. */
export function configSchema(rules: readonly Rule[]): object {
  const severity = { enum: SEVERITIES, description: 'off, info, warning or error.' };
  const ruleProperties: Record<string, object> = {};
  for (const { meta } of rules) {
    const options: Record<string, object> = {};
    for (const [name, option] of Object.entries(meta.options ?? {})) {
      options[name] = { ...option.schema, description: `${option.description} Default: ${JSON.stringify(option.default)}.` };
    }
    const description = `${meta.description} Default severity: ${meta.severity}.`;
    ruleProperties[meta.id] = {
      description,
      oneOf: [
        { ...severity, description },
        {
          type: 'object',
          additionalProperties: false,
          properties: {
            severity,
            options: { type: 'object', additionalProperties: false, properties: options, description: 'Options of this rule.' },
          },
        },
      ],
    };
  }
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://goalpost.dev/schemas/goalpost-config.schema.json',
    title: 'Goalpost configuration (.goalpost.yaml)',
    description: 'Configuration of Goalpost for the goal files in this folder and below; the nearest .goalpost.yaml to a file wins.',
    type: 'object',
    additionalProperties: false,
    properties: {
      rules: {
        description: 'Severity and options per rule: off, info, warning, error, or { severity, options }.',
        type: 'object',
        additionalProperties: false,
        properties: ruleProperties,
      },
      today: { description: 'The date the checks run as of (YYYY-MM-DD), so results are reproducible in CI.', type: 'string', format: 'date' },
      ignore: {
        description: "Globs of goal files to leave out, relative to this file's folder.",
        type: 'array',
        items: { type: 'string', minLength: 1 },
      },
      maxFileSize: {
        description: `The largest goals file checked, in bytes; a larger one gets one finding and is not parsed. Default: ${DEFAULT_MAX_FILE_SIZE} (6 MB).`,
        type: 'integer',
        minimum: 1,
      },
    },
  };
}

const describeConfigPath: Describe = (path) => {
  if (path[0] === 'rules' && typeof path[1] === 'string') return `the settings of rule \`${path[1]}\``;
  if (path[0] === 'rules') return 'the rules';
  return 'the configuration';
};

const validators = new WeakMap<readonly Rule[], Validator>();

/** Parses and validates a config text. Problems are findings on the config file (`yaml-syntax`, `schema`). */
export function parseConfig(text: string, file: string, rules: readonly Rule[]): { config?: Config; problems: Finding[] } {
  const parsed = parseYaml(text);
  const lines = new LineIndex(text);
  const problems: Finding[] = parsed.problems.map((problem) => ({
    file,
    rule: 'yaml-syntax',
    severity: 'error' as Severity,
    message: problem.message,
    range: locate(parsed, lines, { span: problem.span }),
  }));
  if (problems.length > 0) return { problems };
  let validate = validators.get(rules);
  if (!validate) {
    validate = createValidator(configSchema(rules), describeConfigPath, {
      empty: 'The configuration is empty.',
      notMapping: (shown) => `The configuration must be a mapping of keys such as \`rules:\`, \`today:\` or \`ignore:\`, not ${shown}.`,
      unknownKey: (path, key) => {
        if (path.length === 1 && path[0] === 'rules') return `Unknown rule ${code(key)}`;
        if (path.length === 3 && path[0] === 'rules' && path[2] === 'options') return `Unknown option ${code(key)} of rule ${code(String(path[1]))}`;
        return undefined;
      },
    });
    validators.set(rules, validate);
  }
  // An empty configuration (or one whose settings are all commented out) means every default.
  const value = parsed.value ?? {};
  for (const problem of validate(value)) {
    const { message, suggestions } = problem;
    problems.push({
      file,
      rule: 'schema',
      severity: 'error',
      message,
      range: locate(parsed, lines, problem),
      ...(suggestions && suggestions.length > 0 && { suggestions }),
    });
  }
  if (problems.length > 0) return { problems };
  const raw = value as { rules?: Record<string, unknown>; today?: string; ignore?: string[]; maxFileSize?: number };
  const settings = new Map<string, Partial<RuleSetting>>();
  for (const [id, setting] of Object.entries(raw.rules ?? {})) {
    if (typeof setting === 'string') settings.set(id, { severity: setting as SeverityOrOff });
    else {
      const object = setting as { severity?: SeverityOrOff; options?: Record<string, unknown> };
      settings.set(id, { severity: object.severity, options: object.options });
    }
  }
  return {
    config: { rules: settings, today: raw.today, ignore: raw.ignore ?? [], ...(raw.maxFileSize !== undefined && { maxFileSize: raw.maxFileSize }) },
    problems,
  };
}

/** The effective setting of a rule under a config: the rule's defaults overlaid with the config's. */
export function ruleSetting(rule: Rule, config: Config): RuleSetting {
  const configured = config.rules.get(rule.meta.id);
  const defaults: Record<string, unknown> = {};
  for (const [name, option] of Object.entries(rule.meta.options ?? {})) defaults[name] = option.default;
  return { severity: configured?.severity ?? rule.meta.severity, options: { ...defaults, ...configured?.options } };
}
