/**
 * The semantic diff of the core, as a table: two revisions of in-memory files, linted as one workspace
 * each, and the diff written as compact lines next to them.
 */
import * as assert from 'node:assert/strict';
import {
  diffStrategies,
  findingOwners,
  isEmptyDiff,
  DIFF_SECTIONS,
  KIND_OF_SECTION,
  type DiffSide,
  type FieldChange,
  type StrategyDiff,
} from '../../server/src/core/diff';
import { diffMarkdown, text } from '../../server/src/cli/formatters/diff/markdown';
import { lint } from '../../server/src/core/lint';
import { parseYaml } from '../../server/src/core/yaml';
import { TODAY } from '../helpers/lint';

/** One revision linted as one workspace, the way the CLI does it. */
function side(files: Record<string, string>): DiffSide {
  const sources = Object.entries(files).map(([file, text]) => ({ file, text, parsed: parseYaml(text) }));
  const analysis = lint(sources, { today: TODAY, clockToday: TODAY });
  return {
    models: analysis.workspace.models,
    findings: analysis.findings,
    unparsable: sources.filter((source) => source.parsed.problems.length > 0).map((source) => source.file),
    owners: findingOwners(analysis),
  };
}

/**
 * The diff as lines: `+goal g (file)`, `-goal g (file)`, `~goal g: …` with one `~` line per change, and
 * `+finding rule` / `-finding rule` for findings introduced and fixed, `xfinding rule` for findings that
 * left with a removed item or file (errors first in each list).
 */
function lines(diff: StrategyDiff): string[] {
  const out: string[] = [];
  const field = (change: FieldChange) =>
    'added' in change
      ? `${change.field} ${[...change.added.map((id) => `+${id}`), ...change.removed.map((id) => `-${id}`)].join(' ')}`
      : `${change.field} ${change.before ?? '∅'}→${change.after ?? '∅'}`;
  for (const section of DIFF_SECTIONS) {
    const kind = KIND_OF_SECTION[section];
    for (const item of diff[section].added) out.push(`+${kind} ${item.id} (${item.file})`);
    for (const item of diff[section].removed) out.push(`-${kind} ${item.id} (${item.file})`);
    for (const item of diff[section].changed) {
      if (item.movedFrom !== undefined) out.push(`~${kind} ${item.id}: moved ${item.movedFrom}→${item.file}`);
      for (const change of item.changes) out.push(`~${kind} ${item.id}: ${field(change)}`);
      for (const target of item.targets?.added ?? []) out.push(`~${kind} ${item.id}: +target ${target.kpi ?? '∅'}`);
      for (const target of item.targets?.removed ?? []) out.push(`~${kind} ${item.id}: -target ${target.kpi ?? '∅'}`);
      for (const target of item.targets?.changed ?? [])
        out.push(...target.changes.map((change) => `~${kind} ${item.id}: target ${target.kpi ?? '∅'} ${field(change)}`));
    }
  }
  for (const finding of diff.findings.introduced) out.push(`+finding ${finding.rule} (${finding.file})`);
  for (const finding of diff.findings.fixed) out.push(`-finding ${finding.rule} (${finding.file})`);
  for (const finding of diff.findings.removedWithItems) out.push(`xfinding ${finding.rule} (${finding.file})`);
  return out;
}

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow, title: Grow online revenue by 15% in FY2027, metric: revenue, owner: marketing, deadline: 2027-12-31 }
  - { id: keep, title: Raise the repeat-purchase rate to 33% by December 2027, metric: repeat_rate, owner: support, deadline: 2027-12-31 }
departments:
  - { id: marketing, name: Marketing }
  - { id: support, name: Support }
audiences:
  - { id: adventurers, name: Adventurers, platforms: [instagram, youtube] }
kpis:
  - { id: sessions, name: Sessions from Instagram, metric: sessions, platform: instagram, supports: [grow], owners: [marketing] }
  - { id: replies, name: Reply time, metric: minutes, platform: instagram, supports: [keep], owners: [support] }
