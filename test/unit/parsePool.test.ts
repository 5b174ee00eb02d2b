import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generateGoalsFile } from '../../bench/generate';
import { IncrementalParser } from '../../server/src/core/incremental';
import { lint } from '../../server/src/core/lint';
import { parseYaml } from '../../server/src/core/yaml';
import { ParsePool } from '../../server/src/node/parsePool';

const WORKER = path.join(__dirname, '../../dist/parseWorker.js');

describe('parse pool (real worker threads)', function () {
  let pool: ParsePool;

  before(function () {
    if (!fs.existsSync(WORKER)) throw new Error('dist/parseWorker.js is missing: run `npm run build` first');
    pool = new ParsePool(WORKER, 2);
  });

  after(() => pool.close());

  it('parses texts in workers with the same value, problems and comments as in-thread, in order', async () => {
    const texts = ['a: 1 # one\n', 'b: [1, 2\n', 'goalpost: 1\ngoals:\n  - { id: g, title: T }\n', '', '\u0000binary'];
    const parsed = await pool.parseMany(texts);
    assert.equal(parsed.length, texts.length);
    texts.forEach((text, index) => {
      const expected = parseYaml(text);
      assert.deepEqual(parsed[index].value, expected.value, `value of text ${index}`);
      assert.deepEqual(parsed[index].problems, expected.problems, `problems of text ${index}`);
      assert.deepEqual(parsed[index].comments, expected.comments, `comments of text ${index}`);
    });
  });

  it('answers positions of a worker parse, parsing again here only when asked', async () => {
    const text = 'goalpost: 1\ngoals:\n  - id: g\n    title: T\n';
    const [parsed] = await pool.parseMany([text]);
    assert.deepEqual(parsed.locate(['goals', 0, 'title']), parseYaml(text).locate(['goals', 0, 'title']));
    assert.deepEqual(parsed.scalarAt(text.indexOf('T')), parseYaml(text).scalarAt(text.indexOf('T')));
  });

  it('gives an incremental parse through the pool the same findings as a whole parse', async () => {
    const text = generateGoalsFile(300).replace('    department: marketing\n', '').replace('funnel: conversion', 'funnel: sales');
    const viaPool = await new IncrementalParser().parseWith(text, pool.parseMany);
    const options = { clockToday: '2027-05-15' };
    const expected = lint([{ file: 'a.goals.yaml', text }], options).findings;
    assert.ok(expected.length >= 2, 'the text has findings to compare');
    assert.deepEqual(lint([{ file: 'a.goals.yaml', text, parsed: viaPool }], options).findings, expected);
  });
});
