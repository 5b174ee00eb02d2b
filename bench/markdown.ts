/**
 * The report's tables: a section title, the header, the separator row derived from it (numbers right-aligned,
 * words left), the rows, and a note under the table.
 */

/** A column: its label, and whether it holds words (left-aligned) rather than numbers. */
export interface Column {
  readonly label: string;
  readonly words?: boolean;
}

/** A column of numbers (right-aligned). */
export const num = (label: string): Column => ({ label });
/** A column of words (left-aligned). */
export const word = (label: string): Column => ({ label, words: true });

/** A markdown section holding one table; each row is its cells. */
export function tableSection(title: string, columns: readonly Column[], rows: readonly (readonly string[])[], note?: string): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [
    title,
    '',
    line(columns.map((column) => column.label)),
    `|${columns.map((column) => (column.words ? '---' : '---:')).join('|')}|`,
    ...rows.map(line),
    '',
    ...(note === undefined ? [] : [note, '']),
  ];
}
