/**
 * Security in Chromium against the built app: every page loads under the Content-Security-Policy
 * without a violation and sends no request off the machine; hostile strings (script tags,
 * event-handler attributes, javascript: URLs, a direction override, a megabyte of text), typed
 * into the app's text fields or imported in a .hemmaplan.json file, show as text and never run;
 * javascript: addresses and a megabyte-long text are refused with the validator's Swedish message.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appSession, appUrl, cell, exampleDocument, expectNoProblems, expectText, grid, gridReady, pasteInto, storedSettings, typeIntoCell } from './app';
import { serialiseDocument } from '../../src/exchange/document';

const { start } = appSession();

const SCRIPT_TAG = '<script>window.__pwned=1</script>';
const IMG_ONERROR = '<img src=x onerror="window.__pwned=1">';
const SVG_ONLOAD = '"><svg onload=window.__pwned=1>';
const JAVASCRIPT_URL = 'javascript:window.__pwned=1';
const DIRECTION_OVERRIDE = 'Faktura \u202Efdp.exe';
const HOSTILE = [SCRIPT_TAG, IMG_ONERROR, SVG_ONLOAD, JAVASCRIPT_URL, DIRECTION_OVERRIDE];
const ONE_MB = 'x'.repeat(1024 * 1024);

const PAGES = ['/insatser', '/satsningar', '/placeringskostnader', '/scenarier', '/jamfor', '/data', '/installningar', '/workshop/exempel-2026-2028', '/finns-inte'];

declare global {
  interface Window {
    __pwned?: unknown;
    __cspViolations?: string[];
  }
}

/**
 * Watches a page for what must never happen: a dialog (alert, confirm, prompt), a CSP violation
 * (listened for from before the app's own script runs) and a request to anywhere but the local
 * server. Returns the requests seen and what went wrong.
 */
async function guard(page: Page): Promise<{ requests: string[]; dialogs: string[] }> {
  const requests: string[] = [];
  const dialogs: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (event) => {
      window.__cspViolations!.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return { requests, dialogs };
}

/** Nothing ran: no flag set, no CSP violation, no element with an event handler, no javascript: link, no inline script. */
async function expectNothingRan(page: Page): Promise<void> {
  const state = await page.evaluate(() => ({
    pwned: window.__pwned,
    violations: window.__cspViolations ?? ['the CSP listener is missing'],
    handlers: [...document.querySelectorAll('*')].filter((el) => [...el.attributes].some((a) => /^on/i.test(a.name))).map((el) => el.outerHTML.slice(0, 120)),
    javascriptLinks: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('src') ?? el.getAttribute('action') ?? el.getAttribute('formaction') ?? '')
      .filter((url) => /^\s*javascript:/i.test(url)),
    inlineScripts: [...document.querySelectorAll('script')].filter((s) => !s.src).length,
    injected: document.querySelectorAll('main img[src="x"], main svg[onload], main script').length,
  }));
  expect(state).toEqual({ pwned: undefined, violations: [], handlers: [], javascriptLinks: [], inlineScripts: 0, injected: 0 });
}

function local(url: string): boolean {
  const { protocol, hostname } = new URL(url);
  return protocol === 'data:' || protocol === 'blob:' || ((protocol === 'http:' || protocol === 'https:') && ['127.0.0.1', 'localhost'].includes(hostname));
}

async function visit(page: Page, path: string): Promise<void> {
  await page.goto(appUrl(path));
  await page.locator('main h1').first().waitFor();
  // Grids and charts load their code on demand: wait until the page has settled.
  await page.waitForLoadState('networkidle');
}

/** The example with every free-text field set to one of the hostile strings, in turn. */
function hostileDocument(): Record<string, unknown> & { [list: string]: any } {
  const json = serialiseDocument(exampleDocument()) as any;
  let n = 0;
  const next = () => HOSTILE[n++ % HOSTILE.length]!;
  json.settings.organisation = next();
  for (const i of json.interventions) {
    for (const key of ['name', 'shortName', 'description', 'category', 'unit', 'scope', 'theory', 'unitCostUnit', 'notes']) i[key] = next();
    i.tags = [next(), next()];
  }
  for (const i of json.initiatives) {
    for (const key of ['name', 'description', 'scope', 'unit']) i[key] = next();
    for (const line of i.costLines) {
      line.label = next();
      if (line.kind === 'perUnit') line.unit = next();
    }
  }
  for (const t of json.placementTypes) for (const key of ['name', 'source', 'notes']) t[key] = next();
  for (const s of json.scenarios) {
    s.name = next();
    s.description = next();
    for (const e of s.effects) e.label = next();
  }
  // Fixed spots to look at on the pages.
  json.interventions[0].name = IMG_ONERROR;
  json.interventions[0].description = `${SCRIPT_TAG} ${DIRECTION_OVERRIDE}`;
  json.scenarios[0].name = SVG_ONLOAD;
  json.scenarios[0].effects[0].label = IMG_ONERROR;
  json.initiatives[0].name = SCRIPT_TAG;
  json.placementTypes[0].name = DIRECTION_OVERRIDE;
  return json;
}

