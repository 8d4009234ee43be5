/**
 * Two tabs on the same data in Chromium against the built app: edits of different fields of the
 * same row, made in each tab without seeing the other's, are both kept (the last write wins per
 * field, not per row); a row deleted in one tab while a cell of it is being edited in the other
 * gives a clear message there, and nothing is corrupted.
 */
import { describe, expect, it } from 'vitest';
import { appSession, cell, expectNoProblems, expectText, grid, gridReady, openTab, typeIntoCell } from './app';

const { start } = appSession();

const INTERVENTIONS = 'Insatser och metoder';
const ROW = 'abc-3-12';

/** Two tabs of one browser (one database) on Insatser & metoder, their grids drawn. */
async function twoTabs() {
  const first = await start('/insatser');
  const second = await openTab(first.context, '/insatser');
  const a = grid(first.page, INTERVENTIONS);
  const b = grid(second.page, INTERVENTIONS);
  await gridReady(a);
  await gridReady(b);
  return { first, second, a, b };
}

describe('two tabs', () => {
  it('keeps both tabs’ edits of different fields of one row, and the later one of the same field', async () => {
    const { first, second, a, b } = await twoTabs();

    await typeIntoCell(cell(a, ROW, 'shortName'), 'Från flik ett');
    await typeIntoCell(cell(b, ROW, 'category'), 'Från flik två');
    for (const g of [a, b]) {
      await expectText(cell(g, ROW, 'shortName'), 'Från flik ett');
      await expectText(cell(g, ROW, 'category'), 'Från flik två');
    }
    await typeIntoCell(cell(b, ROW, 'shortName'), 'Sist skrivet');
    for (const g of [a, b]) await expectText(cell(g, ROW, 'shortName'), 'Sist skrivet');
    await expectText(cell(a, ROW, 'category'), 'Från flik två');
    expectNoProblems(first, second);
  });

  it('tells the tab that is editing a row when another tab deletes it', async () => {
    const { first, second, a, b } = await twoTabs();

    // Tab one has a cell of the row open in its editor.
    const name = cell(a, ROW, 'shortName');
    await name.click();
    await first.page.keyboard.type('Halvskrivet');
    await name.locator('input').waitFor();

    await cell(b, ROW, 'name').click();
    await b.getByRole('button', { name: 'Ta bort' }).click();
    await b.locator(`.ag-row[row-id="${ROW}"]`).first().waitFor({ state: 'detached' });

    const message = a.locator('.hp-grid__message');
    await expect.poll(async () => (await message.textContent()) ?? '', { timeout: 5000 }).toContain('har tagits bort, troligen i en annan flik');
    await a.locator(`.ag-row[row-id="${ROW}"]`).first().waitFor({ state: 'detached' });
    // Nothing half-written came back: the row stays deleted in both tabs.
    await first.page.keyboard.press('Enter');
    expect(await a.locator(`.ag-row[row-id="${ROW}"]`).count()).toBe(0);
    expect(await b.locator(`.ag-row[row-id="${ROW}"]`).count()).toBe(0);
    expectNoProblems(first, second);
  });
});
