/**
 * Fixture folders with inline expectations. A line that ends with `# expect: <rule-id> [<rule-id>…]`
 * expects a finding of each named rule to start on that line. Folders may hold a `.goalpost.yaml`.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DEFAULT_CONFIG, parseConfig } from '../../server/src/core/config';
import { lint } from '../../server/src/core/lint';
import { rules } from '../../server/src/core/rules';
import type { Finding } from '../../server/src/core/types';
import { TODAY } from './lint';

const EXPECT = /#\s*expect:\s*([a-z0-9-][a-z0-9,\s-]*)$/;

/** Expected "file:line rule" entries (1-based lines) written in the fixture files. */
export function expectedMarkers(files: Record<string, string>): string[] {
  const out: string[] = [];
  for (const [file, text] of Object.entries(files)) {
    text.split(/\r\n|\r|\n/).forEach((line, index) => {
      const match = EXPECT.exec(line);
      if (!match) return;
      for (const rule of match[1].split(/[\s,]+/).filter(Boolean)) out.push(`${file}:${index + 1} ${rule}`);
    });
  }
  return out.sort();
}

/** "file:line rule" entries of actual findings. */
export function actualMarkers(findings: readonly Finding[]): string[] {
  return findings.map((finding) => `${finding.file}:${finding.range.start.line + 1} ${finding.rule}`).sort();
}

/** Reads every goals file of a fixture folder and lints them as one workspace. */
export function lintFolder(folder: string): { files: Record<string, string>; findings: Finding[] } {
  const files: Record<string, string> = {};
  for (const name of fs.readdirSync(folder).sort()) {
    if (/\.goals\.ya?ml$/.test(name)) files[name] = fs.readFileSync(path.join(folder, name), 'utf8');
  }
  const configPath = path.join(folder, '.goalpost.yaml');
  let config = DEFAULT_CONFIG;
  if (fs.existsSync(configPath)) {
    const parsed = parseConfig(fs.readFileSync(configPath, 'utf8'), configPath, rules);
    if (!parsed.config) throw new Error(`bad fixture config ${configPath}: ${parsed.problems.map((problem) => problem.message).join('; ')}`);
    config = parsed.config;
  }
  const sources = Object.entries(files).map(([file, text]) => ({ file, text, config }));
  return { files, findings: lint(sources, { clockToday: TODAY }).findings };
}

/**
 * Checks a fixture folder: the `# expect:` markers must match the findings of the rules in `only`
 * (every rule when omitted), and the full findings of those rules must match `expected.json`
 * (rewritten when UPDATE_GOLDEN=1).
 */
export function checkFixtureFolder(folder: string, only?: readonly string[]): void {
  const { files, findings } = lintFolder(folder);
  const relevant = only ? findings.filter((finding) => only.includes(finding.rule)) : findings;
  const expected = expectedMarkers(files).filter((entry) => !only || only.includes(entry.split(' ')[1]));
  assert.deepEqual(actualMarkers(relevant), expected, `# expect: markers in ${folder}`);
  const golden = path.join(folder, 'expected.json');
  const actual = `${JSON.stringify(relevant, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') fs.writeFileSync(golden, actual);
  if (!fs.existsSync(golden)) assert.fail(`missing golden file ${golden}: run the tests once with UPDATE_GOLDEN=1 and review it`);
  assert.equal(actual, fs.readFileSync(golden, 'utf8'), `golden findings ${golden} (UPDATE_GOLDEN=1 rewrites it)`);
}
