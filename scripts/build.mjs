// Bundles the CLI and the language server (and, as it lands, the VS Code client) with esbuild.
// Type-checking is separate: `npm run typecheck` (tsc --noEmit), as in the esbuild-sample.
import * as esbuild from 'esbuild';

const production = process.argv.includes('--production');

/** Each bundle: its entry, output and platform. */
const bundles = [
  { entryPoints: ['server/src/cli/index.ts'], outfile: 'dist/cli.js' },
  { entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
];

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
    }),
  ),
);