/**
 * Brings a cell into view the keyboard's way (AG Grid draws only the columns in view): from the
 * row's first cell, ArrowRight until the cell has focus. Returns the cell.
 */
async function reach(gridRoot: Locator, rowId: string, colId: string): Promise<Locator> {
  const page = gridRoot.page();
  const first = gridRoot.locator(`.ag-row[row-id="${rowId}"] .ag-cell`).first();
  await first.click();
  const target = cell(gridRoot, rowId, colId);
  for (let i = 0; i < 40; i++) {
    if ((await target.count()) > 0 && (await target.evaluate((el) => el.classList.contains('ag-cell-focus')))) return target;
    await page.keyboard.press('ArrowRight');
  }
  throw new Error(`column ${colId} not reached`);
}

/** Opens the focused long-text cell's popup editor, writes the text and saves it (Tab, as Enter makes a new line). */
async function writeLongText(page: Page, text: string): Promise<void> {
  await page.keyboard.press('Enter');
  const editor = page.locator('.ag-popup-editor textarea');
  await editor.waitFor();
  await editor.fill(text);
  await page.keyboard.press('Tab');
}

/** Opens a focused link cell's editor with F2, writes the address and saves with Enter. */
async function typeLink(target: Locator, text: string): Promise<void> {
  const page = target.page();
  await page.keyboard.press('F2');
  const input = target.locator('input');
  await input.waitFor();
  await input.fill(text);
  await page.keyboard.press('Enter');
}

/** A javascript: address typed into a link cell: refused with the cell's Swedish message, the cell kept as it was, no link to it. */
async function expectRefusedLink(page: Page, target: Locator): Promise<void> {
  const message = page.locator('.hp-grid__message');
  await expect.poll(async () => (await message.textContent()) ?? '').toContain('som en webbadress');
  expect(await target.textContent()).not.toContain('javascript:');
  expect(await page.locator('a[href^="javascript" i]').count()).toBe(0);
  await page.keyboard.press('Escape');
}

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('#importfil').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(content, 'utf8') });
}

describe('the Content-Security-Policy and the network', () => {
  it('walks every page without a CSP violation and without a request leaving the local server', async () => {
    const app = await start('/insatser');
    const { requests, dialogs } = await guard(app.page);
    for (const path of PAGES) {
      await visit(app.page, path);
      await expectNothingRan(app.page);
    }
    expect(requests.length).toBeGreaterThan(PAGES.length);
    expect(requests.filter((url) => !local(url))).toEqual([]);
    expect(dialogs).toEqual([]);
    expectNoProblems(app);
  });

  it('would see a violation: an inline script is blocked and reported', async () => {
    const app = await start('/insatser');
    await guard(app.page);
    await visit(app.page, '/insatser');
    await app.page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.__pwned = 1';
      document.body.append(script);
    });
    await expect.poll(() => app.page.evaluate(() => window.__cspViolations?.length ?? 0)).toBeGreaterThan(0);
    expect(await app.page.evaluate(() => window.__pwned)).toBeUndefined();
  });
});

