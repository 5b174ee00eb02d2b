import * as assert from 'node:assert/strict';
import { at, lintRule } from '../helpers/lint';
import { testRule, type RuleCase } from '../helpers/ruleTests';

const RULE = 'schema';
/** A valid file with one goal `g1` on lines 3-4; cases append lines to that goal. */
const GOAL = 'goalpost: 1\ngoals:\n  - id: g1\n    title: Grow Instagram sessions by 10%\n';

const cases: RuleCase[] = [
  { name: 'a valid file is fine', text: `${GOAL}    deadline: 2027-03-31\n    confidence: 0.7\n    funnel: conversion\n`, findings: [] },

  // Missing required keys land on the item's head: its id, or its first key when it has none.
  {
    name: 'a goal without a title, at the goal id',
    text: 'goalpost: 1\ngoals:\n  - id: g1\n    department: marketing\n',
    findings: ['3:9 Goal `g1` is missing the required key `title`.'],
  },
  {
    name: 'a goal without an id, at its first key',
    text: 'goalpost: 1\ngoals:\n  - title: Grow sessions by 10%\n',
    findings: ['3:5 Goal 1 is missing the required key `id`.'],
  },
  {
    name: 'a target without a kpi names the target and its goal',
    text: `${GOAL}    targets:\n      - baseline: 1\n        target: 2\n`,
    findings: ['6:9 Target 1 of goal `g1` is missing the required key `kpi`.'],
  },
  {
    name: 'a KPI without a metric',
    text: 'goalpost: 1\nkpis:\n  - { id: ig-sessions, name: Sessions from Instagram }\n',
    findings: ['3:11 KPI `ig-sessions` is missing the required key `metric`.'],
  },
  { name: 'a period without an end', text: 'goalpost: 1\nperiod: { start: 2027-01-01 }\n', findings: ['2:11 `period` is missing the required key `end`.'] },
  {
    name: 'a file without `goalpost`, at its first key',
    text: 'organization: Northwind Outfitters\ngoals: []\n',
    findings: ['1:1 The file does not say its format version; add `goalpost: 1` as its first line.'],
  },

  // Wrong types land on the value.
  {
    name: 'a number where text is expected says to quote it',
    text: 'goalpost: 1\ngoals:\n  - id: g1\n    title: 2027\n',
    findings: ['4:12 `title` should be text, not 2027; write it in quotes ("2027") to keep it as text.'],
  },
  {
    name: 'a numeric id',
    text: 'goalpost: 1\ngoals:\n  - id: 2027\n    title: Grow sessions by 10%\n',
    findings: ['3:9 `id` should be text, not 2027; write it in quotes ("2027") to keep it as text.'],
  },
  {
    name: 'a baseline written as text',
    text: `${GOAL}    targets:\n      - kpi: ig-sessions\n        baseline: "10k"\n`,
    findings: ['7:19 `baseline` should be a number, not "10k".'],
  },
  {
    name: 'a single id where a list is expected',
    text: `${GOAL}    supports: grow-revenue\n`,
    findings: ['5:15 `supports` should be a list, not "grow-revenue".'],
  },
  { name: '`goals` written as text', text: 'goalpost: 1\ngoals: hello\n', findings: ['2:8 `goals` should be a list, not "hello".'] },
  {
    name: 'a list entry that is not a mapping',
    text: 'goalpost: 1\nobjectives:\n  - grow-revenue\n',
    findings: ['3:5 Objective 1 should be a mapping, not "grow-revenue".'],
  },
  { name: 'a key without a value, at the key', text: 'goalpost: 1\ngoals:\n  - id: g1\n    title:\n', findings: ['4:5 `title` should be text, not empty.'] },
  { name: 'an empty title', text: 'goalpost: 1\ngoals:\n  - id: g1\n    title: ""\n', findings: ['4:12 `title` should not be empty.'] },
  { name: 'a confidence written as a word', text: `${GOAL}    confidence: high\n`, findings: ['5:17 `confidence` should be a number, not "high".'] },

  // Enums, with a did-you-mean when a value is close.
  {
    name: 'a misspelt funnel stage',
    text: `${GOAL}    funnel: conversoin\n`,
    findings: ['5:13 `funnel` should be one of awareness, engagement, conversion or retention, not "conversoin"; did you mean `conversion`?'],
  },
  {
    name: 'a misspelt review cadence',
    text: `${GOAL}    review: quartely\n`,
    findings: ['5:13 `review` should be one of weekly, monthly, quarterly or yearly, not "quartely"; did you mean `quarterly`?'],
  },
  {
    name: 'a direction with nothing close',
    text: `${GOAL}    targets:\n      - { kpi: ig-sessions, direction: up }\n`,
    findings: ['6:40 `direction` should be one of increase or decrease, not "up".'],
  },

  // Unknown keys land on the key.
  { name: 'a misspelt goal key', text: `${GOAL}    dedline: 2027-03-31\n`, findings: ['5:5 Unknown key `dedline` in goal `g1`; did you mean `deadline`?'] },
  { name: 'two swapped letters still find the key', text: `${GOAL}    tilte: x\n`, findings: ['5:5 Unknown key `tilte` in goal `g1`; did you mean `title`?'] },
  {
    name: 'a misspelt target key',
    text: `${GOAL}    targets:\n      - { kpi: ig-sessions, taget: 12000 }\n`,
    findings: ['6:29 Unknown key `taget` in target 1 of goal `g1`; did you mean `target`?'],
  },
  { name: 'a misspelt top-level key', text: 'goalpost: 1\ngolas: []\n', findings: ['2:1 Unknown key `golas` in the file; did you mean `goals`?'] },
  {
    name: 'an unknown key with nothing close lists the keys',
    text: 'goalpost: 1\nbudget: 1000\n',
    findings: [
      '2:1 Unknown key `budget` in the file; expected one of `goalpost`, `organization`, `description`, `period`, `objectives`, `departments`, `audiences`, `kpis`, `goals`.',
    ],
  },

  // Dates.
  {
    name: 'a date that is not on the calendar',
    text: `${GOAL}    deadline: 2027-13-45\n`,
    findings: ['5:15 `deadline` should be a real calendar date, not "2027-13-45".'],
  },
  {
    name: 'February 29 of a common year',
    text: `${GOAL}    start: 2027-02-29\n`,
    findings: ['5:12 `start` should be a real calendar date, not "2027-02-29".'],
  },
  {
    name: 'a day-first date suggests its ISO form',
    text: `${GOAL}    deadline: 31/03/2027\n`,
    findings: ['5:15 `deadline` should be a date written YYYY-MM-DD, not "31/03/2027"; did you mean `2027-03-31`?'],
  },
  {
    name: 'an ambiguous day/month date suggests nothing',
    text: `${GOAL}    deadline: 04/05/2027\n`,
    findings: ['5:15 `deadline` should be a date written YYYY-MM-DD, not "04/05/2027".'],
  },
  {
    name: 'a date written as a number',
    text: `${GOAL}    last_reviewed: 20270331\n`,
    findings: ['5:20 `last_reviewed` should be a date written YYYY-MM-DD, not 20270331.'],
  },

  // Patterns and ranges.
  {
    name: 'an id with a space',
    text: 'goalpost: 1\ngoals:\n  - id: "ig traffic"\n    title: Grow sessions by 10%\n',
    findings: ["3:9 `id` should use only letters, digits, '-', '_' or '.', starting with a letter or digit, not \"ig traffic\"."],
  },
  {
    name: 'a bad id inside a reference list names the entry',
    text: `${GOAL}    supports: [grow-revenue, -draft]\n`,
    findings: ["5:30 Entry 2 of `supports` should use only letters, digits, '-', '_' or '.', starting with a letter or digit, not \"-draft\"."],
  },
  {
    name: 'a capitalized platform suggests the lower-case name',
    text: `${GOAL}    platform: Instagram\n`,
    findings: [
      "5:15 `platform` should use only lower-case letters, digits, '-', '_' or '.', starting with a letter or digit, not \"Instagram\"; did you mean `instagram`?",
    ],
  },
  { name: 'a confidence above 1', text: `${GOAL}    confidence: 1.5\n`, findings: ['5:17 `confidence` should be between 0 and 1, not 1.5.'] },
  { name: 'a confidence below 0', text: `${GOAL}    confidence: -0.2\n`, findings: ['5:17 `confidence` should be between 0 and 1, not -0.2.'] },
  { name: 'confidence written as a percentage', text: `${GOAL}    confidence: 70\n`, findings: ['5:17 `confidence` should be between 0 and 1, not 70.'] },

  // The format version and the root.
  { name: '`goalpost: 2`', text: 'goalpost: 2\n', findings: ['1:11 `goalpost` is the format version and should be 1, the only version so far, not 2.'] },
  {
    name: '`goalpost` quoted',
    text: 'goalpost: "1"\n',
    findings: ['1:11 `goalpost` is the format version and should be 1, the only version so far, not "1".'],
  },
  { name: 'an empty file', text: '', findings: ['1:1 The file is empty; a goals file starts with `goalpost: 1`.'] },
  { name: 'a top-level list', text: '- goalpost: 1\n', findings: ['1:1 A goals file must be a mapping of keys, starting with `goalpost: 1`, not a list.'] },
  { name: 'a file that is one word', text: 'goals\n', findings: ['1:1 A goals file must be a mapping of keys, starting with `goalpost: 1`, not "goals".'] },
];

