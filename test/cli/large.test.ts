import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateGoalsFile } from '../../bench/generate';
import { json } from '../../server/src/cli/formatters/json';
import { lint } from '../../server/src/core/lint';
import { PARALLEL_THRESHOLD } from '../../server/src/node/parsePool';
import { runCli } from '../helpers/cli';

describe('goalpost check of a large workspace (parsed in worker threads)', () => {
  it('reports exactly what the in-process engine finds', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-large-'));
    try {
      // Two files over the threshold together, with findings spread through them, one file with a YAML error.
      const first = generateGoalsFile(400).replace('    department: marketing\n', '').replace(/funnel: conversion/g, (match, offset: number) => (offset % 7 === 0 ? 'funnel: sales' : match));
      const second = generateGoalsFile(300).replace(/(objective|kpi|goal)-(\d+)/g, '$1-b$2').replace('  - id: goal-b17\n', '  - id: goal-b17\n    title: [unclosed\n');
      assert.ok(first.length + second.length > PARALLEL_THRESHOLD, 'the workspace is large enough for the worker pool');
      fs.writeFileSync(path.join(folder, 'a.goals.yaml'), first);
      fs.writeFileSync(path.join(folder, 'b.goals.yaml'), second);
      fs.writeFileSync(path.join(folder, '.goalpost.yaml'), 'today: 2027-05-15\n');
      const run = runCli(['check', '--format', 'json'], folder);
      const findings = lint(
        [
          { file: 'a.goals.yaml', text: first },
          { file: 'b.goals.yaml', text: second },
        ],
        { clockToday: '2027-05-15' },
      ).findings;
      // The in-process findings through the same JSON formatter the CLI uses.
      const expected = JSON.parse(json({ findings, files: ['a.goals.yaml', 'b.goals.yaml'], rules: [], version: '', color: false })).findings as { rule: string }[];
      assert.ok(expected.some((finding) => finding.rule === 'yaml-syntax') && expected.some((finding) => finding.rule === 'missing-owner'));
      assert.deepEqual(JSON.parse(run.stdout).findings, expected);
      assert.equal(run.status, 1);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });
});
