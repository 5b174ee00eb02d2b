/**
 * JSON-schema validation with ajv, each schema compiled once, and ajv's errors turned into sentences a
 * strategist understands, each at the path of the offending node.
 */
import Ajv from 'ajv';
import type { ErrorObject, ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import goalsSchema from '../../../schemas/goals.schema.json';
import type { Part } from './locate';
import { closest, didYouMean } from './suggest';
import type { Path } from './types';

/** A schema violation at a path of the document. */
export interface SchemaProblem {
  readonly path: Path;
  readonly part: Part;
  readonly message: string;
  readonly suggestions?: readonly string[];
}

/** Validates a plain value; the result lists every violation, at most one per node and kind. */
export type Validator = (value: unknown) => SchemaProblem[];

/** Names a path for messages, such as "goal `ig-traffic`" or "target 2 of goal `ig-traffic`". */
export type Describe = (path: Path, root: unknown) => string;

let ajv: Ajv | undefined;

function instance(): Ajv {
  if (!ajv) {
    ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
    addFormats(ajv, ['date']);
  }
  return ajv;
}

/** Compiles a schema once and returns its validator. */
export function createValidator(schema: object, describe: Describe): Validator {
  let compiled: ValidateFunction | undefined;
  return (value) => {
    compiled ??= instance().compile(schema);
    if (compiled(value === undefined ? null : value)) return [];
    return toProblems(compiled.errors ?? [], value, describe);
  };
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
      parts.unshift(typeof id === 'string' && segment !== 'targets' ? `${SINGULAR[segment]} \`${id}\`` : `${SINGULAR[segment]} ${next + 1}`);
    }
  }
  return parts.length > 0 ? parts.join(' of ') : 'the file';
};

/** Validates a goals file's value against `schemas/goals.schema.json`. */
export const validateGoals: Validator = createValidator(goalsSchema, describeGoalsPath);

function toProblems(errors: ErrorObject[], root: unknown, describe: Describe): SchemaProblem[] {
  const problems: SchemaProblem[] = [];
  const seen = new Set<string>();
  for (const error of errors) {
    const problem = toProblem(error, root, describe);
    if (!problem) continue;
    const key = `${problem.path.join('/')}|${problem.part}|${problem.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(problem);
  }
  return problems;
}

function toProblem(error: ErrorObject, root: unknown, describe: Describe): SchemaProblem | undefined {
  const path = pointerToPath(error.instancePath);
  const key = path.length > 0 ? `\`${path[path.length - 1]}\`` : 'The file';
  const where = describe(path, root);
  const params = error.params as Record<string, unknown>;
  switch (error.keyword) {
    case 'required': {
      const missing = String(params.missingProperty);
      if (path.length === 0 && (root === undefined || root === null)) {
        return { path, part: 'head', message: 'The file is empty; a goals file starts with `goalpost: 1`.' };
      }
      return { path, part: 'head', message: `${capitalize(where)} is missing the required key \`${missing}\`.` };
    }
    case 'additionalProperties': {
      const unknown = String(params.additionalProperty);
      const allowed = Object.keys((error.parentSchema as { properties?: object } | undefined)?.properties ?? {});
      const suggestions = closest(unknown, allowed);
      const expected = suggestions.length > 0 ? didYouMean(suggestions) : `; expected one of ${allowed.map((name) => `\`${name}\``).join(', ')}.`;
      return { path: [...path, unknown], part: 'key', message: `Unknown key \`${unknown}\` in ${where}${expected}`, suggestions };
    }
    case 'type': {
      if (path.length === 0) return { path, part: 'head', message: `A goals file must be a mapping of keys such as \`goalpost: 1\`, not ${show(error.data)}.` };
      return { path, part: 'value', message: `${key} should be ${article(String(params.type))}, not ${show(error.data)}.` };
    }
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      const suggestions = closest(String(error.data), allowed);
      const tail = didYouMean(suggestions) || '.';
      return { path, part: 'value', message: `${key} should be one of ${allowed.join(', ')}, not ${show(error.data)}${tail}`, suggestions };
    }
    case 'const':
      return { path, part: 'value', message: `${key} should be ${show(params.allowedValue)}, not ${show(error.data)}.` };
    case 'format':
      return { path, part: 'value', message: `${key} should be a real date written YYYY-MM-DD, not ${show(error.data)}.` };
    case 'pattern':
      return { path, part: 'value', message: `${key} ${show(error.data)} should use only letters, digits, '-', '_' or '.', and start with a letter or digit.` };
    case 'minLength':
      return { path, part: 'value', message: `${key} should not be empty.` };
    case 'minimum':
    case 'maximum': {
      const schema = error.parentSchema as { minimum?: number; maximum?: number } | undefined;
      const range = schema?.minimum !== undefined && schema.maximum !== undefined ? `between ${schema.minimum} and ${schema.maximum}` : `${error.keyword === 'minimum' ? 'at least' : 'at most'} ${String(params.limit)}`;
      return { path, part: 'value', message: `${key} should be ${range}, not ${show(error.data)}.` };
    }
    default:
      return { path, part: 'value', message: `${key} ${error.message ?? 'is not valid'}.` };
  }
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}

/** Quotes a user's value for a message, briefly. */
export function show(value: unknown): string {
  if (value === null || value === undefined) return 'empty';
  if (typeof value === 'string') return `"${value.length > 40 ? `${value.slice(0, 40)}…` : value}"`;
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return String(value);
}

function article(type: string): string {
  switch (type) {
    case 'object':
      return 'a mapping';
    case 'array':
      return 'a list';
    case 'integer':
      return 'a whole number';
    default:
      return `a ${type}`;
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
