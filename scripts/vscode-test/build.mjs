// Bundles the extension-host tests: the mocha entry (test/vscode/index.ts) and one bundle per suite, so the
// entry can hand mocha a list of files. `vscode` is provided by the extension host and `mocha` is loaded
// from node_modules (it requires suite files at run time, which a bundle cannot see).
import { readdir, rm } from 'node:fs/promises';
import * as path from 'node:path';
import * as esbuild from 'esbuild';

const root = path.resolve(import.meta.dirname, '../..');
const suiteDir = path.join(root, 'test/vscode/suite');
const suites = (await readdir(suiteDir)).filter((name) => name.endsWith('.test.ts')).map((name) => path.join(suiteDir, name));

const outdir = path.join(root, 'dist/test/vscode');
// The entry runs whatever suites it finds here: a suite removed from the sources must go from here too.
await rm(outdir, { recursive: true, force: true });

await esbuild.build({
  entryPoints: [path.join(root, 'test/vscode/index.ts'), ...suites],
  outbase: path.join(root, 'test/vscode'),
  outdir,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: 'inline',
  external: ['vscode', 'mocha'],
  logLevel: 'warning',
});
