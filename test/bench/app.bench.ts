/**
 * `npm run bench:app`: the built app in Debian's Chromium. Medians of several runs of
 *  - navigation to the first grid rows on Insatser & metoder, on the first visit (the example is
 *    seeded into an empty database) and on a return visit;
 *  - the same with a generated catalogue of 10 000 insatser, and the quick search's response;
 *  - on Scenarier, an edit of the example scenario's effect (2026 placements) to the updated
 *    results: from the Enter that commits the cell until the year table shows the new figure.
 * Not a test: it prints figures and asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import { preview } from 'vite';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';
import { median } from './median';
import { parseDocumentText } from '../../src/exchange/document';
import { evaluateScenario } from '../../src/domain/scenario';
import { Decimal, formatMoney } from '../../src/domain/money';

const RUNS = 7;
/** Edits timed on Scenarier (after one warm-up edit). */
const EDIT_RUNS = 11;
const EXAMPLE_SCENARIO = 'exempel-2026-2028';
const EXAMPLE_EFFECT = 'hvb-undviken';
const EDIT_YEAR = 2026;
const LARGE_CATALOGUE = 10_000;

const format = (values: number[]) => `${median(values).toFixed(0).padStart(6)} ms  (min ${Math.min(...values).toFixed(0)}, max ${Math.max(...values).toFixed(0)}, n=${values.length})`;

/**
 * Navigates (or reloads) and returns, as the page's own clock reads it, the time from navigation
 * start until the first grid row is in the DOM.
 */
async function timeToFirstRows(page: Page, url: string, reload = false): Promise<number> {
  if (reload) await page.reload({ waitUntil: 'commit' });
  else await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('.ag-row', { state: 'attached', timeout: 60_000 });
  return page.evaluate(() => performance.now());
}

async function newContext(contextFactory: () => Promise<BrowserContext>): Promise<{ context: BrowserContext; page: Page }> {
  const context = await contextFactory();
  return { context, page: await context.newPage() };
}

/** Adds generated insatser straight into the app's IndexedDB, in the stored form the app writes. */
async function addCatalogue(page: Page, count: number): Promise<void> {
  await page.evaluate(async (n) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('hemmaplan');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const tx = db.transaction('interventions', 'readwrite');
    const store = tx.objectStore('interventions');
    const statuses = ['offered', 'planned', 'proposed', 'discontinued'];
    for (let i = 0; i < n; i++) {
      const id = `genererad-${i}`;
      store.put({
        id,
        position: 1000 + i,
        data: {
          id,
          name: `Genererad insats ${i}`,
          category: `Kategori ${i % 17}`,
          targetGroups: ['children', 'parents'],
          unit: `Enhet ${i % 5}`,
          format: 'group',
          scope: `${(i % 9) + 1} träffar`,
          needsAssessment: i % 2 ? 'assessed' : 'both',
          status: statuses[i % 4],
          unitCost: `${1000 + (i % 500) * 10}`,
          description: `En genererad insats nummer ${i} för att mäta hur appen klarar en stor katalog.`,
        },
      });
    }
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    db.close();
  }, count);
}

/** Types into the quick search and measures, in the page, until the grid shows the one matching row. */
async function quickFilterResponse(page: Page, query: string): Promise<number> {
  return page.evaluate(async (text) => {
    const input = document.querySelector<HTMLInputElement>('.hp-grid__search input')!;
    const start = performance.now();
    input.value = text;
    input.dispatchEvent(new Event('input', { bubbles: true }));
    for (;;) {
      // A row is drawn once per pinned section; count distinct row indexes.
      const rows = new Set([...document.querySelectorAll('.ag-row')].map((row) => row.getAttribute('row-index')));
      const first = document.querySelector('.ag-row [col-id="name"]');
      if (rows.size === 1 && first?.textContent?.includes(text)) return performance.now() - start;
      await new Promise((resolve) => requestAnimationFrame(resolve));
      if (performance.now() - start > 30_000) throw new Error('quick filter did not respond');
    }
  }, query);
}

