/**
 * The sensitivity table on Scenarier (/scenarier) in Chromium against the built app: each case's
 * net, present value and payback year as the evaluator computes them here in Node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './browser';
import { exampleDocument, expectNoProblems, openApp } from './app';
import { formatMoney } from '../../src/domain/money';
import { sensitivity } from '../../src/domain/sensitivity';
import { paybackText } from '../../src/exchange/labels';

const LABELS = ['Effekter 50\u00a0%', 'Effekter 75\u00a0%', 'Effekter 100\u00a0% (beräknat)', 'Effekter 125\u00a0%', 'Kostnader +10\u00a0%'];

let browser: Browser;
let context: BrowserContext | undefined;

beforeAll(async () => {
  browser = await launchBrowser();
});

afterAll(async () => {
  await context?.close();
  await browser?.close();
});

describe('Känslighet on Scenarier', () => {
  it("shows the first scenario's five cases as the evaluator computes them", async () => {
    const tab = await openApp(browser, '/scenarier');
    context = tab.context;
    const document = exampleDocument();
    const scenario = document.scenarios[0]!;
    const expected = sensitivity(document, scenario).map((c, i) => [
      LABELS[i]!,
      formatMoney(c.result.totals.net, 'kr'),
      formatMoney(c.result.totals.npv, 'kr'),
      paybackText(c.result.paybackYear),
    ]);
    // The cases differ from one another, or the check would prove little.
    expect(new Set(expected.map((row) => row[1])).size).toBe(5);

    const table = tab.page.locator('[data-testid="sensitivity-table"]');
    await table.locator('tbody tr').first().waitFor();
    const shown = () =>
      table.evaluate((el) =>
        Array.from(el.querySelectorAll('tbody tr')).map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
      );
    await expect.poll(shown).toEqual(expected);
    expect((await table.locator('caption').textContent())?.trim()).toBe('Känslighet: om effekterna blir större eller mindre än beräknat');
    expectNoProblems(tab);
  });
});
