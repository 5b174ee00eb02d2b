import * as assert from 'node:assert/strict';
import { configOf } from '../helpers/lint';
import { DEFAULT_CONFIG } from '../../server/src/core/config';
import { lint, type SourceText } from '../../server/src/core/lint';
import { buildModel } from '../../server/src/core/model';
import type { Rule } from '../../server/src/core/rule';
import { rulesById } from '../../server/src/core/rules';
import { parseYaml } from '../../server/src/core/yaml';
import { Workspace } from '../../server/src/core/workspace';

/** A workspace of in-memory files, built the way `lint` builds it. */
function workspaceOf(files: Record<string, string>): Workspace {
  return new Workspace(Object.entries(files).map(([file, text]) => buildModel(file, parseYaml(text).value)));
}

const COMPANY = `goalpost: 1
period: { start: 2027-01-01, end: 2027-12-31 }
objectives:
  - { id: grow-revenue, title: Grow online revenue by 15% }
departments:
  - { id: marketing, name: Marketing }
  - { id: sales, name: Sales }
audiences:
  - { id: young-professionals, platforms: [linkedin, Instagram] }
`;
const MARKETING = `goalpost: 1
kpis:
  - { id: ig-sessions, name: Sessions from Instagram, metric: sessions, supports: [grow-revenue], owners: [marketing, sales] }
goals:
  - id: ig-traffic
    title: Grow Instagram sessions by 20%
    department: marketing
    supports: [grow-revenue, grow-revenu]
    audience: young-professionals
    targets:
      - { kpi: ig-sessions, baseline: 100, target: 120 }
      - { kpi: ig-sessions, baseline: 5, target: 6 }
  - id: ig-traffic-h2
    title: Keep Instagram sessions above 120
    parent: ig-traffic
    targets:
      - { kpi: ig-sessions, target: 130 }
`;