/** The 2026 "Undvikna kostnader" the example scenario has with `placements` in its effect's 2026 entry, as the evaluator computes it. */
function avoidedWith(placements: number): string {
  const parsed = parseDocumentText(readFileSync(new URL('../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8'));
  if (!parsed.ok) throw new Error('The example document is invalid');
  const scenario = parsed.document.scenarios.find((s) => s.id === EXAMPLE_SCENARIO)!;
  const effects = scenario.effects.map((e) =>
    e.id === EXAMPLE_EFFECT ? { ...e, perYear: e.perYear.map((y) => (y.year === EDIT_YEAR ? { ...y, placements: new Decimal(placements) } : y)) } : e,
  );
  const result = evaluateScenario(parsed.document, { ...scenario, effects });
  return formatMoney(result.years.find((y) => y.year === EDIT_YEAR)!.avoided, 'kr');
}

/**
 * Types a number into the effect's 2026 placements cell and measures, in the page, from the Enter
 * keydown that commits it until the year table's 2026 "Undvikna kostnader" cell shows `expected`
 * (a MutationObserver sees the text change; the second figure waits for the next frame as well).
 */
async function editToResults(page: Page, value: number, expected: string): Promise<{ dom: number; frame: number }> {
  const target = page.locator(`[role="grid"][aria-label^="Effekter i"] .ag-row[row-id="${EXAMPLE_EFFECT}"] .ag-cell[col-id="placements:${EDIT_YEAR}"]`);
  await target.click();
  await page.waitForFunction((el) => el?.classList.contains('ag-cell-focus'), await target.elementHandle());
  await page.keyboard.type(String(value));
  await page.evaluate(
    ({ year, text }) => {
      const w = window as unknown as { __editTiming?: Promise<{ dom: number; frame: number }> };
      w.__editTiming = new Promise((resolve, reject) => {
        // (No named function here: tsx would wrap it in a helper the page does not have.)
        let start: number | undefined;
        const observer = new MutationObserver(() => {
          if (start === undefined) return;
          const row = [...document.querySelectorAll('[data-testid="year-table"] tbody tr')].find((r) => r.querySelector('th')?.textContent?.trim() === String(year));
          if (row?.querySelectorAll('td')[1]?.textContent?.trim() !== text) return;
          const dom = performance.now() - start;
          observer.disconnect();
          clearTimeout(timer);
          requestAnimationFrame(() => resolve({ dom, frame: performance.now() - start! }));
        });
        const table = document.querySelector('[data-testid="year-table"]')!;
        observer.observe(table, { subtree: true, childList: true, characterData: true });
        window.addEventListener(
          'keydown',
          (event) => {
            if (event.key === 'Enter') start = performance.now();
          },
          { capture: true, once: true },
        );
        const timer = setTimeout(() => {
          observer.disconnect();
          reject(new Error(`the results did not show ${text}`));
        }, 30_000);
      });
    },
    { year: EDIT_YEAR, text: expected },
  );
  await page.keyboard.press('Enter');
  return page.evaluate(() => (window as unknown as { __editTiming: Promise<{ dom: number; frame: number }> }).__editTiming);
}

async function main() {
  const server = await preview({ logLevel: 'warn', preview: { port: 4190, strictPort: false, host: '127.0.0.1' } });
  const base = server.resolvedUrls!.local[0]!;
  const url = new URL('/insatser', base).href;
  const browser = await launchBrowser();
  try {
    const firstVisit: number[] = [];
    const returnVisit: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const { context, page } = await newContext(() => browser.newContext({ viewport: { width: 1280, height: 900 } }));
      firstVisit.push(await timeToFirstRows(page, url));
      returnVisit.push(await timeToFirstRows(page, url, true));
      await context.close();
    }

    const { context, page } = await newContext(() => browser.newContext({ viewport: { width: 1280, height: 900 } }));
    await timeToFirstRows(page, url);
    await addCatalogue(page, LARGE_CATALOGUE);
    const largeLoad: number[] = [];
    for (let i = 0; i < RUNS; i++) largeLoad.push(await timeToFirstRows(page, url, true));
    const count = await page.textContent('[data-testid="intervention-count"]');
    const filter: number[] = [];
    for (let i = 0; i < RUNS; i++) filter.push(await quickFilterResponse(page, `Genererad insats ${1234 + i * 1111}`));
    await context.close();

    // Scenarier: edit → results, alternating 2 and 1 placements so that every edit changes the figures.
    const scenarioTab = await newContext(() => browser.newContext({ viewport: { width: 1400, height: 900 } }));
    const scenarioPage = scenarioTab.page;
    await scenarioPage.goto(new URL('/scenarier', base).href);
    await scenarioPage.waitForSelector(`[role="grid"][aria-label^="Effekter i"] .ag-row[row-id="${EXAMPLE_EFFECT}"]`, { timeout: 60_000 });
    const figures = { 1: avoidedWith(1), 2: avoidedWith(2) };
    if (figures[1] === figures[2]) throw new Error('The edit would not change the results');
    const shownAtStart = await scenarioPage.textContent('[data-testid="year-table"] tbody tr:first-child td:nth-of-type(2)');
    if (shownAtStart?.trim() !== figures[1]) throw new Error(`The example scenario shows ${shownAtStart}, expected ${figures[1]}`);
    await editToResults(scenarioPage, 2, figures[2]); // warm-up
    const editDom: number[] = [];
    const editFrame: number[] = [];
    for (let i = 0; i < EDIT_RUNS; i++) {
      const value = i % 2 === 0 ? 1 : 2;
      const { dom, frame } = await editToResults(scenarioPage, value, figures[value]);
      editDom.push(dom);
      editFrame.push(frame);
    }
    await scenarioTab.context.close();

    console.log(`Chromium ${browser.version()}, built app, medians of ${RUNS} runs`);
    console.log(`first visit (seeds the example), navigation → first grid rows ${format(firstVisit)}`);
    console.log(`return visit, navigation → first grid rows                  ${format(returnVisit)}`);
    console.log(`${LARGE_CATALOGUE} extra insatser (${count?.trim()}), reload → first rows ${format(largeLoad)}`);
    console.log(`quick search in the large catalogue, input → filtered rows     ${format(filter)}`);
    console.log(`Scenarier: effect cell edit (Enter) → updated year table      ${format(editDom)}`);
    console.log(`Scenarier: effect cell edit (Enter) → next frame after update ${format(editFrame)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