describe('hostile strings in an imported file', () => {
  it('refuses javascript: addresses and a megabyte of text with the validator’s messages, without freezing', async () => {
    const app = await start('/data');
    const page = app.page;
    const { dialogs } = await guard(page);
    await visit(page, '/data');
    const json = hostileDocument();
    json.interventions[0].evidenceUrl = JAVASCRIPT_URL;
    json.placementTypes[0].sourceUrl = ' JavaScript:window.__pwned=1';
    json.placementTypes[1].notes = ONE_MB;
    await chooseFile(page, 'fientlig.hemmaplan.json', JSON.stringify(json));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    const text = (await errors.textContent()) ?? '';
    expect(text).toContain('Ska vara en webbadress som börjar med http:// eller https:// (interventions[0].evidenceUrl)');
    expect(text).toContain('Ska vara en webbadress som börjar med http:// eller https:// (placementTypes[0].sourceUrl)');
    expect(text).toContain('Är för lång: 1\u00a0048\u00a0576 tecken, högst 10\u00a0000 är tillåtna (placementTypes[1].notes)');
    // The page answers, and the text of the messages is no longer than the messages.
    expect(text.length).toBeLessThan(5000);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await expectNothingRan(page);
    expect(await page.getByTestId('import-preview').count()).toBe(0);
    expect(dialogs).toEqual([]);
    expectNoProblems(app);
  });

  it('imports every text field hostile, and every page shows them as text', async () => {
    const app = await start('/data');
    const page = app.page;
    const { dialogs, requests } = await guard(page);
    await visit(page, '/data');
    const json = hostileDocument();
    await chooseFile(page, 'fientlig.hemmaplan.json', JSON.stringify(json));
    await page.getByTestId('import-preview').waitFor();
    await page.getByRole('radio', { name: /Ersätt allt/ }).check();
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('button', { name: 'Ångra importen' }).waitFor();
    await expectNothingRan(page);

    const intervention = json.interventions[0];
    await visit(page, '/insatser');
    const catalogue = grid(page, 'Insatser och metoder');
    await gridReady(catalogue);
    await expectText(cell(catalogue, intervention.id, 'name'), IMG_ONERROR);
    await cell(catalogue, intervention.id, 'name').click();
    const panel = page.getByRole('complementary', { name: 'Vald insats' });
    await expectText(panel.locator('h2'), IMG_ONERROR);
    await expectText(panel.locator('p.prose').first(), `${SCRIPT_TAG} ${DIRECTION_OVERRIDE}`);
    await expectNothingRan(page);

    await visit(page, '/satsningar');
    await gridReady(grid(page, 'Satsningar'));
    await expectText(cell(grid(page, 'Satsningar'), json.initiatives[0].id, 'name'), SCRIPT_TAG);
    await expectNothingRan(page);

    await visit(page, '/placeringskostnader');
    await gridReady(grid(page, 'Placeringsformer'));
    await expectText(cell(grid(page, 'Placeringsformer'), json.placementTypes[0].id, 'name'), DIRECTION_OVERRIDE);
    await expectNothingRan(page);

    const scenario = json.scenarios[0];
    await visit(page, '/scenarier');
    await gridReady(grid(page, 'Scenarier'));
    await expectText(cell(grid(page, 'Scenarier'), scenario.id, 'name'), SVG_ONLOAD);
    const main = page.locator('main');
    // The selected scenario's results name its initiatives and effects.
    await expect.poll(async () => (await main.textContent()) ?? '').toContain(SCRIPT_TAG);
    expect(await main.textContent()).toContain(IMG_ONERROR);
    await expectNothingRan(page);

    await visit(page, '/jamfor');
    await expect.poll(async () => (await main.textContent()) ?? '').toContain(SVG_ONLOAD);
    await expectNothingRan(page);

    await visit(page, `/workshop/${encodeURIComponent(scenario.id)}`);
    await expectText(page.locator('main h1'), SVG_ONLOAD);
    expect(await main.textContent()).toContain(IMG_ONERROR);
    await expectNothingRan(page);

    await visit(page, '/installningar');
    expect(await page.locator('#organisation').inputValue()).toBe(json.settings.organisation);
    await expectNothingRan(page);

    expect(requests.filter((url) => !local(url))).toEqual([]);
    expect(dialogs).toEqual([]);
    expectNoProblems(app);
  });
});

