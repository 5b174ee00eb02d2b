/**
 * The largest file checked (core/fileSize.ts): past it a file gets exactly one finding and is never parsed;
 * the limit comes from the editor's setting, else the config, else the default (above the bench's
 * 10,000-goal file); a megabyte on one line is checked without hanging.
 */
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { generateGoalsFile } from '../../bench/generate';
import { parseConfig } from '../../server/src/core/config';
import { DEFAULT_MAX_FILE_SIZE, FILE_TOO_LARGE, sizeOver } from '../../server/src/core/fileSize';
import { lint } from '../../server/src/core/lint';
import { rules } from '../../server/src/core/rules';
import { sarif } from '../../server/src/cli/formatters/check/sarif';
import { documentContext } from '../../server/src/features/support/context';
import { Project } from '../../server/src/project';

const SMALL = 'goalpost: 1\ngoals:\n  - id: g1\n    title: Grow something\n';

describe('maxFileSize: the largest file checked', () => {
  it('counts UTF-8 bytes, and only when the text could be over', () => {
    assert.equal(sizeOver('abc', 3), undefined);
    assert.equal(sizeOver('abcd', 3), 4);
    assert.equal(sizeOver('é'.repeat(3), 5), 6, 'two bytes each');
    assert.equal(sizeOver('€€', 5), 6, 'three bytes each');
    assert.equal(sizeOver('😀😀', 7), 8, 'a surrogate pair is four bytes');
    assert.equal(sizeOver('😀😀', 8), undefined);
  });

  it('counts as Buffer.byteLength does, for any text (lone surrogates too)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), fc.nat({ max: 240 }), (text, max) => {
        const bytes = Buffer.byteLength(text, 'utf8');
        assert.equal(sizeOver(text, max), bytes > max ? bytes : undefined);
      }),
      { numRuns: 2000 },
    );
  });

  it('says sizes in megabytes, kilobytes or bytes', () => {
    const message = (bytes: number, max: number) =>
      lint([{ file: 'a.goals.yaml', text: 'x'.repeat(bytes) }], { clockToday: '2027-05-15', maxFileSize: max }).findings[0]?.message;
    assert.equal(message(7_340_000, 6_000_000), 'This file is 7.3 MB, larger than goalpost.maxFileSize (6 MB); it is not checked.');
    assert.equal(message(2500, 2000), 'This file is 2.5 KB, larger than goalpost.maxFileSize (2 KB); it is not checked.');
    assert.equal(message(120, 100), 'This file is 120 bytes, larger than goalpost.maxFileSize (100 bytes); it is not checked.');
  });

  it('the default is above the 10,000-goal bench file', () => {
    assert.ok(Buffer.byteLength(generateGoalsFile(10_000)) < DEFAULT_MAX_FILE_SIZE);
  });

  it('a file past the limit gets exactly one finding, and the others of its workspace are checked as usual', () => {
    const big = generateGoalsFile(20);
    const { config } = parseConfig('maxFileSize: 1000\n', '.goalpost.yaml', rules);
    assert.ok(config);
    const analysis = lint(
      [
        { file: 'big.goals.yaml', text: big, config },
        { file: 'small.goals.yaml', text: SMALL, config },
      ],
      { clockToday: '2027-05-15' },
    );
    const onBig = analysis.findings.filter((finding) => finding.file === 'big.goals.yaml');
    const size = Buffer.byteLength(big);
    assert.deepEqual(
      onBig.map((finding) => [finding.rule, finding.severity, finding.message]),
      [[FILE_TOO_LARGE, 'error', `This file is ${Number((size / 1000).toFixed(1))} KB, larger than goalpost.maxFileSize (1 KB); it is not checked.`]],
    );
    assert.ok(
      analysis.findings.some((finding) => finding.file === 'small.goals.yaml'),
      'the small file is checked',
    );
    assert.deepEqual(
      analysis.workspace.models.map((model) => model.file),
      ['small.goals.yaml'],
      'the large file takes no part in the workspace',
    );
  });

  it('SARIF describes the finding for code scanning', () => {
    const [finding] = lint([{ file: 'a.goals.yaml', text: 'x'.repeat(200) }], { clockToday: '2027-05-15', maxFileSize: 100 }).findings;
    const log = JSON.parse(sarif({ findings: [finding], files: ['a.goals.yaml'], rules: rules.map((rule) => rule.meta), version: '0.0.0', color: false }));
    const descriptor = log.runs[0].tool.driver.rules.find((rule: { id: string }) => rule.id === FILE_TOO_LARGE);
    assert.match(descriptor.shortDescription.text, /larger than maxFileSize/);
    assert.match(descriptor.helpUri, /#configuration$/);
    assert.equal(log.runs[0].results[0].level, 'error');
  });

  it('the editor setting (lint option) beats the config', () => {
    const { config } = parseConfig('maxFileSize: 10\n', '.goalpost.yaml', rules);
    const analysis = lint([{ file: 'a.goals.yaml', text: SMALL, config }], { clockToday: '2027-05-15', maxFileSize: 1_000_000 });
    assert.ok(!analysis.findings.some((finding) => finding.rule === FILE_TOO_LARGE));
  });

  it('the config rejects a limit that is not a positive whole number of bytes', () => {
    for (const bad of ['maxFileSize: 0\n', 'maxFileSize: 1.5\n', 'maxFileSize: big\n']) {
      assert.ok(parseConfig(bad, '.goalpost.yaml', rules).problems.length > 0, bad);
    }
  });

  it('a megabyte on one line is checked, not hung on', () => {
    for (const text of [`goalpost: 1\ngoals:\n  - id: g1\n    title: ${'x'.repeat(1_000_000)}\n`, 'a'.repeat(1_000_000)]) {
      const analysis = lint([{ file: 'line.goals.yaml', text }], { clockToday: '2027-05-15' });
      assert.ok(analysis.findings.length > 0);
    }
  });

  describe('in the editor (the project)', () => {
    let folder: string;

    beforeEach(() => {
      folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-size-'));
      fs.writeFileSync(path.join(folder, 'big.goals.yaml'), generateGoalsFile(20));
    });

    afterEach(() => fs.rmSync(folder, { recursive: true, force: true }));

    it('goalpost.maxFileSize: one finding, never parsed, no feature context; clearing the setting checks it again', () => {
      const project = new Project();
      project.addFolder(URI.file(folder).toString());
      const uri = URI.file(path.join(folder, 'big.goals.yaml')).toString();
      const group = project.groupOf(uri);
      assert.ok(group);
      project.setEditorSettings(group.key, { maxFileSize: 2000 });
      const findings = project.analysisFor(uri)?.findings ?? [];
      assert.deepEqual(
        findings.map((finding) => finding.rule),
        [FILE_TOO_LARGE],
      );
      assert.equal(project.file(uri)?.parsed, undefined, 'not parsed');
      assert.equal(documentContext(project, uri), undefined, 'features leave it alone');
      project.setEditorSettings(group.key, {});
      assert.ok(!project.analysisFor(uri)?.findings.some((finding) => finding.rule === FILE_TOO_LARGE));
      assert.ok(documentContext(project, uri));
    });
  });
});
