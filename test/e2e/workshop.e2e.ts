import { describe, expect, it } from 'vitest';
import { appSession, exampleDocument, expectNoProblems, expectText, severeAxeViolations } from './app';
import { evaluateScenario } from '../../src/domain/scenario';
import { withEffectYear } from '../../src/domain/effects';
import { formatMoney, formatNumber } from '../../src/domain/money';
import { NO_PAYBACK } from '../../src/exchange/labels';

const SCENARIO = 'exempel-2026-2028';

/** The example scenario's result after one more avoided placement in a year, by the evaluator. */
function expectedAfterStep(year: number) {
  const document = exampleDocument();
  const scenario = document.scenarios.find((s) => s.id === SCENARIO)!;
  const effect = scenario.effects[0]!;
  const placements = effect.perYear.find((e) => e.year === year)!.placements.plus(1);
  const changed = { ...scenario, effects: [withEffectYear(effect, year, 'placements', placements)] };
  return { before: evaluateScenario(document, scenario), after: evaluateScenario(document, changed) };
}

const { start } = appSession();

describe('the workshop view', () => {
  it('changes the payback year with a stepper, keeps it after a reload, and undoes it', async () => {
    const tab = await start(`/workshop/${SCENARIO}`);
    const { page } = tab;
    const { before, after } = expectedAfterStep(2026);
    expect(before.paybackYear).toBeNull();
    expect(after.paybackYear).not.toBeNull();

    await expectText(page.getByTestId('workshop-payback'), NO_PAYBACK);
    await page.getByRole('button', { name: 'Öka placeringar Undviken HVB-placering 2026' }).click();
    await expectText(page.getByTestId(`stepper-hvb-undviken-2026`), '2');
    await expectText(page.getByTestId('workshop-payback'), String(after.paybackYear));
    await expectText(page.getByTestId('workshop-net'), formatMoney(after.totals.net, 'kr'));

    await page.reload();
    await expectText(page.getByTestId('workshop-payback'), String(after.paybackYear));
    await expectText(page.getByTestId(`stepper-hvb-undviken-2026`), '2');

    // The step was this tab's change before the reload; after it, the history is new, so step
    // again and undo that with the keyboard.
    await page.getByRole('button', { name: 'Minska placeringar Undviken HVB-placering 2026' }).click();
    await expectText(page.getByTestId('workshop-payback'), NO_PAYBACK);
    await page.keyboard.press('Control+z');
    await expectText(page.getByTestId('workshop-payback'), String(after.paybackYear));
    expectNoProblems(tab);
  });

  it('is reachable from the Scenarier page, large and accessible', async () => {
    const tab = await start('/scenarier');
    const { page } = tab;
    await page.getByRole('link', { name: 'Öppna workshopvyn' }).click();
    await page.waitForURL(/\/workshop\//);
    expect(await page.locator('header.app-header').isVisible()).toBe(false);
    const size = await page.getByTestId('workshop-net').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(size).toBeGreaterThanOrEqual(24);
    expect(await severeAxeViolations(page)).toEqual([]);
    const document = exampleDocument();
    const result = evaluateScenario(document, document.scenarios[0]!);
    await expectText(page.getByTestId('workshop-cost'), formatMoney(result.totals.cost, 'kr'));

    // What the cost equals, in the units of the placement the effects avoid, year by year.
    const hvb = result.breakEven.find((b) => b.placementTypeId === document.scenarios[0]!.effects[0]!.fromPlacementTypeId)!;
    const row = page.getByTestId(`workshop-break-even-${hvb.placementTypeId}`);
    const typeName = document.placementTypes.find((t) => t.id === hvb.placementTypeId)!.name;
    await expectText(row.locator('th'), `Kostnaden motsvarar (vårddygn på ${typeName})`);
    expect(await row.locator('td').allTextContents()).toEqual(hvb.years.map((y) => formatNumber(y.units)));
    expect(await page.locator('[data-testid^="workshop-break-even-"]').count()).toBe(new Set(document.scenarios[0]!.effects.map((e) => e.fromPlacementTypeId)).size);
    expectNoProblems(tab);
  });
});
