/** Hover, in-process: what each kind of place in a goals file shows. */
import * as assert from 'node:assert/strict';
import type { Diagnostic, Hover, Position, Range } from 'vscode-languageserver-protocol/node';
import { Editor } from '../helpers/editor';
import { marked } from '../helpers/marked';

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-online-revenue, title: Grow online revenue by 15%, owner: marketing }
departments:
  - { id: marketing, name: Marketing }
audiences:
  - { id: young-adults, name: Young adults, platforms: [instagram, tiktok] }
`;

/** The marketing file, cursors marked `<|>`: the hover positions the tests use, in order. */
const MARKETING = `goalpost: 1
kpis:
  - { id: <|>sessions, name: Website sessions, metric: sessions, unit: visits, platform: instagram, supports: [grow-online-revenue], owners: [marketing] }
goals:
  - id: ig-tr<|>affic
    title: Increase website sessions from Instagram by 20%
    department: mark<|>eting
    supports: [grow-on<|>line-revenue, grwo-r<|>evenue]
    funnel: conversion
    start: 2027-01-01
    dead<|>line: 2027-12-31
    review: quarterly
    last_reviewed: 2027-05-01
    targets:
      - { kpi: sess<|>ions, baseline: 1000, target: 1200, current: 1100 }
  - id: tt-<|>reach
    title: Bring 2000 visits from TikTok to the website by June 30
    department: marketing
    supports: [grow-online-revenue]
    platform: tiktok
    audience: young-<|>adults
    fun<|>nel: awareness
    start: 2027-01-01
    deadline: 2027-06-30
    targets:
      - { kpi: sessions, baseline: 0, target: 2000, current: 200 }
