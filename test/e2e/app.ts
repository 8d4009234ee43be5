/**
 * Helpers for browser tests of the app's pages: a fresh browser context per test (so IndexedDB
 * starts empty and the example is seeded), the grids by their accessible names, their cells by
 * row id and column id, and the evaluator's figures computed here in Node.
 */
import { readFileSync } from 'node:fs';
import { afterAll, afterEach, beforeAll, expect, inject } from 'vitest';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import AxeBuilder from '@axe-core/playwright';
import { launchBrowser, watchPage } from './browser';
import { parseDocumentText } from '../../src/exchange/document';
import { initiativeOverviews, type InitiativeOverview } from '../../src/domain/overview';
import { displayHorizon } from '../../src/ui/pages/displayYears';
import type { HemmaplanDocument } from '../../src/domain/types';

export const VIEWPORT = { width: 1400, height: 900 };

const exampleText = readFileSync(new URL('../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');

/** A fresh copy of the example document the app seeds on first start. */
export function exampleDocument(): HemmaplanDocument {
  const parsed = parseDocumentText(exampleText);
  if (!parsed.ok) throw new Error('The example document is invalid');
  return parsed.document;
}

/** What the lists show for an initiative: its yearly costs and its lines' yearly costs over the displayed years. */
export function overviewOf(document: HemmaplanDocument, initiativeId: string): { years: number[]; overview: InitiativeOverview } {
  const horizon = displayHorizon(document);
  const overview = initiativeOverviews(document, horizon).find((o) => o.id === initiativeId);
  if (!overview) throw new Error(`No initiative ${initiativeId}`);
  return { years: Array.from({ length: horizon.years }, (_, i) => horizon.startYear + i), overview };
}

export function appUrl(path: string): string {
  return new URL(path, inject('baseUrl')).href;
}

export interface Tab {
  page: Page;
  /** Console errors, page errors and requests leaving localhost, as watchPage collects them. */
  problems: string[];
}

/** A new page in a context, watched from the start and opened on a path of the app. */
export async function openTab(context: BrowserContext, path: string): Promise<Tab> {
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  const problems = watchPage(page);
  await page.goto(appUrl(path));
  await page.locator('main h1').first().waitFor();
  return { page, problems };
}

/** A new browser context (empty IndexedDB: the app seeds its example) with one page on `path`. */
export async function openApp(browser: Browser, path: string): Promise<Tab & { context: BrowserContext }> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'sv-SE' });
  return { context, ...(await openTab(context, path)) };
}

/** The adapter's wrapper (toolbar, grid, message box, live regions) of the grid with this accessible name. */
export function grid(page: Page, ariaLabel: string): Locator {
  return page.locator('.hp-grid').filter({ has: page.locator(`[role="grid"][aria-label="${ariaLabel}"]`) });
}

/** A grid's cell by row id and column id (the column's field). Pinned and centre cells alike. */
export function cell(gridRoot: Locator, rowId: string, colId: string): Locator {
  return gridRoot.locator(`.ag-row[row-id="${rowId}"] .ag-cell[col-id="${colId}"]`);
}

/** Waits until a grid has drawn its rows. */
export async function gridReady(gridRoot: Locator): Promise<void> {
  await gridRoot.locator('.ag-row[row-id]').first().waitFor();
}

/** Waits until a locator's text is exactly `expected` (AG Grid and Solid update asynchronously). */
export async function expectText(locator: Locator, expected: string, timeout = 5000): Promise<void> {
  await expect.poll(async () => (await locator.textContent())?.trim(), { timeout }).toBe(expected);
}

/** Focuses a cell, types text as a user would (the first key starts the editor, as in a spreadsheet) and presses Enter. */
export async function typeIntoCell(target: Locator, text: string): Promise<void> {
  await target.click();
  await expect.poll(() => target.evaluate((el) => el.classList.contains('ag-cell-focus'))).toBe(true);
  const page = target.page();
  await page.keyboard.type(text);
  // Nothing typed was lost on the way into the editor.
  expect(await target.locator('input, textarea').inputValue()).toBe(text);
  await page.keyboard.press('Enter');
}

/** Asserts that none of the tabs saw a console error, a page error or a request leaving localhost. */
export function expectNoProblems(...tabs: Tab[]): void {
  expect(tabs.flatMap((t) => t.problems)).toEqual([]);
}

/**
 * One Chromium for a test file and a fresh context per test (an empty IndexedDB, so the app seeds
 * its example), closed after the test. Call at the top of a test file.
 */
export function appSession(): { start: (path: string) => Promise<Tab & { context: BrowserContext }> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((c) => c.close()));
  });
  afterAll(async () => {
    await browser?.close();
  });
  return {
    start: async (path) => {
      if (!browser) throw new Error('appSession: the browser is not started');
      const app = await openApp(browser, path);
      contexts.push(app.context);
      return app;
    },
  };
}

/** Focuses a cell and pastes text on it as the browser does for Ctrl+V: a paste event carrying text/plain. */
export async function pasteInto(target: Locator, text: string): Promise<void> {
  await target.click();
  await expect.poll(() => target.evaluate((el) => el === document.activeElement)).toBe(true);
  await target.evaluate((el, pasted) => {
    const data = new DataTransfer();
    data.setData('text/plain', pasted);
    el.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/** The serious and critical accessibility violations axe finds on the page, one readable line each. */
export async function severeAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help} at ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/**
 * The settings as stored in the app's IndexedDB, read inside the page without leaving it: a
 * reload right after an edit could cut off the write still in progress.
 */
export async function storedSettings(page: Page): Promise<Record<string, unknown>> {
  return page.evaluate(
    () =>
      new Promise<Record<string, unknown>>((resolve, reject) => {
        const request = indexedDB.open('hemmaplan');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const get = db.transaction('values').objectStore('values').get('settings');
          get.onsuccess = () => {
            db.close();
            resolve((get.result?.value ?? {}) as Record<string, unknown>);
          };
          get.onerror = () => {
            db.close();
            reject(get.error);
          };
        };
      }),
  );
}
