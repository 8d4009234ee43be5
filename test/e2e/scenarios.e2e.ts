/**
 * Scenarier in Chromium against the built app: a scenario built from nothing through the UI shows
 * the evaluator's figures; the scenario list's rename, duplicate, delete and undo; a scenario's own
 * discount rate; refused input in the effects grid and the setup; and accessibility. Every expected
 * figure is computed here in Node by the app's own evaluator. Every test has its own browser
 * context (an empty database and the seeded example) and checks that the page logged no error and
 * sent nothing off the machine.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appSession, severeAxeViolations, cell, exampleDocument, expectNoProblems, expectText, grid, gridReady, pasteInto, typeIntoCell, type Tab } from './app';
import { evaluateScenario } from '../../src/domain/scenario';
import { paybackText } from '../../src/exchange/labels';
import { Decimal, formatMoney, formatPercent, parseAmount } from '../../src/domain/money';
import type { HemmaplanDocument, Scenario } from '../../src/domain/types';
import { parseDocument } from '../../src/exchange/document';
import { serialiseDocument } from '../../src/exchange/serialise';
import { fieldIssueMessage } from '../../src/exchange/reader';
import { displayHorizon } from '../../src/ui/pages/displayYears';

const { start } = appSession();

// ---------------------------------------------------------------------------------------------
// The page's pieces

const SCENARIOS = 'Scenarier';
const EXAMPLE_ID = 'exempel-2026-2028';
const EXAMPLE_EFFECT = 'hvb-undviken';
const effectsLabel = (scenarioName: string) => `Effekter i ${scenarioName}`;

/** What the page shows for a scenario, as the evaluator computes it: the year table's rows and the key figures. */
interface Shown {
  years: string[][];
  keyFigures: Record<string, string>;
}

const KEY_FIGURES = ['total-cost', 'total-avoided', 'total-net', 'npv', 'payback'] as const;

function expectedFigures(document: HemmaplanDocument, scenario: Scenario): Shown {
  const result = evaluateScenario(document, scenario);
  const kr = (value: Decimal) => formatMoney(value, 'kr');
  return {
    years: result.years.map((y) => [String(y.year), kr(y.cost), kr(y.avoided), kr(y.net), kr(y.cumulativeNet)]),
    keyFigures: {
      'total-cost': kr(result.totals.cost),
      'total-avoided': kr(result.totals.avoided),
      'total-net': kr(result.totals.net),
      npv: kr(result.totals.npv),
      payback: paybackText(result.paybackYear),
    },
  };
}

async function shownFigures(page: Page): Promise<Shown> {
  const years = await page.$$eval('[data-testid="year-table"] tbody tr', (rows) =>
    rows.map((row) => Array.from(row.querySelectorAll('th, td')).map((c) => (c.textContent ?? '').trim())),
  );
  const keyFigures: Record<string, string> = {};
  for (const id of KEY_FIGURES) keyFigures[id] = ((await page.getByTestId(id).textContent()) ?? '').trim();
  return { years, keyFigures };
}

async function expectFigures(page: Page, expected: Shown, timeout = 5000): Promise<void> {
  await expect.poll(() => shownFigures(page), { timeout }).toEqual(expected);
}

function scenarioOf(document: HemmaplanDocument, id: string): Scenario {
  const scenario = document.scenarios.find((s) => s.id === id);
  if (!scenario) throw new Error(`No scenario ${id}`);
  return scenario;
}

/** The row ids of a grid in display order (its rows all fit in the viewport here). */
async function rowIds(gridRoot: Locator): Promise<string[]> {
  // A row is drawn once per pinned section; each id counts once.
  return gridRoot.locator('.ag-row[row-id]').evaluateAll((rows) => {
    const byIndex = new Map<number, string>();
    for (const r of rows) byIndex.set(Number(r.getAttribute('row-index')), r.getAttribute('row-id') ?? '');
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, id]) => id);
  });
}

