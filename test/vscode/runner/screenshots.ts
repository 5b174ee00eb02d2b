/** Screenshots of the workbench, taken while the extension host is still alive. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Page } from 'playwright-core';

/** Where the screenshots go (git-ignored); the README's images are copied from here. */
export const SCREENSHOT_DIR = path.resolve(__dirname, '../../../test-results/screenshots');

/** Saves the page as `<SCREENSHOT_DIR>/<name>.png`; the file appears complete, in one rename. */
export async function takeScreenshot(page: Page, name: string): Promise<string> {
  await relayout(page);
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const partial = `${file}.partial`;
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: partial, type: 'png' });
  // The waiting test watches for the final name, so it never reads a half-written file.
  fs.renameSync(partial, file);
  return file;
}

/**
 * A tree view filled by code was painted empty in headless screenshots until the page was laid out
 * again; a resize forces that.
 */
async function relayout(page: Page): Promise<void> {
  const size = page.viewportSize();
  if (!size) return;
  await page.setViewportSize({ width: size.width - 1, height: size.height });
  await nextFrame(page);
  await page.setViewportSize(size);
  await nextFrame(page);
}

/** Resolves after the page has painted twice, i.e. after the layout the last change caused. */
function nextFrame(page: Page): Promise<void> {
  // A string, evaluated in the page: this project's TypeScript has no DOM types.
  return page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
}
