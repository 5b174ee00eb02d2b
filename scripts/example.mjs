// The README's first command: check the bundled examples with the real CLI, as a new user would.
// examples/strategy must check clean (exit 0); examples/flawed must show findings (exit 1).
import { spawnSync } from 'node:child_process';

const runs = [
  { folder: 'examples/strategy', expected: 0 },
  { folder: 'examples/flawed', expected: 1 },
];
let ok = true;
for (const { folder, expected } of runs) {
  console.log(`\n$ goalpost check ${folder}`);
  const { status } = spawnSync(process.execPath, ['bin/goalpost.js', 'check', folder], { stdio: 'inherit' });
  if (status !== expected) {
    console.error(`expected exit ${expected} from ${folder}, got ${status}`);
    ok = false;
  }
}
process.exitCode = ok ? 0 : 1;
