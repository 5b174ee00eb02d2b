import * as assert from 'node:assert/strict';
import { parseConfig } from '../../server/src/core/config';
import { effectiveConfig, renderEffectiveConfig } from '../../server/src/core/effectiveConfig';
import { rules } from '../../server/src/core/rules';

const CONFIG = `today: 2027-05-15
ignore: [drafts/**]
rules:
  kpi-unused: off
  smart-achievable:
    severity: error
    options: { maxMonthlyGrowth: 0.3 }
`;

describe('effective configuration', () => {
  const { config } = parseConfig(CONFIG, '.goalpost.yaml', rules);
  assert.ok(config);

  it('lays the config over every rule’s defaults and says where today comes from', () => {
    const effective = effectiveConfig({ file: 'a.goals.yaml', configFile: '.goalpost.yaml', config, clockToday: '2026-01-01' }, rules);
    assert.equal(effective.rules.length, rules.length);
    assert.equal(effective.today, '2027-05-15');
    assert.equal(effective.todaySource, 'config');
    assert.deepEqual(effective.ignore, ['drafts/**']);
    const achievable = effective.rules.find((rule) => rule.id === 'smart-achievable');
    assert.equal(achievable?.severity, 'error');
    assert.equal(achievable?.options.maxMonthlyGrowth, 0.3);
    assert.equal(effective.rules.find((rule) => rule.id === 'schema')?.configured, false);
  });

  it('takes the editor setting over the config, and the clock when nothing pins a date', () => {
    assert.equal(effectiveConfig({ file: 'a', config, todaySetting: '2027-01-02', clockToday: '2026-01-01' }, rules).todaySource, 'setting');
    const bare = effectiveConfig({ file: 'a', config: { rules: new Map(), ignore: [] }, clockToday: '2026-01-01' }, rules);
    assert.deepEqual([bare.today, bare.todaySource], ['2026-01-01', 'clock']);
  });

  it('says the largest file checked and where it comes from: the editor setting, the config, the default', () => {
    const configured = parseConfig('maxFileSize: 1000\n', '.goalpost.yaml', rules).config;
    assert.ok(configured);
    const shown = (input: { config: typeof configured; maxFileSizeSetting?: number }) => {
      const effective = effectiveConfig({ file: 'a', clockToday: '2026-01-01', ...input }, rules);
      return [effective.maxFileSize, effective.maxFileSizeSource];
    };
    assert.deepEqual(shown({ config: configured, maxFileSizeSetting: 2000 }), [2000, 'setting']);
    assert.deepEqual(shown({ config: configured }), [1000, 'config']);
    assert.deepEqual(shown({ config }), [6_000_000, 'default']);
    const text = renderEffectiveConfig(effectiveConfig({ file: 'a', config: configured, clockToday: '2026-01-01' }, rules));
    assert.match(text, /^maxFileSize: 1000 # bytes, from maxFileSize: in the configuration$/m);
    assert.equal(parseConfig(text, 'effective.yaml', rules).config?.maxFileSize, 1000);
  });

  it('renders a YAML document in the shape of .goalpost.yaml that parses back to the same settings', () => {
    const text = renderEffectiveConfig(effectiveConfig({ file: 'a.goals.yaml', configFile: '.goalpost.yaml', config, clockToday: '2026-01-01' }, rules));
    assert.match(text, /^# Configuration file: \.goalpost\.yaml$/m);
    assert.match(text, /^ {2}kpi-unused: off # configured; default info$/m);
    const reparsed = parseConfig(text, 'effective.yaml', rules);
    assert.deepEqual(reparsed.problems, [], 'the rendered document is itself a valid configuration');
    assert.equal(reparsed.config?.today, '2027-05-15');
    assert.deepEqual(
      reparsed.config?.rules.get('smart-achievable'),
      { severity: 'error', options: { maxMonthlyGrowth: 0.3, maxMonthlyReduction: 0.5 } },
      'every option spelled out, defaults included',
    );
  });
});
