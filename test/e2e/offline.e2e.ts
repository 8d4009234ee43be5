/**
 * Offline use in Chromium against the built app: after one visit the service worker has cached
 * every file the app can load, so with the network cut every page opens, an edit is saved, and
 * every export (XLSX, DOCX, CSV, backup) downloads. A new version is offered with a button and is
 * never swapped in by itself: not under an open edit, not in another tab.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { BrowserContext, Page } from 'playwright-core';
import JSZip from 'jszip';
import { appSession, appUrl, cell, exampleDocument, expectNoProblems, expectText, grid, gridReady, openTab, typeIntoCell } from './app';

const { start } = appSession();

const SCENARIO = 'exempel-2026-2028';
const OFFLINE_READY = 'Hemmaplan fungerar nu även utan nätverk.';
const NEW_VERSION = 'En ny version av Hemmaplan finns.';
const SERVICE_WORKER = new URL('../../dist/sw.js', import.meta.url);

/** Waits until a service worker controls the page, that is, until every precached file is stored. */
async function controlledByServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).first().click()]);
  expect(await file.failure()).toBeNull();
  return { name: file.suggestedFilename(), bytes: await readFile((await file.path())!) };
}

/** A zip file (XLSX and DOCX are zips) that JSZip can open, with the part the format requires. */
async function expectZipWith(bytes: Buffer, part: string): Promise<void> {
  expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  const zip = await JSZip.loadAsync(bytes);
  expect(zip.file(part)).not.toBeNull();
}

/**
 * Proof that the network really is cut for the service worker too, not only for the page: a
 * request the service worker has not cached fails. Made from a tab of its own, outside the
 * watched tabs, because a failed request is logged as an error.
 */
async function expectNetworkCut(context: BrowserContext): Promise<void> {
  const probe = await context.newPage();
  await probe.goto(appUrl('/installningar'));
  const outcome = await probe.evaluate(() =>
    fetch(`/ej-cachad-${Date.now()}.txt`, { cache: 'no-store' }).then(
      (response) => `svar ${response.status}`,
      () => 'nätverksfel',
    ),
  );
  expect(outcome).toBe('nätverksfel');
  await probe.close();
}

/** What each page shows once it has drawn its grids and tables from the stored data. */
const PAGE_READY: Record<string, (page: Page) => Promise<void>> = {
  '/insatser': (page) => gridReady(grid(page, 'Insatser och metoder')),
  '/satsningar': async (page) => {
    await gridReady(grid(page, 'Satsningar'));
    await gridReady(grid(page, 'Kostnadsrader för Hemma-hosare'));
  },
  '/placeringskostnader': (page) => gridReady(grid(page, 'Placeringsformer')),
  '/scenarier': async (page) => {
    await gridReady(grid(page, 'Scenarier'));
    await page.getByTestId('year-table').waitFor();
    await page.getByTestId('sensitivity-table').locator('tbody tr').first().waitFor();
  },
  '/jamfor': async (page) => {
    await page.getByTestId('compare-key-figures').locator('tbody tr').first().waitFor();
    await page.getByTestId('compare-yearly-net').locator('tbody tr').first().waitFor();
  },
  '/data': async (page) => {
    await page.getByRole('button', { name: 'Exportera allt (säkerhetskopia)' }).waitFor();
    await page.getByTestId('drop-zone').waitFor();
  },
  '/installningar': (page) => page.locator('#organisation').waitFor(),
  [`/workshop/${SCENARIO}`]: (page) => page.getByTestId('workshop-net').waitFor(),
};

describe('offline', () => {
  it('after one visit, opens every page, saves an edit and downloads every export with the network cut', async () => {
    const tab = await start('/insatser');
    const { page, context } = tab;
    await controlledByServiceWorker(page);
    await expect.poll(() => page.getByTestId('app-notice').textContent()).toContain(OFFLINE_READY);
    await page.getByTestId('app-notice').getByRole('button', { name: 'Stäng' }).click();
    await expect.poll(() => page.getByTestId('app-notice').count()).toBe(0);

    await context.setOffline(true);
    await expectNetworkCut(context);
    await page.reload();
    await page.locator('main h1').first().waitFor();

    // Every page of the main menu (App.tsx's PAGES) and the workshop view, each opened by a fresh
    // navigation, so that its on-demand code comes from the cache.
    const menu = await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    const pages = [...menu, `/workshop/${SCENARIO}`];
    expect(pages).toEqual([...Object.keys(PAGE_READY)]);
    for (const path of pages) {
      await page.goto(appUrl(path));
      await page.locator('main h1').first().waitFor();
      await PAGE_READY[path]!(page);
    }

    // An edit is saved (IndexedDB needs no network) and is there after a reload.
    await page.goto(appUrl('/placeringskostnader'));
    const types = grid(page, 'Placeringsformer');
    await gridReady(types);
    const name = cell(types, 'hvb-barn-unga', 'name');
    await typeIntoCell(name, 'HVB utan nät');
    await expectText(name, 'HVB utan nät');
    await page.reload();
    await gridReady(grid(page, 'Placeringsformer'));
    await expectText(cell(grid(page, 'Placeringsformer'), 'hvb-barn-unga', 'name'), 'HVB utan nät');

    // Every export, the on-demand ExcelJS and docx code included.
    const gridCsv = await download(page, 'Exportera CSV');
    expect(gridCsv.name).toMatch(/\.csv$/);
    expect(gridCsv.bytes.toString('utf8')).toContain('HVB utan nät');

    await page.goto(appUrl('/scenarier'));
    await page.getByTestId('year-table').waitFor();
    const xlsx = await download(page, 'Excel (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    await expectZipWith(xlsx.bytes, 'xl/workbook.xml');
    const docx = await download(page, 'Word-bilaga (DOCX)');
    expect(docx.name).toMatch(/\.docx$/);
    await expectZipWith(docx.bytes, 'word/document.xml');
    const yearCsv = await download(page, 'Årstabell (CSV)');
    expect(yearCsv.name).toMatch(/\.csv$/);
    expect(yearCsv.bytes.length).toBeGreaterThan(0);

    await page.goto(appUrl('/data'));
    const backup = await download(page, 'Exportera allt (säkerhetskopia)');
    expect(backup.name).toMatch(/\.hemmaplan\.json$/);
    const saved = JSON.parse(backup.bytes.toString('utf8')) as { placementTypes: { id: string; name: string }[] };
    expect(saved.placementTypes.find((p) => p.id === 'hvb-barn-unga')?.name).toBe('HVB utan nät');
    expect(saved.placementTypes).toHaveLength(exampleDocument().placementTypes.length);

    // A new tab opens too, straight on a deep address.
    const second = await openTab(context, `/workshop/${SCENARIO}`);
    await second.page.getByTestId('workshop-net').waitFor();
    expectNoProblems(tab, second);
  });
});

/** Marks the window, so that a reload (which makes a new window) can be told apart from none. */
async function markWindow(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { notReloaded: boolean }).notReloaded = true;
  });
}

