import * as assert from 'node:assert/strict';
import { isIsoDate } from '../../server/src/core/dates';
import { INTERNAL_ERROR, lint } from '../../server/src/core/lint';
import { LineIndex } from '../../server/src/core/locate';
import { rulesById } from '../../server/src/core/rules';
import { closest, didYouMean, editDistance } from '../../server/src/core/suggest';
import type { Finding } from '../../server/src/core/types';
import { parseYaml } from '../../server/src/core/yaml';
import { TODAY } from '../helpers/lint';

const FINISHED = ['yaml-syntax', 'schema', 'duplicate-id', 'unknown-reference'].map((id) => rulesById.get(id)!);

/** Lints one text with every rule: it must not throw, and no rule may fail on it. */
function lintAll(text: string): Finding[] {
  const { findings } = lint([{ file: 'bad.goals.yaml', text }], { clockToday: TODAY });
  assert.deepEqual(
    findings.filter((finding) => finding.rule === INTERNAL_ERROR).map((finding) => finding.message),
    [],
    'no rule may throw on bad input',
  );
  for (const finding of findings) {
    assert.ok(finding.range.start.line >= 0 && finding.range.start.character >= 0, `range of ${finding.rule}`);
    assert.ok(
      finding.range.end.line > finding.range.start.line ||
        (finding.range.end.line === finding.range.start.line && finding.range.end.character >= finding.range.start.character),
      `range of ${finding.rule} ends before it starts`,
    );
  }
  return findings;
}

