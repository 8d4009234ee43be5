/**
 * The app's pages in Chromium against the built app: first start, editing in the grids (typing,
 * pasting, refusing, undoing), saving in IndexedDB across reloads and tabs, the settings, and
 * accessibility. Every test has its own browser context, so each starts with an empty database
 * and the seeded example, and every test checks that the page logged no error and sent nothing
 * off the machine.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appSession, severeAxeViolations, cell, exampleDocument, expectNoProblems, expectText, grid, gridReady, openTab, overviewOf, pasteInto, typeIntoCell, type Tab } from './app';
import { Decimal, formatMoney, parseAmount } from '../../src/domain/money';
import type { HemmaplanDocument, StaffLine } from '../../src/domain/types';
import { PLACEMENT_CATEGORY_LABELS } from '../../src/exchange/labels';

const { start } = appSession();

// ---------------------------------------------------------------------------------------------
// Satsningar: the hemma-hosare's cost line

const INITIATIVES = 'Satsningar';
const HEMMA_HOSARE = 'hemma-hosare';
const SALARY_LINE = 'lon';
const LINES = 'Kostnadsrader för Hemma-hosare';

/** The example with the hemma-hosare's monthly salary (and optionally the settings) changed. */
function exampleWith(changes: { monthlySalary?: string; salaryGrowthPercent?: string }): HemmaplanDocument {
  const document = exampleDocument();
  const initiative = document.initiatives.find((i) => i.id === HEMMA_HOSARE)!;
  const line = initiative.costLines.find((l) => l.id === SALARY_LINE) as StaffLine;
  expect(line.kind).toBe('staff');
  if (changes.monthlySalary !== undefined) line.monthlySalary = new Decimal(changes.monthlySalary);
  if (changes.salaryGrowthPercent !== undefined) document.settings.salaryGrowthPercent = new Decimal(changes.salaryGrowthPercent);
  return document;
}

/**
 * What /satsningar shows for the hemma-hosare, as the evaluator computes it: the year columns of
 * the upper grid, then those of its salary line in the cost-line grid.
 */
function expectedHemmaHosare(document: HemmaplanDocument, unit: 'kr' | 'tkr' = 'kr'): { years: number[]; texts: string[] } {
  const { years, overview } = overviewOf(document, HEMMA_HOSARE);
  const lineIndex = document.initiatives.find((i) => i.id === HEMMA_HOSARE)!.costLines.findIndex((l) => l.id === SALARY_LINE);
  return {
    years,
    texts: [...overview.years.map((y) => formatMoney(y.cost, unit)), ...overview.lines[lineIndex]!.map((v) => formatMoney(v, unit))],
  };
}

async function shownHemmaHosare(page: Page, years: number[]): Promise<string[]> {
  const upper = grid(page, INITIATIVES);
  const lines = grid(page, LINES);
  const texts: string[] = [];
  for (const year of years) texts.push(((await cell(upper, HEMMA_HOSARE, `cost${year}`).textContent()) ?? '').trim());
  for (const year of years) texts.push(((await cell(lines, SALARY_LINE, `year${year}`).textContent()) ?? '').trim());
  return texts;
}

async function expectHemmaHosare(page: Page, document: HemmaplanDocument, timeout = 5000): Promise<void> {
  const { years, texts } = expectedHemmaHosare(document);
  await expect.poll(() => shownHemmaHosare(page, years), { timeout }).toEqual(texts);
}

async function initiativeGridsReady(page: Page): Promise<void> {
  await gridReady(grid(page, INITIATIVES));
  await gridReady(grid(page, LINES));
}

/** Types a new monthly salary into the hemma-hosare's salary line and waits until it is shown. */
async function editSalary(page: Page, text: string, shown: string): Promise<void> {
  const salary = cell(grid(page, LINES), SALARY_LINE, 'monthlySalary');
  await typeIntoCell(salary, text);
  await expectText(salary, shown);
}

