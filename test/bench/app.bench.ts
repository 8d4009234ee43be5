/**
 * `npm run bench:app`: the built app in Debian's Chromium. Medians of several runs of
 *  - navigation to the first grid rows on Insatser & metoder, on the first visit (the example is
 *    seeded into an empty database) and on a return visit;
 *  - the same with a generated catalogue of 10 000 insatser, and the quick search's response.
 * Not a test: it prints figures and asserts nothing about time.
 */
import { preview } from 'vite';
import type { BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/browser';

const RUNS = 7;
const LARGE_CATALOGUE = 10_000;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

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

    console.log(`Chromium ${browser.version()}, built app, medians of ${RUNS} runs`);
    console.log(`first visit (seeds the example), navigation → first grid rows ${format(firstVisit)}`);
    console.log(`return visit, navigation → first grid rows                  ${format(returnVisit)}`);
    console.log(`${LARGE_CATALOGUE} extra insatser (${count?.trim()}), reload → first rows ${format(largeLoad)}`);
    console.log(`quick search in the large catalogue, input → filtered rows     ${format(filter)}`);
  } finally {
    await browser.close();
    await server.close();
  }
}

await main();