/** "line:col rule message" (1-based) of the syntax and schema findings (plus the id rules) of one text. */
function syntaxAndSchema(text: string): string[] {
  lintAll(text);
  return lint([{ file: 'bad.goals.yaml', text }], { clockToday: TODAY, rules: FINISHED }).findings.map(
    (finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.rule} ${finding.message}`,
  );
}

/** Deterministic pseudo-random bytes (a linear congruential generator), so failures can be replayed. */
function randomBytes(seed: number, length: number): Buffer {
  const bytes = Buffer.alloc(length);
  let state = seed;
  for (let i = 0; i < length; i++) {
    state = (state * 1103515245 + 12345) % 2 ** 31;
    bytes[i] = state >> 23;
  }
  return bytes;
}

const PNG_HEADER = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0x49, 0x48, 0x44, 0x52, 0x00, 0x00, 0x01, 0x00]);

const BILLION_LAUGHS = [
  'goalpost: 1',
  'a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]',
  'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]',
  'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]',
  'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]',
  'e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]',
  'f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]',
  'g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f]',
  'h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g]',
  'i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h]',
  '',
].join('\n');

const TOO_DEEP = 'The YAML is nested more than 100 levels deep, too deep to be read.';

describe('bad input', () => {
  it('invalid YAML: the parser error at its place, nothing built on the broken item, the other items still checked', () => {
    assert.deepEqual(syntaxAndSchema('goalpost: 1\ngoals:\n  - id: g1\n    title: Grow sessions by 10%\n    supports: [grow-revenue\n  - id: g2\n'), [
      '5:15 yaml-syntax This `[` opens a flow sequence that is never closed, so YAML reads the lines after it into it; add the closing `]` or remove the `[`.',
      '6:9 schema Goal `g2` is missing the required key `title`.',
    ]);
  });

  it('an empty file', () => {
    assert.deepEqual(
      lintAll('').map((finding) => `${finding.rule} ${finding.message}`),
      ['schema The file is empty; a goals file starts with `goalpost: 1`.'],
    );
  });

  it('a file of comments only is empty too', () => {
    const findings = lintAll('# Marketing goals for 2027\n# (to be written)\n');
    assert.deepEqual(
      findings.map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.rule} ${finding.message}`),
      ['1:1 schema The file is empty; a goals file starts with `goalpost: 1`.'],
    );
  });

  it('random bytes with NUL: one finding, that the file is not text', () => {
    for (const seed of [1, 2, 3, 42, 2027]) {
      const bytes = randomBytes(seed, 4096);
      bytes[100] = 0;
      const findings = lintAll(bytes.toString('latin1'));
      assert.deepEqual(
        findings.map((finding) => `${finding.rule} ${finding.message}`),
        ['yaml-syntax The file is not text: it contains NUL bytes.'],
      );
      assert.deepEqual(findings[0].range.start, { line: 0, character: 0 });
    }
  });

  it('random bytes without NUL, read as UTF-8 or Latin-1: findings, never a crash', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const bytes = Buffer.from(randomBytes(seed, 2048).map((byte) => byte || 1));
      for (const text of [bytes.toString('latin1'), bytes.toString('utf8')]) {
        const findings = lintAll(text);
        assert.ok(
          findings.some((finding) => finding.rule === 'yaml-syntax' || finding.rule === 'schema'),
          `seed ${seed}`,
        );
      }
    }
  });

  it('a PNG file', () => {
    assert.deepEqual(
      lintAll(PNG_HEADER.toString('latin1')).map((finding) => `${finding.rule} ${finding.message}`),
      ['yaml-syntax The file is not text: it contains NUL bytes.'],
    );
  });

  it('a YAML alias bomb (billion laughs) is refused, not expanded', () => {
    assert.deepEqual(syntaxAndSchema(BILLION_LAUGHS), [
      '1:1 yaml-syntax The YAML uses aliases more than 100 times, which looks like an alias bomb; it was not expanded.',
    ]);
  });

  it('10,000-deep flow nesting, unclosed', () => {
    assert.deepEqual(syntaxAndSchema('['.repeat(10_000)), [`1:101 yaml-syntax ${TOO_DEEP}`]);
  });

  it('10,000-deep nesting, closed, inside a goals file, and read twice', () => {
    // The second read used to kill the process (V8 compiling a regexp near the stack limit).
    const text = `goalpost: 1\ndescription: ${'{a: '.repeat(10_000)}1${'}'.repeat(10_000)}\n`;
    // The file's own mapping is the first level, so the 100th `{` is the 101st.
    assert.deepEqual(syntaxAndSchema(text), [`2:410 yaml-syntax ${TOO_DEEP}`]);
    assert.deepEqual(syntaxAndSchema(text), [`2:410 yaml-syntax ${TOO_DEEP}`]);
  });

  it('10,000-deep block nesting', () => {
    assert.deepEqual(syntaxAndSchema(`${'- '.repeat(10_000)}x\n`), [`1:201 yaml-syntax ${TOO_DEEP}`]);
  });

  it('100 levels deep is still read', () => {
    assert.deepEqual(syntaxAndSchema(`goalpost: 1\ndescription: ${'['.repeat(99)}${']'.repeat(99)}\n`), [
      '2:14 schema `description` should be text, not a list.',
    ]);
  });

  it('a multi-megabyte scalar', () => {
    // Two of them stay under the default maxFileSize (6 MB), so the file is parsed, not refused whole.
    const huge = 'x'.repeat(2_500_000);
    assert.deepEqual(syntaxAndSchema(`goalpost: 1\ndescription: ${huge}\n`), []);
    const findings = syntaxAndSchema(`goalpost: 1\ngoals:\n  - id: "${huge} y"\n    title: Grow Instagram sessions by 10%\n    supports: [${huge}]\n`);
    assert.equal(findings.length, 2);
    assert.ok(
      findings[0].startsWith("3:9 schema `id` should use only letters, digits, '-', '_' or '.', starting with a letter or digit, not \"xxx"),
      findings[0],
    );
    assert.ok(findings[1].startsWith('5:16 unknown-reference `supports` names `xxx'), findings[1]);
    for (const finding of findings) assert.ok(finding.length < 300, `a short message, not ${finding.length} characters`);
  });

  it('a BOM and CRLF line ends: ranges as an editor shows them', () => {
    const text = '\ufeffgoalpost: 2\r\ngoals:\r\n  - id: g1\r\n    titel: Grow Instagram sessions by 10%\r\n';
    const findings = lint([{ file: 'bad.goals.yaml', text }], { clockToday: TODAY, rules: FINISHED }).findings;
    assert.deepEqual(
      findings.map((finding) => `${JSON.stringify(finding.range)} ${finding.message}`),
      [
        // The BOM is a character of the text the client holds, so it takes a column (files read from disk
        // have it stripped first, as editors hide it).
        '{"start":{"line":0,"character":11},"end":{"line":0,"character":12}} `goalpost` is the format version and should be 1, the only version so far, not 2.',
        '{"start":{"line":2,"character":8},"end":{"line":2,"character":10}} Goal `g1` is missing the required key `title`.',
        '{"start":{"line":3,"character":4},"end":{"line":3,"character":9}} Unknown key `titel` in goal `g1`; did you mean `title`?',
      ],
    );
    lintAll(text);
  });

  it('CR-only line ends (old Mac) read like LF', () => {
    const lf = 'goalpost: 1\ngoals:\n  - id: g1\n    titel: Grow Instagram sessions by 10%\n';
    assert.deepEqual(syntaxAndSchema(lf.replace(/\n/g, '\r')), syntaxAndSchema(lf));
  });

  it('duplicate keys: reported, and the rest of the file still checked', () => {
    assert.deepEqual(
      syntaxAndSchema('goalpost: 1\ngoals:\n  - id: g1\n    title: Grow sessions by 10%\n    title: Grow sessions by 20%\n    dedline: 2027-03-31\n'),
      [
        '5:5 yaml-syntax The key `title` is repeated in this mapping; each key may appear only once.',
        '6:5 schema Unknown key `dedline` in goal `g1`; did you mean `deadline`?',
      ],
    );
  });

  it('a mapping of 100,000 keys on one line and in a block, one repeated: read (each key once, not against every other), the repeat reported', () => {
    const keys = Array.from({ length: 100_000 }, (_, index) => `k${index}: ${index}`);
    keys.push('k7: again');
    for (const text of [`x-many: {${keys.join(', ')}}\n`, `x-many:\n${keys.map((key) => `  ${key}`).join('\n')}\n`]) {
      const parsed = parseYaml(text);
      assert.deepEqual(
        parsed.problems.map((problem) => problem.message),
        ['The key `k7` is repeated in this mapping; each key may appear only once.'],
      );
      assert.equal(text.slice(parsed.problems[0].span.start, parsed.problems[0].span.end), 'k7');
    }
  });

  it('20,000 brackets never closed: one finding at each, each found once (not each problem against every bracket)', () => {
    const text = 'goals:\n' + Array.from({ length: 20_000 }, (_, index) => `  - id: g${index}\n    supports: [a${index}\n`).join('');
    const problems = parseYaml(text).problems;
    assert.equal(problems.length, 20_000);
    assert.ok(
      problems.every((problem) => text.charAt(problem.span.start) === '[' && /^This `\[` opens a flow sequence that is never closed/.test(problem.message)),
    );
  });

  it('a top-level list', () => {
    assert.deepEqual(syntaxAndSchema('- id: g1\n  title: Grow sessions by 10%\n'), [
      '1:1 schema A goals file must be a mapping of keys, starting with `goalpost: 1`, not a list.',
    ]);
  });

  it('`goals:` being a string', () => {
    assert.deepEqual(syntaxAndSchema('goalpost: 1\ngoals: Grow Instagram sessions by 10%\n'), [
      '2:8 schema `goals` should be a list, not "Grow Instagram sessions by 10%".',
    ]);
  });

  it('several YAML documents: the first is checked, the others are reported and ignored', () => {
    const text =
      'goalpost: 1\ngoals:\n  - { id: g1, title: Grow sessions by 10%, supports: [nowhere] }\n---\ngoalpost: 1\ngoals:\n  - { id: g1, title: Grow leads }\n---\nfoo\n';
    assert.deepEqual(syntaxAndSchema(text), [
      '3:55 unknown-reference `supports` names `nowhere`, but no objective has that id.',
      '4:1 yaml-syntax A goals file holds one YAML document; document 2 is ignored.',
      '8:1 yaml-syntax A goals file holds one YAML document; document 3 is ignored.',
    ]);
  });

  it('odd but valid YAML: tags, complex keys, null keys, merge keys, __proto__', () => {
    for (const text of [
      'goalpost: 1\ngoals: !custom bar\n',
      'goalpost: 1\n? [a, b]\n: 1\n',
      'goalpost: 1\n~: x\n',
      'goalpost: 1\nbase: &b { title: x }\ngoals:\n  - <<: *b\n    id: g1\n',
      'goalpost: 1\n__proto__: { polluted: true }\ngoals:\n  - { id: constructor, title: x, supports: [toString, __proto__] }\n',
      'goalpost: 1\ngoals:\n  - { id: g1, title: Grow 10%, deadline: 2027-12-31, targets: [{ kpi: k, baseline: .inf, target: .nan, current: -.inf }] }\n',
    ]) {
      assert.ok(
        lintAll(text).some((finding) => finding.rule === 'schema' || finding.rule === 'yaml-syntax' || finding.rule === 'unknown-reference'),
        text,
      );
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
  });
});