/** Selects a scenario by clicking its name, and waits until the editor below shows it. */
async function selectScenario(page: Page, id: string, name: string): Promise<void> {
  const scenarios = grid(page, SCENARIOS);
  await cell(scenarios, id, 'name').click();
  await expect.poll(() => scenarios.locator(`.ag-row[row-id="${id}"]`).first().getAttribute('aria-selected')).toBe('true');
  await expectText(page.locator('#uppstallning-rubrik'), `Uppställning: ${name}`);
  await grid(page, effectsLabel(name)).waitFor();
}

/** Sets a labelled field of the setup as a user does: types the text and leaves the field. */
async function setField(page: Page, label: string, text: string): Promise<void> {
  const field = page.getByLabel(label, { exact: true });
  await field.fill(text);
  await field.press('Tab');
}


async function scenariosReady(page: Page): Promise<void> {
  await gridReady(grid(page, SCENARIOS));
  await page.locator('[data-testid="year-table"] tbody tr').first().waitFor();
}

// ---------------------------------------------------------------------------------------------

describe('Scenarier', () => {
  it('builds the example scenario from an empty one through the UI and shows every figure as the evaluator does', async () => {
    const tab = await start('/scenarier');
    const { page } = tab;
    await scenariosReady(page);
    const example = exampleDocument();
    const scenarios = grid(page, SCENARIOS);
    const before = await rowIds(scenarios);
    expect(before).toEqual(example.scenarios.map((s) => s.id));

    // "Lägg till rad": a new, empty scenario over the display horizon's start year and three years.
    await scenarios.getByRole('button', { name: 'Lägg till rad', exact: true }).click();
    await expect.poll(() => rowIds(scenarios)).toHaveLength(before.length + 1);
    const newId = (await rowIds(scenarios)).find((id) => !before.includes(id))!;
    await expectText(cell(scenarios, newId, 'name'), 'Nytt scenario');
    const horizon = displayHorizon(example);
    await expectText(cell(scenarios, newId, 'startYear'), String(horizon.startYear));
    await expectText(cell(scenarios, newId, 'years'), '3');
    await selectScenario(page, newId, 'Nytt scenario');

    const startYear = page.getByLabel('Startår', { exact: true });
    const years = page.getByLabel('Antal år', { exact: true });
    await expect.poll(() => startYear.inputValue()).toBe(String(horizon.startYear));
    await expect.poll(() => years.inputValue()).toBe('3');
    const empty: Scenario = { id: newId, name: 'Nytt scenario', startYear: horizon.startYear, years: 3, initiativeIds: [], effects: [] };
    await expectFigures(page, expectedFigures(example, empty));
    const initiativeBoxes = page.locator('.initiatives-choice input[type="checkbox"]');
    expect(await initiativeBoxes.count()).toBe(example.initiatives.length);
    for (let i = 0; i < example.initiatives.length; i++) expect(await initiativeBoxes.nth(i).isChecked()).toBe(false);
    const effects = grid(page, effectsLabel('Nytt scenario'));
    await effects.waitFor();
    expect(await effects.locator('.ag-row[row-id]').count()).toBe(0);

    // The example's period: 2026, three years.
    if ((await startYear.inputValue()) !== '2026') await setField(page, 'Startår', '2026');
    if ((await years.inputValue()) !== '3') await setField(page, 'Antal år', '3');
    await expect.poll(() => startYear.inputValue()).toBe('2026');
    await expect.poll(() => years.inputValue()).toBe('3');
    await expectText(cell(scenarios, newId, 'startYear'), '2026');

    // The example's three initiatives, ticked one after another as a user does.
    const chosen = ['Hemma-hosare', 'Grön omsorg', 'Steg 1-utbildning för en familjebehandlare'];
    const chosenIds = chosen.map((name) => example.initiatives.find((i) => i.name === name)!.id);
    for (const name of chosen) await page.getByRole('checkbox', { name: new RegExp(`^${name} \\(`) }).check();
    for (const [i, initiative] of example.initiatives.entries()) {
      await expect.poll(() => initiativeBoxes.nth(i).isChecked()).toBe(chosenIds.includes(initiative.id));
    }
    const withInitiatives: Scenario = { ...empty, startYear: 2026, initiativeIds: chosenIds };
    await expectFigures(page, expectedFigures(example, withInitiatives));

    // One effect: "Lägg till rad", then its row pasted from "Undviker placering" rightwards
    // (the computed unit column is skipped, as in a spreadsheet paste over a formula column).
    await effects.getByRole('button', { name: 'Lägg till rad', exact: true }).click();
    await expect.poll(() => rowIds(effects)).toHaveLength(1);
    const effectId = (await rowIds(effects))[0]!;
    // A new effect avoids the first placement type, replaced by nothing, for no initiative, in full.
    const firstType = example.placementTypes[0]!.name;
    await expectText(cell(effects, effectId, 'fromPlacementTypeId'), firstType);
    await expectText(cell(effects, effectId, 'toPlacementTypeId'), 'Hemmaplan (ingen ny placering)');
    await expectText(cell(effects, effectId, 'initiativeId'), '(ingen)');
    const row = ['HVB barn och unga', 'Hemmaplan (ingen ny placering)', 'Hemma-hosare', '100 %', '1', '90', '1', '90', '1', '90'];
    await pasteInto(cell(effects, effectId, 'fromPlacementTypeId'), row.join('\t') + '\r\n');
    // Cells already holding the pasted value are left alone: the initiative and six year cells change.
    const changed = 7 + (firstType === row[0] ? 0 : 1);
    await expectText(effects.locator('[role="status"]'), `Klistrade in ${changed} celler.`);
    await expectText(cell(effects, effectId, 'fromPlacementTypeId'), 'HVB barn och unga');
    await expectText(cell(effects, effectId, 'toPlacementTypeId'), 'Hemmaplan (ingen ny placering)');
    await expectText(cell(effects, effectId, 'initiativeId'), 'Hemma-hosare');
    await expectText(cell(effects, effectId, 'placements:2026'), '1');
    await expectText(cell(effects, effectId, 'units:2026'), '90');

    const built: Scenario = {
      ...withInitiatives,
      effects: [
        {
          id: effectId,
          fromPlacementTypeId: 'hvb-barn-unga',
          initiativeId: 'hemma-hosare',
          expectedShare: new Decimal(1),
          perYear: [2026, 2027, 2028].map((year) => ({ year, placements: new Decimal(1), unitsPerPlacement: new Decimal(90) })),
        },
      ],
    };
    expect(example.placementTypes.find((t) => t.id === 'hvb-barn-unga')?.name).toBe('HVB barn och unga');
    const expected = expectedFigures(example, built);
    // The scenario built by hand has the example scenario's figures.
    expect(expected).toEqual(expectedFigures(example, scenarioOf(example, EXAMPLE_ID)));
    expect(expected.years).toHaveLength(3);
    await expectFigures(page, expected);
    // The list's computed columns follow too.
    const result = evaluateScenario(example, built);
    await expectText(cell(scenarios, newId, 'net'), formatMoney(result.totals.net, 'kr'));

    // Stored, not only drawn.
    await page.reload();
    await scenariosReady(page);
    await selectScenario(page, newId, 'Nytt scenario');
    await expectFigures(page, expected);
    expectNoProblems(tab);
  });

  it('renames a scenario in its name cell, duplicates it, deletes the copy and brings it back with Ctrl+Z', async () => {
    const tab = await start('/scenarier');
    const { page } = tab;
    await scenariosReady(page);
    const example = exampleDocument();
    const scenarios = grid(page, SCENARIOS);
    const original = scenarioOf(example, EXAMPLE_ID);
    const nameCell = cell(scenarios, EXAMPLE_ID, 'name');
    await expectText(nameCell, original.name);

    const NEW_NAME = 'Hemmaplan grund';
    await typeIntoCell(nameCell, NEW_NAME);
    await expectText(nameCell, NEW_NAME);
    await selectScenario(page, EXAMPLE_ID, NEW_NAME);
    await expectText(page.locator('#resultat-rubrik'), NEW_NAME);
    await expect.poll(() => grid(page, effectsLabel(NEW_NAME)).count()).toBe(1);

    // Duplicate: a copy right after the original, with the same figures.
    const before = await rowIds(scenarios);
    await nameCell.click();
    await scenarios.getByRole('button', { name: 'Duplicera', exact: true }).click();
    await expect.poll(() => rowIds(scenarios)).toHaveLength(before.length + 1);
    const after = await rowIds(scenarios);
    const copyId = after.find((id) => !before.includes(id))!;
    expect(after.indexOf(copyId)).toBe(after.indexOf(EXAMPLE_ID) + 1);
    const copyName = cell(scenarios, copyId, 'name');
    await expectText(copyName, `${NEW_NAME} (kopia)`);
    const net = formatMoney(evaluateScenario(example, original).totals.net, 'kr');
    await expectText(cell(scenarios, copyId, 'net'), net);
    await expectText(scenarios.locator('[role="status"]'), 'Raden duplicerades.');

    // Delete the copy …
    await copyName.click();
    await scenarios.getByRole('button', { name: 'Ta bort', exact: true }).click();
    await expect.poll(() => rowIds(scenarios)).toEqual(before);
    await expectText(scenarios.locator('[role="status"]'), 'Raden togs bort. Ångra med Ctrl+Z.');

    // … and bring it back.
    await expect.poll(() => scenarios.evaluate((el) => el.contains(document.activeElement))).toBe(true);
    await page.keyboard.press('Control+z');
    await expect.poll(() => rowIds(scenarios)).toEqual(after);
    await expectText(copyName, `${NEW_NAME} (kopia)`);
    await expectText(cell(scenarios, copyId, 'net'), net);
    await expectText(scenarios.locator('[role="status"]'), 'Ångrade den senaste ändringen.');

    await page.reload();
    await scenariosReady(page);
    await expect.poll(() => rowIds(scenarios)).toEqual(after);
    await expectText(cell(scenarios, EXAMPLE_ID, 'name'), NEW_NAME);
    await expectText(cell(scenarios, copyId, 'name'), `${NEW_NAME} (kopia)`);
    expectNoProblems(tab);
  });

  it("uses the scenario's own discount rate for the present value, and the document's once the field is cleared", async () => {
    const tab = await start('/scenarier');
    const { page } = tab;
    await scenariosReady(page);
    const example = exampleDocument();
    const original = scenarioOf(example, EXAMPLE_ID);
    expect(original.settings?.discountRatePercent).toBeUndefined();
    await selectScenario(page, EXAMPLE_ID, original.name);
    await expectFigures(page, expectedFigures(example, original));

    const field = page.getByLabel('Diskonteringsränta (%)', { exact: true });
    const documentRate = example.settings.discountRatePercent;
    await expect.poll(() => field.inputValue()).toBe('');
    await expect(field.getAttribute('placeholder')).resolves.toBe(String(documentRate).replace('.', ','));
    const npvLabel = page.locator('.key-figures div').filter({ has: page.getByTestId('npv') }).locator('dt');

    const own: Scenario = { ...original, settings: { discountRatePercent: new Decimal(3) } };
    const ownNpv = formatMoney(evaluateScenario(example, own).totals.npv, 'kr');
    const documentNpv = formatMoney(evaluateScenario(example, original).totals.npv, 'kr');
    // Three per cent must change the present value, or the test would prove nothing.
    expect(ownNpv).not.toBe(documentNpv);

    await setField(page, 'Diskonteringsränta (%)', '3');
    await expectText(page.getByTestId('npv'), ownNpv);
    await expectFigures(page, expectedFigures(example, own));
    await expectText(npvLabel, `Nuvärde (${formatPercent(new Decimal(3))})`);
    await expect.poll(() => field.inputValue()).toBe('3');
    await expect(page.locator('#scenario-discountRatePercent-error').textContent()).resolves.toBe('');
    // Stored with the scenario.
    await page.reload();
    await scenariosReady(page);
    await selectScenario(page, EXAMPLE_ID, original.name);
    await expectText(page.getByTestId('npv'), ownNpv);
    await expect.poll(() => field.inputValue()).toBe('3');

    await setField(page, 'Diskonteringsränta (%)', '');
    await expectText(page.getByTestId('npv'), documentNpv);
    await expectFigures(page, expectedFigures(example, original));
    await expectText(npvLabel, `Nuvärde (${formatPercent(documentRate)})`);
    await expect.poll(() => field.inputValue()).toBe('');
    expectNoProblems(tab);
  });

  it('refuses "abc" in an effect\'s placements cell at the cell, and 0 years under the field, in Swedish', async () => {
    const tab = await start('/scenarier');
    const { page } = tab;
    await scenariosReady(page);
    const example = exampleDocument();
    const original = scenarioOf(example, EXAMPLE_ID);
    await selectScenario(page, EXAMPLE_ID, original.name);
    const expected = expectedFigures(example, original);
    await expectFigures(page, expected);

    // "abc" as a number of placements.
    const effects = grid(page, effectsLabel(original.name));
    await gridReady(effects);
    const placements = cell(effects, EXAMPLE_EFFECT, 'placements:2026');
    await expectText(placements, '1');
    await typeIntoCell(placements, 'abc');
    const parsed = parseAmount('abc', 'number');
    expect(parsed.ok).toBe(false);
    const message = `Rad 1, kolumn 2026 placeringar: ${(parsed as { message: string }).message}`;
    expect(message).toContain('Kunde inte läsa ”abc”');
    const box = effects.locator('.hp-grid__message');
    await expectText(box, message);
    const [boxRect, cellRect] = await Promise.all([box.boundingBox(), placements.boundingBox()]);
    expect(boxRect!.y).toBeGreaterThanOrEqual(cellRect!.y + cellRect!.height - 1);
    expect(boxRect!.y).toBeLessThan(cellRect!.y + cellRect!.height + 20);
    // The box lies under the cell (moved left only as far as it must to stay inside the grid).
    expect(boxRect!.x).toBeLessThanOrEqual(cellRect!.x + cellRect!.width);
    expect(boxRect!.x + boxRect!.width).toBeGreaterThanOrEqual(cellRect!.x);
    await expectText(effects.locator('[aria-live="assertive"]'), message);
    await expectText(placements, '1');
    await expect.poll(() => placements.evaluate((el) => el.classList.contains('ag-cell-focus'))).toBe(true);
    await expectFigures(page, expected);

    // Zero years: the validator's message under the field, and nothing saved.
    const invalid = serialiseDocument(example) as { scenarios: { id: string; years: number }[] };
    const index = invalid.scenarios.findIndex((s) => s.id === EXAMPLE_ID);
    invalid.scenarios[index]!.years = 0;
    const validation = parseDocument(invalid);
    expect(validation.ok).toBe(false);
    const issue = (validation as { issues: { path: string; message: string }[] }).issues.find((i) => i.path === `scenarios[${index}].years`);
    expect(issue, 'the validator refuses 0 years').toBeDefined();
    const validatorMessage = fieldIssueMessage(issue!);

    const years = page.getByLabel('Antal år', { exact: true });
    await setField(page, 'Antal år', '0');
    const error = page.locator('#scenario-years-error');
    await expectText(error, validatorMessage);
    await expect(years.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(error.getAttribute('role')).resolves.toBe('alert');
    const [errorRect, fieldRect] = await Promise.all([error.boundingBox(), years.boundingBox()]);
    expect(errorRect!.y).toBeGreaterThanOrEqual(fieldRect!.y + fieldRect!.height - 1);
    expect(errorRect!.y).toBeLessThan(fieldRect!.y + fieldRect!.height + 40);
    // What was typed stays for the user to correct; the stored scenario is unchanged.
    await expect(years.inputValue()).resolves.toBe('0');
    // Text that is no year or number of years is refused in those words, not with examples of amounts.
    await setField(page, 'Antal år', 'tre');
    await expectText(error, 'Kunde inte läsa ”tre” som ett antal år. Skriv ett heltal från 1 till 50.');
    await setField(page, 'Startår', 'abc');
    await expectText(page.locator('#scenario-startYear-error'), 'Kunde inte läsa ”abc” som ett årtal. Skriv till exempel 2026.');
    await setField(page, 'Startår', String(original.startYear));
    await setField(page, 'Antal år', '0');
    await expectFigures(page, expected);
    await expectText(cell(grid(page, SCENARIOS), EXAMPLE_ID, 'years'), String(original.years));

    await page.reload();
    await scenariosReady(page);
    await selectScenario(page, EXAMPLE_ID, original.name);
    await expect.poll(() => years.inputValue()).toBe(String(original.years));
    await expectText(cell(grid(page, effectsLabel(original.name)), EXAMPLE_EFFECT, 'placements:2026'), '1');
    await expectFigures(page, expected);
    expectNoProblems(tab);
  });

  it('keeps every one of several changes made in quick succession, before the first is back from the database', async () => {
    const tab = await start('/scenarier');
    const { page } = tab;
    await scenariosReady(page);
    const example = exampleDocument();
    const original = scenarioOf(example, EXAMPLE_ID);
    await selectScenario(page, EXAMPLE_ID, original.name);
    await expectFigures(page, expectedFigures(example, original));
    const left = example.initiatives.filter((i) => !original.initiativeIds.includes(i.id));
    expect(left.length).toBeGreaterThanOrEqual(2);

    // Tick every initiative not yet in the scenario and set the scenario's discount rate, all at once.
    await page.evaluate(
      ({ names }) => {
        const boxes = [...document.querySelectorAll<HTMLInputElement>('.initiatives-choice input[type="checkbox"]')];
        for (const name of names) boxes.find((b) => b.closest('label')?.textContent?.trim().startsWith(`${name} (`))!.click();
        const rate = document.querySelector<HTMLInputElement>('#scenario-discountRatePercent')!;
        rate.value = '3';
        rate.dispatchEvent(new Event('change', { bubbles: true }));
      },
      { names: left.map((i) => i.name) },
    );
    const all: Scenario = {
      ...original,
      settings: { discountRatePercent: new Decimal(3) },
      initiativeIds: example.initiatives.map((i) => i.id),
    };
    const boxes = page.locator('.initiatives-choice input[type="checkbox"]');
    await expectFigures(page, expectedFigures(example, all));
    for (let i = 0; i < example.initiatives.length; i++) expect(await boxes.nth(i).isChecked()).toBe(true);
    await expect.poll(() => page.getByLabel('Diskonteringsränta (%)', { exact: true }).inputValue()).toBe('3');

    // The same for quick edits of two cells of an effect.
    const effects = grid(page, effectsLabel(original.name));
    await typeIntoCell(cell(effects, EXAMPLE_EFFECT, 'placements:2026'), '2');
    await typeIntoCell(cell(effects, EXAMPLE_EFFECT, 'placements:2027'), '3');
    const edited: Scenario = {
      ...all,
      effects: all.effects.map((e) =>
        e.id !== EXAMPLE_EFFECT
          ? e
          : { ...e, perYear: e.perYear.map((y) => (y.year === 2026 ? { ...y, placements: new Decimal(2) } : y.year === 2027 ? { ...y, placements: new Decimal(3) } : y)) },
      ),
    };
    await expectFigures(page, expectedFigures(example, edited));

    await page.reload();
    await scenariosReady(page);
    await selectScenario(page, EXAMPLE_ID, original.name);
    await expectFigures(page, expectedFigures(example, edited));
    expectNoProblems(tab);
  });

  it('has nothing serious or critical for axe with a scenario selected', async () => {
    const tab = await start('/scenarier');
    const { page } = tab;
    await scenariosReady(page);
    const example = exampleDocument();
    const second = example.scenarios[1]!;
    await selectScenario(page, second.id, second.name);
    await expectFigures(page, expectedFigures(example, second));
    expect(await severeAxeViolations(page)).toEqual([]);
    expectNoProblems(tab);
  });
});
