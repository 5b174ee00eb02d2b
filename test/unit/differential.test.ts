/**
 * The editor's incremental path against the oracle: after every step of random edit sequences, the
 * findings of the incremental parse (which reuses the parse of every unchanged item) equal those of a
 * whole, unchunked parse of the same text, never of another chunked parse, which would share its bugs.
 * Property-based (fast-check): a failure prints the seed and the shrunk edit sequence to replay.
 * `npm run fuzz` runs the same properties longer.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateGoalsFile } from '../../bench/generate';
import { IncrementalParser } from '../../server/src/core/incremental';
import { lint } from '../../server/src/core/lint';
import type { Finding } from '../../server/src/core/types';
import { LineIndex } from '../../server/src/core/locate';
import { parseYaml } from '../../server/src/core/yaml';
import { Project, type GoalFile } from '../../server/src/project';
import { TODAY } from '../helpers/lint';
import { applyEdit, editArbitrary, runs, typed, typingArbitrary } from '../helpers/randomEdits';

const EXAMPLES = path.join(__dirname, '../../examples');
const FILE = 'edited.goals.yaml';
/** A second file of the workspace, so that cross-file findings take part. */
const COMPANY = fs.readFileSync(path.join(EXAMPLES, 'strategy/company.goals.yaml'), 'utf8');

/** The findings of a text, as the engine reports them, with the text parsed as given (or whole). */
function findingsOf(text: string, parsed?: ReturnType<IncrementalParser['parse']>): Finding[] {
  return lint(
    [
      { file: 'company.goals.yaml', text: COMPANY },
      { file: FILE, text, parsed },
    ],
    { clockToday: TODAY },
  ).findings;
}

const SMALL: Record<string, string> = {
  'strategy/marketing': fs.readFileSync(path.join(EXAMPLES, 'strategy/marketing.goals.yaml'), 'utf8'),
  'flawed/marketing': fs.readFileSync(path.join(EXAMPLES, 'flawed/marketing.goals.yaml'), 'utf8'),
  'generated, 20 goals': generateGoalsFile(20),
};

describe('incremental findings equal a whole parse (property-based)', function () {
  // The bounded budget of npm test fits in minutes; a fuzz run (FUZZ_SCALE) takes as long as it takes.
  this.timeout(process.env.FUZZ_SCALE ? 0 : 300_000);

  /** The property: one parser through a random edit sequence from `start` agrees with a whole parse at every step. */
  const editsAgree = (start: string, maxEdits: number, numRuns: number) =>
    fc.assert(
      fc.property(fc.array(editArbitrary, { minLength: 1, maxLength: maxEdits }), (edits) => {
        const parser = new IncrementalParser();
        let text = start;
        parser.parse(text);
        for (const [step, edit] of edits.entries()) {
          text = applyEdit(text, edit);
          assert.deepEqual(findingsOf(text, parser.parse(text)), findingsOf(text), `step ${step + 1}`);
        }
      }),
      { numRuns },
    );

  for (const [name, start] of Object.entries(SMALL)) {
    it(`${name}: after every step of random edit sequences`, () => editsAgree(start, 8, runs(15)));
  }
  // Large enough that a stray bracket at the top nests the parser's recovery thousands deep.
  it('generated, 600 goals: after every step of short edit sequences', () => editsAgree(generateGoalsFile(600), 4, runs(4)));

  /**
   * The editor's whole path: the project carries the change, the line index and the size from version to
   * version, and the parser re-cuts from the change composed over every version since it last parsed (the
   * editor may send several before an analysis). Its findings equal a whole parse's at every analysis.
   */
  it('the project through random edit sequences, analysing after some steps only', () => {
    const uri = 'untitled:edited.goals.yaml';
    const alone = (text: string) => lint([{ file: uri, text }], { clockToday: TODAY }).findings;
    fc.assert(
      fc.property(
        fc.constantFrom(...Object.values(SMALL)),
        // Typing mostly keeps the plan local (so the composed change decides what is re-cut); the shared edits break it.
        fc.array(
          fc.tuple(
            fc.oneof(
              { weight: 4, arbitrary: typingArbitrary.map((edit) => (text: string) => typed(text, edit)) },
              { weight: 1, arbitrary: editArbitrary.map((edit) => (text: string) => applyEdit(text, edit)) },
            ),
            fc.boolean(),
          ),
          { minLength: 1, maxLength: 10 },
        ),
        (start, steps) => {
          const project = new Project({ readFile: () => undefined, clockToday: () => TODAY });
          let text = start;
          project.setText(uri, text, 1);
          project.analysis(project.groupOf(uri) as NonNullable<ReturnType<Project['groupOf']>>);
          for (const [step, [edit, analyse]] of steps.entries()) {
            text = edit(text);
            project.setText(uri, text, step + 2);
            if (!analyse && step < steps.length - 1) continue;
            const group = project.groupOf(uri);
            assert.ok(group);
            assert.deepEqual(project.analysis(group).findings, alone(text), `step ${step + 1}`);
            // And what the findings were made from: the parse, its comments, the line index.
            const file = project.file(uri) as GoalFile;
            const whole = parseYaml(text);
            assert.deepEqual(project.parsed(file).value, whole.value, `value at step ${step + 1}`);
            assert.deepEqual(project.parsed(file).comments, whole.comments, `comments at step ${step + 1}`);
            const lines = project.lines(file);
            const fresh = new LineIndex(text);
            assert.equal(lines.lineCount, fresh.lineCount);
            for (let line = 0; line < fresh.lineCount; line++) assert.equal(lines.offset({ line, character: 0 }), fresh.offset({ line, character: 0 }));
          }
        },
      ),
      { numRuns: runs(40) },
    );
  });
});
