/**
 * JSON-schema validation with ajv, each schema compiled once, and ajv's errors turned into sentences a
 * strategist understands, each at the path of the offending node.
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import goalsSchema from '../../../schemas/goals.schema.json';
import type { Part } from './locate';
import { isIsoDate } from './dates';
import { code, show } from './naming';
import { closest, didYouMean } from './suggest';
import type { Path } from './types';
import { sources as generatedSources, validators as generatedValidators } from './generated/validators';

/** A schema violation at a path of the document. */
export interface SchemaProblem {
  readonly path: Path;
  readonly part: Part;
  readonly message: string;
  readonly suggestions?: readonly string[];
  /**
   * The key of the item this problem is about, for the rules that read it: the missing key, the key a
   * misspelling was meant to be, or the key whose value is wrong. Their findings on that item would only
   * repeat this one (see knockOn.ts).
   */
  readonly field?: string;
}

/** Validates a plain value; the result lists every violation, at most one per node and kind. */
export type Validator = (value: unknown) => SchemaProblem[];

/** Names a path for messages, such as "goal `ig-traffic`" or "target 2 of goal `ig-traffic`". */
export type Describe = (path: Path, root: unknown) => string;

/** Wording that depends on the kind of file: its root, and what its unknown keys are called. */
export interface RootMessages {
  /** The whole document is empty. */
  readonly empty: string;
  /** The document is not a mapping; `shown` is the value as `show` quotes it ("a list", `"hello"`). */
  notMapping(shown: string): string;
  /** How to name an unknown key under `path` ("Unknown rule `x`"), when "Unknown key `x` in …" would be vague. */
  unknownKey?(path: Path, key: string): string | undefined;
}

let ajv: Ajv | undefined;
let validators = 0;
let runtimeCompilations = 0;

/** How many schemas were compiled at run time (none when the build-time validators match the schemas). */
export function schemasCompiledAtRunTime(): number {
  return runtimeCompilations;
}

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    addFormats(ajv, ['date']);
  }
  return ajv;
}

/**
 * Compiles a schema once and returns its validator. With `itemSections` (top-level list key → the
 * definition of its items), each list item is validated on its own and its errors are remembered by the
 * item's object: the editor's incremental parser keeps untouched items, so a keystroke re-validates one
 * item instead of the whole file. The errors are the same either way.
 */
export function createValidator(schema: object, describe: Describe, root: RootMessages, itemSections: Readonly<Record<string, string>> = {}): Validator {
  let compiled: ValidateFunction | undefined;
  // Per section: its compiled item validator and the errors remembered per item object. The errors of an
  // item depend on its value *and* on the section it sits in (one parsed object can be reused under
  // `kpis:` and under `goals:` when the same text moves), so the section is part of the key.
  const sectionsSeen = new Map<string, { validate: ValidateFunction; remembered: WeakMap<object, ErrorObject[]> }>();
  const key = `validator-${++validators}`;
  const itemErrors = (section: string, item: unknown): ErrorObject[] => {
    let seen = sectionsSeen.get(section);
    if (!seen) {
      // A definition of the schema already compiled: ajv resolves the fragment without compiling again.
      seen = { validate: instance().getSchema(`${key}#/definitions/${itemSections[section]}`) as ValidateFunction, remembered: new WeakMap() };
      sectionsSeen.set(section, seen);
    }
    const { validate, remembered } = seen;
    if (item === null || typeof item !== 'object') return validate(item) ? [] : [...(validate.errors ?? [])];
    let errors = remembered.get(item);
    if (!errors) {
      errors = validate(item) ? [] : [...(validate.errors ?? [])];
      remembered.set(item, errors);
    }
    return errors;
  };
  // Validators compiled at build time (scripts/generate-validators.ts) for this very schema, if any.
  const source = JSON.stringify(schema);
  // Tolerant of an older generated module (the generator itself loads this one).
  const set = Object.keys(generatedSources ?? {}).find((name) => generatedSources[name] === source);
  if (set && generatedValidators) {
    compiled = generatedValidators[`${set}__root`];
    for (const [section, definition] of Object.entries(itemSections)) {
      const validate = generatedValidators[`${set}__${definition}`];
      if (validate) sectionsSeen.set(section, { validate, remembered: new WeakMap() });
    }
  }
  return (value) => {
    // Added under a key of its own, without its `$id`: ajv refuses a second schema with one id, and a
    // config schema is compiled per rule set.
    if (!compiled) {
      runtimeCompilations++;
      instance().addSchema(withoutId(schema), key);
      compiled = instance().getSchema(key) as ValidateFunction;
    }
    const data = value === undefined ? null : value;
    const sections =
      data !== null && typeof data === 'object' && !Array.isArray(data)
        ? Object.keys(itemSections).filter((key) => Array.isArray((data as Record<string, unknown>)[key]))
        : [];
    if (sections.length === 0) return compiled(data) ? [] : toProblems(compiled.errors ?? [], value, describe, root);
    const skeleton: Record<string, unknown> = { ...(data as Record<string, unknown>) };
    for (const section of sections) skeleton[section] = [];
    const errors: ErrorObject[] = compiled(skeleton) ? [] : [...(compiled.errors ?? [])];
    for (const section of sections) {
      ((data as Record<string, unknown>)[section] as unknown[]).forEach((item, index) => {
        for (const error of itemErrors(section, item)) errors.push({ ...error, instancePath: `/${section}/${index}${error.instancePath}` });
      });
    }
    return errors.length === 0 ? [] : toProblems(errors, value, describe, root);
  };
}