`;

const { text: TEXT, cursors } = marked(MARKETING);
const [KPI_ID, GOAL_ID, DEPARTMENT_REF, OBJECTIVE_REF, UNKNOWN_REF, DEADLINE_KEY, KPI_REF, OTHER_GOAL_ID, AUDIENCE_REF, FUNNEL_KEY] = cursors;

/** The range of `word` on the cursor's line, around the cursor. */
function wordAt(cursor: Position, word: string): Range {
  const line = TEXT.split('\n')[cursor.line];
  let start = line.indexOf(word);
  while (start >= 0 && start + word.length < cursor.character) start = line.indexOf(word, start + 1);
  assert.ok(start >= 0 && start <= cursor.character, `${word} is at the cursor on line ${cursor.line}`);
  return { start: { line: cursor.line, character: start }, end: { line: cursor.line, character: start + word.length } };
}

/** How hover presents a diagnostic: its rule, severity and message, then the rule's description and doc link. */
function findingSection(diagnostic: Diagnostic, severity: string, description: string): string {
  return `**${diagnostic.code}** (${severity}): ${diagnostic.message}\n\n${description} [Rule documentation](${diagnostic.codeDescription?.href})`;
}

describe('hover', function () {
  let editor: Editor;
  let uri: string;
  let diagnostics: Diagnostic[];

  before(() => {
    editor = new Editor({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': TEXT });
    uri = editor.uri('marketing.goals.yaml');
    editor.open(uri, TEXT);
    diagnostics = editor.diagnostics(uri);
  });

  async function hoverAt(position: Position): Promise<Hover | null> {
    return editor.hover({ textDocument: { uri }, position });
  }

  function diagnostic(code: string, line: number): Diagnostic {
    const found = diagnostics.find((candidate) => candidate.code === code && candidate.range.start.line === line);
    assert.ok(found, `a ${code} diagnostic on line ${line}; got ${JSON.stringify(diagnostics.map((d) => [d.code, d.range.start.line]))}`);
    return found;
  }

  it('publishes the findings the hovers below show', () => {
    assert.deepEqual(
      diagnostics.map((found) => [found.code, found.range.start.line]),
      [
        ['unknown-reference', UNKNOWN_REF.line],
        ['review-overdue', OTHER_GOAL_ID.line],
        ['off-track', OTHER_GOAL_ID.line + 10],
      ],
    );
  });

  it("shows a key's schema description, with its allowed values for an enum", async () => {
    assert.deepEqual(await hoverAt(DEADLINE_KEY), {
      contents: { kind: 'markdown', value: 'When the goal is due (YYYY-MM-DD): what makes it time-bound.' },
      range: wordAt(DEADLINE_KEY, 'deadline'),
    });
    assert.deepEqual(await hoverAt(FUNNEL_KEY), {
      contents: {
        kind: 'markdown',
        value:
          'The funnel stage this goal works on: awareness, engagement, conversion or retention.\n\n' +
          'Allowed values: `awareness`, `engagement`, `conversion`, `retention`.',
      },
      range: wordAt(FUNNEL_KEY, 'funnel'),
    });
  });

  it('shows a goal on its id: department, deadline, progress and status on the check date, targets', async () => {
    assert.deepEqual(await hoverAt(GOAL_ID), {
      contents: {
        kind: 'markdown',
        value: [
          '**Goal** `ig-traffic`: Increase website sessions from Instagram by 20%',
          '',
          '- Department: Marketing (`marketing`)',
          '- Deadline: 2027-12-31',
          '- Progress: 50% · on track',
          '- Target Website sessions (`sessions`): 1000 → 1200, current 1100',
        ].join('\n'),
      },
      range: wordAt(GOAL_ID, 'ig-traffic'),
    });
  });

  it('shows a goal and the finding on its id together', async () => {
    assert.deepEqual(await hoverAt(OTHER_GOAL_ID), {
      contents: {
        kind: 'markdown',
        value: [
          '**Goal** `tt-reach`: Bring 2000 visits from TikTok to the website by June 30',
          '',
          '- Department: Marketing (`marketing`)',
          '- Deadline: 2027-06-30',
          '- Progress: 10% · off track',
          '- Target Website sessions (`sessions`): 0 → 2000, current 200',
          '',
          '---',
          '',
          findingSection(
            diagnostic('review-overdue', OTHER_GOAL_ID.line),
            'info',
            'A goal has not been reviewed within its `review` cadence (quarterly by default).',
          ),
        ].join('\n'),
      },
      range: wordAt(OTHER_GOAL_ID, 'tt-reach'),
    });
  });

  it('shows the objective a reference in another file names: owner, progress, support', async () => {
    assert.deepEqual(await hoverAt(OBJECTIVE_REF), {
      contents: {
        kind: 'markdown',
        value: [
          '**Objective** `grow-online-revenue`: Grow online revenue by 15%',
          '',
          '- Owner: Marketing (`marketing`)',
          '- Progress: 30%',
          '- Supported by 2 goals and 1 KPI',
          '',
          'Defined in `company.goals.yaml`.',
        ].join('\n'),
      },
      range: wordAt(OBJECTIVE_REF, 'grow-online-revenue'),
    });
  });

  it('shows a KPI on its id and on a target that names it', async () => {
    const kpi = [
      '**KPI** `sessions`: Website sessions',
      '',
      '- Metric: sessions (visits)',
      '- Platform: instagram',
      '- Owners: Marketing (`marketing`)',
      '- Supports: Grow online revenue by 15% (`grow-online-revenue`)',
      '- Targeted by 2 goals',
    ].join('\n');
    assert.deepEqual(await hoverAt(KPI_ID), { contents: { kind: 'markdown', value: kpi }, range: wordAt(KPI_ID, 'sessions') });
    assert.deepEqual(await hoverAt(KPI_REF), { contents: { kind: 'markdown', value: kpi }, range: wordAt(KPI_REF, 'sessions') });
  });

  it('shows the department and the audience a reference names', async () => {
    assert.deepEqual(await hoverAt(DEPARTMENT_REF), {
      contents: { kind: 'markdown', value: '**Department** `marketing`: Marketing\n\n- Owns 1 objective and 2 goals\n\nDefined in `company.goals.yaml`.' },
      range: wordAt(DEPARTMENT_REF, 'marketing'),
    });
    assert.deepEqual(await hoverAt(AUDIENCE_REF), {
      contents: { kind: 'markdown', value: '**Audience** `young-adults`: Young adults\n\n- Platforms: instagram, tiktok\n\nDefined in `company.goals.yaml`.' },
      range: wordAt(AUDIENCE_REF, 'young-adults'),
    });
  });

  it("shows the finding on an unknown reference with the rule's description and doc link", async () => {
    const unknown = diagnostic('unknown-reference', UNKNOWN_REF.line);
    assert.match(unknown.codeDescription?.href ?? '', /docs\/rules\/unknown-reference\.md$/);
    assert.deepEqual(await hoverAt(UNKNOWN_REF), {
      contents: {
        kind: 'markdown',
        value: findingSection(unknown, 'error', '`supports`, `kpi`, `department`, `owner(s)`, `audience` or `parent` names no defined id of the right kind.'),
      },
      range: unknown.range,
    });
  });

  it('answers null where there is nothing to say', async () => {
    assert.equal(await hoverAt({ line: OTHER_GOAL_ID.line + 1, character: 14 }), null, 'inside a title');
    assert.equal(await hoverAt({ line: 3, character: 6 }), null, 'past the end of `goals:`');
  });
});