describe('Satsningar: editing a cost line', () => {
  const NEW_SALARY = '32000';
  const edited = () => exampleWith({ monthlySalary: NEW_SALARY });

  it('recomputes the yearly cost on screen as the evaluator does when the monthly salary changes', async () => {
    const tab = await start('/satsningar');
    await initiativeGridsReady(tab.page);
    await expectHemmaHosare(tab.page, exampleDocument());
    // The edit must change every displayed figure, or the test would prove nothing.
    const before = expectedHemmaHosare(exampleDocument()).texts;
    const after = expectedHemmaHosare(edited()).texts;
    after.forEach((text, i) => expect(text).not.toBe(before[i]));

    await editSalary(tab.page, NEW_SALARY, formatMoney(new Decimal(NEW_SALARY), 'kr'));
    await expectHemmaHosare(tab.page, edited());
    expectNoProblems(tab);
  });

  it('shows every yearly cost of the example in kronor in full, not cut off', async () => {
    const tab = await start('/satsningar');
    await initiativeGridsReady(tab.page);
    for (const name of [INITIATIVES, LINES]) {
      const cells = grid(tab.page, name).locator('.ag-cell[col-id^="cost"], .ag-cell[col-id^="year"]');
      expect(await cells.count()).toBeGreaterThan(0);
      const cut = await cells.evaluateAll((elements) => elements.filter((el) => el.scrollWidth > el.clientWidth).map((el) => el.textContent));
      expect(cut).toEqual([]);
    }
    expectNoProblems(tab);
  });

  it('keeps the edit after a reload (IndexedDB)', async () => {
    const tab = await start('/satsningar');
    await initiativeGridsReady(tab.page);
    await editSalary(tab.page, NEW_SALARY, formatMoney(new Decimal(NEW_SALARY), 'kr'));
    await expectHemmaHosare(tab.page, edited());

    await tab.page.reload();
    await initiativeGridsReady(tab.page);
    await expectText(cell(grid(tab.page, LINES), SALARY_LINE, 'monthlySalary'), formatMoney(new Decimal(NEW_SALARY), 'kr'));
    await expectHemmaHosare(tab.page, edited());
    expectNoProblems(tab);
  });

  it('shows the edit in a second tab within a second, without a reload', async () => {
    const first = await start('/satsningar');
    const second = await openTab(first.context, '/satsningar');
    await initiativeGridsReady(first.page);
    await initiativeGridsReady(second.page);
    await expectHemmaHosare(second.page, exampleDocument());

    await editSalary(first.page, NEW_SALARY, formatMoney(new Decimal(NEW_SALARY), 'kr'));
    // Tab one shows figures read back from the database, so the edit is stored by now.
    await expectHemmaHosare(first.page, edited());
    await expectHemmaHosare(second.page, edited(), 1000);
    expectNoProblems(first, second);
  });
});

// ---------------------------------------------------------------------------------------------
// Insatser & metoder

const INTERVENTIONS = 'Insatser och metoder';

async function interventionCount(page: Page): Promise<{ shown: number; total: number }> {
  const text = (await page.getByTestId('intervention-count').textContent())?.trim() ?? '';
  const match = /^(\d+) av (\d+) insatser$/.exec(text);
  expect(match, `count text "${text}"`).not.toBeNull();
  return { shown: Number(match![1]), total: Number(match![2]) };
}

/** The grid's aria-rowcount: its data rows plus its one header row. */
async function dataRowCount(gridRoot: Locator): Promise<number> {
  return Number(await gridRoot.locator('[role="grid"]').getAttribute('aria-rowcount')) - 1;
}

/**
 * Every row id of a grid, collected by scrolling its body from top to bottom and waiting at each
 * step until the rows covering the viewport are drawn (AG Grid draws only those).
 */
async function scrolledRowIds(gridRoot: Locator, rowCount: number): Promise<string[]> {
  // AG Grid 36: the element with role="grid" is the one that scrolls; its header row is sticky.
  const viewport = gridRoot.locator('[role="grid"]');
  const ids = new Set<string>();
  for (let step = 0; step < 1000; step++) {
    await expect
      .poll(() =>
        viewport.evaluate((el, count) => {
          const rows = [...el.querySelectorAll<HTMLElement>('.ag-row[row-id]')];
          if (rows.length === 0) return false;
          const height = rows[0]!.offsetHeight;
          const drawn = new Set(rows.map((r) => Number(r.getAttribute('row-index'))));
          const first = Math.floor(el.scrollTop / height);
          const last = Math.min(count - 1, Math.floor((el.scrollTop + el.clientHeight - 1) / height));
          for (let i = first; i <= last; i++) if (!drawn.has(i)) return false;
          return true;
        }, rowCount),
      )
      .toBe(true);
    const visible = await gridRoot.locator('.ag-row[row-id]').evaluateAll((rows) => rows.map((r) => r.getAttribute('row-id')));
    for (const id of visible) if (id) ids.add(id);
    const atEnd = await viewport.evaluate((el) => {
      if (el.scrollTop + el.clientHeight >= el.scrollHeight - 1) return true;
      el.scrollTop += el.clientHeight;
      return false;
    });
    if (atEnd) break;
  }
  return [...ids];
}

