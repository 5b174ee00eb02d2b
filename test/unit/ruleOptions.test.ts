/**
 * Rule options: each option's default is a value its own schema accepts (checked with ajv at run time), and
 * the options' TypeScript types are derived from those schemas (core/rule.ts `OptionsOf`), which the
 * type-check of this file holds to.
 */
import * as assert from 'node:assert/strict';
import Ajv from 'ajv';
import { rules } from '../../server/src/core/rules';
import type { ReviewOverdueOptions } from '../../server/src/core/rules/review-overdue';
import type { SmartAchievableOptions } from '../../server/src/core/rules/smart-achievable';
import type { VanityMetricOptions } from '../../server/src/core/rules/vanity-metric';

describe('rule options', () => {
  it("each option's default is valid against its schema", () => {
    const ajv = new Ajv({ strict: false });
    let checked = 0;
    for (const rule of rules) {
      for (const [name, option] of Object.entries(rule.meta.options ?? {})) {
        assert.ok(ajv.validate(option.schema, option.default), `${rule.meta.id}.${name}: ${ajv.errorsText()}`);
        checked++;
      }
    }
    assert.ok(checked >= 5, `${checked} options checked`);
  });

  it('types follow the schemas: numbers, string lists, enums', () => {
    const achievable: SmartAchievableOptions = { maxMonthlyGrowth: 0.5, maxMonthlyReduction: 0.5 };
    const vanity: VanityMetricOptions = { metrics: ['followers'] };
    const review: ReviewOverdueOptions = { defaultCadence: 'monthly' };
    // @ts-expect-error a cadence outside the schema's enum is not a ReviewOverdueOptions
    const wrong: ReviewOverdueOptions = { defaultCadence: 'hourly' };
    assert.deepEqual([achievable.maxMonthlyGrowth, vanity.metrics.length, review.defaultCadence, wrong.defaultCadence], [0.5, 1, 'monthly', 'hourly']);
  });
});