describe('LineIndex', () => {
  const position = (text: string, offset: number) => {
    const { line, character } = new LineIndex(text).position(offset);
    return `${line}:${character}`;
  };

  it('splits lines on \\n, \\r\\n and \\r alike', () => {
    for (const text of ['ab\ncd\nef', 'ab\r\ncd\r\nef', 'ab\rcd\ref']) {
      const lines = new LineIndex(text);
      const step = text.includes('\r\n') ? 4 : 3;
      assert.equal(lines.lineCount, 3);
      assert.deepEqual(lines.position(0), { line: 0, character: 0 });
      assert.deepEqual(lines.position(step + 1), { line: 1, character: 1 });
      assert.deepEqual(lines.position(2 * step), { line: 2, character: 0 });
    }
  });

  it('treats mixed line ends one by one, \\r\\n as one break', () => {
    const text = 'a\r\nb\nc\rd';
    assert.deepEqual(
      [0, 3, 5, 7].map((offset) => position(text, offset)),
      ['0:0', '1:0', '2:0', '3:0'],
    );
    assert.equal(position(text, 2), '0:1', 'an offset inside \\r\\n is the end of the first line');
    assert.equal(new LineIndex('a\n\nb').lineCount, 3);
    assert.equal(new LineIndex('a\n').lineCount, 2);
  });

  it('clamps offsets to the text', () => {
    assert.equal(position('ab\ncd', -5), '0:0');
    assert.equal(position('ab\ncd', 99), '1:2');
    assert.equal(position('', 3), '0:0');
  });

  it('turns positions back into offsets, clamped to the line without its break', () => {
    const lines = new LineIndex('ab\r\ncd\nef');
    assert.equal(lines.offset({ line: 1, character: 1 }), 5);
    assert.equal(lines.offset({ line: 0, character: 99 }), 2, 'end of line 0, before \\r\\n');
    assert.equal(lines.offset({ line: 1, character: 99 }), 6, 'end of line 1, before \\n');
    assert.equal(lines.offset({ line: 99, character: 0 }), 7, 'the last line');
    assert.equal(lines.offset({ line: 2, character: 99 }), 9, 'the end of the text');
    assert.equal(lines.offset({ line: -1, character: -1 }), 0);
  });

  it('round-trips every offset that is not inside a line break', () => {
    const text = 'goalpost: 1\r\ngoals:\n  - id: g1\r  - id: "é😀"\n';
    const lines = new LineIndex(text);
    for (let offset = 0; offset <= text.length; offset++) {
      if (text[offset - 1] === '\r' && text[offset] === '\n') continue;
      assert.equal(lines.offset(lines.position(offset)), offset, `offset ${offset}`);
    }
  });

  it('counts UTF-16 code units, as LSP does', () => {
    assert.equal(position('😀x', 2), '0:2');
  });

  it('gives a leading byte-order mark a column, as the client that sent it counts it', () => {
    const lines = new LineIndex('\ufeffab\ncd');
    assert.deepEqual(lines.position(0), { line: 0, character: 0 });
    assert.deepEqual(lines.position(1), { line: 0, character: 1 });
    assert.deepEqual(lines.position(2), { line: 0, character: 2 });
    assert.deepEqual(lines.position(5), { line: 1, character: 1 });
    assert.equal(lines.offset({ line: 0, character: 1 }), 1);
    assert.equal(lines.offset({ line: 1, character: 1 }), 5);
  });
});

