/**
 * `npm run test:vscode:electron`: the same test index in desktop VS Code, for machines that can download
 * it (@vscode/test-electron fetches and caches it in .vscode-test/). On Linux without a display, run it
 * under `xvfb-run -a`. Set VSCODE_VERSION to test another version than the current stable one, e.g. the
 * oldest the extension supports (`engines.vscode`).
 */
import { spawn } from 'node:child_process';
import * as readline from 'node:readline';
import { downloadAndUnzipVSCode } from '@vscode/test-electron';
import { ENV } from '../protocol';
import { summaryLine, TestLog } from './testLog';
import { definedEnv, prepareTestRun, ROOT, TEST_INDEX } from './testRun';

async function main(): Promise<number> {
  const executable = await downloadAndUnzipVSCode(process.env.VSCODE_VERSION ?? 'stable');
  const run = prepareTestRun();
  try {
    // No screenshot folder: only the code-server runner can photograph the workbench.
    const log = new TestLog(
      (line) => console.log(line),
      () => undefined,
    );
    const child = spawn(
      executable,
      [
        run.workspace,
        `--extensionDevelopmentPath=${ROOT}`,
        `--extensionTestsPath=${TEST_INDEX}`,
        `--user-data-dir=${run.userDataDir}`,
        `--extensions-dir=${run.extensionsDir}`,
        '--disable-workspace-trust',
        '--skip-welcome',
        '--skip-release-notes',
        '--disable-updates',
      ],
      { env: { ...process.env, ...definedEnv({ [ENV.grep]: process.env[ENV.grep] }) }, stdio: ['ignore', 'pipe', 'inherit'] },
    );
    // The extension host's console reaches VS Code's stdout: mocha's report and the protocol lines.
    readline.createInterface({ input: child.stdout }).on('line', (line) => log.receive('log', [line]));
    const exitCode = await new Promise<number>((resolve) => child.once('exit', (code) => resolve(code ?? 1)));
    console.log(summaryLine(log.counts));
    return exitCode === 0 && log.counts.failed === 0 && log.counts.passed > 0 ? 0 : 1;
  } finally {
    run.remove();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  },
);