/** A schema without its `$id` (ajv refuses two schemas with one id); the same object shape wherever compiled. */
export function withoutId(schema: object): object {
  // eslint-disable-next-line @typescript-eslint/no-unused-vars
  const { $id, ...rest } = schema as { $id?: unknown };
  return rest;
}

const SINGULAR: Record<string, string> = {
  objectives: 'objective',
  departments: 'department',
  audiences: 'audience',
  kpis: 'KPI',
  goals: 'goal',
  targets: 'target',
};

/** Describes a path of a goals file by the item it is in. */
export const describeGoalsPath: Describe = (path, root) => {
  const parts: string[] = [];
  let node: unknown = root;
  for (let index = 0; index < path.length; index++) {
    const segment = path[index];
    node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[segment] : undefined;
    const next = path[index + 1];
    if (typeof segment === 'string' && typeof next === 'number' && SINGULAR[segment]) {
      const item = node !== null && typeof node === 'object' ? (node as unknown[])[next] : undefined;
      const id = item !== null && typeof item === 'object' ? (item as Record<string, unknown>).id : undefined;
      parts.unshift(typeof id === 'string' && segment !== 'targets' ? `${SINGULAR[segment]} ${code(id)}` : `${SINGULAR[segment]} ${next + 1}`);
    }
  }
  if (parts.length > 0) return parts.join(' of ');
  // A path outside any item, such as `period`: name its key.
  const last = path[path.length - 1];
  return typeof last === 'string' ? code(last) : 'the file';
};

/** The list sections of a goals file validated one item at a time, with the definition of their items. */
export const GOALS_ITEM_SECTIONS: Readonly<Record<string, string>> = {
  objectives: 'objective',
  departments: 'department',
  audiences: 'audience',
  kpis: 'kpi',
  goals: 'goal',
};

/** Validates a goals file's value against `schemas/goals.schema.json`. */
export const validateGoals: Validator = createValidator(
  goalsSchema,
  describeGoalsPath,
  {
    empty: 'The file is empty; a goals file starts with `goalpost: 1`.',
    notMapping: (shown) => `A goals file must be a mapping of keys, starting with \`goalpost: 1\`, not ${shown}.`,
  },
  GOALS_ITEM_SECTIONS,
);

