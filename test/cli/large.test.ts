import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateGoalsFile } from '../../bench/generate';
import { json } from '../../server/src/cli/formatters/check/json';
import { lint } from '../../server/src/core/lint';
import { runCli } from '../helpers/cli';
import { manyGoalsFile } from '../helpers/large';

describe('goalpost check of a large workspace', () => {
  it('reports exactly what the in-process engine finds', () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-large-'));
    try {
      // Two files over the threshold together, with findings spread through them, one file with a YAML error.
      const first = generateGoalsFile(400)
        .replace('    department: marketing\n', '')
        .replace(/funnel: conversion/g, (match, offset: number) => (offset % 7 === 0 ? 'funnel: sales' : match));
      const second = generateGoalsFile(300)
        .replace(/(objective|kpi|goal)-(\d+)/g, '$1-b$2')
        .replace('  - id: goal-b17\n', '  - id: goal-b17\n    title: [unclosed\n');
      assert.ok(first.length + second.length > 256 * 1024, 'a large workspace');
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
      const expected = JSON.parse(json({ findings, files: ['a.goals.yaml', 'b.goals.yaml'], rules: [], version: '', color: false })).findings as {
        rule: string;
      }[];
      assert.ok(expected.some((finding) => finding.rule === 'yaml-syntax') && expected.some((finding) => finding.rule === 'missing-owner'));
      assert.deepEqual(JSON.parse(run.stdout).findings, expected);
      assert.equal(run.status, 1);
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  /** Checks one file as a real process and compares with the in-process engine on a whole parse. */
  function checkOneFile(text: string): { rule: string }[] {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-large-'));
    try {
      fs.writeFileSync(path.join(folder, 'plan.goals.yaml'), text);
      // To a file: the report of 50,000 goals is larger than a pipe's buffer here.
      const run = runCli(['check', '--format', 'json', '--today', '2027-05-15', '-o', 'report.json'], folder);
      const findings = lint([{ file: 'plan.goals.yaml', text }], { clockToday: '2027-05-15' }).findings;
      const expected = JSON.parse(json({ findings, files: ['plan.goals.yaml'], rules: [], version: '', color: false })).findings as { rule: string }[];
      assert.equal(run.stderr, '');
      assert.deepEqual(JSON.parse(fs.readFileSync(path.join(folder, 'report.json'), 'utf8')).findings, expected);
      return expected;
    } finally {
      fs.rmSync(folder, { recursive: true, force: true });
    }
  }

  it('gives an item under `kpis:` and the same text under `goals:` each their own schema errors', () => {
    const goal = '  - id: g1\n    title: Grow Instagram sessions by 10% by June 30\n    deadline: 2027-06-30\n';
    const text = generateGoalsFile(700)
      .replace('\nkpis:\n', `\nkpis:\n${goal}`)
      .replace(/\ngoals:\n/, `\ngoals:\n${goal}`);
    assert.ok(text.length > 256 * 1024, 'a large file');
    const findings = checkOneFile(text);
    assert.ok(
      findings.some((finding) => finding.rule === 'schema'),
      'the goal-shaped KPI is reported',
    );
  });

  it('checks 50,000 goals with 150,000 references without an internal error', function () {
    this.timeout(180_000);
    const findings = checkOneFile(manyGoalsFile(50_000));
    assert.ok(!findings.some((finding) => finding.rule === 'internal-error'));
  });
});
