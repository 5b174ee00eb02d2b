/** How fixes write YAML: scalars that read back as the same text, and list items in block or flow style. */
import type { ItemColumns } from './listStyle';

/**
 * A value as YAML reads it back as the same text: plain when it starts with a letter and holds no syntax,
 * quoted when plain would read as a number, a boolean or null (`2027`, `true`, `no`).
 */
export function scalar(text: string): string {
  return /^[A-Za-z][\w .-]*$/.test(text) && !/\s$/.test(text) && !/^(true|false|null|yes|no|on|off|y|n)$/i.test(text) ? text : JSON.stringify(text);
}

/** The lines of a list item at `columns`, block or `{ … }`. */
export function itemLines(columns: ItemColumns, fields: readonly [string, string][], flow: boolean): string[] {
  const dash = `${' '.repeat(columns.dash)}-${' '.repeat(Math.max(1, columns.key - columns.dash - 1))}`;
  if (flow) return [`${dash}${flowItem(fields)}`];
  return fields.map(([key, value], index) => `${index === 0 ? dash : ' '.repeat(columns.key)}${key}: ${value}`);
}

/** A mapping written on one line: `{ key: value, … }`. */
export function flowItem(fields: readonly [string, string][]): string {
  return `{ ${fields.map(([key, value]) => `${key}: ${value}`).join(', ')} }`;
}
