/**
 * Jämför (/jamfor) in Chromium against the built app: the example's two scenarios side by side,
 * every figure as the evaluator computes it here in Node, their differences, and accessibility.
 * The differences are subtracted here from the evaluator's results, not taken from the app's
 * comparison code, so that a wrong subtraction in the app would show.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSession, severeAxeViolations, exampleDocument, expectNoProblems } from './app';
import { evaluateScenario, type ScenarioResult } from '../../src/domain/scenario';
import { type Decimal, formatMoney, formatPercent } from '../../src/domain/money';
import { paybackText } from '../../src/exchange/labels';

const FIRST = 'exempel-2026-2028';
const SECOND = 'utokad-hemmaplan-2026-2030';

const { start } = appSession();

function resultOf(id: string): ScenarioResult {
  const document = exampleDocument();
  const scenario = document.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`No scenario ${id} in the example`);
  return evaluateScenario(document, scenario);
}

const kr = (value: Decimal) => formatMoney(value, 'kr');

const TOTALS: [keyof ScenarioResult['totals'], string][] = [
  ['cost', 'Total kostnad'],
  ['avoided', 'Undvikna kostnader'],
  ['net', 'Netto'],
  ['npv', 'Nuvärde'],
];

function paybackDifference(result: number | null, base: number | null): string {
  if (result === null || base === null) return 'Kan inte jämföras';
  const d = result - base;
  return d === 0 ? 'Samma år' : d < 0 ? `${-d} år tidigare` : `${d} år senare`;
}

/** Every year of either horizon, ascending. */
function yearsOf(...results: ScenarioResult[]): number[] {
  return [...new Set(results.flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => a - b);
}

function netIn(result: ScenarioResult, year: number): Decimal | undefined {
  return result.years.find((y) => y.year === year)?.net;
}

/** What the four tables should show, row by row, with `a` as the first scenario. */
function expectedTables(a: ScenarioResult, b: ScenarioResult) {
  const years = yearsOf(a, b);
  return {
    header: ['Nyckeltal', a.name, b.name],
    keyFigures: [
      ['Period', `${a.startYear}–${a.endYear}`, `${b.startYear}–${b.endYear}`],
      ['Diskonteringsränta', formatPercent(a.settings.discountRatePercent), formatPercent(b.settings.discountRatePercent)],
      ...TOTALS.map(([key, label]) => [label, kr(a.totals[key]), kr(b.totals[key])]),
      ['Återbetalningsår', paybackText(a.paybackYear), paybackText(b.paybackYear)],
    ],
    keyDifferences: [
      ...TOTALS.map(([key, label]) => [label, kr(b.totals[key].minus(a.totals[key]))]),
      ['Återbetalningsår', paybackDifference(b.paybackYear, a.paybackYear)],
    ],
    yearlyNet: years.map((year) => {
      const [na, nb] = [netIn(a, year), netIn(b, year)];
      return [String(year), na ? kr(na) : '', nb ? kr(nb) : ''];
    }),
    yearlyDifferences: years.map((year) => {
      const [na, nb] = [netIn(a, year), netIn(b, year)];
      return [String(year), na && nb ? kr(nb.minus(na)) : ''];
    }),
  };
}

async function rows(page: Page, testId: string, part: 'thead' | 'tbody' = 'tbody'): Promise<string[][]> {
  return page.$$eval(`[data-testid="${testId}"] ${part} tr`, (trs) =>
    trs.map((tr) => Array.from(tr.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
  );
}

async function shownTables(page: Page) {
  const [[header = []] = [], keyFigures, keyDifferences, yearlyNet, yearlyDifferences] = await Promise.all([
    rows(page, 'compare-key-figures', 'thead'),
    rows(page, 'compare-key-figures'),
    rows(page, 'compare-key-differences'),
    rows(page, 'compare-yearly-net'),
    rows(page, 'compare-yearly-differences'),
  ]);
  return { header, keyFigures, keyDifferences, yearlyNet, yearlyDifferences };
}

async function choose(page: Page, first: string, second: string): Promise<void> {
  await page.getByLabel('Scenario 1 (utgångspunkt)', { exact: true }).selectOption(first);
  await page.getByLabel('Scenario 2', { exact: true }).selectOption(second);
}

async function tablesReady(page: Page): Promise<void> {
  await page.locator('[data-testid="compare-yearly-differences"] tbody tr').first().waitFor();
}

describe('Jämför', () => {
  it("shows the example's two scenarios, their yearly nets and their difference as the evaluator computes them", async () => {
    const tab = await start('/jamfor');
    const { page } = tab;
    await choose(page, FIRST, SECOND);
    await tablesReady(page);
    const [a, b] = [resultOf(FIRST), resultOf(SECOND)];
    // The horizons differ (three and five years), so the union has years where the first is empty.
    expect(yearsOf(a, b)).toEqual([2026, 2027, 2028, 2029, 2030]);
    const expected = expectedTables(a, b);
    expect(expected.yearlyNet[4]).toEqual(['2030', '', kr(b.years[4]!.net)]);
    expect(expected.yearlyDifferences[0]![1]).not.toBe('');
    await expect.poll(() => shownTables(page)).toEqual(expected);
    expectNoProblems(tab);
  });

  it('compares with whichever scenario is chosen first, and asks for two when only one is chosen', async () => {
    const tab = await start('/jamfor');
    const { page } = tab;
    await choose(page, SECOND, FIRST);
    await tablesReady(page);
    await expect.poll(() => shownTables(page)).toEqual(expectedTables(resultOf(SECOND), resultOf(FIRST)));

    await page.getByLabel('Scenario 2', { exact: true }).selectOption('');
    await expect.poll(() => page.getByTestId('compare-choose-more').textContent()).toBe('Välj minst två olika scenarier att jämföra.');
    await expect.poll(() => page.locator('[data-testid="compare-key-figures"]').count()).toBe(0);
    expectNoProblems(tab);
  });

  it('the choices are labelled selects that start on the first two scenarios', async () => {
    const tab = await start('/jamfor');
    const { page } = tab;
    const scenarios = exampleDocument().scenarios;
    await expect.poll(() => page.getByLabel('Scenario 1 (utgångspunkt)', { exact: true }).inputValue()).toBe(scenarios[0]!.id);
    await expect.poll(() => page.getByLabel('Scenario 2', { exact: true }).inputValue()).toBe(scenarios[1]!.id);
    await expect.poll(() => page.getByLabel('Scenario 3', { exact: true }).inputValue()).toBe('');
    await expect.poll(() => page.getByLabel('Scenario 4', { exact: true }).inputValue()).toBe('');
    expectNoProblems(tab);
  });

  it('axe finds nothing serious or critical', async () => {
    const tab = await start('/jamfor');
    await choose(tab.page, FIRST, SECOND);
    await tablesReady(tab.page);
    expect(await severeAxeViolations(tab.page)).toEqual([]);
    expectNoProblems(tab);
  });
});
