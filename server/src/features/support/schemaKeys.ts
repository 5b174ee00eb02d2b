/**
 * What the goals schema says about keys and values, for completion, hover, code actions and rename: the keys
 * a mapping may hold (with their descriptions), the enum values and known values of a key, and what an id may
 * look like. Read from the schema itself so that editor help can never drift from validation.
 */
import goalsSchema from '../../../../schemas/goals.schema.json';
import type { Path } from '../../core/types';

/** The parts of a JSON-schema node that editor help reads. */
export interface SchemaNode {
  readonly description?: string;
  readonly $ref?: string;
  readonly type?: string;
  readonly properties?: Readonly<Record<string, SchemaNode>>;
  readonly items?: SchemaNode;
  readonly enum?: readonly unknown[];
  readonly examples?: readonly unknown[];
  readonly required?: readonly string[];
}

/** One key a mapping may hold. */
export interface SchemaKey {
  readonly key: string;
  /** The key's own description, else that of the definition it refers to. */
  readonly description?: string;
  /** The key's value schema, `$ref`s followed. */
  readonly node: SchemaNode;
}

const ROOT = goalsSchema as unknown as SchemaNode & { readonly definitions: Readonly<Record<string, SchemaNode>> };

/** What an id may look like: the schema's own `id` pattern, so that no edit writes an id the schema rejects. */
export const ID_PATTERN = new RegExp(goalsSchema.definitions.id.pattern);

/** A node with its `$ref`s followed; the referring node's own fields (its description) win. */
export function resolve(node: SchemaNode): SchemaNode {
  let current = node;
  // A bounded loop: the goals schema's references are one level deep, and a cycle must not hang the server.
  for (let hops = 0; current.$ref !== undefined && hops < 8; hops++) {
    const target = ROOT.definitions[current.$ref.replace(/^#\/definitions\//, '')];
    if (!target) break;
    current = { ...target, ...current, $ref: target.$ref };
  }
  return current;
}

/** The schema of the node at a document path (keys of mappings, indexes of sequences), if the schema knows it. */
export function schemaAt(path: Path): SchemaNode | undefined {
  let node: SchemaNode | undefined = ROOT;
  for (const segment of path) {
    if (!node) return undefined;
    const resolved: SchemaNode = resolve(node);
    node = typeof segment === 'number' ? resolved.items : Object.hasOwn(resolved.properties ?? {}, segment) ? resolved.properties?.[segment] : undefined;
  }
  return node && resolve(node);
}

/** The keys of the mapping at a document path, in schema order; empty when the node there is not a mapping. */
export function keysAt(path: Path): SchemaKey[] {
  const properties = schemaAt(path)?.properties ?? {};
  return Object.entries(properties).map(([key, node]) => {
    const resolved = resolve(node);
    return { key, description: node.description ?? resolved.description, node: resolved };
  });
}

/** The schema of the value of the key at the end of `path` (a mapping key), with the key's description. */
export function keyAt(path: Path): SchemaKey | undefined {
  const key = path[path.length - 1];
  if (typeof key !== 'string') return undefined;
  return keysAt(path.slice(0, -1)).find((candidate) => candidate.key === key);
}

/** Every key of the schema by name, the first definition winning; the schema gives each name one meaning. */
const BY_NAME: ReadonlyMap<string, SchemaNode> = (() => {
  const byName = new Map<string, SchemaNode>();
  const visit = (node: SchemaNode) => {
    for (const [key, child] of Object.entries(resolve(node).properties ?? {})) if (!byName.has(key)) byName.set(key, resolve(child));
  };
  visit(ROOT);
  for (const node of Object.values(ROOT.properties ?? {})) visit(node);
  for (const node of Object.values(ROOT.definitions)) visit(node);
  return byName;
})();

/** The values a key's scalars may take: its enum, else its known values (`examples`), for lists those of each entry. */
export function valuesOfKey(key: string): { readonly values: readonly string[]; readonly closed: boolean } | undefined {
  let node = BY_NAME.get(key);
  if (node?.items) node = resolve(node.items);
  if (!node) return undefined;
  if (node.enum) return { values: node.enum.map(String), closed: true };
  if (node.examples) return { values: node.examples.map(String), closed: false };
  return undefined;
}

/** Whether a key holds a list (`supports`, `owners`, `platforms`…). */
export function isListKey(key: string): boolean {
  return BY_NAME.get(key)?.type === 'array';
}
