/**
 * The diagram's CSS. Elements carry classes only; colours come from custom properties (`--gp-*`), which a
 * standalone file sets from its own light and dark palettes (`prefers-color-scheme`) and the VS Code
 * webview maps to the editor's theme variables (`body.vscode-light`, `vscode-dark`, `vscode-high-contrast`).
 */
import { FONT_FAMILY } from './text';

/** The light palette: GitHub-like, text contrast at least 4.5:1 on the node background. */
const LIGHT = `
  --gp-bg: #ffffff; --gp-fg: #1f2328; --gp-muted: #57606a; --gp-node-bg: #f6f8fa; --gp-node-border: #8c959f;
  --gp-objective-bg: #ddf4ff; --gp-kpi-bg: #fbefff; --gp-group-bg: #fff8c5; --gp-group-border: #9a6700;
  --gp-edge: #6e7781; --gp-bar-bg: #d0d7de; --gp-focus: #0969da; --gp-active: #8250df;
  --gp-good: #1a7f37; --gp-risk: #9a6700; --gp-bad: #cf222e; --gp-idle: #57606a;
  --gp-error: #cf222e; --gp-warning: #9a6700; --gp-badge-fg: #ffffff;`;

/** The dark palette. */
const DARK = `
  --gp-bg: #0d1117; --gp-fg: #e6edf3; --gp-muted: #9198a1; --gp-node-bg: #161b22; --gp-node-border: #6e7681;
  --gp-objective-bg: #0c2d6b; --gp-kpi-bg: #3c1e70; --gp-group-bg: #2e2400; --gp-group-border: #d29922;
  --gp-edge: #8b949e; --gp-bar-bg: #30363d; --gp-focus: #58a6ff; --gp-active: #bc8cff;
  --gp-good: #3fb950; --gp-risk: #d29922; --gp-bad: #f85149; --gp-idle: #9198a1;
  --gp-error: #f85149; --gp-warning: #d29922; --gp-badge-fg: #0d1117;`;

/** VS Code's theme variables, for every VS Code theme kind. */
const VSCODE = `
  --gp-bg: var(--vscode-editor-background); --gp-fg: var(--vscode-editor-foreground); --gp-muted: var(--vscode-descriptionForeground);
  --gp-node-bg: var(--vscode-editorWidget-background); --gp-node-border: var(--vscode-editorWidget-border, var(--vscode-contrastBorder, var(--vscode-widget-border, #888)));
  --gp-objective-bg: var(--vscode-editorInfo-background, var(--vscode-editorWidget-background)); --gp-kpi-bg: var(--vscode-editorWidget-background);
  --gp-group-bg: var(--vscode-editor-background); --gp-group-border: var(--vscode-editorWarning-foreground);
  --gp-edge: var(--vscode-editorLineNumber-foreground); --gp-bar-bg: var(--vscode-editorWidget-border, var(--vscode-input-background));
  --gp-focus: var(--vscode-focusBorder); --gp-active: var(--vscode-textLink-foreground);
  --gp-good: var(--vscode-testing-iconPassed); --gp-risk: var(--vscode-editorWarning-foreground); --gp-bad: var(--vscode-editorError-foreground);
  --gp-idle: var(--vscode-descriptionForeground); --gp-error: var(--vscode-editorError-foreground); --gp-warning: var(--vscode-editorWarning-foreground);
  --gp-badge-fg: var(--vscode-editor-background);`;

/** Which palette colour each status takes. */
const STATUS_COLOUR = `
.gp-status-done, .gp-status-on-track { --gp-status: var(--gp-good); }
.gp-status-at-risk { --gp-status: var(--gp-risk); }
.gp-status-off-track, .gp-status-missed, .gp-status-has-errors { --gp-status: var(--gp-bad); }
.gp-status-not-started, .gp-status-no-data, .gp-status-none { --gp-status: var(--gp-idle); }`;

