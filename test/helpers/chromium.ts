/// <reference lib="dom" />
/**
 * Debian's Chromium for the diagram page tests, one browser per suite, and pages that record what the
 * page does: messages it posts (standalone: the `goalpost:message` event; in a VS Code stub: through
 * `acquireVsCodeApi`), CSP violations, script errors and dialogs.
 */
import * as fs from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { CHROMIUM } from '../vscode/runner/browser';

/** Launches Debian's Chromium headless, with nothing that reaches the network. */
export async function launchChromium(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; on Debian: apt-get install -y chromium`);
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
}

/** Installed before the page's own scripts: records what the page does; `inVsCode` adds the webview API stand-in. */
const PROBE_SCRIPT = `function (inVsCode) {
  const probes = { messages: [], violations: [], errors: [], dialogs: [] };
  window.__probes = probes;
  document.addEventListener('securitypolicyviolation', (event) => probes.violations.push(event.violatedDirective + ' ' + event.blockedURI));
  window.addEventListener('error', (event) => probes.errors.push(String(event.message)));
  window.addEventListener('goalpost:message', (event) => probes.messages.push(event.detail));
  if (inVsCode) {
    let state;
    window.acquireVsCodeApi = () => ({
      postMessage: (message) => probes.messages.push(message),
      getState: () => state,
      setState: (next) => { state = next; window.__vscodeState = next; },
    });
  }
}`;

/** What a probed page recorded. */
export interface Probes {
  readonly messages: { type: string; [key: string]: unknown }[];
  readonly violations: string[];
  readonly errors: string[];
  readonly dialogs: string[];
}

declare global {
  interface Window {
    __probes: Probes;
    __vscodeState?: unknown;
  }
}

/**
 * A page that records messages, violations, errors and dialogs. `vscode`: stand in for a VS Code webview
 * (an `acquireVsCodeApi` that records what is posted and keeps state), as the extension's panel would.
 */
export async function probedPage(browser: Browser, options: BrowserContextOptions & { vscode?: boolean } = {}): Promise<Page> {
  const { vscode, ...contextOptions } = options;
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, ...contextOptions });
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  // A string, not a function: the test runner's compiler adds helpers to functions that the page would not have.
  await page.addInitScript(`(${PROBE_SCRIPT})(${vscode === true});`);
  (page as Page & { dialogs?: string[] }).dialogs = dialogs;
  return page;
}

/** The probes of a page, with the dialogs seen by the test side. */
export async function probes(page: Page): Promise<Probes> {
  const recorded = await page.evaluate(() => window.__probes);
  return { ...recorded, dialogs: (page as Page & { dialogs?: string[] }).dialogs ?? [] };
}
