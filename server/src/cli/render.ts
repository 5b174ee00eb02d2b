/**
 * `goalpost render`: the strategy diagram as a static SVG, one self-contained interactive HTML page (the
 * preview's page with its script inlined: no network, opens from `file://`), or a mermaid flowchart.
 */
import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildGraph } from '../core/render/build';
import { renderMermaid } from '../core/render/mermaid';
import { renderPage } from '../core/render/page';
import { renderDiagram } from '../core/render';
import { scopeGraph } from '../core/render/view';
import { analyzeInputs } from './analyze';
import { UsageError } from './errors';
import { relativeTo } from './files';
import { EXIT, type CliIO } from './io';
import { commonFolder } from './tree';

/** The formats of `goalpost render`. */
export const RENDER_FORMATS = ['svg', 'html', 'mermaid'] as const;

/** Options of `goalpost render` as commander parses them. */
export interface RenderOptions {
  readonly format: (typeof RENDER_FORMATS)[number];
  readonly outputFile?: string;
  readonly today?: string;
  readonly config?: string;
}

/**
 * Finds, groups and lints files as `check` does, and draws the requested files' part of their workspace
 * (with the items they link to). One workspace at a time: ids are only unique inside one. Exit 0 whatever
 * the findings (the diagram shows them); usage and I/O errors throw UsageError (exit 2).
 */
export async function runRender(paths: readonly string[], options: RenderOptions, io: CliIO): Promise<number> {
  const analyzed = await analyzeInputs(paths, options, io);
  if (analyzed.workspaces.length !== 1) {
    const roots = analyzed.workspaces.map(({ group }) => relativeTo(io.cwd, group.config ? group.config.root : path.dirname(group.files[0] ?? '.')) || '.');
    throw new UsageError(
      `render draws one workspace at a time, but these paths span ${analyzed.workspaces.length} (${roots.join(', ')}); render each on its own`,
    );
  }
  const { group, analysis } = analyzed.workspaces[0];
  const name = (file: string) => relativeTo(io.cwd, file);
  const whole = buildGraph(analysis, { fileName: name });
  const wanted = new Set(analyzed.requested.map(name));
  const graph = group.files.every((file) => wanted.has(name(file))) ? whole : scopeGraph(whole, wanted);
  const output = (() => {
    switch (options.format) {
      case 'svg':
        return renderDiagram(graph, { collapsed: [] }, { standalone: true });
      case 'mermaid':
        return renderMermaid(graph);
      case 'html':
        return renderPage({
          title: `Strategy: ${relativeTo(io.cwd, group.config ? group.config.root : commonFolder(group.files))}`,
          nonce: randomBytes(18).toString('base64'),
          script: { inline: webviewScript() },
          data: { graph },
        });
    }
  })();
  if (options.outputFile) {
    const target = path.resolve(io.cwd, options.outputFile);
    try {
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, output);
    } catch (error) {
      throw new UsageError(`cannot write ${options.outputFile}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } else {
    io.stdout(output);
  }
  return EXIT.ok;
}

/**
 * The page script, built by `npm run build` into dist/webview.js: beside the running bundle (dist/cli.js),
 * or in the repository's dist when the CLI runs from source (tests). Its source-map comment is dropped,
 * since the map is not inlined with it.
 */
function webviewScript(): string {
  const candidates = [path.join(__dirname, 'webview.js'), path.join(__dirname, '..', '..', '..', 'dist', 'webview.js')];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (!found) throw new UsageError('the diagram page script (dist/webview.js) is missing; reinstall goalpost or run `npm run build`');
  return fs.readFileSync(found, 'utf8').replace(/\n\/\/# sourceMappingURL=\S*\s*$/, '\n');
}
