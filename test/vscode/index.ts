/**
 * The mocha entry the extension host loads (`extensionTestsPath`): runs every bundled suite in
 * `suite/`. The same file serves code-server (npm run test:vscode) and @vscode/test-electron.
 */
import { readdirSync } from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { ENV } from './protocol';
import { ProtocolReporter } from './reporter';

/** Runs the suites; rejects when any test fails, which makes the host exit with code 1. */
export async function run(): Promise<void> {
  const grep = process.env[ENV.grep];
  const mocha = new Mocha({
    ui: 'bdd',
    color: false,
    // Longer than the helpers' own waits, so a test fails with their message rather than mocha's.
    timeout: 60_000,
    reporter: ProtocolReporter,
    ...(grep ? { grep } : {}),
  });
  const suiteDir = path.join(__dirname, 'suite');
  const files = readdirSync(suiteDir)
    .filter((name) => name.endsWith('.test.js'))
    .sort();
  if (files.length === 0) throw new Error(`No test suites in ${suiteDir}; was the test build run?`);
  for (const file of files) mocha.addFile(path.join(suiteDir, file));
  const failures = await new Promise<number>((resolve) => mocha.run(resolve));
  if (failures > 0) throw new Error(`${failures} extension-host test${failures === 1 ? '' : 's'} failed.`);
}