describe('workspace', () => {
  describe('references', () => {
    it('records every reference of every file, with the kind it must name and its path, item by item', () => {
      const workspace = workspaceOf({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
      assert.deepEqual(
        workspace.references.map((reference) => `${reference.file} ${reference.kind} ${reference.id} ${reference.path.join('.')}`),
        [
          'marketing.goals.yaml objective grow-revenue kpis.0.supports.0',
          'marketing.goals.yaml department marketing kpis.0.owners.0',
          'marketing.goals.yaml department sales kpis.0.owners.1',
          'marketing.goals.yaml department marketing goals.0.department',
          'marketing.goals.yaml objective grow-revenue goals.0.supports.0',
          'marketing.goals.yaml objective grow-revenu goals.0.supports.1',
          'marketing.goals.yaml audience young-professionals goals.0.audience',
          'marketing.goals.yaml kpi ig-sessions goals.0.targets.0.kpi',
          'marketing.goals.yaml kpi ig-sessions goals.0.targets.1.kpi',
          'marketing.goals.yaml kpi ig-sessions goals.1.targets.0.kpi',
          'marketing.goals.yaml goal ig-traffic goals.1.parent',
        ],
      );
    });

    it('finds an id only as the kind asked for, across files', () => {
      const workspace = workspaceOf({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
      assert.equal(workspace.find('objective', 'grow-revenue')?.file, 'company.goals.yaml');
      assert.equal(workspace.find('goal', 'grow-revenue'), undefined);
      assert.equal(workspace.find('kpi', 'ig-sessions')?.file, 'marketing.goals.yaml');
      assert.equal(workspace.find('goal', undefined), undefined);
      assert.deepEqual(workspace.find('audience', 'young-professionals')?.platforms, ['linkedin', 'instagram']);
    });

    it('lists the ids of a kind, sorted, for suggestions', () => {
      const workspace = workspaceOf({ 'marketing.goals.yaml': MARKETING, 'company.goals.yaml': COMPANY });
      assert.deepEqual(workspace.idsOf('department'), ['marketing', 'sales']);
      assert.deepEqual(workspace.idsOf('goal'), ['ig-traffic', 'ig-traffic-h2']);
      assert.deepEqual(workspace.idsOf('objective'), ['grow-revenue']);
    });

    it('knows which goals target a KPI, each goal once', () => {
      const workspace = workspaceOf({ 'company.goals.yaml': COMPANY, 'marketing.goals.yaml': MARKETING });
      assert.deepEqual(
        workspace.goalsTargeting('ig-sessions').map((goal) => goal.id),
        ['ig-traffic', 'ig-traffic-h2'],
      );
      assert.deepEqual(workspace.goalsTargeting('nothing'), []);
    });

    it('resolves references across files through lint: only the unknown one is reported', () => {
      const findings = lint(
        [
          { file: 'company.goals.yaml', text: COMPANY },
          { file: 'marketing.goals.yaml', text: MARKETING },
        ],
        { clockToday: '2027-05-15', rules: [rulesById.get('unknown-reference')!] },
      ).findings;
      assert.deepEqual(
        findings.map((finding) => `${finding.file} ${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.message}`),
        ['marketing.goals.yaml 8:30 `supports` names `grow-revenu`, but no objective has that id; did you mean `grow-revenue`?'],
      );
    });

    it('reports a reference whose target file is missing from the workspace', () => {
      const findings = lint([{ file: 'marketing.goals.yaml', text: MARKETING }], {
        clockToday: '2027-05-15',
        rules: [rulesById.get('unknown-reference')!],
      }).findings;
      assert.equal(findings.filter((finding) => finding.message.startsWith('`supports` names `grow-revenue`,')).length, 2);
    });
  });

  describe('duplicates', () => {
    const files = {
      'a.goals.yaml': 'goalpost: 1\nobjectives:\n  - { id: shared, title: Objective A }\ngoals:\n  - { id: shared, title: Goal A }\n',
      'b.goals.yaml': 'goalpost: 1\nkpis:\n  - { id: shared, name: KPI B, metric: sessions }\n  - { id: only-b, name: KPI B2, metric: leads }\n',
      'c.goals.yaml': 'goalpost: 1\ndepartments:\n  - { id: shared, name: Department C }\n',
    };

    it('keeps every definition of an id, in file order then document order', () => {
      const workspace = workspaceOf(files);
      assert.deepEqual(
        workspace.definitions.get('shared')?.map((item) => `${item.file} ${item.kind} ${item.path.join('.')}`),
        ['a.goals.yaml objective objectives.0', 'a.goals.yaml goal goals.0', 'b.goals.yaml kpi kpis.0', 'c.goals.yaml department departments.0'],
      );
      assert.equal(workspace.definitions.get('only-b')?.length, 1);
    });

    it('reports each definition once, in file order, through lint', () => {
      const findings = lint(
        Object.entries(files).map(([file, text]) => ({ file, text })),
        { clockToday: '2027-05-15', rules: [rulesById.get('duplicate-id')!] },
      ).findings;
      assert.deepEqual(
        findings.map((finding) => `${finding.file} ${finding.range.start.line + 1} ${finding.related?.length}`),
        ['a.goals.yaml 3 3', 'a.goals.yaml 5 3', 'b.goals.yaml 3 3', 'c.goals.yaml 3 3'],
      );
      assert.equal(findings[3].message, 'The id `shared` is also used by an objective, a goal and a KPI; ids must be unique across the workspace.');
    });

    it('finds the first definition of the kind asked for even when another kind comes first', () => {
      const workspace = workspaceOf(files);
      assert.equal(workspace.find('department', 'shared')?.file, 'c.goals.yaml');
      assert.equal(workspace.find('objective', 'shared')?.file, 'a.goals.yaml');
    });
  });

  describe('period', () => {
    const withPeriod = (start: string, end: string) => `goalpost: 1\nperiod: { start: ${start}, end: ${end} }\n`;
    const plain = 'goalpost: 1\ngoals:\n  - { id: g1, title: Grow sessions by 10% }\n';

    it('gives a file its own period', () => {
      const workspace = workspaceOf({ 'h1.goals.yaml': withPeriod('2027-01-01', '2027-06-30'), 'h2.goals.yaml': withPeriod('2027-07-01', '2027-12-31') });
      assert.deepEqual(workspace.periodOf('h1.goals.yaml'), { start: '2027-01-01', end: '2027-06-30' });
      assert.deepEqual(workspace.periodOf('h2.goals.yaml'), { start: '2027-07-01', end: '2027-12-31' });
    });

    it('gives a file without one the period of the single file that declares one', () => {
      const workspace = workspaceOf({ 'company.goals.yaml': withPeriod('2027-01-01', '2027-12-31'), 'marketing.goals.yaml': plain });
      assert.deepEqual(workspace.period, { start: '2027-01-01', end: '2027-12-31' });
      assert.deepEqual(workspace.periodOf('marketing.goals.yaml'), { start: '2027-01-01', end: '2027-12-31' });
    });

    it('gives a file without one no period when two files declare one', () => {
      const workspace = workspaceOf({
        'h1.goals.yaml': withPeriod('2027-01-01', '2027-06-30'),
        'h2.goals.yaml': withPeriod('2027-07-01', '2027-12-31'),
        'marketing.goals.yaml': plain,
      });
      assert.equal(workspace.period, undefined);
      assert.equal(workspace.periodOf('marketing.goals.yaml'), undefined);
      assert.deepEqual(workspace.periodOf('h2.goals.yaml'), { start: '2027-07-01', end: '2027-12-31' });
    });

    it('gives no period when no file declares one, or for a file it does not know', () => {
      const workspace = workspaceOf({ 'marketing.goals.yaml': plain });
      assert.equal(workspace.periodOf('marketing.goals.yaml'), undefined);
      assert.equal(workspaceOf({ 'c.goals.yaml': withPeriod('2027-01-01', '2027-12-31') }).periodOf('elsewhere.goals.yaml')?.start, '2027-01-01');
    });

    it('ignores a period that is incomplete or not made of real dates', () => {
      const workspace = workspaceOf({
        'half.goals.yaml': 'goalpost: 1\nperiod: { start: 2027-01-01 }\n',
        'bad.goals.yaml': withPeriod('2027-01-01', '2027-13-01'),
        'good.goals.yaml': withPeriod('2028-01-01', '2028-12-31'),
        'plain.goals.yaml': plain,
      });
      assert.equal(workspace.periodOf('half.goals.yaml')?.start, '2028-01-01');
      assert.equal(workspace.periodOf('plain.goals.yaml')?.start, '2028-01-01');
    });
  });

  describe('today', () => {
    /** A rule that reports the check date it sees for every file. */
    const probe: Rule = {
      meta: { id: 'today-probe', description: 'Reports the check date.', severity: 'info', docs: { why: '', bad: '', good: '' } },
      check(context) {
        for (const source of context.sources) context.report({ file: source.file, place: { path: [] }, message: context.today(source.file) });
      },
    };
    const run = (sources: SourceText[], options: { today?: string; clockToday: string }) =>
      lint(sources, { ...options, rules: [probe] }).findings.map((finding) => `${finding.file} ${finding.message}`);
    const text = 'goalpost: 1\n';

    it('uses the clock when nothing pins a date', () => {
      assert.deepEqual(run([{ file: 'a.goals.yaml', text }], { clockToday: '2027-05-15' }), ['a.goals.yaml 2027-05-15']);
    });

    it("uses the file's config today over the clock, per file", () => {
      const sources = [
        { file: 'a.goals.yaml', text, config: configOf('today: 2027-03-01\n') },
        { file: 'b.goals.yaml', text, config: DEFAULT_CONFIG },
      ];
      assert.deepEqual(run(sources, { clockToday: '2027-05-15' }), ['a.goals.yaml 2027-03-01', 'b.goals.yaml 2027-05-15']);
    });

    it('uses options.today over every config and the clock', () => {
      const sources = [
        { file: 'a.goals.yaml', text, config: configOf('today: 2027-03-01\n') },
        { file: 'b.goals.yaml', text },
      ];
      assert.deepEqual(run(sources, { today: '2028-01-01', clockToday: '2027-05-15' }), ['a.goals.yaml 2028-01-01', 'b.goals.yaml 2028-01-01']);
    });

    it('exposes the same date to callers through todayOf', () => {
      const analysis = lint([{ file: 'a.goals.yaml', text, config: configOf('today: 2027-03-01\n') }], { clockToday: '2027-05-15', rules: [] });
      assert.equal(analysis.todayOf('a.goals.yaml'), '2027-03-01');
      assert.equal(analysis.todayOf('unknown.goals.yaml'), '2027-05-15');
    });

    it('changes what a date rule reports', () => {
      const goal =
        'goalpost: 1\ngoals:\n  - { id: g1, title: Grow sessions by 10%, deadline: 2027-03-31, targets: [{ kpi: k, baseline: 1, target: 2, current: 1 }] }\n';
      const missed = (today: string) =>
        lint([{ file: 'a.goals.yaml', text: goal }], { today, clockToday: '2027-01-01', rules: [rulesById.get('deadline-missed')!] }).findings.length;
      assert.equal(missed('2027-03-31'), 0);
      assert.equal(missed('2027-04-01'), 1);
    });
  });
});
