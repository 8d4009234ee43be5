/**
 * Export och data (/data) in Chromium against the built app: a backup is the example document
 * byte for byte (apart from its time stamp); a workshop file of one scenario carries what it
 * uses; a broken file lists the validator's messages and changes nothing; a changed file is
 * previewed (new, identical, in conflict), merged as copies and undone as one step; a price list
 * in CSV is imported by drag and drop.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { appSession, exampleDocument, expectNoProblems, severeAxeViolations } from './app';
import { parseDocumentText, stringifyDocument } from '../../src/exchange/document';
import { documentWithScenarios } from '../../src/exchange/subset';
import { Decimal } from '../../src/domain/money';
import ExcelJS from 'exceljs';

const { start } = appSession();

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return readFile(await file.path(), 'utf8');
}

/** The file's text with its time stamp replaced, for a byte comparison. */
function withoutTimestamp(text: string): string {
  return text.replace(/"exportedAt": "[^"]*"/, '"exportedAt": "T"');
}

async function backup(page: Page): Promise<string> {
  return download(page, 'Exportera allt (säkerhetskopia)');
}

async function chooseFile(page: Page, name: string, content: string): Promise<void> {
  await page.locator('#importfil').setInputFiles({ name, mimeType: 'application/octet-stream', buffer: Buffer.from(content, 'utf8') });
}

describe('Export och data', () => {
  it('exports a backup that is the example byte for byte, and one scenario with what it uses', async () => {
    const app = await start('/data');
    const page = app.page;
    const text = await backup(page);
    expect(withoutTimestamp(text)).toBe(withoutTimestamp(stringifyDocument(exampleDocument(), 'T')));
    expect(parseDocumentText(text).ok).toBe(true);

    await page.getByRole('checkbox', { name: 'Hemmaplan 2026–2028', exact: true }).check();
    const one = await download(page, 'Exportera valt scenario');
    const expected = documentWithScenarios(exampleDocument(), ['exempel-2026-2028']);
    expect(withoutTimestamp(one)).toBe(withoutTimestamp(stringifyDocument(expected, 'T')));
    expect(await severeAxeViolations(page)).toEqual([]);
    expectNoProblems(app);
  });

  it('lists the validator’s messages for a broken file and changes nothing', async () => {
    const app = await start('/data');
    const page = app.page;
    const before = await backup(page);
    const broken = JSON.parse(before);
    broken.placementTypes[0].price = 'gratis';
    broken.scenarios[0].effects[0].fromPlacementTypeId = 'finns-inte';
    await chooseFile(page, 'trasig.hemmaplan.json', JSON.stringify(broken));
    const errors = page.getByTestId('import-errors');
    await errors.waitFor();
    expect(await errors.textContent()).toContain('placementTypes[0].price');
    expect(await errors.textContent()).toContain('scenarios[0].effects[0].fromPlacementTypeId');
    await chooseFile(page, 'inte-json.hemmaplan.json', '{"format": "hemmaplan", ');
    await expect.poll(async () => (await errors.textContent()) ?? '').toContain('inte-json.hemmaplan.json kan inte importeras');
    // Where and why in Swedish, not the JavaScript engine's English.
    expect(await errors.textContent()).toContain('rad 1, tecken 25: texten tar slut innan JSON-värdet är färdigt (det saknas minst ett avslutande })');
    expect(withoutTimestamp(await backup(page))).toBe(withoutTimestamp(before));
    expectNoProblems(app);
  });

  it('previews a changed file, imports conflicts as copies, and undoes the import in one step', async () => {
    const app = await start('/data');
    const page = app.page;
    const before = await backup(page);
    const incoming = JSON.parse(before);
    incoming.placementTypes[0].price = '5000';
    incoming.placementTypes.push({ ...incoming.placementTypes[1], id: 'ny-form', name: 'Ny placeringsform' });
    await chooseFile(page, 'workshop.hemmaplan.json', JSON.stringify(incoming));
    const preview = page.getByTestId('import-preview');
    await preview.waitFor();
    const cells = async (list: string) => page.getByTestId(`preview-${list}`).locator('td').allTextContents();
    expect(await cells('placementTypes')).toEqual(['1', String(incoming.placementTypes.length - 2), '1']);
    expect(await cells('interventions')).toEqual(['0', String(incoming.interventions.length), '0']);
    // Scenarios using the changed placement type would compute something else: they conflict too.
    expect(Number((await cells('scenarios'))[2])).toBeGreaterThan(0);

    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('button', { name: 'Ångra importen' }).waitFor();
    const merged = parseDocumentText(await backup(page));
    if (!merged.ok) throw new Error('the merged backup is invalid');
    const types = merged.document.placementTypes;
    expect(types.find((t) => t.id === 'ny-form')?.name).toBe('Ny placeringsform');
    const copy = types.find((t) => t.name.endsWith('(importerad)'));
    expect(copy?.price.eq(new Decimal('5000'))).toBe(true);
    expect(types.find((t) => t.id === incoming.placementTypes[0].id)?.price.eq(new Decimal('4728'))).toBe(true);

    await page.getByRole('button', { name: 'Ångra importen' }).click();
    await page.getByText('Importen är ångrad.').waitFor();
    expect(withoutTimestamp(await backup(page))).toBe(withoutTimestamp(before));
    expectNoProblems(app);
  });

  it('imports a price list dropped as CSV, with Swedish headers and amounts', async () => {
    const app = await start('/data');
    const page = app.page;
    const csv = '\ufeffNamn;Enhet;Pris;Prisår;Källa\r\nStödboende unga;dygn;"1 950 kr";2025;Egen prislista\r\n';
    await page.getByTestId('drop-zone').evaluate((zone, text) => {
      const data = new DataTransfer();
      data.items.add(new File([text], 'prislista.csv', { type: 'text/csv' }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, csv);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-placementTypes').locator('td').allTextContents()).toEqual(['1', '0', '0']);
    expect(await page.getByRole('radio', { name: /Ersätt allt/ }).count()).toBe(0);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('button', { name: 'Ångra importen' }).waitFor();
    const after = parseDocumentText(await backup(page));
    if (!after.ok) throw new Error('invalid after import');
    const added = after.document.placementTypes.at(-1)!;
    expect([added.name, added.unit, added.price.toFixed(), added.priceYear, added.source]).toEqual(['Stödboende unga', 'day', '1950', 2025, 'Egen prislista']);
    expectNoProblems(app);
  });

  it('imports a catalogue of insatser from an XLSX file picked with the file picker', async () => {
    const app = await start('/data');
    const page = app.page;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Katalog');
    sheet.addRow(['Namn', 'Målgrupp', 'Ålder', 'Beskrivning']);
    sheet.addRow(['Föräldrastöd i grupp', 'Föräldrar', '3–12 år', '<img src=x onerror=alert(1)>']);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    await page.getByLabel('En tabell (.csv, .xlsx) innehåller').selectOption('interventions');
    await page.locator('#importfil').setInputFiles({ name: 'katalog.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: bytes });
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('preview-interventions').locator('td').allTextContents()).toEqual(['1', '0', '0']);
    await page.getByRole('button', { name: 'Importera', exact: true }).click();
    await page.getByRole('button', { name: 'Ångra importen' }).waitFor();
    const after = parseDocumentText(await backup(page));
    if (!after.ok) throw new Error('invalid after import');
    const added = after.document.interventions.at(-1)!;
    expect([added.name, added.targetGroups, added.ageMin, added.ageMax, added.description]).toEqual(['Föräldrastöd i grupp', ['parents'], 3, 12, '<img src=x onerror=alert(1)>']);
    expectNoProblems(app);
  });
});
