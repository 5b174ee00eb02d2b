// `npm run package [-- --out <file>]`: the VS Code extension as a .vsix, offline.
// package.json's `files` list is the npm package's (CLI and language server), and vsce refuses a
// package.json with `files` beside a .vscodeignore. So the extension is staged in a temporary folder: a
// production build, then the paths .vscodeignore lets back in, with that .vscodeignore and a package.json
// without `files` and scripts (the build is done). vsce packages the stage; .vscodeignore stays the one list
// of what the extension holds (test/package/vsix.test.ts checks the result).
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

// Where the .vsix goes: `--out`/`-o` as given (relative to where npm was run), else goalpost-<version>.vsix here.
const args = process.argv.slice(2);
const outAt = args.findIndex((arg) => arg === '--out' || arg === '-o');
if (outAt >= 0 && args[outAt + 1] !== undefined) args[outAt + 1] = path.resolve(process.env.INIT_CWD ?? process.cwd(), args[outAt + 1]);
else args.push('--out', path.join(root, `${manifest.name}-${manifest.version}.vsix`));

execFileSync(process.execPath, [path.join(root, 'scripts', 'build.mjs'), '--production'], { cwd: root, stdio: 'inherit' });

const stage = fs.mkdtempSync(path.join(os.tmpdir(), 'goalpost-vsix-stage-'));
try {
  const ignore = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  for (const line of ignore.split('\n')) {
    if (!line.startsWith('!') || line === '!package.json') continue;
    const relative = line.slice(1).replace(/\/\*\*$/, '');
    fs.cpSync(path.join(root, relative), path.join(stage, relative), { recursive: true });
  }
  fs.copyFileSync(path.join(root, '.vscodeignore'), path.join(stage, '.vscodeignore'));
  const staged = { ...manifest };
  delete staged.files;
  delete staged.scripts;
  fs.writeFileSync(path.join(stage, 'package.json'), `${JSON.stringify(staged, null, 2)}\n`);
  execFileSync(path.join(root, 'node_modules', '.bin', 'vsce'), ['package', '--no-dependencies', ...args], { cwd: stage, stdio: 'inherit' });
} finally {
  fs.rmSync(stage, { recursive: true, force: true });
}
