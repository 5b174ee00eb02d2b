/**
 * The fast reader against its oracle, the `yaml` library: wherever the fast reader reads a text, its
 * value, comments, problems, every path's spans and the scalar at every offset equal those of the parse
 * by `yaml` alone; and it leaves to `yaml` every text it is not certain of. Property-based (fast-check):
 * generated goal files, the examples and every fixture, each mutated by random edits and by edits aimed
 * at what the fast reader decides itself (where comment lines attach, indentation, scalars, flow).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateGoalsFile } from '../../bench/generate';
import { parseFast } from '../../server/src/core/fastYaml';
import { parseYaml, parseYamlWithLibrary, type ParsedYaml } from '../../server/src/core/yaml';
import type { Path } from '../../server/src/core/types';
import { applyEdit, editArbitrary, runs } from '../helpers/randomEdits';

const ROOT = path.join(__dirname, '../..');

/** Every YAML file of the examples and the fixtures. */
function yamlFiles(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return yamlFiles(full);
    return /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

const CORPUS: Record<string, string> = Object.fromEntries([
  ...[...yamlFiles(path.join(ROOT, 'examples')), ...yamlFiles(path.join(ROOT, 'test/fixtures'))].map((file) => [
    path.relative(ROOT, file),
    fs.readFileSync(file, 'utf8'),
  ]),
  ['generated, 3 goals', generateGoalsFile(3)],
  ['generated, 30 goals', generateGoalsFile(30)],
]);

/** Every path of a value, the root included, plus paths that do not exist below each. */
function pathsOf(value: unknown, at: Path = [], into: Path[] = []): Path[] {
  into.push(at, [...at, 'missing'], [...at, 99]);
  if (Array.isArray(value)) value.forEach((item, index) => pathsOf(item, [...at, index], into));
  else if (value !== null && typeof value === 'object') for (const [key, item] of Object.entries(value)) pathsOf(item, [...at, key], into);
  return into;
}

/** Asserts the fast parse of `text`, when there is one, is the `yaml` parse; returns whether there was one. */
function sameAsYaml(text: string): boolean {
  const fast = parseFast(text);
  if (!fast) return false;
  const oracle = parseYamlWithLibrary(text);
  assert.deepEqual(fast.problems, oracle.problems, 'problems');
  assert.deepEqual(fast.value, oracle.value, 'value');
  assert.deepEqual(fast.comments, oracle.comments, 'comments');
  for (const at of pathsOf(oracle.value)) assert.deepEqual(fast.locate(at), oracle.locate(at), `locate ${JSON.stringify(at)}`);
  for (let offset = 0; offset <= text.length; offset++) assert.deepEqual(fast.scalarAt(offset), oracle.scalarAt(offset), `scalarAt ${offset}`);
  return true;
}

/** Lines that change where comments attach and how scalars resolve. */
const LINE_EDITS = [
  '',
  '#',
  '# c',
  '  # c',
  ' # c',
  '   # c',
  '    # c',
  '      # c',
  '        # c',
  '          # c',
  '  - x',
  '    - x',
  '  - { a: 1 }',
  '    k: v # c',
  '  k: [a, "b", 1.5]',
  'z: ~',
];

/** Values that put the core schema and the quoting rules to work. */
const VALUES = [
  '1',
  '-0',
  '+12',
  '007',
  '0o17',
  '0x1F',
  '1.50',
  '.5',
  '1e3',
  '-1.2E-3',
  '.inf',
  '-.Inf',
  '.nan',
  'true',
  'False',
  'NULL',
  '~',
  'null',
  "'it''s'",
  '"a \\"q\\" \\n"',
  '"\\x41"',
  'a: b',
  'a:b',
  'a #b',
  'a # c',
  '[a, 1, "b", [c]]',
  '{ k: v, n: 2 }',
  '{}',
  '[ ]',
  '[a,]',
  '{k: }',
  '&a x',
  '*a',
  '!tag x',
  '|',
  '>-',
  '"open',
  "'open",
  '@x',
  '`x',
  '%x',
  '- x',
  '-x',
  '? x',
  ':x',
  'http://x.y/z?q=1',
  '2027-01-01',
  // First characters that may or may not start a null, bool or number.
  'n',
  'Nope',
  'nULL',
  'tRUE',
  'Tuesday',
  'f',
  '+',
  '-',
  '.',
  '.5x',
  '~x',
  '0b1',
  'Infinity',
];

/** Keys that the core schema does not resolve to themselves, or that objects already have. */
const KEYS = ['null', 'True', 'FALSE', '_', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'n', 'y', 'on', 'id', 'title'];

/** An edit aimed at the fast reader's own decisions: insert a line, or replace a value. */
const aimedEdit = fc.oneof(
  fc.record({ line: fc.nat(), text: fc.constantFrom(...LINE_EDITS) }).map((edit) => (text: string) => {
    const lines = text.split('\n');
    lines.splice(edit.line % (lines.length + 1), 0, edit.text);
    return lines.join('\n');
  }),
  fc.record({ nth: fc.nat(), value: fc.constantFrom(...VALUES) }).map((edit) => (text: string) => {
    const values = [...text.matchAll(/: ([^\n#]+)/g)];
    if (values.length === 0) return text;
    const match = values[edit.nth % values.length];
    const start = (match.index as number) + 2;
    return text.slice(0, start) + edit.value + text.slice(start + match[1].length);
  }),
  fc.record({ nth: fc.nat(), key: fc.constantFrom(...KEYS) }).map((edit) => (text: string) => {
    const keys = [...text.matchAll(/^[ -]*([A-Za-z_]\w*):/gm)];
    if (keys.length === 0) return text;
    const match = keys[edit.nth % keys.length];
    const start = (match.index as number) + match[0].length - match[1].length - 1;
    return text.slice(0, start) + edit.key + text.slice(start + match[1].length);
  }),
  editArbitrary.map((edit) => (text: string) => applyEdit(text, edit)),
);

describe('fast YAML reader', function () {
  this.timeout(process.env.FUZZ_SCALE ? 0 : 300_000);

  it('reads the examples, the fixtures and generated files exactly as yaml does', () => {
    let read = 0;
    for (const [name, text] of Object.entries(CORPUS)) {
      try {
        if (sameAsYaml(text)) read++;
      } catch (error) {
        throw new Error(`${name}: ${(error as Error).message}`);
      }
    }
    // Most of them are in the plain subset; the rest (block scalars, errors) are left to yaml.
    assert.ok(read >= Object.keys(CORPUS).length * 0.8, `read ${read} of ${Object.keys(CORPUS).length}`);
  });

  it('reads mutated files exactly as yaml does, or leaves them to yaml (property-based)', () => {
    const names = Object.keys(CORPUS).filter((name) => CORPUS[name].length < 6_000);
    let read = 0;
    let total = 0;
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.array(aimedEdit, { minLength: 1, maxLength: 6 }), (name, edits) => {
        let text = CORPUS[name];
        for (const edit of edits) {
          text = edit(text);
          total++;
          if (sameAsYaml(text)) read++;
        }
      }),
      { numRuns: runs(300) },
    );
    // The aimed edits keep a share of the texts in the subset (about a fifth), so the comparison is not vacuous.
    assert.ok(read > total / 10, `read ${read} of ${total}`);
  });

  it('reads chunks of a generated file (items with comments and blank lines after them) exactly as yaml does', () => {
    const text = generateGoalsFile(5).replace(/\n\n/g, '\n\n# section\n  # item comment\n\n');
    const items = text
      .split(/(?<=\n)(?= {2}- )/)
      .slice(1)
      .map((item) => item.split(/(?<=\n)(?=[a-z])/)[0]);
    assert.ok(items.length > 10);
    for (const item of items) assert.ok(sameAsYaml(item), item);
    assert.ok(sameAsYaml(text));
  });

  it('leaves to yaml every text it is not certain of', () => {
    const tricky = [
      'a: &x 1\nb: *x\n',
      'a: !!str 1\n',
      'base: &b { x: 1 }\nc:\n  <<: *b\n',
      'a: |\n  text\n',
      'a: >-\n  text\n',
      'a: one\n  two\n',
      'a:\n\tb: 1\n',
      '%YAML 1.2\n---\na: 1\n',
      '---\na: 1\n',
      'a: 1\n...\n',
      'a: 1\n---\nb: 2\n',
      'a:\n  b: 1\n c: 2\n',
      'a:\n- x\n',
      '"quoted key": 1\n',
      'a b: 1\n',
      '1: x\n',
      'true: x\n',
      'a: 1\na: 2\n',
      'a: "unclosed\n',
      "a: 'unclosed\n",
      'title: x: y\n',
      'a:\n',
      'a: [1,\n  2]\n',
      'a: [x,]\n',
      'a: {k}\n',
      'a: "\\x41"\n',
      'a: 1\r\nb: 2\r\n',
      '\ufeffa: 1\n',
      'a: -\n',
      '- - x\n',
      '-\n  a: 1\n',
      'a: "x"y\n',
      'a: [x]#c\n',
      'just a scalar\n',
      '# only a comment\n',
      '',
      'a: {b: [c, {d: {e: [f]}}]}\n'.replace('f', '[[[[[[[[[[[[[[[[[[f]]]]]]]]]]]]]]]]]]'),
      'key: http://a:b\n'.replace('http://a:b', 'x: y'),
      'a: @x\n',
      Array.from({ length: 120 }, (_, depth) => `${' '.repeat(depth)}k${depth}:`).join('\n') + ' 1\n',
      'a: `x\n',
      'a: ? x\n',
      '__proto__: 1\n',
    ];
    const taken = tricky.filter((text) => parseFast(text) === undefined);
    assert.deepEqual(
      tricky.filter((text) => !taken.includes(text)),
      [],
    );
    // And parseYaml gives yaml's answer for each of them.
    for (const text of tricky) assertSameParse(parseYaml(text), parseYamlWithLibrary(text));
  });
});

function assertSameParse(actual: ParsedYaml, expected: ParsedYaml): void {
  assert.deepEqual(actual.value, expected.value);
  assert.deepEqual(actual.problems, expected.problems);
  assert.deepEqual(actual.comments, expected.comments);
}
