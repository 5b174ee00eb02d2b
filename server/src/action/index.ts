/** The process entry of the GitHub Action (`dist/action.js`): real I/O wired into `runAction`. */
import { runAction } from './main';

void runAction({
  env: process.env,
  cwd: process.env.GITHUB_WORKSPACE || process.cwd(),
  stdout: (text) => process.stdout.write(text),
  fetch: globalThis.fetch,
  now: () => new Date(),
}).then((code) => {
  process.exitCode = code;
});
