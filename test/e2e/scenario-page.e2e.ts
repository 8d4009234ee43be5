import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, watchPage } from './browser';
import { parseDocumentText } from '../../src/exchange/document';
import { evaluateScenario } from '../../src/domain/scenario';
import { formatMoney } from '../../src/domain/money';
import { NO_PAYBACK } from '../../src/exchange/labels';

const exampleText = readFileSync(new URL('../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');

/** What the page should show for a scenario, computed here in Node by the same evaluator. */
function expectedYearRows(scenarioId: string): string[][] {
  const parsed = parseDocumentText(exampleText);
  if (!parsed.ok) throw new Error('example invalid');
  const scenario = parsed.document.scenarios.find((s) => s.id === scenarioId)!;
  const result = evaluateScenario(parsed.document, scenario);
  return result.years.map((y) => [String(y.year), ...[y.cost, y.avoided, y.net, y.cumulativeNet].map((v) => formatMoney(v, 'kr'))]);
}

async function yearRows(page: Page): Promise<string[][]> {
  return page.$$eval('[data-testid="year-table"] tbody tr', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((cell) => cell.textContent ?? '')),
  );
}

describe('the scenario page of the built app', () => {
  let browser: Browser;
  let page: Page;
  let problems: string[];

  beforeAll(async () => {
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    problems = watchPage(page);
    await page.goto(new URL('/scenarier', inject('baseUrl')).href);
    await page.waitForSelector('[data-testid="year-table"] tbody tr');
  });

  afterAll(async () => {
    await browser?.close();
  });

  it('shows the example scenario year by year as the evaluator computes it, in sv-SE format', async () => {
    const rows = await yearRows(page);
    expect(rows).toEqual(expectedYearRows('exempel-2026-2028'));
    // sv-SE: no-break space groups, true minus sign, "kr".
    expect(rows[0]![1]).toMatch(/^\d{1,3}(\u00a0\d{3})*\u00a0kr$/);
    expect(rows[0]![3]).toMatch(/^−/);
    await expect(page.title()).resolves.toBe('Hemmaplan');
  });

  it('shows key figures and a break-even sentence in Swedish', async () => {
    await expect(page.textContent('[data-testid="payback"]')).resolves.toBe(NO_PAYBACK);
    const sentences = await page.$$eval('[data-testid="break-even"] li', (items) => items.map((li) => li.textContent));
    expect(sentences[0]).toMatch(/^Kostnaden 2026 motsvarar 142 vårddygn på HVB barn och unga\.$/);
  });

  it('recomputes when another scenario is chosen', async () => {
    await page.click('[aria-label="Scenarier"] .ag-row[row-id="utokad-hemmaplan-2026-2030"] [col-id="name"]');
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="year-table"] tbody tr').length === 5);
    expect(await yearRows(page)).toEqual(expectedYearRows('utokad-hemmaplan-2026-2030'));
  });

  it('runs under its Content-Security-Policy with no errors and no request leaving the machine', async () => {
    const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
    expect(csp).toContain("default-src 'self'");
    expect(problems).toEqual([]);
  });
});