function toProblems(errors: ErrorObject[], root: unknown, describe: Describe, messages: RootMessages): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of resolveOneOf(errors)) {
    const problem = withField(toProblem(error, root, describe, messages), error);
    if (!problem) continue;
    const key = `${problem.path.join('/')}|${problem.part}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

/** Adds the key a problem is about (see SchemaProblem.field). */
function withField(problem: SchemaProblem | undefined, error: ErrorObject): SchemaProblem | undefined {
  if (!problem || problem.path.length === 0) return problem;
  const params = error.params as Record<string, unknown>;
  const field =
    error.keyword === 'required'
      ? String(params.missingProperty)
      : error.keyword === 'additionalProperties'
        ? problem.suggestions?.[0]
        : [...problem.path].reverse().find((segment): segment is string => typeof segment === 'string');
  return field === undefined ? problem : { ...problem, field };
}

function toProblem(error: ErrorObject, root: unknown, describe: Describe, messages: RootMessages): SchemaProblem | undefined {
  const path = pointerToPath(error.instancePath);
  const where = describe(path, root);
  const key = nameOf(path, where);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (path.length === 0 && (root === undefined || root === null)) return { path, part: 'head', message: messages.empty };
      if (path.length === 0 && missing === 'goalpost') {
        return { path, part: 'head', message: 'The file does not say its format version; add `goalpost: 1` as its first line.' };
      }
      return { path, part: 'head', message: `${capitalize(where)} is missing the required key \`${missing}\`.` };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestions = closest(unknown, allowed);
      const expected =
        suggestions.length > 0
          ? didYouMean(suggestions)
          : allowed.length > 0
            ? `; expected one of ${allowed.map((name) => `\`${name}\``).join(', ')}.`
            : ', which takes none.';
      const subject = messages.unknownKey?.(path, unknown) ?? `Unknown key ${code(unknown)} in ${where}`;
      return { path: [...path, unknown], part: 'key', message: `${subject}${expected}`, suggestions };
    }
    case 'type': {
      if (path.length === 0) return { path, part: 'head', message: error.data == null ? messages.empty : messages.notMapping(show(error.data)) };
      if ((error.parentSchema as { format?: string } | undefined)?.format === 'date') {
        return { path, part: 'value', message: `${key} should be a date written YYYY-MM-DD, not ${show(error.data)}.` };
      }
      if (params.type === 'string' && (typeof error.data === 'number' || typeof error.data === 'boolean')) {
        // YAML reads `id: 2027` or `title: true` as a number or a boolean; quotes keep it text.
        return {
          path,
          part: 'value',
          message: `${key} should be text, not ${show(error.data)}; write it in quotes ("${String(error.data)}") to keep it as text.`,
        };
      }
      return { path, part: 'value', message: `${key} should be ${article(String(params.type))}, not ${show(error.data)}.` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestions = closest(String(error.data), allowed);
      const tail = didYouMean(suggestions) || '.';
      return { path, part: 'value', message: `${key} should be ${oneOf(allowed)}, not ${show(error.data)}${tail}`, suggestions };
    }
    case 'const':
      if (path.length === 1 && path[0] === 'goalpost') {
        return { path, part: 'value', message: `\`goalpost\` is the format version and should be 1, the only version so far, not ${show(error.data)}.` };
      }
      return { path, part: 'value', message: `${key} should be ${show(params.allowedValue)}, not ${show(error.data)}.` };
    case 'format': {
      const text = String(error.data);
      if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { path, part: 'value', message: `${key} should be a real calendar date, not ${show(error.data)}.` };
      const suggestions = isoFromDayMonth(text);
      return {
        path,
        part: 'value',
        message: `${key} should be a date written YYYY-MM-DD, not ${show(error.data)}${didYouMean(suggestions) || '.'}`,
        suggestions,
      };
    }
    case 'pattern': {
      // Ids allow any letters; platforms only lower-case ones.
      const lower = !String(params.pattern).includes('A-Z');
      const letters = lower ? 'lower-case letters' : 'letters';
      const suggestions = lower && typeof error.data === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(error.data) ? [error.data.toLowerCase()] : [];
      return {
        path,
        part: 'value',
        message: `${key} should use only ${letters}, digits, '-', '_' or '.', starting with a letter or digit, not ${show(error.data)}${didYouMean(suggestions) || '.'}`,
        suggestions,
      };
    }
    case 'minLength':
      return { path, part: 'value', message: `${key} should not be empty.` };
    case 'minimum':
    case 'maximum': {
      const schema = error.parentSchema as { minimum?: number; maximum?: number } | undefined;
      const range =
        schema?.minimum !== undefined && schema.maximum !== undefined
          ? `between ${schema.minimum} and ${schema.maximum}`
          : `${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`;
      return { path, part: 'value', message: `${key} should be ${range}, not ${show(error.data)}.` };
    }
    default:
      return { path, part: 'value', message: `${key} ${error.message ?? 'is not valid'}.` };
  }
}