`;

/** A complete goal, reviewed, on track and free of findings; `fields` overrides or adds lines. */
function goal(id: string, fields: Record<string, string> = {}): string {
  const all: Record<string, string> = {
    title: `Grow ${id} sessions from Instagram by 20% by December 31`,
    department: 'marketing',
    supports: '[grow]',
    platform: 'instagram',
    audience: 'adventurers',
    start: '2027-01-01',
    deadline: '2027-12-31',
    targets: '[{ kpi: sessions, baseline: 100, target: 120, current: 108 }]',
    review: 'quarterly',
    last_reviewed: '2027-04-10',
    ...fields,
  };
  const body = Object.entries(all)
    .filter(([, value]) => value !== '')
    .map(([key, value]) => `    ${key}: ${value}`)
    .join('\n');
  return `  - id: ${id}\n${body}\n`;
}

const goals = (...entries: string[]) => `goalpost: 1\ngoals:\n${entries.join('')}`;

interface Row {
  readonly name: string;
  readonly base: Record<string, string>;
  readonly head: Record<string, string>;
  readonly expect: readonly string[];
}

const TABLE: readonly Row[] = [
  {
    name: 'no change at all',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    expect: [],
  },
  {
    name: 'a goal added and one removed',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a'), goal('b')) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a'), goal('c')) },
    expect: ['+goal c (m.goals.yaml)', '-goal b (m.goals.yaml)'],
  },
  {
    name: 'a goal re-titled keeps its id: a change, not an add and a remove',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a', { title: 'Grow a sessions from Instagram by 25% by December 31' })) },
    expect: ['~goal a: title Grow a sessions from Instagram by 20% by December 31→Grow a sessions from Instagram by 25% by December 31'],
  },
  {
    name: 'a goal moved to another file, with a field changed on the way',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a'), goal('b')) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')), 'n.goals.yaml': goals(goal('b', { deadline: '2027-11-30' })) },
    expect: ['~goal b: moved m.goals.yaml→n.goals.yaml', '~goal b: deadline 2027-12-31→2027-11-30'],
  },
  {
    name: 'a file renamed: every item moves, no finding is introduced or fixed',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a', { department: '' })) },
    head: { 'c.goals.yaml': COMPANY, 'marketing/m.goals.yaml': goals(goal('a', { department: '' })) },
    expect: ['~goal a: moved m.goals.yaml→marketing/m.goals.yaml'],
  },
  {
    name: 'a finding whose line moved is neither introduced nor fixed',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a', { department: '' })) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': `# Marketing's goals.\n\n${goals(goal('z'), goal('a', { department: '' }))}` },
    expect: ['+goal z (m.goals.yaml)'],
  },
  {
    name: 'a finding fixed and another introduced',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a', { department: '' })) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a', { supports: '[grow, gorw]' })) },
    expect: [
      '~goal a: supports +gorw',
      '~goal a: department ∅→marketing',
      '+finding unknown-reference (m.goals.yaml)',
      '-finding missing-owner (m.goals.yaml)',
    ],
  },
  {
    name: 'links, owner, platform, audience, funnel, parent, review and dates of a goal',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('p'), goal('a', { parent: 'p' })) },
    head: {
      'c.goals.yaml': COMPANY,
      'm.goals.yaml': goals(
        goal('p'),
        goal('a', {
          supports: '[keep]',
          department: 'support',
          platform: 'youtube',
          funnel: 'awareness',
          parent: '',
          start: '2027-02-01',
          review: 'monthly',
          last_reviewed: '2027-05-01',
        }),
      ),
    },
    expect: [
      '~goal a: supports +keep -grow',
      '~goal a: department marketing→support',
      '~goal a: start 2027-01-01→2027-02-01',
      '~goal a: platform instagram→youtube',
      '~goal a: funnel ∅→awareness',
      '~goal a: parent p→∅',
      '~goal a: review quarterly→monthly',
      '~goal a: last_reviewed 2027-04-10→2027-05-01',
    ],
  },
  {
    name: 'targets matched by KPI: added, removed, changed; their order alone is no change',
    base: {
      'c.goals.yaml': COMPANY,
      'm.goals.yaml': goals(
        goal('a', {
          targets: '[{ kpi: sessions, baseline: 100, target: 120, current: 108 }, { kpi: replies, baseline: 60, target: 30, direction: decrease }]',
        }),
      ),
    },
    head: {
      'c.goals.yaml': COMPANY,
      'm.goals.yaml': goals(
        goal('a', { targets: '[{ kpi: replies, baseline: 60, target: 30, direction: decrease }, { kpi: sessions, baseline: 90, target: 130, current: 108 }]' }),
      ),
    },
    expect: ['~goal a: target sessions baseline 100→90', '~goal a: target sessions target 120→130'],
  },
  {
    name: 'a target added and one removed',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    head: {
      'c.goals.yaml': COMPANY,
      'm.goals.yaml': goals(goal('a', { targets: '[{ kpi: replies, baseline: 60, target: 50, current: 55, direction: decrease }]' })),
    },
    expect: ['~goal a: +target replies', '~goal a: -target sessions', '+finding kpi-unused (c.goals.yaml)', '-finding kpi-unused (c.goals.yaml)'],
  },
  {
    name: 'KPI supports, owners, platform and metric; objective title and deadline; department and audience renamed',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    head: {
      'c.goals.yaml': COMPANY.replace(
        'metric: sessions, platform: instagram, supports: [grow], owners: [marketing]',
        'metric: visits, platform: youtube, supports: [grow, keep], owners: [support]',
      )
        .replace(
          'Grow online revenue by 15% in FY2027, metric: revenue, owner: marketing, deadline: 2027-12-31',
          'Grow online revenue by 20% in FY2027, metric: revenue, owner: marketing, deadline: 2027-11-30',
        )
        .replace('name: Support', 'name: Customer Service')
        .replace('platforms: [instagram, youtube]', 'platforms: [instagram, youtube, tiktok]'),
      'm.goals.yaml': goals(goal('a')),
    },
    expect: [
      '~objective grow: title Grow online revenue by 15% in FY2027→Grow online revenue by 20% in FY2027',
      '~objective grow: deadline 2027-12-31→2027-11-30',
      '~kpi sessions: metric sessions→visits',
      '~kpi sessions: platform instagram→youtube',
      '~kpi sessions: supports +keep',
      '~kpi sessions: owners +support -marketing',
      '~department support: name Support→Customer Service',
      '~audience adventurers: platforms +tiktok',
    ],
  },
  {
    name: 'a broken base file contributes no items; its syntax error shows as fixed',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': 'goalpost: 1\ngoals: [\n' },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    // The base's KPI was untargeted while the file was broken.
    expect: ['+goal a (m.goals.yaml)', '-finding yaml-syntax (m.goals.yaml)', '-finding kpi-unused (c.goals.yaml)'],
  },
  {
    name: 'a file broken by the change: its items show as removed, its syntax error as introduced',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': `${goals(goal('a'))}goalpost: 1\n` },
    expect: ['-goal a (m.goals.yaml)', '+finding yaml-syntax (m.goals.yaml)'],
  },
  {
    name: 'a file deleted: its items go, and its findings left with it (not fixed)',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')), 'old.goals.yaml': goals(goal('b', { department: '' })) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    expect: ['-goal b (old.goals.yaml)', 'xfinding missing-owner (old.goals.yaml)'],
  },
  {
    name: 'a goal deleted from a kept file: its findings left with it (not fixed)',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a'), goal('b', { department: 'nobody' })) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    expect: ['-goal b (m.goals.yaml)', 'xfinding unknown-reference (m.goals.yaml)'],
  },
  {
    name: 'findings are listed errors first',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a', { department: '', supports: '[nowhere]' })) },
    // The error (line 5) before the warning (line 3).
    expect: [
      '~goal a: supports +nowhere -grow',
      '~goal a: department marketing→∅',
      '+finding unknown-reference (m.goals.yaml)',
      '+finding missing-owner (m.goals.yaml)',
    ],
  },
  {
    name: 'one id in two files (a duplicate): each pairs with the same file first',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')), 'n.goals.yaml': goals(goal('a', { deadline: '2027-10-31' })) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')), 'n.goals.yaml': goals(goal('a', { deadline: '2027-11-30' })) },
    expect: ['~goal a: deadline 2027-10-31→2027-11-30'],
  },
  {
    name: 'items without an id are left out of the diff (the schema rule reports them)',
    base: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a')) },
    head: { 'c.goals.yaml': COMPANY, 'm.goals.yaml': `${goals(goal('a'))}departments:\n  - { name: Finance }\n` },
    expect: ['+finding schema (m.goals.yaml)'],
  },
];

