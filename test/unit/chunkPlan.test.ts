/**
 * Re-planning after an edit (core/chunkPlan.ts) against planning the whole text, its oracle: after every
 * step of random edit sequences the local re-plan, when it gives one, is exactly `planChunks` of the new
 * text; and it does give one for the edits a strategist makes inside an item, so the editor's parse stays
 * local to the items an edit touches.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateGoalsFile } from '../../bench/generate';
import { planChunks, replanChunks, type Plan } from '../../server/src/core/chunkPlan';
import { commonPrefix, commonSuffix, composeChanges, textChange, type TextChange } from '../../server/src/core/textChange';
import { IncrementalParser } from '../../server/src/core/incremental';
import { parseYaml } from '../../server/src/core/yaml';
import { REPO } from '../helpers/cli';
import { applyEdit, editArbitrary, runs, typed, typingArbitrary } from '../helpers/randomEdits';

const STRATEGY = fs.readFileSync(path.join(REPO, 'examples', 'strategy', 'marketing.goals.yaml'), 'utf8');
const GENERATED = generateGoalsFile(40);

describe('the common start and end of two texts (compared a block at a time)', () => {
  const naivePrefix = (a: string, b: string) => {
    let at = 0;
    while (at < Math.min(a.length, b.length) && a[at] === b[at]) at++;
    return at;
  };
  it('equal a character-by-character comparison, across block boundaries', () => {
    // Lengths near multiples of the 4,096-character block, where a block comparison can go wrong.
    const nearBlocks = fc.tuple(fc.nat({ max: 4 }), fc.integer({ min: -3, max: 3 })).map(([blocks, off]) => Math.max(0, blocks * 4096 + off));
    fc.assert(
      fc.property(nearBlocks, fc.string({ maxLength: 3 }), fc.string({ maxLength: 3 }), nearBlocks, (shared, left, right, tail) => {
        const common = 'ab'.repeat(shared).slice(0, shared);
        const end = 'yz'.repeat(tail).slice(0, tail);
        const a = common + left + end;
        const b = common + right + end;
        assert.equal(commonPrefix(a, b), naivePrefix(a, b));
        const limit = Math.min(a.length, b.length) - commonPrefix(a, b);
        const reversed = (text: string) => [...text].reverse().join('');
        assert.equal(commonSuffix(a, b, limit), Math.min(limit, naivePrefix(reversed(a), reversed(b))));
      }),
      { numRuns: runs(200) },
    );
  });
});

describe('re-planning the chunks an edit touches', () => {
  for (const [name, start] of Object.entries({ 'examples/strategy/marketing': STRATEGY, 'generated, 40 goals': GENERATED })) {
    it(`${name}: equals planning the whole text after every step of random edits`, () => {
      let replanned = 0;
      fc.assert(
        fc.property(
          fc.array(
            fc.oneof(
              { weight: 4, arbitrary: typingArbitrary.map((edit) => (text: string) => typed(text, edit)) },
              { weight: 1, arbitrary: editArbitrary.map((edit) => (text: string) => applyEdit(text, edit)) },
            ),
            { minLength: 1, maxLength: 8 },
          ),
          (edits) => {
            let text = start;
            let previous: { text: string; plan: Plan } | undefined = { text, plan: planChunks(text) as Plan };
            for (const [step, edit] of edits.entries()) {
              text = edit(text);
              const whole = planChunks(text);
              const local: Plan | undefined = previous && replanChunks(previous, text);
              if (local) {
                replanned++;
                assert.deepEqual(local, whole, `step ${step + 1}`);
              }
              previous = whole && { text, plan: whole };
            }
          },
        ),
        // A fixed seed: the count below depends on which edits come first (one tab or CR stops re-planning).
        { numRuns: runs(60), seed: 20261202 },
      );
      assert.ok(replanned >= runs(60) / 2, `most edit sequences were re-planned locally at some step (${replanned})`);
    });
  }

  it('equals planning the whole text when several edits come between two plans, given their composed change', () => {
    let replanned = 0;
    fc.assert(
      fc.property(fc.array(typingArbitrary, { minLength: 1, maxLength: 5 }), (edits) => {
        const planned = { text: GENERATED, plan: planChunks(GENERATED) as Plan };
        let text = GENERATED;
        let change: TextChange | undefined;
        for (const edit of edits) {
          const next = typed(text, edit);
          const step = textChange(text, next);
          change = change ? composeChanges(change, step) : step;
          text = next;
        }
        const local = replanChunks(planned, text, change);
        if (!local) return;
        replanned++;
        assert.deepEqual(local, planChunks(text));
      }),
      { numRuns: runs(100), seed: 20261202 },
    );
    // Edits far apart reach other sections (then the whole text is planned); many stay in the goals.
    assert.ok(replanned >= runs(100) / 10, `re-planned ${replanned} sequences locally`);
  });

  it('equals planning the whole text for every edit around every item start (where the cut moves)', () => {
    const whole = planChunks(STRATEGY) as Plan;
    const starts = whole.flatMap((section) => (section.items ?? []).map((item) => item.start));
    let replanned = 0;
    for (const itemStart of starts) {
      for (let at = itemStart - 3; at <= itemStart + 4; at++) {
        for (const [insert, remove] of [
          [' ', 0],
          ['#', 0],
          ['x', 0],
          ['\n', 0],
          ['', 1],
          ['', 2],
          ['- ', 0],
          ['  ', 0],
        ] as const) {
          const text = STRATEGY.slice(0, at) + insert + STRATEGY.slice(at + remove);
          const local = replanChunks({ text: STRATEGY, plan: whole }, text);
          if (!local) continue;
          replanned++;
          assert.deepEqual(local, planChunks(text), `${JSON.stringify(insert)} typed, ${remove} deleted at ${at}`);
        }
      }
    }
    assert.ok(replanned > starts.length, `re-planned ${replanned} edits`);
  });

  it('a character typed or deleted in a goal re-plans locally, and the parse is the whole parse', () => {
    const parser = new IncrementalParser();
    let text = GENERATED;
    parser.parse(text);
    assert.equal(parser.lastPlanning, 'planned');
    for (const needle of ['title: ', 'baseline: ', 'deadline: ']) {
      const at = text.indexOf(needle, text.length / 2) + needle.length;
      for (const next of [`${text.slice(0, at)}x${text.slice(at)}`, text]) {
        const parsed = parser.parse(next);
        assert.equal(parser.lastPlanning, 'replanned', `after editing at ${needle}`);
        const direct = parseYaml(next);
        assert.deepEqual(parsed.value, direct.value);
        assert.deepEqual(parsed.problems, direct.problems);
        text = next;
      }
    }
  });

  it('an edit that reaches a section key plans the whole text again', () => {
    const parser = new IncrementalParser();
    parser.parse(GENERATED);
    const at = GENERATED.indexOf('\ngoals:') + 1;
    parser.parse(`${GENERATED.slice(0, at)}x${GENERATED.slice(at)}`);
    assert.notEqual(parser.lastPlanning, 'replanned');
  });
});
