/**
 * `npm run test:vscode`: runs the extension-host suites (test/vscode/suite) in a real VS Code, namely
 * code-server in Debian's Chromium, and closes with the line `N passed, N failed`. Exits non-zero when a
 * test fails, when none ran, or when the run does not end in time.
 *
 * One run serves every colour theme: the tests switch `workbench.colorTheme` before their screenshots,
 * which costs a repaint instead of another start of code-server, the workbench and the language server.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ENV } from '../protocol';
import { launchBrowser, openWorkbench, type Browser } from './browser';
import { startCodeServer, type CodeServer } from './codeServer';
import { SCREENSHOT_DIR, takeScreenshot } from './screenshots';
import { summaryLine, TestLog, type Counts } from './testLog';
import { definedEnv, prepareTestRun, ROOT, TEST_INDEX, type TestRun } from './testRun';

/** code-server's own output, kept for when something goes wrong. */
const LOG_FILE = path.join(ROOT, 'test-results/vscode/code-server.log');
/** The whole run, start to summary: VS Code never reports a test index that hangs. */
const TIMEOUT_MS = Number(process.env.GOALPOST_VSCODE_TIMEOUT_MS ?? 300_000);

/** How the workbench's run ended, as far as the runner saw. */
type Outcome = { readonly exitCode: number } | 'timeout' | 'crash';

async function main(): Promise<number> {
  const started = Date.now();
  let run: TestRun | undefined;
  let server: CodeServer | undefined;
  let browser: Browser | undefined;
  const stopAll = async () => {
    await browser?.close().catch(() => undefined);
    await server?.stop();
    run?.remove();
  };
  const interrupted = () => void stopAll().finally(() => process.exit(130));
  process.once('SIGINT', interrupted).once('SIGTERM', interrupted);
  try {
    run = prepareTestRun();
    fs.mkdirSync(path.dirname(LOG_FILE), { recursive: true });
    server = await startCodeServer({
      workspace: run.workspace,
      userDataDir: run.userDataDir,
      extensionsDir: run.extensionsDir,
      xdgDir: path.join(run.temp, 'xdg'),
      env: definedEnv({ [ENV.screenshotDir]: SCREENSHOT_DIR, [ENV.grep]: process.env[ENV.grep] }),
      logFile: LOG_FILE,
    });
    browser = await launchBrowser();
    const { page } = browser;

    // Screenshots one at a time, in the order the tests ask for them.
    let shots = Promise.resolve();
    const log = new TestLog(
      (line) => console.log(line),
      (name) => {
        shots = shots
          .then(() => takeScreenshot(page, name))
          .then(
            (file) => console.log(`  [screenshot] ${path.relative(ROOT, file)}`),
            (error: unknown) => console.log(`  [screenshot] ${name} failed: ${String(error)}`),
          );
      },
    );
    const url = workbenchUrl(server, run.workspace);
    const outcome = await new Promise<Outcome>((resolve) => {
      setTimeout(() => resolve('timeout'), TIMEOUT_MS).unref();
      page.once('crash', () => resolve('crash'));
      openWorkbench(page, url, { onLog: (type, args) => log.receive(type, args), onExit: (exitCode) => resolve({ exitCode }) }).catch((error: unknown) => {
        console.log(`Could not open the workbench: ${String(error)}`);
        resolve({ exitCode: 1 });
      });
    });
    await shots;
    const ok = report(outcome, log.counts);
    console.log(`Real VS Code run: ${((Date.now() - started) / 1000).toFixed(1)} s`);
    console.log(summaryLine(log.counts));
    return ok ? 0 : 1;
  } finally {
    await stopAll();
  }
}

/**
 * The workbench URL that runs the tests. code-server rejects `--extensionDevelopmentPath`; the workbench
 * takes the same arguments as a payload, as VS Code's own browser integration tests pass them.
 */
function workbenchUrl(server: CodeServer, workspace: string): string {
  const remote = (file: string) => `vscode-remote://${server.authority}${file}`;
  const payload = [
    ['extensionDevelopmentPath', remote(ROOT)],
    ['extensionTestsPath', remote(TEST_INDEX)],
    ['skipWelcome', 'true'],
  ];
  return `${server.origin}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
}

/** Prints why the run failed, if it did; true when it passed. */
function report(outcome: Outcome, counts: Counts): boolean {
  const problems = [
    outcome === 'timeout' ? `The run did not end within ${TIMEOUT_MS / 1000} s.` : undefined,
    outcome === 'crash' ? 'The workbench page crashed.' : undefined,
    typeof outcome === 'object' && outcome.exitCode !== 0 ? `The extension host reported exit code ${outcome.exitCode}.` : undefined,
    counts.passed + counts.failed === 0 ? 'No test ran.' : undefined,
  ].filter((problem) => problem !== undefined);
  for (const problem of problems) console.log(problem);
  if (problems.length > 0) console.log(`code-server's log: ${path.relative(ROOT, LOG_FILE)}`);
  return problems.length === 0 && counts.failed === 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    console.log(summaryLine({ passed: 0, failed: 0, skipped: 0 }));
    process.exit(1);
  },
);