async function reloaded(page: Page): Promise<boolean> {
  return page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded !== true);
}

/** The version the controlling service worker reports through the test's message handler, if it has one. */
async function controllerVersion(page: Page): Promise<string> {
  return page.evaluate(
    () =>
      new Promise<string>((resolve) => {
        const controller = navigator.serviceWorker.controller;
        if (!controller) return resolve('ingen');
        const channel = new MessageChannel();
        channel.port1.onmessage = (event) => resolve(String(event.data));
        controller.postMessage({ type: 'HEMMAPLAN_TEST_VERSION' }, [channel.port2]);
        // The built service worker does not answer this message; only the changed one does.
        setTimeout(() => resolve('svarar inte'), 2000);
      }),
  );
}

describe('a new version', () => {
  it('is found when a tab comes back into view, offered with "Uppdatera nu", not swapped in under an open edit or in another tab, and takes over only when asked', async () => {
    const original = await readFile(SERVICE_WORKER, 'utf8');
    try {
      const first = await start('/placeringskostnader');
      await controlledByServiceWorker(first.page);
      await first.page.reload();
      await gridReady(grid(first.page, 'Placeringsformer'));
      const second = await openTab(first.context, '/installningar');
      await controlledByServiceWorker(second.page);
      expect(await controllerVersion(first.page)).toBe('svarar inte');

      // An edit is open in the first tab when the new version arrives.
      const name = cell(grid(first.page, 'Placeringsformer'), 'hvb-barn-unga', 'name');
      await name.click();
      await first.page.keyboard.type('Halvskrivet');
      const editor = name.locator('input');
      expect(await editor.inputValue()).toBe('Halvskrivet');
      await markWindow(first.page);
      await markWindow(second.page);

      // A new version on the server: the same files with a changed service worker script.
      await writeFile(
        SERVICE_WORKER,
        `${original}\nself.addEventListener('message',(e)=>{if(e.data&&e.data.type==='HEMMAPLAN_TEST_VERSION')e.ports[0].postMessage('ny');});\n`,
      );
      // The first tab comes back into view (the user returns to it) and looks for a new version.
      await first.page.evaluate(() => document.dispatchEvent(new Event('visibilitychange')));

      for (const tab of [first, second]) {
        const notice = tab.page.getByTestId('app-notice');
        await expect.poll(() => notice.textContent()).toContain(NEW_VERSION);
        await notice.getByRole('button', { name: 'Uppdatera nu' }).waitFor();
        await notice.getByRole('button', { name: 'Senare' }).waitFor();
      }
      // The new version waits: nothing reloaded, the edit is still open with its text.
      expect(await first.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting !== null))).toBe(true);
      expect(await reloaded(first.page)).toBe(false);
      expect(await reloaded(second.page)).toBe(false);
      expect(await editor.inputValue()).toBe('Halvskrivet');
      expect(await controllerVersion(first.page)).toBe('svarar inte');

      // "Senare" in the second tab puts the offer away; the version keeps waiting.
      await second.page.getByRole('button', { name: 'Senare' }).click();
      await expect.poll(() => second.page.getByTestId('app-notice').count()).toBe(0);

      await first.page.keyboard.press('Escape');
      await Promise.all([first.page.waitForEvent('load'), first.page.getByRole('button', { name: 'Uppdatera nu' }).click()]);
      expect(await reloaded(first.page)).toBe(true);
      await gridReady(grid(first.page, 'Placeringsformer'));
      expect(await controllerVersion(first.page)).toBe('ny');
      expect(await first.page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r?.waiting ?? null))).toBeNull();

      // The other tab is told, and left alone until its user reloads it.
      const elsewhere = second.page.getByTestId('app-notice');
      await expect.poll(() => elsewhere.textContent()).toContain('Hemmaplan har uppdaterats i en annan flik.');
      expect(await reloaded(second.page)).toBe(false);
      expect(await controllerVersion(second.page)).toBe('ny');
      await Promise.all([second.page.waitForEvent('load'), elsewhere.getByRole('button', { name: 'Ladda om' }).click()]);
      expect(await reloaded(second.page)).toBe(true);
      await second.page.locator('#organisation').waitFor();
      expectNoProblems(first, second);
    } finally {
      await writeFile(SERVICE_WORKER, original);
    }
  });
});
