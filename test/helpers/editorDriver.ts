/**
 * Runs a third-party editor (headless Neovim, batch Emacs) on a driver script, the way test/lsp/neovim and
 * test/lsp/eglot do: in a temporary home, with `goalpost-language-server` on PATH as after `npm install -g
 * goalpost`, and the driver told by environment variables which configuration to load, which file to open and
 * where to write what the editor saw. Resolves with that JSON report once the editor has exited cleanly.
 */
import * as assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../..');

/** How to run one editor. */
export interface EditorRun {
  /** For messages: "Neovim", "Emacs". */
  readonly name: string;
  readonly command: string;
  readonly args: readonly string[];
  /** The workspace folder the editor starts in. */
  readonly cwd: string;
  /** A temporary folder for the editor's state, the bin link and the report. */
  readonly home: string;
  /** The README configuration the driver loads, and the goals file it opens. */
  readonly config: string;
  readonly file: string;
  /** More environment (the editor's own state folders). */
  readonly env?: Readonly<Record<string, string>>;
  /** What the editor reads on standard input (batch Emacs's minibuffer); none when absent. */
  readonly stdin?: string;
}

/** Runs the editor; asserts it wrote a report without a driver error and exited with 0, and returns the report. */
export async function runEditorDriver<Report extends { readonly error?: string }>(run: EditorRun): Promise<Report> {
  const bin = path.join(run.home, 'bin');
  fs.mkdirSync(bin);
  fs.symlinkSync(path.join(ROOT, 'bin', 'goalpost-language-server.js'), path.join(bin, 'goalpost-language-server'));
  const out = path.join(run.home, 'report.json');
  const child = spawn(run.command, run.args, {
    cwd: run.cwd,
    stdio: [run.stdin === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
    env: {
      ...process.env,
      // The editor's state goes to the temporary home, not the user's.
      HOME: run.home,
      ...run.env,
      PATH: [bin, path.dirname(process.execPath), process.env.PATH].join(path.delimiter),
      GOALPOST_CONFIG: run.config,
      GOALPOST_FILE: run.file,
      GOALPOST_OUT: out,
    },
  });
  if (run.stdin !== undefined) child.stdin?.end(run.stdin);
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  const code = await new Promise<number | null>((resolve, reject) => {
    child.once('error', reject);
    child.once('exit', resolve);
  });
  assert.ok(fs.existsSync(out), `${run.name} wrote no report (exit ${code}): ${output}`);
  const report = JSON.parse(fs.readFileSync(out, 'utf8')) as Report;
  assert.equal(report.error, undefined, `the driver failed: ${report.error}\n${output}`);
  assert.equal(code, 0, output);
  return report;
}
