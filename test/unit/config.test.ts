import * as assert from 'node:assert/strict';
import { DEFAULT_CONFIG, parseConfig, ruleSetting, type Config } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import type { Rule } from '../../server/src/core/rule';
import { rulesById } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';

/** A rule with options of several types, so that config validation is tested apart from the real rules' options. */
const sample: Rule = {
  meta: {
    id: 'sample-rule',
    description: 'Reports its options on every file.',
    severity: 'warning',
    docs: { why: '', bad: '', good: '' },
    options: {
      maxGrowth: { description: 'A ceiling.', schema: { type: 'number', minimum: 0 }, default: 0.5 },
      terms: { description: 'Extra words.', schema: { type: 'array', items: { type: 'string' } }, default: [] },
      cadence: { description: 'A cadence.', schema: { enum: ['monthly', 'quarterly'] }, default: 'quarterly' },
    },
  },
  check(context) {
    for (const source of context.sources) context.report({ file: source.file, place: { path: [] }, message: JSON.stringify(context.options(source.file)) });
  },
};
const RULES: readonly Rule[] = [rulesById.get('yaml-syntax')!, rulesById.get('duplicate-id')!, rulesById.get('unknown-reference')!, sample];

function parse(text: string): { config?: Config; problems: Finding[] } {
  return parseConfig(text, '.goalpost.yaml', RULES);
}

/** The config of a valid text; fails the test on problems. */
function valid(text: string): Config {
  const { config, problems } = parse(text);
  assert.deepEqual(problems, []);
  assert.ok(config);
  return config;
}

/** "line:col rule message" (1-based) of the problems of an invalid text. */
function problems(text: string): string[] {
  const result = parse(text);
  assert.equal(result.config, undefined);
  return result.problems.map((problem) => `${problem.range.start.line + 1}:${problem.range.start.character + 1} ${problem.rule} ${problem.message}`);
}

