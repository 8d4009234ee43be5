/**
 * Scenario files and print in Chromium against the built app: the XLSX, DOCX and CSV a user
 * downloads carry the evaluator's figures, and the print view of the scenario results and of the
 * comparison renders one A4 page per section in Chromium's PDF output, with no navigation.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { appSession, cell, exampleDocument, expectNoProblems, expectText, grid, gridReady, typeIntoCell } from './app';
import { evaluateScenario } from '../../src/domain/scenario';
import { formatMoney, toFixedHalfUp } from '../../src/domain/money';

const { start } = appSession();

const SCENARIO = 'exempel-2026-2028';

function exampleResult() {
  const document = exampleDocument();
  return evaluateScenario(document, document.scenarios.find((s) => s.id === SCENARIO)!);
}

async function download(page: Page, button: string): Promise<{ name: string; bytes: Buffer }> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button, exact: true }).click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: await readFile(path) };
}

/** The number of pages in a PDF: its page objects (Chromium writes an uncompressed page tree). */
function pdfPageCount(pdf: Buffer): number {
  return pdf.toString('latin1').match(/\/Type\s*\/Page\b/g)?.length ?? 0;
}

async function printPages(page: Page): Promise<{ pages: number; sections: number }> {
  await page.emulateMedia({ media: 'print' });
  const sections = await page.locator('.print-section').count();
  const header = await page.locator('.app-header').evaluate((el) => getComputedStyle(el).display);
  expect(header).toBe('none');
  const pdf = await page.pdf({ format: 'A4', printBackground: false });
  return { pages: pdfPageCount(pdf), sections };
}

describe('scenario files', () => {
  it('downloads the XLSX, DOCX and CSV of the selected scenario with the evaluator’s figures', async () => {
    const app = await start('/scenarier');
    const page = app.page;
    await page.getByTestId('year-table').waitFor();
    const result = exampleResult();

    const xlsx = await download(page, 'Excel (XLSX)');
    expect(xlsx.name).toMatch(/\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(new Uint8Array(xlsx.bytes).buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['Sammanfattning', 'Satsningar', 'Effekter', 'Placeringskostnader']);
    // The cached results a viewer shows before recalculating are the evaluator's figures.
    const cached: number[] = [];
    workbook.getWorksheet('Sammanfattning')!.eachRow((row) =>
      row.eachCell((c) => {
        const v = c.value as { result?: unknown } | null;
        if (v && typeof v === 'object' && typeof v.result === 'number') cached.push(v.result);
      }),
    );
    for (const year of result.years) expect(cached.some((v) => year.net.minus(v).abs().lt('1e-6'))).toBe(true);

    const docx = await download(page, 'Word-bilaga (DOCX)');
    expect(docx.name).toMatch(/\.docx$/);
    const xml = await (await JSZip.loadAsync(docx.bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain('<w:tbl>');
    expect(xml).toContain(formatMoney(result.totals.net, 'tkr'));

    const csv = await download(page, 'Årstabell (CSV)');
    expect(csv.name).toMatch(/\.csv$/);
    const text = csv.bytes.toString('utf8');
    expect(text.charCodeAt(0)).toBe(0xfeff);
    for (const year of result.years) expect(text).toContain(`${year.year};${toFixedHalfUp(year.cost, 2).replace('.', ',')}`);
    expectNoProblems(app);
  });
});

describe('grid CSV', () => {
  it('exports the rows shown, numbers as numbers Excel can add, and a formula-like name as text', async () => {
    const app = await start('/placeringskostnader');
    const types = grid(app.page, 'Placeringsformer');
    await gridReady(types);
    const hostile = '=HYPERLINK("http://x.example";"klicka")';
    await typeIntoCell(cell(types, 'hvb-barn-unga', 'name'), hostile);
    await expectText(cell(types, 'hvb-barn-unga', 'name'), hostile);
    const csv = await download(app.page, 'Exportera CSV');
    expect(csv.name).toMatch(/^Placeringsformer-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.bytes.toString('utf8').replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toBe('Placeringsform;Enhet;Pris per enhet (kr);Prisår;Pris per dygn (kr);Målgrupp;Källa;Källa (länk);Anteckningar');
    const hvb = lines.find((l) => l.includes('HYPERLINK'))!;
    expect(hvb.startsWith(`"'=HYPERLINK(""http://x.example"";""klicka"")";Dygn;4728;2025;4728;`)).toBe(true);
    expect(lines.filter((l) => l !== '')).toHaveLength(exampleDocument().placementTypes.length + 1);
    expectNoProblems(app);
  });
});

describe('print', () => {
  it('prints the scenario results one A4 page per section, without navigation or editing tools', async () => {
    const app = await start('/scenarier');
    await app.page.getByTestId('scenario-charts').waitFor();
    await app.page.getByTestId('sensitivity-table').waitFor();
    const { pages, sections } = await printPages(app.page);
    expect(sections).toBe(3);
    expect(pages).toBe(sections);
    expect(await app.page.locator('.hp-grid').first().evaluate((el) => getComputedStyle(el).display)).toBe('none');
    expectNoProblems(app);
  });

  it('prints the comparison one A4 page per section', async () => {
    const app = await start('/jamfor');
    await app.page.getByTestId('compare-yearly-net').waitFor();
    const { pages, sections } = await printPages(app.page);
    expect(sections).toBe(2);
    expect(pages).toBe(sections);
    expectNoProblems(app);
  });
});
