import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { rules } from '../../server/src/core/rules';
import { actualMarkers, expectedMarkers, lintFolder } from '../helpers/fixtures';
import { lintFiles } from '../helpers/lint';

const EXAMPLES = path.join(__dirname, '../../examples');

describe('bundled examples', () => {
  it('examples/strategy checks clean under every rule', () => {
    const { findings } = lintFolder(path.join(EXAMPLES, 'strategy'));
    assert.deepEqual(findings, []);
  });

  it('examples/flawed fires every rule, exactly where its # expect: markers say', () => {
    const { files, findings } = lintFolder(path.join(EXAMPLES, 'flawed'));
    assert.deepEqual(actualMarkers(findings), expectedMarkers(files));
    const fired = new Set(findings.map((finding) => finding.rule));
    assert.deepEqual(
      rules.map(({ meta }) => meta.id).filter((id) => !fired.has(id)),
      [],
      'rules that never fire on examples/flawed',
    );
  });
});

describe('rule documentation examples', () => {
  for (const { meta } of rules) {
    it(`${meta.id}: the bad example is reported and the good one is not`, () => {
      const fired = (snippet: string) => lintFiles({ 'example.goals.yaml': snippet }).some((finding) => finding.rule === meta.id);
      assert.equal(fired(meta.docs.bad), true, 'bad example');
      assert.equal(fired(meta.docs.good), false, 'good example');
    });
  }
});
