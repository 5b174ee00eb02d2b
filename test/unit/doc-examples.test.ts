/**
 * Every YAML example of the README and of docs/ is checked, so that no example can drift from what
 * Goalpost does: goals files check clean (the suppression example also without its comments, to show
 * what they suppress), and configs load without problems. Rule pages are generated and tested apart.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseConfig } from '../../server/src/core/config';
import { rules } from '../../server/src/core/rules';
import { lintFiles } from '../helpers/lint';

const REPO = path.join(__dirname, '../..');

/** The ```yaml blocks of a markdown file, with the HTML comment right above each, if any. */
function yamlBlocks(file: string): { line: number; label?: string; text: string }[] {
  const lines = fs.readFileSync(file, 'utf8').split('\n');
  const blocks: { line: number; label?: string; text: string }[] = [];
  for (let index = 0; index < lines.length; index++) {
    if (lines[index].trim() !== '```yaml') continue;
    const end = lines.indexOf('```', index + 1);
    const label = /^<!-- example: ([a-z-]+)/.exec(lines[index - 1] ?? '')?.[1];
    blocks.push({ line: index + 1, label, text: `${lines.slice(index + 1, end).join('\n')}\n` });
    index = end;
  }
  return blocks;
}

const DOCS = [
  'README.md',
  ...fs
    .readdirSync(path.join(REPO, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];

describe('examples in the README and docs', () => {
  for (const doc of DOCS) {
    for (const block of yamlBlocks(path.join(REPO, doc))) {
      const where = `${doc}:${block.line}`;
      if (block.text.startsWith('# .goalpost.yaml')) {
        it(`${where}: the config loads without problems`, () => {
          assert.deepEqual(parseConfig(block.text, '.goalpost.yaml', rules).problems, []);
        });
      } else if (/^goalpost: 1$/m.test(block.text)) {
        it(`${where}: the goals file checks clean`, () => {
          assert.deepEqual(
            lintFiles({ 'example.goals.yaml': block.text }).map((finding) => `${finding.rule}: ${finding.message}`),
            [],
          );
        });
      }
      if (block.label === 'suppression') {
        it(`${where}: without its comments, the suppressed findings appear`, () => {
          const bare = block.text.replace(/#\s*goalpost-[^\n]*/g, '');
          const rulesFound = lintFiles({ 'example.goals.yaml': bare })
            .map((finding) => finding.rule)
            .sort();
          assert.deepEqual(rulesFound, ['kpi-unused', 'smart-specific', 'vanity-metric', 'vanity-metric']);
        });
      }
    }
  }

  it('finds the examples it checks', () => {
    const labels = DOCS.flatMap((doc) => yamlBlocks(path.join(REPO, doc)).map((block) => block.label));
    assert.ok(labels.includes('suppression'));
  });
});
