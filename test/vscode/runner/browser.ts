/**
 * Opens the VS Code workbench in Debian's Chromium (driven by playwright-core, which downloads nothing)
 * and wires the two hooks through which the workbench reports a test run.
 */
import * as fs from 'node:fs';
import { chromium, type Page } from 'playwright-core';

/** Debian's Chromium; never a browser a tool downloads. */
export const CHROMIUM = '/usr/bin/chromium';

/** The workbench's size; the screenshots have it too. */
const VIEWPORT = { width: 1280, height: 800 };

/** What the workbench reports while the tests run. */
export interface WorkbenchHooks {
  /** A log line of the workbench or the extension host's console, in printf form (`['%d passing', 5]`). */
  onLog(type: string, args: readonly unknown[]): void;
  /** The tests ended: 0 when the test index's `run()` resolved, 1 when it rejected or did not load. */
  onExit(code: number): void;
}

/** A headless Chromium with one page. */
export interface Browser {
  readonly page: Page;
  close(): Promise<void>;
}

/** Launches Debian's Chromium with one page of the workbench's size. */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing; on Debian: apt-get install -y chromium`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const page = await browser.newPage({ viewport: VIEWPORT });
  return { page, close: () => browser.close() };
}

/** Loads the workbench at `url` in `page`, with the hooks in place before its scripts run. */
export async function openWorkbench(page: Page, url: string, hooks: WorkbenchHooks): Promise<void> {
  // The names VS Code's own browser integration tests use; the workbench calls them when they exist.
  await page.exposeFunction('codeAutomationLog', (type: string, args: unknown[]) => hooks.onLog(type, args));
  await page.exposeFunction('codeAutomationExit', (code: number) => hooks.onExit(code));
  await page.goto(url);
}