testRule(RULE, cases, {
  show: (finding) => `${at(finding)} ${finding.message}`,
  more() {
    it('reports every violation of a file, each at its own node', () => {
      const text = `${GOAL}    dedline: 2027-03-31\n    confidence: 2\n  - id: g2\n`;
      assert.deepEqual(lintRule(RULE, text).map(at), ['5:5', '6:17', '7:9']);
    });

    it('offers the did-you-mean as a suggestion for a quick fix, spanning exactly the replaced text', () => {
      const [key] = lintRule(RULE, `${GOAL}    dedline: 2027-03-31\n`);
      assert.deepEqual(key.suggestions, ['deadline']);
      assert.deepEqual(key.range, { start: { line: 4, character: 4 }, end: { line: 4, character: 11 } });
      const [value] = lintRule(RULE, `${GOAL}    funnel: conversoin\n`);
      assert.deepEqual(value.suggestions, ['conversion']);
      assert.deepEqual(value.range, { start: { line: 4, character: 12 }, end: { line: 4, character: 22 } });
      const [date] = lintRule(RULE, `${GOAL}    deadline: 31/03/2027\n`);
      assert.deepEqual(date.suggestions, ['2027-03-31']);
    });

    it('leaves a file that is not YAML to yaml-syntax', () => {
      assert.deepEqual(lintRule(RULE, 'goalpost: 1\u0000\n'), []);
    });

    it('shortens a very long value or key in its message', () => {
      // Long, but within YAML's 1,024-character limit for a plain key.
      const long = 'x'.repeat(1_000);
      const [finding] = lintRule(RULE, `goalpost: 1\n"${long}": 1\n`);
      assert.ok(finding.message.length < 300, `message of ${finding.message.length} characters`);
      assert.match(finding.message, /^Unknown key `x{80}…` in the file/);
    });
  },
});