describe('hostile strings typed into the app’s fields', () => {
  it('keeps them as text in the catalogue’s cells and side panel and in Placeringskostnader; refuses javascript: links and a pasted megabyte', async () => {
    const app = await start('/insatser');
    const page = app.page;
    const { dialogs } = await guard(page);
    const example = exampleDocument();

    await visit(page, '/insatser');
    const catalogue = grid(page, 'Insatser och metoder');
    await gridReady(catalogue);
    const id = example.interventions[0]!.id;
    await typeIntoCell(cell(catalogue, id, 'name'), IMG_ONERROR);
    await expectText(cell(catalogue, id, 'name'), IMG_ONERROR);
    await typeIntoCell(await reach(catalogue, id, 'theory'), SCRIPT_TAG);
    await expectText(cell(catalogue, id, 'theory'), SCRIPT_TAG);
    await typeIntoCell(await reach(catalogue, id, 'shortName'), DIRECTION_OVERRIDE);
    await expectText(cell(catalogue, id, 'shortName'), DIRECTION_OVERRIDE);
    // A javascript: address is refused at the cell and never becomes a link.
    await typeLink(await reach(catalogue, id, 'evidenceUrl'), JAVASCRIPT_URL);
    await expectRefusedLink(page, cell(catalogue, id, 'evidenceUrl'));
    // Long text, in the popup editor.
    await reach(catalogue, id, 'description');
    await writeLongText(page, SVG_ONLOAD);
    await expectText(cell(catalogue, id, 'description'), SVG_ONLOAD);
    await cell(catalogue, id, 'name').click();
    const panel = page.getByRole('complementary', { name: 'Vald insats' });
    await expectText(panel.locator('h2'), IMG_ONERROR);
    await expectText(panel.locator('p.prose').first(), SVG_ONLOAD);
    // A megabyte pasted into a cell is refused with a message; the page answers and nothing changed.
    await pasteInto(cell(catalogue, id, 'name'), ONE_MB);
    await expect.poll(async () => (await page.locator('.hp-grid__message').textContent()) ?? '').toMatch(/för lång|tecken/);
    expect(((await page.locator('.hp-grid__message').textContent()) ?? '').length).toBeLessThan(1000);
    await expectText(cell(catalogue, id, 'name'), IMG_ONERROR);
    expect(await page.evaluate(() => 1 + 1)).toBe(2);
    await expectNothingRan(page);

    await visit(page, '/placeringskostnader');
    const types = grid(page, 'Placeringsformer');
    await gridReady(types);
    const typeId = example.placementTypes[0]!.id;
    await typeIntoCell(await reach(types, typeId, 'source'), SVG_ONLOAD);
    await expectText(cell(types, typeId, 'source'), SVG_ONLOAD);
    await typeLink(await reach(types, typeId, 'sourceUrl'), JAVASCRIPT_URL);
    await expectRefusedLink(page, cell(types, typeId, 'sourceUrl'));
    await reach(types, typeId, 'notes');
    await writeLongText(page, DIRECTION_OVERRIDE);
    await expectText(cell(types, typeId, 'notes'), DIRECTION_OVERRIDE);
    await expectNothingRan(page);

    expect(dialogs).toEqual([]);
    expectNoProblems(app);
  });

  it('keeps them as text in Satsningar, Inställningar, the scenario list, its effects and the workshop view', async () => {
    const app = await start('/satsningar');
    const page = app.page;
    const { dialogs } = await guard(page);
    const example = exampleDocument();

    await visit(page, '/satsningar');
    const initiatives = grid(page, 'Satsningar');
    await gridReady(initiatives);
    const initiativeId = example.initiatives[0]!.id;
    await typeIntoCell(await reach(initiatives, initiativeId, 'scope'), IMG_ONERROR);
    await expectText(cell(initiatives, initiativeId, 'scope'), IMG_ONERROR);
    await expectNothingRan(page);

    await visit(page, '/installningar');
    // The stored settings are shown before typing, so that loading them does not overwrite what is typed.
    await expect.poll(() => page.locator('#organisation').inputValue()).toBe(example.settings.organisation);
    await page.locator('#organisation').fill('');
    await page.locator('#organisation').pressSequentially(SCRIPT_TAG);
    await page.locator('#organisation').press('Tab');
    // Saved in the database (the write may take a moment), and still there after a reload.
    await expect.poll(async () => (await storedSettings(page)).organisation).toBe(SCRIPT_TAG);
    await visit(page, '/installningar');
    expect(await page.locator('#organisation').inputValue()).toBe(SCRIPT_TAG);
    await expectNothingRan(page);

    await visit(page, '/scenarier');
    await gridReady(grid(page, 'Scenarier'));
    const scenarioId = example.scenarios[0]!.id;
    const scenarios = grid(page, 'Scenarier');
    await typeIntoCell(cell(scenarios, scenarioId, 'name'), SVG_ONLOAD);
    await expectText(cell(scenarios, scenarioId, 'name'), SVG_ONLOAD);
    await reach(scenarios, scenarioId, 'description');
    await writeLongText(page, IMG_ONERROR);
    await expectText(cell(scenarios, scenarioId, 'description'), IMG_ONERROR);
    const effectId = example.scenarios[0]!.effects[0]!.id;
    // The effects grid is named after the scenario: found by its accessible name, not a CSS selector.
    const effects = page.locator('.hp-grid').filter({ has: page.getByRole('grid', { name: `Effekter i ${SVG_ONLOAD}`, exact: true }) });
    await gridReady(effects);
    await typeIntoCell(await reach(effects, effectId, 'label'), SCRIPT_TAG);
    await expectText(cell(effects, effectId, 'label'), SCRIPT_TAG);
    // The results below name the effect by its label.
    await expect.poll(async () => (await page.locator('main').textContent()) ?? '').toContain(SCRIPT_TAG);
    await expectNothingRan(page);
    await visit(page, `/workshop/${scenarioId}`);
    await expectText(page.locator('main h1'), SVG_ONLOAD);
    await expectNothingRan(page);

    expect(dialogs).toEqual([]);
    expectNoProblems(app);
  });
});
