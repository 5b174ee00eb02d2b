/**
 * The diagram page: the HTML both the VS Code preview and `goalpost render --format html` serve. Locked
 * down: `default-src 'none'`, the script and style admitted by a nonce only, no inline handlers, the
 * strategy passed as an escaped JSON script (data, never code) and all text set by the page script.
 */
import { escapeXml, jsonForScript } from './escape';
import { PAGE_DATA_ID, type PageData } from './messages';
import { pageDiagramCss } from './style';

/** How the page loads its script. */
export type PageScript =
  /** The bundle's text, inlined: one self-contained file that works from `file://`. */
  | { readonly inline: string }
  /** The bundle's URL (a webview resource URI). */
  | { readonly src: string };

/** What the page needs. */
export interface PageOptions {
  /** The document title. */
  readonly title: string;
  /** A fresh random nonce per render (base64 or hex). */
  readonly nonce: string;
  readonly script: PageScript;
  readonly data: PageData;
  /** The webview's `cspSource`, admitted for images (exported PNGs); absent for a standalone file. */
  readonly cspSource?: string;
}

/** The page's own layout: a toolbar over a viewport that the diagram pans and zooms in. */
const PAGE_CSS = `
html, body { margin: 0; height: 100%; overflow: hidden; }
body { display: flex; flex-direction: column; font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 13px;
  background: var(--gp-bg); color: var(--gp-fg); }
.gp-toolbar { display: flex; flex-wrap: wrap; gap: 6px 10px; align-items: center; padding: 6px 10px; border-bottom: 1px solid var(--gp-node-border); }
.gp-toolbar button, .gp-toolbar select { font: inherit; color: var(--vscode-button-secondaryForeground, var(--gp-fg));
  background: var(--vscode-button-secondaryBackground, var(--gp-node-bg)); border: 1px solid var(--vscode-button-border, var(--gp-node-border)); border-radius: 3px; padding: 2px 8px; }
.gp-toolbar select { max-width: 16em; }
.gp-toolbar button:focus-visible, .gp-toolbar select:focus-visible { outline: 2px solid var(--gp-focus); outline-offset: 1px; }
.gp-toolbar label { display: inline-flex; gap: 4px; align-items: center; }
.gp-status { color: var(--gp-muted); margin-left: auto; }
.gp-viewport { flex: 1; position: relative; overflow: hidden; touch-action: none; cursor: grab; }
.gp-viewport:active { cursor: grabbing; }
.gp-canvas { position: absolute; left: 0; top: 0; transform-origin: 0 0; }
.gp-canvas svg { display: block; }
.gp-node, .gp-toggle { cursor: pointer; }
.gp-empty { padding: 2em; color: var(--gp-muted); }
`;

/** The page's HTML. In a webview VS Code gives the body its theme-kind class; a standalone page uses its own palettes. */
export function renderPage(options: PageOptions): string {
  const nonce = escapeXml(options.nonce);
  const images = options.cspSource ? ` img-src ${escapeXml(options.cspSource)} data: blob:;` : ' img-src data: blob:;';
  const csp = `default-src 'none';${images} style-src 'nonce-${nonce}'; script-src 'nonce-${nonce}';`;
  const script =
    'inline' in options.script
      ? `<script nonce="${nonce}">${safeInlineScript(options.script.inline)}</script>`
      : `<script nonce="${nonce}" src="${escapeXml(options.script.src)}"></script>`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(options.title)}</title>
<style nonce="${nonce}">${pageDiagramCss()}${PAGE_CSS}</style>
</head>
<body>
<div class="gp-toolbar" role="toolbar" aria-label="Diagram tools">
<button type="button" id="gp-fit">Fit</button>
<button type="button" id="gp-zoom-in" aria-label="Zoom in">+</button>
<button type="button" id="gp-zoom-out" aria-label="Zoom out">−</button>
<label>Department <select id="gp-department"></select></label>
<label>Objective <select id="gp-objective"></select></label>
<button type="button" id="gp-expand-all">Expand all</button>
<button type="button" id="gp-collapse-all">Collapse all</button>
<button type="button" id="gp-export">Export SVG</button>
<span class="gp-status" id="gp-status" role="status" aria-live="polite"></span>
</div>
<div class="gp-viewport" id="gp-viewport"><div class="gp-canvas" id="gp-canvas"></div></div>
<script type="application/json" id="${PAGE_DATA_ID}">${jsonForScript(options.data)}</script>
${script}
</body>
</html>
`;
}

/**
 * An inline script must not contain `</script` (it would end the element) nor `<!--` (it would change how
 * the HTML parser reads the rest). The bundle is ours, so finding one is a build bug, not user input.
 */
function safeInlineScript(code: string): string {
  if (/<\/script|<!--/i.test(code)) throw new Error('The page script contains "</script" or "<!--" and cannot be inlined.');
  return code;
}