describe('config', () => {
  describe('valid settings', () => {
    it('reads severities written as strings', () => {
      const config = valid('rules:\n  duplicate-id: warning\n  unknown-reference: off\n  sample-rule: info\n');
      assert.deepEqual(
        [...config.rules],
        [
          ['duplicate-id', { severity: 'warning' }],
          ['unknown-reference', { severity: 'off' }],
          ['sample-rule', { severity: 'info' }],
        ],
      );
    });

    it('reads { severity, options }, either part alone', () => {
      const config = valid(
        'rules:\n  sample-rule:\n    severity: error\n    options: { maxGrowth: 1, terms: [nps], cadence: monthly }\n  duplicate-id: { severity: info }\n',
      );
      assert.deepEqual(config.rules.get('sample-rule'), { severity: 'error', options: { maxGrowth: 1, terms: ['nps'], cadence: 'monthly' } });
      assert.deepEqual(config.rules.get('duplicate-id'), { severity: 'info', options: undefined });
      assert.deepEqual(valid('rules:\n  sample-rule: { options: { terms: [] } }\n').rules.get('sample-rule'), { severity: undefined, options: { terms: [] } });
    });

    it('reads today and ignore', () => {
      const config = valid('today: 2027-06-30\nignore:\n  - drafts/**\n  - "*.archive.goals.yaml"\n');
      assert.equal(config.today, '2027-06-30');
      assert.deepEqual(config.ignore, ['drafts/**', '*.archive.goals.yaml']);
      assert.equal(config.rules.size, 0);
    });

    it('takes an empty file, or one with every setting commented out, as all defaults', () => {
      // A config that only marks a folder (nearest config wins) or a template with everything commented out is not an error.
      for (const text of ['', '# rules:\n#   duplicate-id: warning\n', '\n\n']) {
        assert.deepEqual(valid(text), { rules: new Map(), today: undefined, ignore: [] });
      }
    });
  });

  describe('errors, each at the offending node', () => {
    const cases: { name: string; text: string; problems: string[] }[] = [
      {
        name: 'an unknown rule id suggests the closest',
        text: 'rules:\n  duplicate-ids: warning\n',
        problems: ['2:3 schema Unknown rule `duplicate-ids`; did you mean `duplicate-id`?'],
      },
      {
        name: 'an unknown rule id with nothing close lists the rules',
        text: 'rules:\n  vanity: warning\n',
        problems: ['2:3 schema Unknown rule `vanity`; expected one of `yaml-syntax`, `duplicate-id`, `unknown-reference`, `sample-rule`.'],
      },
      {
        name: 'a misspelt severity',
        text: 'rules:\n  duplicate-id: warn\n',
        problems: ['2:17 schema `duplicate-id` should be one of off, info, warning or error, not "warn"; did you mean `warning`?'],
      },
      {
        name: 'a severity that is a number',
        text: 'rules:\n  duplicate-id: 2\n',
        problems: ['2:17 schema `duplicate-id` should be one of off, info, warning or error, not 2.'],
      },
      {
        name: 'a misspelt severity inside { severity }',
        text: 'rules:\n  duplicate-id: { severity: eror }\n',
        problems: ['2:29 schema `severity` should be one of off, info, warning or error, not "eror"; did you mean `error`?'],
      },
      {
        name: 'a misspelt key of a rule setting',
        text: 'rules:\n  duplicate-id: { severty: info }\n',
        problems: ['2:19 schema Unknown key `severty` in the settings of rule `duplicate-id`; did you mean `severity`?'],
      },
      {
        name: 'an unknown option suggests the closest',
        text: 'rules:\n  sample-rule:\n    options:\n      maxGrwth: 1\n',
        problems: ['4:7 schema Unknown option `maxGrwth` of rule `sample-rule`; did you mean `maxGrowth`?'],
      },
      {
        name: 'an option of a rule that has none',
        text: 'rules:\n  duplicate-id: { options: { strict: true } }\n',
        problems: ['2:30 schema Unknown option `strict` of rule `duplicate-id`, which takes none.'],
      },
      {
        name: 'an option of the wrong type',
        text: 'rules:\n  sample-rule:\n    options:\n      maxGrowth: fifty percent\n',
        problems: ['4:18 schema `maxGrowth` should be a number, not "fifty percent".'],
      },
      {
        name: 'an option out of its range',
        text: 'rules:\n  sample-rule: { options: { maxGrowth: -1 } }\n',
        problems: ['2:40 schema `maxGrowth` should be at least 0, not -1.'],
      },
      {
        name: 'a list option given one word',
        text: 'rules:\n  sample-rule: { options: { terms: nps } }\n',
        problems: ['2:36 schema `terms` should be a list, not "nps".'],
      },
      {
        name: 'an enum option',
        text: 'rules:\n  sample-rule: { options: { cadence: quaterly } }\n',
        problems: ['2:38 schema `cadence` should be one of monthly or quarterly, not "quaterly"; did you mean `quarterly`?'],
      },
      {
        name: 'a today that is not a date',
        text: 'today: 30/06/2027\n',
        problems: ['1:8 schema `today` should be a date written YYYY-MM-DD, not "30/06/2027"; did you mean `2027-06-30`?'],
      },
      { name: 'a today not on the calendar', text: 'today: 2027-02-30\n', problems: ['1:8 schema `today` should be a real calendar date, not "2027-02-30".'] },
      { name: 'ignore given one glob', text: 'ignore: drafts/**\n', problems: ['1:9 schema `ignore` should be a list, not "drafts/**".'] },
      { name: 'an empty ignore glob', text: 'ignore: ["drafts/**", ""]\n', problems: ['1:23 schema Entry 2 of `ignore` should not be empty.'] },
      {
        name: 'a misspelt top-level key',
        text: 'rule:\n  duplicate-id: off\n',
        problems: ['1:1 schema Unknown key `rule` in the configuration; did you mean `rules`?'],
      },
      {
        name: 'a list instead of a mapping',
        text: '- duplicate-id: off\n',
        problems: ['1:1 schema The configuration must be a mapping of keys such as `rules:`, `today:` or `ignore:`, not a list.'],
      },
      {
        name: 'invalid YAML',
        text: 'rules:\n  duplicate-id: [off\n',
        problems: [
          '2:17 yaml-syntax This `[` opens a flow sequence that is never closed, so YAML reads the lines after it into it; add the closing `]` or remove the `[`.',
        ],
      },
      {
        name: 'a repeated key',
        text: 'today: 2027-01-01\ntoday: 2027-02-01\n',
        problems: ['2:1 yaml-syntax The key `today` is repeated in this mapping; each key may appear only once.'],
      },
    ];
    for (const { name, text, problems: expected } of cases) {
      it(name, () => assert.deepEqual(problems(text), expected));
    }

    it('reports every problem of a file, not only the first', () => {
      assert.equal(problems('rules:\n  duplicate-ids: warning\n  unknown-reference: warn\ntoday: soon\n').length, 3);
    });

    it('names the config file in each problem and offers did-you-mean suggestions', () => {
      const [problem] = parseConfig('rules:\n  duplicate-ids: warning\n', 'team/.goalpost.yaml', RULES).problems;
      assert.equal(problem.file, 'team/.goalpost.yaml');
      assert.equal(problem.severity, 'error');
      assert.deepEqual(problem.suggestions, ['duplicate-id']);
      assert.deepEqual(problem.range, { start: { line: 1, character: 2 }, end: { line: 1, character: 15 } });
    });
  });

  describe('ruleSetting', () => {
    it('gives a rule its default severity and option defaults when the config is silent', () => {
      assert.deepEqual(ruleSetting(sample, DEFAULT_CONFIG), { severity: 'warning', options: { maxGrowth: 0.5, terms: [], cadence: 'quarterly' } });
      assert.deepEqual(ruleSetting(rulesById.get('duplicate-id')!, DEFAULT_CONFIG), { severity: 'error', options: {} });
    });

    it('overlays configured options on the defaults, option by option', () => {
      const config = valid('rules:\n  sample-rule: { options: { maxGrowth: 2 } }\n');
      assert.deepEqual(ruleSetting(sample, config), { severity: 'warning', options: { maxGrowth: 2, terms: [], cadence: 'quarterly' } });
    });

    it('keeps the default options when only the severity is configured, and the reverse', () => {
      assert.deepEqual(ruleSetting(sample, valid('rules:\n  sample-rule: error\n')), {
        severity: 'error',
        options: { maxGrowth: 0.5, terms: [], cadence: 'quarterly' },
      });
      assert.deepEqual(ruleSetting(sample, valid('rules:\n  sample-rule: { severity: off }\n')).severity, 'off');
    });
  });

  describe('applied by lint', () => {
    const duplicate = 'goalpost: 1\ngoals:\n  - { id: g1, title: Grow sessions by 10% }\n  - { id: g1, title: Grow leads by 10% }\n';
    const run = (config: Config, text = duplicate) => lint([{ file: 'a.goals.yaml', text, config }], { clockToday: '2027-05-15', rules: RULES }).findings;

    it('a rule turned off produces no findings', () => {
      assert.equal(run(DEFAULT_CONFIG).filter((finding) => finding.rule === 'duplicate-id').length, 2);
      assert.deepEqual(run(valid('rules:\n  duplicate-id: off\n  sample-rule: off\n')), []);
    });

    it('a severity override changes the severity of the findings', () => {
      const findings = run(valid('rules:\n  duplicate-id: info\n  sample-rule: { severity: error }\n'));
      assert.deepEqual(
        findings.map((finding) => `${finding.rule} ${finding.severity}`),
        ['sample-rule error', 'duplicate-id info', 'duplicate-id info'],
      );
    });

    it('passes the merged options to the rule', () => {
      const [finding] = run(valid('rules:\n  sample-rule: { options: { terms: [nps, csat] } }\n'), 'goalpost: 1\n');
      assert.deepEqual(JSON.parse(finding.message), { maxGrowth: 0.5, terms: ['nps', 'csat'], cadence: 'quarterly' });
    });

    it("applies each file's own config", () => {
      const off = valid('rules:\n  duplicate-id: off\n');
      const warn = valid('rules:\n  duplicate-id: warning\n');
      const findings = lint(
        [
          { file: 'a.goals.yaml', text: 'goalpost: 1\ngoals:\n  - { id: g1, title: Grow sessions by 10% }\n', config: off },
          { file: 'b.goals.yaml', text: 'goalpost: 1\ngoals:\n  - { id: g1, title: Grow leads by 10% }\n', config: warn },
        ],
        { clockToday: '2027-05-15', rules: [rulesById.get('duplicate-id')!] },
      ).findings;
      assert.deepEqual(
        findings.map((finding) => `${finding.file} ${finding.severity}`),
        ['b.goals.yaml warning'],
      );
    });
  });
});
