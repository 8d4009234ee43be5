/**
 * The personal data guard in Chromium against the built app: text that looks like a personnummer
 * asks before it is saved (a grid cell typed or pasted, the organisation), "Ändra texten" saves
 * nothing and "Spara ändå" saves; a phone number saves without asking; an imported file's
 * personnummer is listed in the preview, for a document and for a CSV price list.
 */
import { describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { appSession, cell, exampleDocument, expectNoProblems, expectText, grid, gridReady, pasteInto, severeAxeViolations, storedSettings, typeIntoCell } from './app';
import { stringifyDocument } from '../../src/exchange/serialise';
import { luhnCheckDigit } from '../../src/domain/personal-data';

const { start } = appSession();

const WITH_NUMBER = 'Barnet 121212-1212 bor hemma';
const PHONE = 'Ring 070-123 45 67';

/** The dialog, once it is open. */
async function openDialog(page: Page): Promise<Locator> {
  const dialog = page.getByRole('alertdialog', { name: 'Ett personnummer i texten?' });
  await dialog.waitFor();
  return dialog;
}

async function focusedText(page: Page): Promise<string | undefined> {
  return page.evaluate(() => document.activeElement?.textContent?.trim());
}

/** The organisation as stored (the save is asynchronous), and as shown after a reload. */
async function expectStoredOrganisation(page: Page, expected: string): Promise<void> {
  await expect.poll(async () => (await storedSettings(page)).organisation).toBe(expected);
  await page.reload();
  expect(await organisationField(page).inputValue()).toBe(expected);
}

function organisationField(page: Page): Locator {
  return page.getByLabel('Organisation', { exact: true });
}

async function expectClosed(page: Page): Promise<void> {
  await expect.poll(() => page.getByRole('alertdialog').count()).toBe(0);
}

describe('the personal data guard', () => {
  it('uses a test number whose check digit is right', () => {
    expect(luhnCheckDigit('121212121')).toBe(2);
  });

  it('asks before a grid cell saves a personnummer: Escape and "Ändra texten" save nothing, "Spara ändå" saves', async () => {
    const app = await start('/insatser');
    const { page } = app;
    const interventions = grid(page, 'Insatser och metoder');
    await gridReady(interventions);
    const row = exampleDocument().interventions[0]!;
    const name = cell(interventions, row.id, 'name');
    await expectText(name, row.name);

    // Typed: the dialog opens with the focus on "Ändra texten" and says what it found.
    await typeIntoCell(name, WITH_NUMBER);
    const dialog = await openDialog(page);
    expect(await dialog.textContent()).toContain('Texten ser ut att innehålla ett personnummer (121212-1212)');
    expect(await dialog.textContent()).toContain('Hemmaplan är till för planer, inte för uppgifter om enskilda personer.');
    await expect.poll(() => focusedText(page)).toBe('Ändra texten');
    expect(await severeAxeViolations(page)).toEqual([]);

    // Escape is "Ändra texten": nothing is saved and the editor opens again with the text, the number selected.
    await page.keyboard.press('Escape');
    await expectClosed(page);
    const editor = name.locator('input');
    await expect.poll(() => editor.inputValue()).toBe(WITH_NUMBER);
    await expect.poll(() => editor.evaluate((el: HTMLInputElement) => el.value.slice(el.selectionStart ?? 0, el.selectionEnd ?? 0))).toBe('121212-1212');
    await page.keyboard.press('Escape');
    await expectText(name, row.name);

    // "Ändra texten" by mouse: nothing is saved either.
    await typeIntoCell(name, WITH_NUMBER);
    await (await openDialog(page)).getByRole('button', { name: 'Ändra texten' }).click();
    await expectClosed(page);
    await page.keyboard.press('Escape');
    await expectText(name, row.name);
    await page.reload();
    await gridReady(interventions);
    await expectText(cell(interventions, row.id, 'name'), row.name);

    // "Spara ändå" saves, and the text is still there after a reload.
    await typeIntoCell(cell(interventions, row.id, 'name'), WITH_NUMBER);
    await (await openDialog(page)).getByRole('button', { name: 'Spara ändå' }).click();
    await expectClosed(page);
    await expectText(cell(interventions, row.id, 'name'), WITH_NUMBER);
    await page.reload();
    await gridReady(interventions);
    await expectText(cell(interventions, row.id, 'name'), WITH_NUMBER);
    expectNoProblems(app);
  });

  it('saves a phone number without asking', async () => {
    const app = await start('/insatser');
    const { page } = app;
    const interventions = grid(page, 'Insatser och metoder');
    await gridReady(interventions);
    const row = exampleDocument().interventions[1]!;
    const name = cell(interventions, row.id, 'name');
    await typeIntoCell(name, PHONE);
    await expectText(name, PHONE);
    expect(await page.getByRole('alertdialog').count()).toBe(0);
    await page.reload();
    await gridReady(interventions);
    await expectText(cell(interventions, row.id, 'name'), PHONE);
    expectNoProblems(app);
  });

  it('asks before a paste saves a personnummer, and pastes nothing when the text is to be changed', async () => {
    const app = await start('/insatser');
    const { page } = app;
    const interventions = grid(page, 'Insatser och metoder');
    await gridReady(interventions);
    const [first, second] = exampleDocument().interventions;
    await pasteInto(cell(interventions, first!.id, 'name'), `Första\r\n${WITH_NUMBER}\r\n`);
    await (await openDialog(page)).getByRole('button', { name: 'Ändra texten' }).click();
    await expectClosed(page);
    await expectText(interventions.locator('.hp-grid__message'), 'Inget klistrades in. Ändra texten och klistra in den igen.');
    await expectText(cell(interventions, first!.id, 'name'), first!.name);
    await expectText(cell(interventions, second!.id, 'name'), second!.name);

    await pasteInto(cell(interventions, first!.id, 'name'), `Första\r\n${WITH_NUMBER}\r\n`);
    await (await openDialog(page)).getByRole('button', { name: 'Spara ändå' }).click();
    await expectText(cell(interventions, first!.id, 'name'), 'Första');
    await expectText(cell(interventions, second!.id, 'name'), WITH_NUMBER);
    expectNoProblems(app);
  });

  it('asks before the organisation on Inställningar saves a personnummer', async () => {
    const app = await start('/installningar');
    const { page } = app;
    const organisation = organisationField(page);
    const before = await organisation.inputValue();
    await organisation.fill(`Handläggare för ${WITH_NUMBER}`);
    await organisation.press('Tab');
    await (await openDialog(page)).getByRole('button', { name: 'Ändra texten' }).click();
    await expectClosed(page);
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'Organisationen sparades inte' }).count()).toBe(1);
    await page.reload();
    expect(await organisationField(page).inputValue()).toBe(before);

    // An organisationsnummer is not a personnummer: saved without asking.
    await organisationField(page).fill('Socialnämnden 212000-0142');
    await organisationField(page).press('Tab');
    await expectStoredOrganisation(page, 'Socialnämnden 212000-0142');
    expect(await page.getByRole('alertdialog').count()).toBe(0);

    await organisationField(page).fill(WITH_NUMBER);
    await organisationField(page).press('Tab');
    await (await openDialog(page)).getByRole('button', { name: 'Spara ändå' }).click();
    await expectClosed(page);
    await expectStoredOrganisation(page, WITH_NUMBER);
    expectNoProblems(app);
  });

  it('lists a personnummer in an imported document and in a CSV price list in the preview, before importing', async () => {
    const app = await start('/data');
    const { page } = app;
    const incoming = JSON.parse(stringifyDocument(exampleDocument()));
    incoming.initiatives[0].description = WITH_NUMBER;
    await page.locator('#importfil').setInputFiles({ name: 'plan.hemmaplan.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(incoming), 'utf8') });
    const warnings = page.getByTestId('personal-data-warnings');
    await warnings.waitFor();
    const text = (await warnings.textContent()) ?? '';
    expect(text).toContain('Hemmaplan är till för planer, inte för uppgifter om enskilda personer.');
    expect(text).toContain(`Satsningar › ${exampleDocument().initiatives[0]!.name} › Beskrivning: 121212-1212`);
    expect(await page.getByRole('button', { name: 'Importera', exact: true }).isVisible()).toBe(true);
    expect(await severeAxeViolations(page)).toEqual([]);
    await page.getByRole('button', { name: 'Avbryt' }).click();

    const csv = `Namn;Enhet;Pris;Prisår;Källa\r\nStödboende;dygn;1950;2025;Avtal för ${WITH_NUMBER}\r\nJourhem;dygn;1200;2025;${PHONE}\r\n`;
    await page.locator('#importfil').setInputFiles({ name: 'priser.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByTestId('import-preview').filter({ hasText: 'priser.csv' }).waitFor();
    await expect.poll(async () => (await page.getByTestId('personal-data-warnings').locator('li').allTextContents())).toEqual([
      'Placeringskostnader › Stödboende › Källa: 121212-1212',
    ]);

    // A clean file shows no warning.
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.locator('#importfil').setInputFiles({ name: 'ren.hemmaplan.json', mimeType: 'application/json', buffer: Buffer.from(stringifyDocument(exampleDocument()), 'utf8') });
    await page.getByTestId('import-preview').filter({ hasText: 'ren.hemmaplan.json' }).waitFor();
    expect(await page.getByTestId('personal-data-warnings').count()).toBe(0);
    expectNoProblems(app);
  });
});