describe('suggest', () => {
  it('counts edits case-insensitively', () => {
    assert.equal(editDistance('deadline', 'deadline'), 0);
    assert.equal(editDistance('Deadline', 'deadline'), 0);
    assert.equal(editDistance('dedline', 'deadline'), 1);
    assert.equal(editDistance('', 'abc'), 3);
    assert.equal(editDistance('kitten', 'sitting'), 3);
  });

  it('counts a swap of two adjacent letters as one edit', () => {
    assert.equal(editDistance('titel', 'title'), 1);
    assert.equal(editDistance('quartely', 'quarterly'), 1);
    assert.equal(editDistance('ab', 'ba'), 1);
    assert.equal(editDistance('ca', 'abc'), 3);
  });

  it('suggests candidates within about a third of the word, closest first', () => {
    assert.deepEqual(closest('dedline', ['deadline', 'department', 'description']), ['deadline']);
    assert.deepEqual(closest('grow-onlin-revenue', ['grow-online-revenue', 'grow-offline-revenue', 'reduce-churn']), [
      'grow-online-revenue',
      'grow-offline-revenue',
    ]);
    assert.deepEqual(closest('leads', ['sessions', 'revenue']), []);
  });

  it('allows at least one edit for short words and at most four for long ones', () => {
    assert.deepEqual(closest('x', ['y', 'xy', 'abc']), ['xy', 'y']);
    assert.deepEqual(closest('northwind-growth-objective', ['northwind-XXXXXh-objective']), [], 'five edits');
    assert.deepEqual(closest('northwind-growth-objective', ['northwind-XXXXth-objective']), ['northwind-XXXXth-objective'], 'four edits');
  });

  it('suggests a candidate that the word starts, ends or is a prefix of', () => {
    assert.deepEqual(closest('sessions', ['ig-sessions', 'sessions-from-instagram', 'revenue']), ['ig-sessions', 'sessions-from-instagram']);
    assert.deepEqual(closest('marketing-emea', ['marketing']), ['marketing']);
    assert.deepEqual(closest('ma', ['marketing']), [], 'too short for an affix match');
  });

  it('never suggests the word itself, and keeps at most `limit`, ties in alphabetical order', () => {
    assert.deepEqual(closest('goal', ['goal', 'goals']), ['goals']);
    assert.deepEqual(closest('kpi', ['kpa', 'kpb', 'kpc', 'kpd'], 2), ['kpa', 'kpb']);
  });

  it('gives up on words too long to be a typo', () => {
    assert.deepEqual(closest('x'.repeat(201), ['x'.repeat(200)]), []);
  });

  it('words a did-you-mean', () => {
    assert.equal(didYouMean(['deadline', 'department']), '; did you mean `deadline`?');
    assert.equal(didYouMean([]), '');
  });
});

describe('isIsoDate', () => {
  const cases: [string, boolean][] = [
    ['2027-01-01', true],
    ['2028-02-29', true],
    ['2027-02-29', false],
    ['2000-02-29', true],
    ['1900-02-29', false],
    ['2027-04-31', false],
    ['2027-12-31', true],
    ['2027-13-01', false],
    ['2027-00-10', false],
    ['2027-01-00', false],
    ['2027-1-01', false],
    [' 2027-01-01', false],
  ];
  for (const [value, valid] of cases) it(`${value} → ${valid}`, () => assert.equal(isIsoDate(value), valid));
});
