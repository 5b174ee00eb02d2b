/**
 * Builds the .vsix the way a release does (`npm run package`) and checks what it holds: the bundles and
 * what package.json points at (and the diagram page's bundle, which the preview loads), and nothing of
 * node_modules, sources, tests or tooling.
 */
import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { zipEntries } from './zipEntries';

const ROOT = path.resolve(__dirname, '../..');
/** vsce puts the extension's files under this folder of the archive. */
const PREFIX = 'extension/';
/** Everything the package may hold, relative to the extension folder (vsce lower-cases readme and changelog). */
const ALLOWED = [
  /^(package\.json|readme\.md|LICENSE\.txt|changelog\.md|language-configuration\.json)$/,
  /^dist\/(extension|server|webview)\.js$/,
  /^(schemas|syntaxes)\/[^/]+\.json$/,
  /^snippets\/[^/]+\.code-snippets$/,
  /^media\/.+\.(svg|png|md)$/,
];
/** package.json keys whose values are files of the extension (icons, grammars, schemas, walkthrough media). */
const FILE_KEYS = new Set(['main', 'icon', 'light', 'dark', 'path', 'configuration', 'url', 'image', 'markdown', 'svg']);
const MAX_BYTES = 3 * 1024 * 1024;

describe('the packaged extension (.vsix)', function () {
  // A production build of the bundles plus vsce's packaging.
  this.timeout(180_000);
  let temp: string;
  let vsix: string;
  let files: string[];

  before(async () => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-vsix-'));
    vsix = path.join(temp, 'goalpost.vsix');
    await promisify(execFile)('npm', ['run', 'package', '--', '--out', vsix], { cwd: ROOT });
    files = zipEntries(vsix)
      .filter((entry) => entry.startsWith(PREFIX))
      .map((entry) => entry.slice(PREFIX.length));
  });
  after(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('holds no node_modules, sources, source maps, tests or tooling', () => {
    const forbidden = files.filter(
      (file) =>
        /(^|\/)node_modules\//.test(file) ||
        /\.(ts|map)$/.test(file) ||
        /^(server|client|test|scripts|bench|examples|bin|docs)\//.test(file) ||
        /^\./.test(file),
    );
    assert.deepEqual(forbidden, []);
  });

  it('holds only bundles, schemas, grammar, snippets, icons, README, LICENSE and CHANGELOG', () => {
    assert.deepEqual(
      files.filter((file) => !ALLOWED.some((pattern) => pattern.test(file))),
      [],
    );
  });

  it('holds the bundles, README, LICENSE and CHANGELOG', () => {
    for (const file of ['package.json', 'readme.md', 'LICENSE.txt', 'changelog.md', 'dist/extension.js', 'dist/server.js', 'dist/webview.js']) {
      assert.ok(files.includes(file), `${file} is missing from the package`);
    }
  });

  it('holds every file package.json refers to', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as Record<string, unknown>;
    const referenced = fileReferences({ main: manifest.main, icon: manifest.icon, contributes: manifest.contributes });
    assert.ok(referenced.includes('dist/extension.js'), 'package.json `main` should be the extension bundle');
    assert.deepEqual(
      referenced.filter((file) => !files.includes(file)),
      [],
    );
  });

  it(`is smaller than ${MAX_BYTES / 1024 / 1024} MB`, () => {
    assert.ok(fs.statSync(vsix).size < MAX_BYTES, `the package has ${fs.statSync(vsix).size} bytes`);
  });
});

/** The extension files named under FILE_KEYS anywhere in `value` (not codicons like `$(refresh)`, not URLs). */
function fileReferences(value: unknown, key = ''): string[] {
  if (typeof value === 'string') {
    return FILE_KEYS.has(key) && !/^(\$\(|[a-z]+:)/.test(value) ? [path.posix.normalize(value)] : [];
  }
  if (Array.isArray(value)) return value.flatMap((item) => fileReferences(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([k, v]) => fileReferences(v, k));
  return [];
}
