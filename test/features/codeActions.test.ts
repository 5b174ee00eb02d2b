import * as assert from 'node:assert/strict';
import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyWorkspaceEdit } from '../helpers/applyEdits';
import { Editor } from '../helpers/editor';
import { rangeOf, rangeWithin } from '../helpers/textRanges';

/** On disk, never opened: the period (ending 2027-11-30, so a deadline fix visibly comes from it), objectives and departments. */
const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-11-30 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15%, owner: marketing }
departments:
  - { id: marketing, name: Marketing }
  - { id: sales-eu, name: Sales Europe }
  - { id: sales-us, name: Sales US }
`;

/** A clean goals file: each test breaks one thing, and most fixes must give this text back exactly. */
const CLEAN = `goalpost: 1
kpis:
  - id: sessions
    name: Website sessions
    metric: sessions
    supports: [grow-online-revenue]
goals:
  - id: ig-traffic
    title: Increase website sessions from Instagram by 20%
    department: marketing
    supports: [grow-online-revenue]
    platform: instagram
    funnel: conversion
    start: 2027-01-01
    deadline: 2027-11-30
    targets:
      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
    review: quarterly
    last_reviewed: 2027-05-01
`;

/** `text` with `from` (which must occur exactly once) replaced by `to`. */
function edit(text: string, from: string, to: string): string {
  assert.equal(text.split(from).length, 2, `the fixture holds ${JSON.stringify(from)} exactly once`);
  return text.replace(from, () => to);
}

describe('code actions', function () {
  let editor: Editor;
  let uri: string;

  beforeEach(() => {
    editor = new Editor({ 'company.goals.yaml': COMPANY });
    // Not on disk: the editor holds the only copy, as for a file being written.
    uri = editor.uri('marketing.goals.yaml');
  });

  /** Opens `text` and answers its diagnostics. */
  function openChecked(text: string): Diagnostic[] {
    editor.open(uri, text);
    return editor.diagnostics(uri);
  }

  async function actionsFor(diagnostics: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
    const range = diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
    const actions = await editor.codeActions({ textDocument: { uri }, range, context: { diagnostics, only } });
    return (actions ?? []) as CodeAction[];
  }

  /** The one diagnostic of `rule` whose range is `range`. */
  function find(diagnostics: Diagnostic[], rule: string, range: Diagnostic['range']): Diagnostic {
    const found = diagnostics.filter((diagnostic) => diagnostic.code === rule && JSON.stringify(diagnostic.range) === JSON.stringify(range));
    assert.equal(
      found.length,
      1,
      `one ${rule} diagnostic at ${JSON.stringify(range)} among ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start, d.message]))}`,
    );
    return found[0];
  }

  /**
   * Applies an action's edit to `text`, sends the result as the next version, and resolves with that
   * version's diagnostics and the new text.
   */
  async function apply(text: string, action: CodeAction): Promise<{ text: string; diagnostics: Diagnostic[] }> {
    assert.ok(action.edit, `${action.title} carries an edit`);
    const after = applyWorkspaceEdit(new Map([[uri, text]]), action.edit).get(uri) as string;
    editor.change(uri, [{ text: after }]);
    return { text: after, diagnostics: editor.diagnostics(uri) };
  }

  const errors = (diagnostics: Diagnostic[]) =>
    diagnostics.filter((diagnostic) => diagnostic.severity === DiagnosticSeverity.Error).map((diagnostic) => `${diagnostic.code}: ${diagnostic.message}`);
  const has = (diagnostics: Diagnostic[], target: Diagnostic) =>
    diagnostics.some((diagnostic) => diagnostic.code === target.code && diagnostic.message === target.message);

  /**
   * Opens `broken`, takes the diagnostic of `rule` at `range`, checks the titles of its actions (the
   * preferred one first), applies the one titled `title`, and checks the result: exactly `fixed`, the
   * diagnostic gone, no new error.
   */
  async function fixes(options: {
    broken: string;
    rule: string;
    range: Diagnostic['range'];
    titles: string[];
    title: string;
    fixed: string;
    preferred?: boolean;
  }): Promise<Diagnostic[]> {
    const before = openChecked(options.broken);
    const diagnostic = find(before, options.rule, options.range);
    const actions = await actionsFor([diagnostic]);
    assert.deepEqual(
      actions.map((action) => action.title),
      options.titles,
    );
    for (const action of actions) {
      assert.equal(action.kind, CodeActionKind.QuickFix);
      assert.deepEqual(action.diagnostics, [diagnostic]);
    }
    assert.deepEqual(
      actions.filter((action) => action.isPreferred).map((action) => action.title),
      options.preferred === false ? [] : [options.titles[0]],
      'the best fix, and only it, is preferred',
    );
    const action = actions.find((candidate) => candidate.title === options.title);
    assert.ok(action, `an action titled ${options.title}`);
    const { text, diagnostics } = await apply(options.broken, action);
    assert.equal(text, options.fixed);
    assert.ok(!has(diagnostics, diagnostic), `the ${options.rule} diagnostic is gone: ${JSON.stringify(diagnostics.map((d) => d.message))}`);
    const added = errors(diagnostics).filter((error) => !errors(before).includes(error));
    assert.deepEqual(added, [], 'the fix brings no new error');
    return diagnostics;
  }

  const disables = (rule: string) => [`Disable ${rule} for this line`, `Disable ${rule} for this file`];

  describe('did-you-mean', () => {
    it('replaces an unknown reference with the suggested id', async () => {
      const broken = edit(CLEAN, '    supports: [grow-online-revenue]\ngoals', '    supports: [grow-onlin-revenue]\ngoals');
      await fixes({
        broken,
        rule: 'unknown-reference',
        range: rangeOf(broken, 'grow-onlin-revenue'),
        titles: ['Change `grow-onlin-revenue` to `grow-online-revenue`', ...disables('unknown-reference')],
        title: 'Change `grow-onlin-revenue` to `grow-online-revenue`',
        fixed: CLEAN,
      });
    });

    it('offers every suggestion when several ids are as close, the closest preferred', async () => {
      const broken = edit(CLEAN, '    department: marketing\n', '    department: sales-u\n');
      await fixes({
        broken,
        rule: 'unknown-reference',
        range: rangeOf(broken, 'sales-u'),
        titles: ['Change `sales-u` to `sales-eu`', 'Change `sales-u` to `sales-us`', ...disables('unknown-reference')],
        title: 'Change `sales-u` to `sales-us`',
        fixed: edit(CLEAN, '    department: marketing\n', '    department: sales-us\n'),
      });
    });

    it('renames an unknown key to the key it misspells', async () => {
      const broken = edit(CLEAN, '    deadline: 2027-11-30\n', '    dedline: 2027-11-30\n');
      await fixes({
        broken,
        rule: 'schema',
        range: rangeOf(broken, 'dedline'),
        titles: ['Change `dedline` to `deadline`', ...disables('schema')],
        title: 'Change `dedline` to `deadline`',
        fixed: CLEAN,
      });
    });

    it('replaces an enum value with the allowed value it misspells', async () => {
      const broken = edit(CLEAN, 'funnel: conversion', 'funnel: conversation');
      await fixes({
        broken,
        rule: 'schema',
        range: rangeOf(broken, 'conversation'),
        titles: ['Change `conversation` to `conversion`', ...disables('schema')],
        title: 'Change `conversation` to `conversion`',
        fixed: CLEAN,
      });
    });

    it('lower-cases a platform, keeping its quotes', async () => {
      const broken = edit(CLEAN, 'platform: instagram', 'platform: "Instagram"');
      await fixes({
        broken,
        rule: 'schema',
        range: rangeOf(broken, '"Instagram"'),
        titles: ['Change `Instagram` to `instagram`', ...disables('schema')],
        title: 'Change `Instagram` to `instagram`',
        fixed: edit(CLEAN, 'platform: instagram', 'platform: "instagram"'),
      });
    });
  });

  describe('skeletons of missing fields', () => {
    it('adds the deadline at the end of the period, after `start`', async () => {
      const broken = edit(CLEAN, '    deadline: 2027-11-30\n', '');
      await fixes({
        broken,
        rule: 'smart-time-bound',
        range: rangeOf(broken, 'ig-traffic'),
        titles: ['Add `deadline: 2027-11-30` (the end of the period)', ...disables('smart-time-bound')],
        title: 'Add `deadline: 2027-11-30` (the end of the period)',
        fixed: CLEAN,
      });
    });

    it('adds `supports` with the first objective', async () => {
      const broken = edit(CLEAN, '    supports: [grow-online-revenue]\n    platform', '    platform');
      await fixes({
        broken,
        rule: 'smart-relevant',
        range: rangeOf(broken, 'ig-traffic'),
        titles: ['Add `supports: [grow-online-revenue]`', ...disables('smart-relevant')],
        title: 'Add `supports: [grow-online-revenue]`',
        fixed: CLEAN,
      });
    });

    it('adds the department that owns the objective the goal supports', async () => {
      const broken = edit(CLEAN, '    department: marketing\n', '');
      await fixes({
        broken,
        rule: 'missing-owner',
        range: rangeOf(broken, 'ig-traffic'),
        titles: ['Add `department: marketing`', ...disables('missing-owner')],
        title: 'Add `department: marketing`',
        fixed: CLEAN,
      });
    });

    it("indents an inserted key as the goal's keys are indented", async () => {
      const wide = `goalpost: 1