describe('Insatser & metoder', () => {
  it('shows the whole seeded catalogue on first start: at least 35 rows', async () => {
    const tab = await start('/insatser');
    const interventions = grid(tab.page, INTERVENTIONS);
    await gridReady(interventions);
    const example = exampleDocument().interventions;
    expect(example.length).toBeGreaterThanOrEqual(35);

    const { shown, total } = await interventionCount(tab.page);
    expect(shown).toBeGreaterThanOrEqual(35);
    expect(shown).toBe(total);
    expect(shown).toBe(example.length);
    expect(await dataRowCount(interventions)).toBe(shown);
    // The rows themselves, not only the counts: scroll through and meet every example intervention.
    const ids = await scrolledRowIds(interventions, shown);
    expect(ids.sort()).toEqual(example.map((i) => i.id).sort());
    expectNoProblems(tab);
  });

  it('deletes a row with "Ta bort" and brings it back with Ctrl+Z and with "Ångra"', async () => {
    const tab = await start('/insatser');
    const { page } = tab;
    const interventions = grid(page, INTERVENTIONS);
    await gridReady(interventions);
    const { total } = await interventionCount(page);
    const target = exampleDocument().interventions[2]!;
    const nameCell = cell(interventions, target.id, 'name');
    await expectText(nameCell, target.name);
    const deleteButton = interventions.getByRole('button', { name: 'Ta bort', exact: true });
    const undoButton = interventions.getByRole('button', { name: 'Ångra', exact: true });
    await expect(undoButton.isDisabled()).resolves.toBe(true);

    const deleteAndCheck = async () => {
      await nameCell.click();
      await deleteButton.click();
      await expect.poll(() => interventionCount(page)).toEqual({ shown: total - 1, total: total - 1 });
      await expect.poll(() => dataRowCount(interventions)).toBe(total - 1);
      await expect.poll(() => interventions.locator(`.ag-row[row-id="${target.id}"]`).count()).toBe(0);
      await expectText(interventions.locator('[role="status"]'), 'Raden togs bort. Ångra med Ctrl+Z.');
    };
    const expectBack = async () => {
      await expect.poll(() => interventionCount(page)).toEqual({ shown: total, total });
      await expect.poll(() => dataRowCount(interventions)).toBe(total);
      await expectText(nameCell, target.name);
      await expectText(interventions.locator('[role="status"]'), 'Ångrade den senaste ändringen.');
    };

    await deleteAndCheck();
    await page.keyboard.press('Control+z');
    await expectBack();

    await deleteAndCheck();
    await expect.poll(() => undoButton.isEnabled()).toBe(true);
    await undoButton.click();
    await expectBack();

    // The restored row is stored again, not just drawn.
    await page.reload();
    await gridReady(interventions);
    await expect.poll(() => interventionCount(page)).toEqual({ shown: total, total });
    await expectText(nameCell, target.name);
    expectNoProblems(tab);
  });

  it('fills cells from a pasted 3×3 block and saves them', async () => {
    const tab = await start('/insatser');
    const { page } = tab;
    const interventions = grid(page, INTERVENTIONS);
    await gridReady(interventions);
    const rows = exampleDocument().interventions.slice(0, 3);
    // Namn, Kortnamn and Kategori: three editable columns side by side.
    const block = [
      ['Klistrad insats ett', 'KI1', 'Stöd i hemmet'],
      ['Klistrad insats två', 'KI2', 'Föräldrastöd'],
      ['Klistrad insats tre', 'KI3', 'Behandling'],
    ];
    const fields = ['name', 'shortName', 'category'];
    await pasteInto(cell(interventions, rows[0]!.id, 'name'), block.map((r) => r.join('\t')).join('\r\n') + '\r\n');
    await expectText(interventions.locator('[role="status"]'), 'Klistrade in 9 celler.');
    const check = async () => {
      for (const [r, row] of rows.entries()) for (const [c, field] of fields.entries()) await expectText(cell(interventions, row.id, field), block[r]![c]!);
    };
    await check();
    await page.reload();
    await gridReady(interventions);
    await check();
    expectNoProblems(tab);
  });
});


