import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from '../../scripts/generate-docs';
import { rules } from '../../server/src/core/rules';

const ROOT = path.join(__dirname, '../..');

describe('generated files', () => {
  for (const [file, content] of generatedFiles()) {
    it(`${file} is up to date (run \`npm run docs\`)`, () => {
      assert.equal(fs.readFileSync(path.join(ROOT, file), 'utf8'), content);
    });
  }

  it('has exactly one doc page per rule', () => {
    const pages = fs.readdirSync(path.join(ROOT, 'docs/rules')).sort();
    assert.deepEqual(pages, rules.map(({ meta }) => `${meta.id}.md`).sort());
  });

  it('gives every rule a why, a bad and a good example', () => {
    for (const { meta } of rules) {
      assert.ok(meta.docs.why.length > 40, `${meta.id}: why`);
      assert.ok(meta.docs.bad.trim() && meta.docs.good.trim() && meta.docs.bad !== meta.docs.good, `${meta.id}: examples`);
    }
  });
});
