/**
 * The validators compiled at build time (server/src/core/generated/validators.js) against ajv compiling
 * the same schemas at run time, the oracle: the same errors on every goals file and configuration of the
 * examples and fixtures, whole and item by item; and the generated module is the one the current schemas
 * produce (a schema edited without `npm run build` fails here).
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import goalsSchema from '../../schemas/goals.schema.json';
import { generateValidators } from '../../scripts/generate-validators';
import { configSchema } from '../../server/src/core/config';
import { validators } from '../../server/src/core/generated/validators';
import { rules } from '../../server/src/core/rules';
import { createValidator, describeGoalsPath, GOALS_ITEM_SECTIONS, schemasCompiledAtRunTime, withoutId } from '../../server/src/core/schema';
import { parseYaml } from '../../server/src/core/yaml';

const ROOT = path.join(__dirname, '../..');

function files(folder: string, pattern: RegExp): string[] {
  return fs.readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) return files(full, pattern);
    return pattern.test(entry.name) ? [full] : [];
  });
}

const everywhere = (pattern: RegExp) => [...files(path.join(ROOT, 'examples'), pattern), ...files(path.join(ROOT, 'test/fixtures'), pattern)];

/** ajv at run time, with the options core/schema.ts uses. */
function runtime(schema: object): Ajv {
  const ajv = new Ajv({ allErrors: true, verbose: true, strict: false });
  addFormats(ajv, ['date']);
  ajv.addSchema(withoutId(schema), 'schema');
  return ajv;
}

function errorsOf(validate: ValidateFunction, value: unknown): unknown {
  return validate(value) ? [] : validate.errors;
}

describe('validators compiled at build time', () => {
  it('give the errors of runtime ajv on every goals file, whole and item by item', () => {
    const ajv = runtime(goalsSchema);
    const goalsFiles = everywhere(/\.goals\.ya?ml$/);
    assert.ok(goalsFiles.length > 20);
    let failing = 0;
    for (const file of goalsFiles) {
      const value = parseYaml(fs.readFileSync(file, 'utf8')).value ?? null;
      const whole = errorsOf(ajv.getSchema('schema') as ValidateFunction, value);
      assert.deepEqual(errorsOf(validators.goals__root as ValidateFunction, value), whole, file);
      if (Array.isArray(whole) && whole.length > 0) failing++;
      for (const [section, definition] of Object.entries(GOALS_ITEM_SECTIONS)) {
        const items = value !== null && typeof value === 'object' ? (value as Record<string, unknown>)[section] : undefined;
        if (!Array.isArray(items)) continue;
        const oracle = ajv.getSchema(`schema#/definitions/${definition}`) as ValidateFunction;
        for (const item of items)
          assert.deepEqual(errorsOf(validators[`goals__${definition}`] as ValidateFunction, item), errorsOf(oracle, item), `${file} ${section}`);
      }
    }
    // The fixtures include files the schema rejects, so errors are compared, not only their absence.
    assert.ok(failing > 3, `${failing} files with schema errors`);
  });

  it('give the errors of runtime ajv on every configuration', () => {
    const ajv = runtime(configSchema(rules));
    const configs = everywhere(/^\.goalpost\.ya?ml$/);
    assert.ok(configs.length >= 3);
    for (const file of configs) {
      const value = parseYaml(fs.readFileSync(file, 'utf8')).value ?? {};
      assert.deepEqual(errorsOf(validators.config__root as ValidateFunction, value), errorsOf(ajv.getSchema('schema') as ValidateFunction, value), file);
    }
    const wrong = { rules: { 'smart-specific': { severity: 'loud', options: { nope: 1 } }, 'no-such-rule': 'off' }, today: 'tomorrow', extra: true };
    assert.deepEqual(errorsOf(validators.config__root as ValidateFunction, wrong), errorsOf(ajv.getSchema('schema') as ValidateFunction, wrong));
  });

  it('leave nothing to compile at run time for goals files and configurations', () => {
    const before = schemasCompiledAtRunTime();
    const messages = { empty: 'empty', notMapping: () => 'not a mapping' };
    // Fresh validators, as a new process makes them: they must find their build-time code.
    const goals = createValidator(goalsSchema, describeGoalsPath, messages, GOALS_ITEM_SECTIONS);
    const config = createValidator(configSchema(rules), describeGoalsPath, messages);
    assert.ok(goals({ goalpost: 1, goals: [{ id: 'x', dedline: 1 }] }).length > 0);
    assert.ok(config({ rules: { nope: 'off' } }).length > 0);
    assert.equal(schemasCompiledAtRunTime(), before);
    // A schema the build did not see is compiled at run time, as before.
    assert.ok(createValidator({ type: 'object', required: ['a'] }, describeGoalsPath, messages)({}).length > 0);
    assert.equal(schemasCompiledAtRunTime(), before + 1);
  });

  it('are the ones the current schemas produce', () => {
    const committed = fs.readFileSync(path.join(ROOT, 'server/src/core/generated/validators.js'), 'utf8');
    assert.ok(committed === generateValidators(), 'server/src/core/generated/validators.js is stale: run `npm run build`');
  });
});
