// Bundles the CLI and the language server (and, as it lands, the VS Code client) with esbuild.
// Type-checking is separate: `npm run typecheck` (tsc --noEmit), as in the esbuild-sample.
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

/**
 * `yaml` checks the debug switches `process.env.LOG_TOKENS` (per token) and `LOG_STREAM` (per
 * document). Each `process.env` read is a call into C++, and per token it made parsing twice as slow, so
 * the bundles read them as false. Nothing else of `yaml` changes.
 */
const yamlDebugSwitchesOff = {
  name: 'yaml-debug-switches-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const patched = source.replace(/node_process\.env\.LOG_(TOKENS|STREAM)/g, 'false');
      if (patched === source) throw new Error(`yaml-debug-switches-off: nothing to patch in ${args.path}; check the yaml version`);
      return { contents: patched, loader: 'js' };
    });
  },
};

/** Each bundle: its entry, output and platform. */
const bundles = [
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  // The GitHub Action (action.yml): the CLI in-process, its REST calls through Node's fetch.
  { entryPoints: ['server/src/action/index.ts'], outfile: 'dist/action.js' },
  // The VS Code extension: `vscode` is provided by the extension host at run time.
  { entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
];

// The schemas compiled into standalone validators, which the bundles import (no ajv compile at start-up).
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/generate-validators.ts'], { stdio: 'inherit' });

await Promise.all(
  bundles.map((bundle) =>
    esbuild.build({
      ...bundle,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      sourcemap: !production,
      minify: production,
      legalComments: 'none',
      // ESM dependencies (fdir, via tinyglobby) read import.meta.url, which a CommonJS bundle must provide.
      define: { 'import.meta.url': 'importMetaUrl' },
      banner: { js: "const importMetaUrl = require('url').pathToFileURL(__filename).href;" },
      logLevel: 'warning',
      plugins: [yamlDebugSwitchesOff],
    }),
  ),
);

// The diagram page (client/webview): a browser script, no Node built-ins, minified because
// `goalpost render --format html` inlines it into every page it writes.
await esbuild.build({
  entryPoints: ['client/webview/main.ts'],
  outfile: 'dist/webview.js',
  bundle: true,
  platform: 'browser',
  target: 'chrome114',
  format: 'iife',
  sourcemap: !production,
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
});
