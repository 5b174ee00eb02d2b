/** Every rule of the registry comes with its test file, its fixture folder and its doc page, and nothing else does. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rules } from '../../server/src/core/rules';

const ROOT = path.join(__dirname, '../..');
const ids = rules.map(({ meta }) => meta.id).sort();

/** The names in a folder of the repository, with `suffix` taken off those that end with it (only those). */
function names(folder: string, suffix: string, directories: boolean): string[] {
  return fs
    .readdirSync(path.join(ROOT, folder), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() === directories && entry.name.endsWith(suffix))
    .map((entry) => entry.name.slice(0, entry.name.length - suffix.length))
    .sort();
}

describe('the files of each rule', () => {
  it('a test file test/rules/<id>.test.ts for each rule, and none for a rule that does not exist', () => {
    assert.deepEqual(names('test/rules', '.test.ts', false), ids);
  });

  it("each rule's test file makes the rule's suite with testRule", () => {
    for (const id of ids) {
      const text = fs.readFileSync(path.join(ROOT, 'test/rules', `${id}.test.ts`), 'utf8');
      assert.match(text, new RegExp(`^const RULE = '${id}';$`, 'm'), `test/rules/${id}.test.ts names its rule`);
      assert.match(text, /^testRule\(\s*RULE,/m, `test/rules/${id}.test.ts calls testRule`);
    }
  });

  it('a fixture folder test/fixtures/rules/<id>/ with goal files and expected.json for each rule, and none for a rule that does not exist', () => {
    assert.deepEqual(names('test/fixtures/rules', '', true), ids);
    for (const id of ids) {
      const files = fs.readdirSync(path.join(ROOT, 'test/fixtures/rules', id));
      assert.ok(files.includes('expected.json'), `test/fixtures/rules/${id}/expected.json`);
      assert.ok(
        files.some((file) => /\.goals\.ya?ml$/.test(file)),
        `test/fixtures/rules/${id}/ holds a goals file`,
      );
    }
  });

  it('a doc page docs/rules/<id>.md for each rule, and none for a rule that does not exist', () => {
    assert.deepEqual(names('docs/rules', '.md', false), ids);
  });
});