describe('diffStrategies (core/diff.ts)', () => {
  for (const row of TABLE) {
    it(row.name, () => {
      const diff = diffStrategies(side(row.base), side(row.head));
      assert.deepEqual(lines(diff), row.expect);
      assert.equal(isEmptyDiff(diff), row.expect.length === 0 && diff.files.added.length + diff.files.removed.length === 0);
    });
  }

  it('reports goals files added and removed, and those that could not be parsed on either side', () => {
    const diff = diffStrategies(
      side({ 'a.goals.yaml': goals(goal('a')), 'b.goals.yaml': 'goals: [\n' }),
      side({ 'c.goals.yaml': goals(goal('a')), 'b.goals.yaml': 'goals: [\n' }),
    );
    assert.deepEqual(diff.files, {
      added: ['c.goals.yaml'],
      removed: ['a.goals.yaml'],
      unparsableInBase: ['b.goals.yaml'],
      unparsableInHead: ['b.goals.yaml'],
    });
  });

  it('one message on two goals is two findings: fixing one is one fix', () => {
    const twice = goals(goal('a', { supports: '[gorw]' }), goal('b', { supports: '[gorw]' }));
    const once = goals(goal('a', { supports: '[gorw]' }), goal('b'));
    const base = side({ 'c.goals.yaml': COMPANY, 'm.goals.yaml': twice });
    const diff = diffStrategies(base, side({ 'c.goals.yaml': COMPANY, 'm.goals.yaml': once }));
    assert.deepEqual(
      diff.findings.fixed.map((finding) => base.owners?.get(finding)),
      ['goal b'],
    );
    assert.equal(diff.findings.introduced.length, 0);
  });

  it('one message moving from one goal to another is a fix and a new finding, told apart by the goal it sits in', () => {
    const onA = goals(goal('a', { supports: '[gorw]' }), goal('b'));
    const onB = goals(goal('a'), goal('b', { supports: '[gorw]' }));
    const base = side({ 'c.goals.yaml': COMPANY, 'm.goals.yaml': onA });
    const head = side({ 'c.goals.yaml': COMPANY, 'm.goals.yaml': onB });
    const diff = diffStrategies(base, head);
    assert.deepEqual(
      diff.findings.fixed.map((finding) => base.owners?.get(finding)),
      ['goal a'],
    );
    assert.deepEqual(
      diff.findings.introduced.map((finding) => head.owners?.get(finding)),
      ['goal b'],
    );
  });

  it('findingOwners: a finding inside an item belongs to it; one outside every item to none', () => {
    const analysis = lint([{ file: 'm.goals.yaml', text: `goalpost: 1\nbogus: 1\ngoals:\n${goal('a', { department: '' })}` }], {
      today: TODAY,
      clockToday: TODAY,
    });
    const owners = findingOwners(analysis);
    const owned = analysis.findings
      .filter((finding) => finding.rule !== 'unknown-reference')
      .map((finding) => `${finding.rule}: ${owners.get(finding) ?? '-'}`);
    assert.deepEqual(owned, ['schema: -', 'missing-owner: goal a']);
  });

  it('is deterministic whatever the order the models come in', () => {
    const base = side({ 'c.goals.yaml': COMPANY, 'm.goals.yaml': goals(goal('a'), goal('b')) });
    const head = side({ 'c.goals.yaml': COMPANY, 'n.goals.yaml': goals(goal('b'), goal('c')), 'm.goals.yaml': goals(goal('d')) });
    const reversed = { ...head, models: [...head.models].reverse() };
    assert.deepEqual(diffStrategies(base, reversed), diffStrategies(base, head));
  });
});

