/**
 * Random edits of goals files for property-based tests (fast-check): YAML structure typed or deleted
 * anywhere, pasted copies of other parts of the file, typos in values and whole items moved between
 * sections. An edit is applied to whatever the text is by then, so any sequence is valid for any text.
 */
import fc from 'fast-check';

/** Pieces of YAML syntax and of goals files: the characters and lines that change structure most. */
export const TOKENS = [
  '',
  ' ',
  '  ',
  '\n',
  '\r\n',
  ':',
  ': ',
  '- ',
  '[',
  ']',
  '{',
  '}',
  ',',
  '"',
  "'",
  '#',
  '&a ',
  '*a',
  '<<: *a\n',
  '|\n',
  '>-',
  '\t',
  '---\n',
  'goals:\n',
  'kpis:\n',
  'objectives:\n',
  '  - id: dup\n',
  '    title: x: y\n',
  'supports: [',
  'kpi: ',
  '2027-13-45',
  '1e999',
  'é',
  '😀',
  '# goalpost-disable-next-line smart-specific\n',
  '# goalpost-disable-file nope\n',
];

/** One edit: where it starts and ends (fractions of the text's length) and what it types. */
export interface RandomEdit {
  readonly at: number;
  readonly length: number;
  readonly insert: { kind: 'token'; text: string } | { kind: 'paste'; from: number; length: number } | { kind: 'text'; text: string };
}

/** The arbitrary of one edit. */
export const editArbitrary: fc.Arbitrary<RandomEdit> = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  length: fc.nat({ max: 40 }),
  insert: fc.oneof(
    { weight: 6, arbitrary: fc.constantFrom(...TOKENS).map((text) => ({ kind: 'token' as const, text })) },
    {
      weight: 2,
      arbitrary: fc
        .record({ from: fc.double({ min: 0, max: 1, noNaN: true }), length: fc.nat({ max: 300 }) })
        .map((paste) => ({ kind: 'paste' as const, ...paste })),
    },
    { weight: 1, arbitrary: fc.string({ maxLength: 6 }).map((text) => ({ kind: 'text' as const, text })) },
  ),
});

/** Where an edit applies to `text`: offsets and the inserted text. */
export function resolveEdit(text: string, edit: RandomEdit): { start: number; end: number; insert: string } {
  const start = Math.floor(edit.at * text.length);
  const end = Math.min(text.length, start + edit.length);
  const insert = edit.insert.kind === 'paste' ? text.slice(Math.floor(edit.insert.from * text.length)).slice(0, edit.insert.length) : edit.insert.text;
  return { start, end, insert };
}

/** The text after an edit. */
export function applyEdit(text: string, edit: RandomEdit): string {
  const { start, end, insert } = resolveEdit(text, edit);
  return text.slice(0, start) + insert + text.slice(end);
}

/** How many runs a property gets: a bounded budget in `npm test`, more under `npm run fuzz` (FUZZ_RUNS). */
export function runs(base: number): number {
  const scale = Number(process.env.FUZZ_SCALE ?? '1');
  return Math.max(1, Math.round(base * (Number.isFinite(scale) && scale > 0 ? scale : 1)));
}

/**
 * Edits that keep a text plannable most of the time (the shared random edits mostly bring tabs, CRLF or
 * column-0 lines, which need a whole parse): typing, deleting and new lines at item indentation.
 */
export const typingArbitrary = fc.record({
  // Uniform over the text (fc.double favours 0, 1 and other extremes: the file's first and last byte).
  at: fc.integer({ min: 0, max: 100_000 }).map((step) => step / 100_000),
  length: fc.nat({ max: 12 }),
  text: fc.constantFrom('', 'x', ' ', '  ', ': ', '- ', '#', '\n', '\n  ', '\n    ', '\n  - id: new\n', '\n    title: t\n', '\n\n', '  # note\n', 'x\ny:'),
});

/** A typing edit applied to a text. */
export function typed(text: string, edit: { at: number; length: number; text: string }): string {
  const start = Math.floor(edit.at * text.length);
  return text.slice(0, start) + edit.text + text.slice(Math.min(text.length, start + edit.length));
}