/** The rules for the diagram's elements, whatever the palette. */
const ELEMENTS = `
.gp-diagram { font-family: ${FONT_FAMILY}; background: var(--gp-bg); color: var(--gp-fg); }
.gp-diagram text { fill: var(--gp-fg); font-size: 13px; }
.gp-background { fill: var(--gp-bg); }
.gp-diagram .gp-header { font-size: 10px; fill: var(--gp-muted); letter-spacing: 0; }
.gp-diagram .gp-title { font-size: 13px; }
.gp-diagram .gp-kind-objective .gp-title { font-size: 14px; font-weight: bold; }
.gp-diagram .gp-small { font-size: 11px; fill: var(--gp-muted); }
.gp-diagram .gp-status-text { font-size: 11px; fill: var(--gp-status); font-weight: bold; }
.gp-box { fill: var(--gp-node-bg); stroke: var(--gp-node-border); stroke-width: 1; }
.gp-kind-objective .gp-box { fill: var(--gp-objective-bg); stroke-width: 1.5; }
.gp-kind-kpi .gp-box { fill: var(--gp-kpi-bg); }
.gp-stripe { fill: var(--gp-status); }
.gp-bar-bg { fill: var(--gp-bar-bg); }
.gp-bar { fill: var(--gp-status); }
.gp-badge-error rect { fill: var(--gp-error); }
.gp-badge-warning rect { fill: var(--gp-warning); }
.gp-diagram .gp-badge text { fill: var(--gp-badge-fg); font-size: 10px; font-weight: bold; }
.gp-edge { fill: none; stroke: var(--gp-edge); stroke-width: 1.5; }
.gp-edge-parent { stroke-dasharray: 7 4; }
.gp-edge-measures { stroke-dasharray: 2 3; }
.gp-arrow { fill: var(--gp-edge); }
.gp-group rect { fill: var(--gp-group-bg); stroke: var(--gp-group-border); stroke-dasharray: 6 3; }
.gp-diagram .gp-group text { fill: var(--gp-fg); font-size: 12px; font-weight: bold; }
.gp-diagram .gp-legend text { font-size: 11px; }
.gp-legend-box { fill: var(--gp-bg); stroke: var(--gp-node-border); }
.gp-toggle rect { fill: var(--gp-bg); stroke: var(--gp-node-border); }
.gp-diagram .gp-toggle text { font-size: 11px; fill: var(--gp-fg); }
.gp-active .gp-box { stroke: var(--gp-active); stroke-width: 3; }
.gp-node:focus { outline: none; }
.gp-node:focus .gp-box, .gp-node.gp-selected .gp-box { stroke: var(--gp-focus); stroke-width: 3; }
.gp-toggle:focus { outline: none; }
.gp-toggle:focus rect { stroke: var(--gp-focus); stroke-width: 2; }`;

/** A standalone SVG file's CSS: its own light palette, dark when the viewer prefers it. */
export function standaloneCss(): string {
  return palettes('.gp-diagram');
}

/** The palettes on `scope`, the status colours and the element rules. */
function palettes(scope: string): string {
  return `${scope} {${LIGHT}\n}\n@media (prefers-color-scheme: dark) {\n${scope} {${DARK}\n}\n}\n${STATUS_COLOUR}\n${ELEMENTS}\n`;
}

/**
 * The page's CSS for the diagram: the standalone palettes, overridden inside VS Code (whose webview body
 * carries a theme-kind class) by the editor's theme variables; high contrast draws heavier lines.
 */
export function pageDiagramCss(): string {
  return `${palettes('body')}
body.vscode-light, body.vscode-dark, body.vscode-high-contrast, body.vscode-high-contrast-light {${VSCODE}\n}
body.vscode-high-contrast .gp-box, body.vscode-high-contrast-light .gp-box { stroke: var(--vscode-contrastBorder, currentColor); stroke-width: 2; }
body.vscode-high-contrast .gp-edge, body.vscode-high-contrast-light .gp-edge { stroke-width: 2.5; }
`;
}