// ---------------------------------------------------------------------------------------------
// Placeringskostnader

const PLACEMENTS = 'Placeringsformer';

describe('Placeringskostnader', () => {
  it('fills price, price year and category from a pasted block with Swedish numbers, and saves them', async () => {
    const tab = await start('/placeringskostnader');
    const { page } = tab;
    const placements = grid(page, PLACEMENTS);
    await gridReady(placements);
    const rows = exampleDocument().placementTypes.slice(0, 3);
    // From "Pris per enhet (kr)" rightwards the editable columns are price, price year and category
    // (the computed price per day is skipped, as in a spreadsheet paste over a formula column).
    const block = [
      ['4 500', '2024', 'Vuxna'],
      ['1,5 mnkr', '2022', 'Vuxna'],
      ['12 500 kr', '2020', 'Vuxna'],
    ];
    const expected = [
      [formatMoney(new Decimal(4500), 'kr'), '2024', PLACEMENT_CATEGORY_LABELS.adults],
      [formatMoney(new Decimal(1_500_000), 'kr'), '2022', PLACEMENT_CATEGORY_LABELS.adults],
      [formatMoney(new Decimal(12_500), 'kr'), '2020', PLACEMENT_CATEGORY_LABELS.adults],
    ];
    // Every pasted value differs from the example's, so all nine cells change.
    rows.forEach((row, r) => {
      expect(formatMoney(row.price, 'kr')).not.toBe(expected[r]![0]);
      expect(String(row.priceYear)).not.toBe(expected[r]![1]);
      expect(row.category).not.toBe('adults');
    });
    await pasteInto(cell(placements, rows[0]!.id, 'price'), block.map((r) => r.join('\t')).join('\n'));
    await expectText(placements.locator('[role="status"]'), 'Klistrade in 9 celler.');
    const check = async () => {
      for (const [r, row] of rows.entries()) {
        await expectText(cell(placements, row.id, 'price'), expected[r]![0]!);
        await expectText(cell(placements, row.id, 'priceYear'), expected[r]![1]!);
        await expectText(cell(placements, row.id, 'category'), expected[r]![2]!);
      }
    };
    await check();
    await page.reload();
    await gridReady(placements);
    await check();
    expectNoProblems(tab);
  });

  it('refuses "abc" in a price cell with a Swedish message at the cell and keeps the old value', async () => {
    const tab = await start('/placeringskostnader');
    const { page } = tab;
    const placements = grid(page, PLACEMENTS);
    await gridReady(placements);
    const row = exampleDocument().placementTypes[0]!;
    const price = cell(placements, row.id, 'price');
    const oldText = formatMoney(row.price, 'kr');
    await expectText(price, oldText);

    await typeIntoCell(price, 'abc');
    const parsed = parseAmount('abc', 'money');
    expect(parsed.ok).toBe(false);
    const message = `Rad 1, kolumn Pris per enhet (kr): ${(parsed as { message: string }).message}`;
    expect(message).toContain('Kunde inte läsa ”abc” som ett belopp');
    // Shown in a box by the cell …
    const box = placements.locator('.hp-grid__message');
    await expectText(box, message);
    const [boxRect, cellRect] = await Promise.all([box.boundingBox(), price.boundingBox()]);
    expect(boxRect!.y).toBeGreaterThanOrEqual(cellRect!.y + cellRect!.height - 1);
    expect(boxRect!.y).toBeLessThan(cellRect!.y + cellRect!.height + 20);
    // … and read aloud from the assertive live region.
    await expectText(placements.locator('[aria-live="assertive"]'), message);
    // The cell keeps its old value and the focus, so the user can type again.
    await expectText(price, oldText);
    await expect.poll(() => price.evaluate((el) => el.classList.contains('ag-cell-focus'))).toBe(true);

    await page.reload();
    await gridReady(placements);
    await expectText(cell(placements, row.id, 'price'), oldText);
    expectNoProblems(tab);
  });
});

// ---------------------------------------------------------------------------------------------
// Inställningar

