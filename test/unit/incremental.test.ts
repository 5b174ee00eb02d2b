import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { IncrementalParser } from '../../server/src/core/incremental';
import type { Path } from '../../server/src/core/types';
import { parseYaml, type ParsedYaml } from '../../server/src/core/yaml';
import { generateGoalsFile } from '../../bench/generate';

/** Every path of a value, so that locate() can be compared everywhere. */
function paths(value: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(value)) value.forEach((entry, index) => out.push(...paths(entry, [...prefix, index])));
  else if (value !== null && typeof value === 'object') for (const [key, entry] of Object.entries(value)) out.push(...paths(entry, [...prefix, key]));
  return out;
}

function assertSame(actual: ParsedYaml, text: string, where: string): void {
  const expected = parseYaml(text);
  assert.deepEqual(actual.value, expected.value, `${where}: value`);
  assert.deepEqual(actual.problems, expected.problems, `${where}: problems`);
  assert.deepEqual(actual.comments, expected.comments, `${where}: comments`);
  const probes = [...paths(expected.value), ['goals', 99999], ['nope'], ['goals', 0, 'nope', 3]];
  for (const probe of probes) assert.deepEqual(actual.locate(probe), expected.locate(probe), `${where}: locate ${JSON.stringify(probe)}`);
  if (expected.problems.length === 0) {
    for (let offset = 0; offset <= text.length; offset += 7)
      assert.deepEqual(actual.scalarAt(offset), expected.scalarAt(offset), `${where}: scalarAt ${offset}`);
  }
}

/** A small deterministic random generator, so failures reproduce. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x7fffffff;
  };
}

const EXAMPLES = path.join(__dirname, '../../examples');
const SAMPLES: Record<string, string> = {
  generated: generateGoalsFile(12),
  compact: 'goalpost: 1\n# the goals\ngoals:\n- id: a\n  title: A\n# between\n- id: b\n  title: B\n  targets:\n  - kpi: k\n    target: 3\n',
  flow: 'goalpost: 1\ngoals: [{ id: a, title: A }]\nkpis: []\n',
  anchors: 'goalpost: 1\ngoals:\n  - &g { id: a, title: A }\n  - *g\n',
  // A top-level `id` names the root mapping (its head), whatever section it is in; written in every way.
  'root id': 'id: whole-file\ngoalpost: 1\ngoals:\n  - id: a\n    title: A\n',
  'root id after': 'goalpost: 1\ngoals:\n  - id: a\nid: late # named last\n',
  'root id empty': 'goalpost: 1\nid:\ngoals:\n  - id: a\n',
  'root id null': 'goalpost: 1\nid: ~\ngoals:\n  - id: a\n',
  'root id quoted empty': 'goalpost: 1\nid: ""\ngoals:\n  - id: a\n',
  'root id flow': 'goalpost: 1\nid: { a: 1 }\ngoals:\n  - id: a\n',
  'root id list': 'goalpost: 1\nid:\n  - x\ngoals:\n  - id: a\n',
  ...Object.fromEntries(
    ['strategy', 'flawed'].flatMap((folder) =>
      fs
        .readdirSync(path.join(EXAMPLES, folder))
        .filter((name) => name.endsWith('.goals.yaml'))
        .map((name) => [`${folder}/${name}`, fs.readFileSync(path.join(EXAMPLES, folder, name), 'utf8')]),
    ),
  ),
};

describe('incremental parsing', () => {
  for (const [name, text] of Object.entries(SAMPLES)) {
    it(`matches a whole parse of ${name}`, () => assertSame(new IncrementalParser().parse(text), text, name));
  }

  it('matches a whole parse after every edit of a random edit sequence', () => {
    const next = random(7);
    const alphabet = ['a', '1', ' ', '\n', ':', '-', '#', '[', ']', '{', '}', '"', "'", '&x', '*x', '  - ', 'goals:\n', '\t', '\r\n', '\nid: x\n', 'id:'];
    for (const [name, original] of Object.entries(SAMPLES)) {
      const parser = new IncrementalParser();
      let text = original;
      for (let step = 0; step < 60; step++) {
        const at = Math.floor(next() * (text.length + 1));
        if (next() < 0.5) text = text.slice(0, at) + alphabet[Math.floor(next() * alphabet.length)] + text.slice(at);
        else text = text.slice(0, at) + text.slice(at + 1 + Math.floor(next() * 3));
        assertSame(parser.parse(text), text, `${name}, step ${step}`);
      }
    }
  });

  it('re-parses only the item an edit touches', () => {
    const parser = new IncrementalParser();
    const text = generateGoalsFile(50);
    const first = parser.parse(text).value as { goals: object[] };
    const edited = text.replace('for campaign 7\n', 'for campaign 7!\n');
    const second = parser.parse(edited).value as { goals: object[] };
    assert.equal(second.goals[6], first.goals[6], 'an untouched item keeps its parsed value');
    assert.notEqual(second.goals[7], first.goals[7], 'the edited item is parsed anew');
  });
});