describe('diff markdown escaping', () => {
  it('shows user text as written without forming HTML, mentions or issue links', () => {
    assert.equal(text('Reach @team <b>|</b> #12 & $5'), 'Reach @\u200bteam &lt;b&gt;\\|&lt;/b&gt; #\u200b12 &amp; \\$5');
  });
});

describe('diff markdown notes on files with YAML errors', () => {
  const side = (unparsable: string[]) => ({ models: [], findings: [], unparsable });
  const render = (base: string[], head: string[]) =>
    diffMarkdown({ diff: diffStrategies(side(base), side(head)), base: { revision: 'v1', commit: 'c1' }, head: { revision: 'v2', commit: 'c2' } });

  it('explains a file broken on one side, and only lists one broken on both', () => {
    const markdown = render(['fixed.goals.yaml', 'still.goals.yaml'], ['still.goals.yaml', 'broken.goals.yaml']);
    assert.match(markdown, /`fixed\.goals\.yaml` has YAML errors in the base revision/);
    assert.match(markdown, /`broken\.goals\.yaml` has YAML errors in the head/);
    assert.match(markdown, /Left out, with YAML errors in both revisions: `still\.goals\.yaml`\./);
    assert.doesNotMatch(markdown, /`still\.goals\.yaml` has YAML errors in the/);
  });
});