/**
 * A failed `oneOf` comes with the errors of every branch, most of them about a form the user did not mean
 * (`warn` is not a mapping). Keeps the errors of the branch that fits the value's form and drops the rest,
 * with ajv's own "must match exactly one schema" line.
 */
function resolveOneOf(errors: ErrorObject[]): ErrorObject[] {
  const dropped = new Set<ErrorObject>();
  for (const error of errors) {
    if (error.keyword !== 'oneOf') continue;
    const prefix = `${error.schemaPath}/`;
    const branches = new Map<string, ErrorObject[]>();
    for (const other of errors) {
      if (!other.schemaPath.startsWith(prefix)) continue;
      const branch = other.schemaPath.slice(prefix.length).split('/')[0];
      const list = branches.get(branch);
      if (list) list.push(other);
      else branches.set(branch, [other]);
    }
    if (branches.size === 0) continue;
    const lists = [...branches.values()];
    const failsAtNode = (list: ErrorObject[], keywords: readonly string[]) =>
      list.some((other) => other.instancePath === error.instancePath && keywords.includes(other.keyword));
    // Best: a branch whose complaints are all inside the value; next: one that at least accepts its type.
    const chosen = lists.find((list) => !failsAtNode(list, ['type', 'enum', 'const'])) ?? lists.find((list) => !failsAtNode(list, ['type'])) ?? lists[0];
    dropped.add(error);
    for (const list of lists) if (list !== chosen) for (const other of list) dropped.add(other);
  }
  return errors.filter((error) => !dropped.has(error));
}

/** How a message names the node at `path`: its key, or for a list entry the item or entry it is. */
function nameOf(path: Path, where: string): string {
  if (path.length === 0) return 'The file';
  const last = path[path.length - 1];
  if (typeof last === 'string') return code(last);
  const list = path[path.length - 2];
  if (typeof list === 'string' && SINGULAR[list]) return capitalize(where);
  return `Entry ${last + 1} of ${typeof list === 'string' ? code(list) : 'the list'}`;
}

/**
 * The ISO form of a date written day-first or month-first (31/03/2027, 3.31.2027), when the numbers leave
 * only one reading; none when both readings are possible (04/05/2027).
 */
function isoFromDayMonth(text: string): string[] {
  const match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text.trim());
  if (!match) return [];
  const [first, second, year] = [Number(match[1]), Number(match[2]), match[3]];
  const iso = (month: number, day: number) => `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
  const readings = [iso(second, first), iso(first, second)].filter((candidate, index, all) => isIsoDate(candidate) && all.indexOf(candidate) === index);
  return readings.length === 1 ? readings : [];
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

function article(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'integer':
      return 'a whole number';
    case 'string':
      return 'text';
    case 'boolean':
      return 'true or false';
    default:
      return `a ${type}`;
  }
}

/** "a, b or c". */
function oneOf(values: readonly string[]): string {
  return values.length <= 1 ? values.join('') : `one of ${values.slice(0, -1).join(', ')} or ${values[values.length - 1]}`;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