describe('Inställningar', () => {
  it('recomputes the initiatives with a new salary growth, refuses "abc" in Swedish, and shows tkr', async () => {
    const tab = await start('/installningar');
    const { page } = tab;
    const growth = page.getByLabel('Löneökning per år (%)');
    const error = page.locator('#salaryGrowthPercent-error');

    await growth.fill('3');
    await growth.press('Tab');
    await page.getByRole('link', { name: 'Satsningar' }).click();
    await initiativeGridsReady(page);
    const document = exampleWith({ salaryGrowthPercent: '3' });
    const { years, overview } = overviewOf(document, HEMMA_HOSARE);
    const secondYear = formatMoney(overview.years[1]!.cost, 'kr');
    expect(secondYear).not.toBe(formatMoney(overviewOf(exampleDocument(), HEMMA_HOSARE).overview.years[1]!.cost, 'kr'));
    await expectText(cell(grid(page, INITIATIVES), HEMMA_HOSARE, `cost${years[1]}`), secondYear);
    await expectHemmaHosare(page, document);

    await page.getByRole('link', { name: 'Inställningar' }).click();
    await expect.poll(() => growth.inputValue()).toBe('3');
    await growth.fill('abc');
    await growth.press('Tab');
    const parsed = parseAmount('abc', 'percent');
    expect(parsed.ok).toBe(false);
    await expectText(error, (parsed as { message: string }).message);
    expect(await error.textContent()).toContain('Kunde inte läsa ”abc” som en procentsats');
    await expect(growth.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(error.getAttribute('role')).resolves.toBe('alert');

    await page.getByRole('radio', { name: /^tusental kronor/ }).check();
    await page.getByRole('link', { name: 'Satsningar' }).click();
    await initiativeGridsReady(page);
    const upper = grid(page, INITIATIVES);
    const firstYear = formatMoney(overview.years[0]!.cost, 'tkr');
    expect(firstYear).toBe('520\u00a0tkr');
    await expectText(cell(upper, HEMMA_HOSARE, `cost${years[0]}`), firstYear);
    await expectText(upper.locator(`.ag-header-cell[col-id="cost${years[0]}"] .ag-header-cell-text`), `${years[0]} (tkr)`);
    // "abc" was not saved: the second year still has 3 % salary growth.
    await expectText(cell(upper, HEMMA_HOSARE, `cost${years[1]}`), formatMoney(overview.years[1]!.cost, 'tkr'));
    expectNoProblems(tab);
  });
});

// ---------------------------------------------------------------------------------------------
// Accessibility

const PAGES: { path: string; ready: (page: Page) => Promise<void> }[] = [
  { path: '/insatser', ready: (page) => gridReady(grid(page, INTERVENTIONS)) },
  { path: '/satsningar', ready: initiativeGridsReady },
  { path: '/placeringskostnader', ready: (page) => gridReady(grid(page, PLACEMENTS)) },
  { path: '/scenarier', ready: (page) => page.locator('[data-testid="year-table"] tbody tr').first().waitFor() },
  { path: '/installningar', ready: (page) => page.getByLabel('Löneökning per år (%)').waitFor() },
];

describe('accessibility', () => {
  it.each(PAGES)('axe finds nothing serious or critical on $path', async ({ path, ready }) => {
    const tab = await start(path);
    await ready(tab.page);
    expect(await severeAxeViolations(tab.page)).toEqual([]);
    expectNoProblems(tab);
  });

  it('marks the focused link and button with the yellow outline, and a link keeps its own look', async () => {
    const tab = await start('/data');
    const { page } = tab;
    const focusStyle = () =>
      page.evaluate(() => {
        const style = getComputedStyle(document.activeElement!);
        return { tag: document.activeElement!.tagName, outline: `${style.outlineStyle} ${style.outlineColor}`, border: style.borderTopWidth };
      });
    // Tab from the top: the skip link, then the brand link in the header.
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect(await focusStyle()).toEqual({ tag: 'A', outline: 'solid rgb(240, 180, 41)', border: '0px' });
    await page.getByRole('button', { name: 'Exportera allt (säkerhetskopia)' }).focus();
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Tab');
    expect(await focusStyle()).toMatchObject({ tag: 'BUTTON', outline: 'solid rgb(240, 180, 41)' });
    expectNoProblems(tab);
  });

  it('skips the menu with the skip link: Enter moves the focus to the page, and Tab goes on inside it', async () => {
    const tab = await start('/data');
    const { page } = tab;
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Hoppa till innehållet');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('innehall');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => Boolean(document.activeElement?.closest('main')))).toBe(true);
    expectNoProblems(tab);
  });
});