goals:
    -   id: ig-traffic
        title: Increase website sessions from Instagram by 20%
        department: marketing
        supports: [grow-online-revenue]
        deadline: 2027-11-30
        targets:
            -   { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }
kpis:
    -   { id: sessions, name: Website sessions, metric: sessions, supports: [grow-online-revenue] }
`;
      const broken = edit(wide, '        department: marketing\n', '');
      await fixes({
        broken,
        rule: 'missing-owner',
        range: rangeOf(broken, 'ig-traffic'),
        titles: ['Add `department: marketing`', ...disables('missing-owner')],
        title: 'Add `department: marketing`',
        fixed: wide,
      });
    });

    it('adds a `targets` skeleton on a KPI of the objective, lists indented as the file indents them', async () => {
      // Lists at the column of their key, keys two further: the style this file uses everywhere.
      const compact = `goalpost: 1
kpis:
- id: sessions
  name: Website sessions
  metric: sessions
  supports: [grow-online-revenue]
goals:
- id: ig-traffic
  title: Increase website sessions from Instagram by 20%
  department: marketing
  supports: [grow-online-revenue]
  deadline: 2027-11-30
  review: quarterly
`;
      await fixes({
        broken: compact,
        rule: 'smart-measurable',
        range: rangeOf(compact, 'ig-traffic'),
        titles: ['Add a `targets` skeleton on KPI `sessions`', ...disables('smart-measurable')],
        title: 'Add a `targets` skeleton on KPI `sessions`',
        fixed: edit(compact, '  deadline: 2027-11-30\n', '  deadline: 2027-11-30\n  targets:\n  - kpi: sessions\n    target: 0\n'),
      });
    });
  });

  describe('creating the missing item', () => {
    it('creates an objective in a new section, placed before the later sections', async () => {
      const broken = edit(CLEAN, '    supports: [grow-online-revenue]\n    platform', '    supports: [grow-online-revenue, win-new-markets]\n    platform');
      await fixes({
        broken,
        rule: 'unknown-reference',
        range: rangeOf(broken, 'win-new-markets'),
        titles: ['Create objective `win-new-markets` in this file', ...disables('unknown-reference')],
        title: 'Create objective `win-new-markets` in this file',
        fixed: edit(broken, 'goalpost: 1\n', 'goalpost: 1\nobjectives:\n  - id: win-new-markets\n    title: Win new markets\n'),
      });
    });

    it('creates a department', async () => {
      const broken = edit(CLEAN, '    department: marketing\n', '    department: social-team\n');
      await fixes({
        broken,
        rule: 'unknown-reference',
        range: rangeOf(broken, 'social-team'),
        titles: ['Create department `social-team` in this file', ...disables('unknown-reference')],
        title: 'Create department `social-team` in this file',
        fixed: edit(broken, 'goalpost: 1\n', 'goalpost: 1\ndepartments:\n  - id: social-team\n    name: Social team\n'),
      });
    });

    it('creates an audience on the platform of the goal', async () => {
      const broken = edit(CLEAN, '    platform: instagram\n', '    platform: instagram\n    audience: young-hikers\n');
      await fixes({
        broken,
        rule: 'unknown-reference',
        range: rangeOf(broken, 'young-hikers'),
        titles: ['Create audience `young-hikers` in this file', ...disables('unknown-reference')],
        title: 'Create audience `young-hikers` in this file',
        fixed: edit(broken, 'goalpost: 1\n', 'goalpost: 1\naudiences:\n  - id: young-hikers\n    name: Young hikers\n    platforms: [instagram]\n'),
      });
    });

    it('appends a KPI to the existing section, supporting what the goal supports', async () => {
      const broken = edit(
        CLEAN,
        '      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }\n',
        '      - { kpi: sessions, baseline: 1000, target: 1200, current: 1100 }\n      - { kpi: newsletter-signups, target: 500 }\n',
      );
      await fixes({
        broken,
        rule: 'unknown-reference',
        range: rangeOf(broken, 'newsletter-signups'),
        titles: ['Create KPI `newsletter-signups` in this file', ...disables('unknown-reference')],
        title: 'Create KPI `newsletter-signups` in this file',
        fixed: edit(
          broken,
          '    supports: [grow-online-revenue]\ngoals:\n',
          '    supports: [grow-online-revenue]\n  - id: newsletter-signups\n    name: Newsletter signups\n    metric: newsletter-signups\n    supports: [grow-online-revenue]\ngoals:\n',
        ),
      });
    });

    it('appends a parent goal, owned and aligned as its child (its missing targets are the one new error)', async () => {
      const broken = `${CLEAN}    parent: brand-year\n`;
      const before = openChecked(broken);
      const diagnostic = find(before, 'unknown-reference', rangeOf(broken, 'brand-year'));
      const actions = await actionsFor([diagnostic]);
      assert.deepEqual(actions[0].title, 'Create goal `brand-year` in this file');
      const { text, diagnostics } = await apply(broken, actions[0]);
      assert.equal(text, `${broken}  - id: brand-year\n    title: Brand year\n    department: marketing\n    supports: [grow-online-revenue]\n`);
      assert.deepEqual(errors(diagnostics), [
        'smart-measurable: Goal `brand-year` has no targets; add at least one under `targets` with a `kpi` and the numeric `target` to reach, so its progress can be measured.',
      ]);
    });

    it('does not define an id that another kind of item already has', async () => {
      const broken = edit(CLEAN, '    supports: [grow-online-revenue]\n    platform', '    supports: [marketing]\n    platform');
      const diagnostic = find(openChecked(broken), 'unknown-reference', rangeWithin(broken, 'supports: [marketing]', 'marketing'));
      assert.deepEqual(
        (await actionsFor([diagnostic])).map((action) => action.title),
        disables('unknown-reference'),
      );
    });
  });

  describe('disable comments', () => {
    it('disables a rule for the line, at its indentation', async () => {
      const broken = edit(CLEAN, '    department: marketing\n', '');
      await fixes({
        broken,
        rule: 'missing-owner',
        range: rangeOf(broken, 'ig-traffic'),
        titles: ['Add `department: marketing`', ...disables('missing-owner')],
        title: 'Disable missing-owner for this line',
        fixed: edit(broken, '  - id: ig-traffic\n', '  # goalpost-disable-next-line missing-owner\n  - id: ig-traffic\n'),
      });
    });

    it('adds the rule to the directive already above the line, before its reason', async () => {
      const broken = edit(CLEAN, '    department: marketing\n', '').replace(
        '  - id: ig-traffic\n',
        '  # goalpost-disable-next-line smart-specific -- reviewed\n  - id: ig-traffic\n',
      );
      await fixes({
        broken,
        rule: 'missing-owner',
        range: rangeOf(broken, 'ig-traffic'),
        titles: ['Add `department: marketing`', ...disables('missing-owner')],
        title: 'Disable missing-owner for this line',
        fixed: edit(broken, 'smart-specific -- reviewed', 'smart-specific missing-owner -- reviewed'),
      });
    });

    it('disables a rule for the file', async () => {
      const broken = edit(CLEAN, '    department: marketing\n', '');
      await fixes({
        broken,
        rule: 'missing-owner',
        range: rangeOf(broken, 'ig-traffic'),
        titles: ['Add `department: marketing`', ...disables('missing-owner')],
        title: 'Disable missing-owner for this file',
        fixed: `# goalpost-disable-file missing-owner\n${broken}`,
      });
    });
  });

  describe('fix all', () => {
    /** Four typos with one suggestion each, and one (`sales-u`) with two, which fix-all must leave alone. */
    const TYPOS = edit(
      edit(
        edit(
          edit(CLEAN, '    supports: [grow-online-revenue]\ngoals', '    supports: [grow-onlin-revenue]\n    owners: [sales-u]\ngoals'),
          'deadline:',
          'dedline:',
        ),
        'conversion',
        'conversation',
      ),
      'platform: instagram',
      'platform: Instagram',
    );

    it('fixes every unambiguous did-you-mean of the document in one edit', async () => {
      const before = openChecked(TYPOS);
      assert.deepEqual(errors(before).length, 5, JSON.stringify(errors(before)));
      const [action, ...others] = await actionsFor([], [CodeActionKind.SourceFixAll]);
      assert.deepEqual(others, []);
      assert.equal(action.title, 'Fix all Goalpost did-you-mean problems (4)');
      assert.equal(action.kind, CodeActionKind.SourceFixAll);
      assert.equal(action.edit?.changes?.[uri]?.length, 4, 'one edit per typo');
      const { text, diagnostics } = await apply(TYPOS, action);
      assert.equal(text, edit(CLEAN, '    supports: [grow-online-revenue]\ngoals', '    supports: [grow-online-revenue]\n    owners: [sales-u]\ngoals'));
      assert.deepEqual(errors(diagnostics), ['unknown-reference: `owners` names `sales-u`, but no department has that id; did you mean `sales-eu`?']);
      assert.deepEqual(
        diagnostics.map((diagnostic) => [diagnostic.code, diagnostic.range]),
        [['unknown-reference', rangeWithin(text, 'owners: [sales-u]', 'sales-u')]],
      );
    });

    it('is offered only when asked for, and quick fixes only when asked for', async () => {
      const before = openChecked(TYPOS);
      const diagnostic = find(before, 'schema', rangeOf(TYPOS, 'conversation'));
      assert.deepEqual(
        (await actionsFor([diagnostic])).map((action) => action.kind),
        [CodeActionKind.QuickFix, CodeActionKind.QuickFix, CodeActionKind.QuickFix],
      );
      assert.deepEqual(
        (await actionsFor([diagnostic], [CodeActionKind.Source])).map((action) => action.kind),
        [CodeActionKind.SourceFixAll],
      );
      assert.deepEqual(await actionsFor([diagnostic], [CodeActionKind.Refactor]), []);
    });

    it('offers nothing when there is nothing to fix', async () => {
      openChecked(CLEAN);
      assert.deepEqual(await actionsFor([], [CodeActionKind.SourceFixAll]), []);
    });
  });

  it('offers no fix for a stale diagnostic, whose range no longer holds its problem', async () => {
    const broken = edit(CLEAN, 'funnel: conversion', 'funnel: conversation');
    const diagnostic = find(openChecked(broken), 'schema', rangeOf(broken, 'conversation'));
    editor.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '# a new first line\n' }]);
    assert.deepEqual(await actionsFor([diagnostic]), []);
  });
});
