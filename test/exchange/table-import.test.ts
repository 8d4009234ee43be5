import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { parseDocument, serialiseDocument } from '../../src/exchange/document';
import { cellText, parseCsvRows, readXlsxRows, TableReadError, tableToDocument, type TableImportOutcome } from '../../src/exchange/table-import';
import { applyImport, planImport } from '../../src/exchange/merge';
import { csvText } from '../../src/exchange/csv';
import { PLACEMENT_CATEGORY_LABELS, PLACEMENT_UNIT_LABELS } from '../../src/exchange/labels';
import { Decimal } from '../../src/domain/money';
import type { HemmaplanDocument, PlacementType } from '../../src/domain/types';
import { validDocument } from './arbitraries';
import { exampleDocument as example } from '../example';

const empty = (): HemmaplanDocument => ({ settings: example().settings, interventions: [], initiatives: [], placementTypes: [], scenarios: [] });

function success(outcome: TableImportOutcome): HemmaplanDocument {
  if (!outcome.ok) throw new Error(outcome.errors.join('\n'));
  // The document has passed the validator, and survives another round through it.
  const again = parseDocument(serialiseDocument(outcome.document));
  expect(again.ok && again.document).toEqual(outcome.document);
  return outcome.document;
}

function failure(outcome: TableImportOutcome): string[] {
  if (outcome.ok) throw new Error('expected errors, got a document');
  return outcome.errors;
}

/** A worksheet built with exceljs, as the bytes of an .xlsx file. */
async function xlsx(fill: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Prislista'), workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

// ---------------------------------------------------------------------------------------------

describe('parseCsvRows', () => {
  it('reads Swedish Excel’s CSV: byte order mark, semicolons, CRLF, quoted cells', () => {
    const text = '\ufeffNamn;Pris;Anteckningar\r\nHVB;"4 728,50 kr";"Pris; inkl. ""allt""\r\nrad två"\r\nSiS;13000;\r\n';
    expect(parseCsvRows(text)).toEqual([
      ['Namn', 'Pris', 'Anteckningar'],
      ['HVB', '4 728,50 kr', 'Pris; inkl. "allt"\r\nrad två'],
      ['SiS', '13000', ''],
    ]);
  });

  it('reads commas and tabs, choosing the separator from the header line only', () => {
    expect(parseCsvRows('Name,Price,Notes\nHVB,"4,728.50","a;b;c"\n')).toEqual([
      ['Name', 'Price', 'Notes'],
      ['HVB', '4,728.50', 'a;b;c'],
    ]);
    expect(parseCsvRows('Namn\tPris\nHVB\t4 728,50\n')).toEqual([
      ['Namn', 'Pris'],
      ['HVB', '4 728,50'],
    ]);
    // Two semicolons beat one comma; separators inside quotes in the header do not count.
    expect(parseCsvRows('Namn;"Pris, kr";Prisår\nA;1,5;2025')).toEqual([
      ['Namn', 'Pris, kr', 'Prisår'],
      ['A', '1,5', '2025'],
    ]);
    expect(parseCsvRows('"Namn,med,komma";Pris\nA;1')[0]).toEqual(['Namn,med,komma', 'Pris']);
  });

  it('reads a file of one column as one column, commas and all', () => {
    expect(parseCsvRows('Namn\nGrön omsorg, gården\n')).toEqual([['Namn'], ['Grön omsorg, gården']]);
  });

  it('obeys and drops Excel’s "sep=" line', () => {
    expect(parseCsvRows('sep=,\r\nNamn;x,Pris\r\nA;b,1\r\n')).toEqual([
      ['Namn;x', 'Pris'],
      ['A;b', '1'],
    ]);
  });

  it('reads LF and lone CR line ends and an empty text', () => {
    expect(parseCsvRows('a;b\rc;d')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseCsvRows('')).toEqual([]);
    expect(parseCsvRows('\ufeff')).toEqual([]);
  });
});

describe('readXlsxRows', () => {
  it('reads numbers as the plain decimals a user sees, without float noise', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Värde']);
      for (const value of [4728.1, 4728.099999999999, 0.1 + 0.2, 2025, 1234567.891, 1e21, 0.000001, -0, -12.5, 520000]) sheet.addRow([value]);
    });
    expect(await readXlsxRows(bytes)).toEqual([
      ['Värde'],
      ['4728.1'],
      ['4728.1'],
      ['0.3'],
      ['2025'],
      ['1234567.891'],
      ['1000000000000000000000'],
      ['0.000001'],
      ['0'],
      ['-12.5'],
      ['520000'],
    ]);
  });

  it('reads dates, rich text, hyperlinks, formula results, errors and booleans as text', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Datum', 'Rik text', 'Länk', 'Formel', 'Utan resultat', 'Fel', 'Sant']);
      const row = sheet.addRow([]);
      row.getCell(1).value = new Date(Date.UTC(2025, 0, 31));
      row.getCell(2).value = { richText: [{ text: 'Cura ' }, { font: { bold: true }, text: 'prislista' }] };
      row.getCell(3).value = { text: 'Cura', hyperlink: 'https://cura.se' };
      row.getCell(4).value = { formula: 'A5*2', result: 9456.199999999999 } as ExcelJS.CellFormulaValue;
      row.getCell(5).value = { formula: '1+1' } as ExcelJS.CellFormulaValue;
      row.getCell(6).value = { error: '#DIV/0!' } as ExcelJS.CellErrorValue;
      row.getCell(7).value = true;
      sheet.getCell('A3').value = new Date(Date.UTC(2025, 5, 1, 8, 30));
    });
    expect(await readXlsxRows(bytes)).toEqual([
      ['Datum', 'Rik text', 'Länk', 'Formel', 'Utan resultat', 'Fel', 'Sant'],
      ['2025-01-31', 'Cura prislista', 'Cura', '9456.2', '', '#DIV/0!', 'SANT'],
      ['2025-06-01 08:30'],
    ]);
  });

  it('keeps row positions, drops trailing empty cells and rows, and reads only the first sheet', async () => {
    const bytes = await xlsx((sheet, workbook) => {
      sheet.getCell('A1').value = 'Namn';
      sheet.getCell('B1').value = 'Pris';
      sheet.getCell('A3').value = 'HVB';
      sheet.getCell('B3').value = 4728;
      sheet.getCell('D3').value = '';
      sheet.getCell('A6').value = null;
      workbook.addWorksheet('Annat').addRow(['inte detta']);
    });
    expect(await readXlsxRows(bytes)).toEqual([['Namn', 'Pris'], [], ['HVB', '4728']]);
  });

  it('reads the cells a merge covers as empty, as Excel does, not as copies of the merged value', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Namn', 'Enhet', 'Pris']);
      sheet.addRow(['HVB', 'dygn', 4728]);
      sheet.addRow(['Jourhem', 'dygn', '']);
      sheet.mergeCells('B3:C3');
    });
    expect(await readXlsxRows(bytes)).toEqual([['Namn', 'Enhet', 'Pris'], ['HVB', 'dygn', '4728'], ['Jourhem', 'dygn']]);
  });

  it('refuses what is not a workbook with a Swedish message', async () => {
    await expect(readXlsxRows(new TextEncoder().encode('Namn;Pris\nHVB;4728'))).rejects.toThrow(TableReadError);
    await expect(readXlsxRows(new Uint8Array())).rejects.toThrow(/Excel-arbetsbok \(\.xlsx\)/);
  });

  it('cellText reads values exceljs may give', () => {
    expect(cellText(undefined)).toBe('');
    expect(cellText(false)).toBe('FALSKT');
    expect(cellText({ sharedFormula: 'A1', result: 0.30000000000000004 })).toBe('0.3');
    expect(cellText({ text: { richText: [{ text: 'Rik ' }, { text: 'länk' }] }, hyperlink: 'https://x.se' })).toBe('Rik länk');
    expect(cellText({ text: '', hyperlink: 'https://mfof.se' })).toBe('https://mfof.se');
    expect(cellText(Number.NaN)).toBe('');
  });
});

// ---------------------------------------------------------------------------------------------

describe('tableToDocument: placement types', () => {
  it('reads a Swedish price list with Swedish amounts and words', () => {
    const rows = parseCsvRows(
      [
        'Namn;Enhet;Pris;Prisår;Målgrupp;Källa;Länk;Anteckningar',
        'HVB ungdom;dygn;4 728 kr;2025;Barn och unga;Cura;https://cura.se/prislista;Övriga kommuner',
        'Jourhem;per månad;"18 500,50";2025;barn;;www.exempel.se;',
        'Behandlingsfamilj;år;1,5 mnkr;2024;Vuxna;;;',
        'Skyddat boende;Kr/dygn;=1800+200;2025;;;;',
      ].join('\r\n'),
    );
    const doc = success(tableToDocument(rows, 'placementTypes', example()));
    expect(serialiseDocument(doc).placementTypes).toEqual([
      { id: 'hvb-ungdom', name: 'HVB ungdom', unit: 'day', price: '4728', priceYear: 2025, category: 'children', source: 'Cura', sourceUrl: 'https://cura.se/prislista', notes: 'Övriga kommuner' },
      { id: 'jourhem', name: 'Jourhem', unit: 'month', price: '18500.5', priceYear: 2025, category: 'children', sourceUrl: 'https://www.exempel.se' },
      { id: 'behandlingsfamilj', name: 'Behandlingsfamilj', unit: 'year', price: '1500000', priceYear: 2024, category: 'adults' },
      { id: 'skyddat-boende', name: 'Skyddat boende', unit: 'day', price: '2000', priceYear: 2025 },
    ]);
    expect(doc.settings).toEqual(example().settings);
    expect(doc.interventions).toEqual([]);
    expect(doc.scenarios).toEqual([]);
  });

  it('reads English headers and values, ignoring case and accents', () => {
    const rows = [
      ['NAME', 'unit', 'Price', 'Price year', 'Category', 'Source', 'Source URL', 'Notes'],
      ['Residential care', 'Day', '4,728.50', '2025', 'Children', 'Contract', 'https://example.org', 'n'],
      ['Adult home', 'month', '12000', '2025', 'adults', '', '', ''],
      ['Big', 'year', '1,234,567', '2025', '', '', '', ''],
      ['Swedish comma', 'year', '4,728', '2025', '', '', '', ''],
    ];
    const doc = success(tableToDocument(rows, 'placementTypes', empty()));
    expect(doc.placementTypes.map((t) => [t.name, t.unit, t.price.toString(), t.category])).toEqual([
      ['Residential care', 'day', '4728.5', 'children'],
      ['Adult home', 'month', '12000', 'adults'],
      ['Big', 'year', '1234567', undefined],
      // A single comma is a decimal comma, as a Swedish user means it.
      ['Swedish comma', 'year', '4.728', undefined],
    ]);
    const accents = success(tableToDocument([['placeringsform', 'ENHET', 'kostnad', 'PRISAR', 'kalla'], ['A', 'Dygn', '1', '2025', 'K']], 'placementTypes', empty()));
    expect(accents.placementTypes[0]).toMatchObject({ name: 'A', source: 'K' });
  });

  it('reads the headers of Hemmaplan’s own grid, and a money unit in a header scales plain numbers', () => {
    const rows = [
      ['Placeringsform', 'Enhet', 'Pris per enhet (tkr)', 'Prisår', 'Pris per dygn (kr)', 'Målgrupp', 'Källa', 'Källa (länk)'],
      ['HVB', 'Dygn', '4,728', '2025', '4728', 'Barn och unga', 'Cura', 'https://cura.se'],
      ['Stöd', 'Månad', '5 tkr', '2025', '164', 'Vuxna', '', ''],
    ];
    const outcome = tableToDocument(rows, 'placementTypes', empty());
    const doc = success(outcome);
    expect(doc.placementTypes.map((t) => [t.price.toString(), t.sourceUrl])).toEqual([
      ['4728', 'https://cura.se'],
      ['5000', undefined],
    ]);
    expect(outcome.notices).toEqual(['Kolumnen Pris per dygn (kr) (E) lämnas utan avseende: pris läses redan från kolumnen Pris per enhet (tkr) (C).']);
  });

  it('takes the unit from a price header when there is no unit column', () => {
    const outcome = tableToDocument([['Placeringsform', 'Dygnskostnad', 'År'], ['HVB', '4 728', '2025']], 'placementTypes', empty());
    expect(success(outcome).placementTypes[0]).toMatchObject({ unit: 'day', priceYear: 2025 });
    expect(outcome.notices).toEqual(['Kolumnen Enhet saknas; priserna läses som pris per dygn, som rubriken Dygnskostnad säger.']);
    const yearly = success(tableToDocument([['Namn', 'Årskostnad (tkr)', 'Prisår'], ['Familjehem', '300', '2024']], 'placementTypes', empty()));
    expect(yearly.placementTypes[0]).toMatchObject({ unit: 'year', price: new Decimal(300000) });
    const perMonth = success(tableToDocument([['Namn', 'Enhet', 'Price per month', 'Prisår'], ['A', '', '10', '2024'], ['B', 'dygn', '1', '2024']], 'placementTypes', empty()));
    expect(perMonth.placementTypes.map((t) => t.unit)).toEqual(['month', 'day']);
  });

  it('names the row and column of each bad value, all at once', () => {
    const rows = parseCsvRows(
      [
        'Namn;Enhet;Pris;Prisår;Länk',
        'HVB;dygn;4 728 kr;2025;',
        'Fel pris;dygn;fyratusen;2025;',
        '',
        'Fel enhet;vecka;100;2025;',
        'Fel år;dygn;100;1800;',
        'Negativt;dygn;-5;2025;',
        ';dygn;100;2025;',
        'Fel länk;dygn;100;tjugofem;ftp://x',
      ].join('\n'),
    );
    expect(failure(tableToDocument(rows, 'placementTypes', empty()))).toEqual([
      'Rad 3, kolumn Pris: Kunde inte läsa ”fyratusen” som ett belopp. Skriv till exempel 520 000, 520 tkr, 1,5 mnkr eller =25*800.',
      'Rad 5, kolumn Enhet: ”vecka” känns inte igen; skriv dygn, månad eller år',
      'Rad 6, kolumn Prisår: ska vara ett heltal från 1900 till 2200',
      'Rad 7, kolumn Pris: får inte vara mindre än 0',
      'Rad 8, kolumn Namn: saknas men måste anges',
      'Rad 9, kolumn Prisår: ”tjugofem” är inget heltal; skriv till exempel 2025',
      'Rad 9, kolumn Länk: ska vara en webbadress som börjar med http:// eller https://',
    ]);
  });

  it('leaves a category it does not know empty, with a notice, since users fill that column with words of their own', () => {
    const outcome = tableToDocument([['Namn', 'Enhet', 'Pris', 'Prisår', 'Kategori'], ['HVB', 'dygn', '1', '2025', 'Institution'], ['Jourhem', 'dygn', '1', '2025', 'Vuxna']], 'placementTypes', empty());
    expect(success(outcome).placementTypes.map((t) => t.category)).toEqual([undefined, 'adults']);
    expect(outcome.notices).toEqual(['Rad 2, kolumn Kategori: ”Institution” känns inte igen och lämnas tomt; de värden som går att använda är barn och unga eller vuxna']);
  });

  it('names a missing required column and does not list every row', () => {
    const outcome = tableToDocument([['Namn', 'Pris'], ['HVB', '4728'], ['SiS', '13000']], 'placementTypes', empty());
    expect(failure(outcome)).toEqual([
      'Kolumnen Enhet saknas. Lägg till en kolumn med rubriken Enhet (eller Unit, med dygn, månad eller år; eller en rubrik som Dygnspris) och försök igen.',
      'Kolumnen Prisår saknas. Lägg till en kolumn med rubriken Prisår (eller Price year, År, med det år priset gäller) och försök igen.',
    ]);
    expect(failure(tableToDocument([['Enhet', 'Prisår'], ['dygn', '2025']], 'placementTypes', empty()))).toEqual([
      'Kolumnen Namn saknas. Lägg till en kolumn med rubriken Namn (eller Placeringsform, Name) och försök igen.',
      'Kolumnen Pris saknas. Lägg till en kolumn med rubriken Pris (eller Price, Kostnad, Dygnspris) och försök igen.',
    ]);
  });

  it('reports unknown columns, headerless data and rows above the header as notices', () => {
    const rows = [['Prislista HVB 2025'], [], ['Namn', 'Kommun', 'Enhet', 'Pris', 'Prisår', ''], ['HVB', 'Borgholm', 'dygn', '4728', '2025', 'x', 'y']];
    const outcome = tableToDocument(rows, 'placementTypes', empty());
    expect(success(outcome).placementTypes).toHaveLength(1);
    expect(outcome.notices).toEqual([
      'Rad 1–2 ovanför rubrikraden lämnas utan avseende.',
      'Kolumnen Kommun (B) känns inte igen och lämnas utan avseende.',
      'Kolumn F saknar rubrik och lämnas utan avseende.',
      'Kolumn G saknar rubrik och lämnas utan avseende.',
    ]);
  });

  it('refuses an empty table and a table without rows', () => {
    expect(failure(tableToDocument([], 'placementTypes', empty()))).toEqual([
      'Tabellen är tom. Den första raden ska ha rubriker som Namn, Enhet, Pris och Prisår, och raderna under den ett värde per kolumn.',
    ]);
    expect(failure(tableToDocument([[''], ['  ']], 'placementTypes', empty()))[0]).toMatch(/^Tabellen är tom/);
    expect(failure(tableToDocument([['Namn', 'Enhet', 'Pris', 'Prisår'], []], 'placementTypes', empty()))).toEqual([
      'Tabellen har inga rader under rubrikraden. Fyll i en rad per placeringsform och försök igen.',
    ]);
  });

  it('lists at most MAX_TABLE_ERRORS messages and counts the rest', () => {
    const rows = [['Namn', 'Enhet', 'Pris', 'Prisår'], ...Array.from({ length: 100 }, (_, i) => [`P${i}`, 'dygn', 'x', '2025'])];
    const errors = failure(tableToDocument(rows, 'placementTypes', empty()));
    expect(errors).toHaveLength(50);
    expect(errors[49]).toBe('… och 51 fel till.');
  });

  it('lists at most MAX_TABLE_ERRORS notices too and counts the rest', () => {
    const header = ['Namn', 'Enhet', 'Pris', 'Prisår', ...Array.from({ length: 80 }, (_, i) => `Okänd ${i}`)];
    const outcome = tableToDocument([header, ['HVB', 'dygn', '4728', '2025']], 'placementTypes', empty());
    expect(outcome.ok).toBe(true);
    expect(outcome.notices).toHaveLength(50);
    expect(outcome.notices[0]).toMatch(/^Kolumnen Okänd 0 \(E\) känns inte igen/);
    expect(outcome.notices[49]).toBe('… och 31 anmärkningar till.');
  });

  describe('ids', () => {
    it('uses an Id column and reports duplicates by row', () => {
      const rows = [['Id', 'Namn', 'Enhet', 'Pris', 'Prisår'], ['hvb', 'A', 'dygn', '1', '2025'], ['sis', 'B', 'dygn', '1', '2025'], ['hvb', 'C', 'dygn', '1', '2025']];
      expect(failure(tableToDocument(rows, 'placementTypes', empty()))).toEqual(['Rad 4, kolumn Id: id ”hvb” finns redan på rad 2; varje id ska vara unikt']);
      rows.pop();
      expect(success(tableToDocument(rows, 'placementTypes', empty())).placementTypes.map((t) => t.id)).toEqual(['hvb', 'sis']);
    });

    it('makes ids from names, unique among the rows and the current items', () => {
      const current = example();
      const rows = [
        ['Namn', 'Enhet', 'Pris', 'Prisår'],
        ['Grön omsorg – Gården (Å)', 'dygn', '1', '2025'],
        ['GRÖN OMSORG gården å', 'dygn', '1', '2025'],
        ['Sis ungdomshem', 'dygn', '1', '2025'],
        ['!!!', 'dygn', '1', '2025'],
        ['x'.repeat(200), 'dygn', '1', '2025'],
      ];
      current.placementTypes.push({ ...current.placementTypes[0]!, id: 'sis-ungdomshem', name: 'Något annat' });
      const ids = success(tableToDocument(rows, 'placementTypes', current)).placementTypes.map((t) => t.id);
      expect(ids).toEqual(['gron-omsorg-garden-a', 'gron-omsorg-garden-a-2', 'sis-ungdomshem-2', 'placeringsform', 'x'.repeat(80)]);
    });

    it('numbers many rows of one name on, skipping ids in use', () => {
      const current = example();
      current.placementTypes.push({ ...current.placementTypes[0]!, id: 'a-3', name: 'Något annat' });
      const rows = [['Namn', 'Enhet', 'Pris', 'Prisår'], ...Array.from({ length: 5 }, () => ['A', 'dygn', '1', '2025'])];
      const ids = success(tableToDocument(rows, 'placementTypes', current)).placementTypes.map((t) => t.id);
      expect(ids).toEqual(['a', 'a-2', 'a-4', 'a-5', 'a-6']);
    });

    it('gives a row the id of the current item with the same name, so a new price list updates the old one', () => {
      const current = example();
      const rows = [
        ['Placeringsform', 'Enhet', 'Pris', 'Prisår', 'Målgrupp', 'Källa'],
        ['hvb BARN och unga', 'Dygn', '4 950', '2026', 'Barn och unga', 'Cura, prislista 2026'],
        ['Jourhem', 'Dygn', '1 900', '2026', 'Barn och unga', ''],
      ];
      const incoming = success(tableToDocument(rows, 'placementTypes', current));
      expect(incoming.placementTypes.map((t) => t.id)).toEqual(['hvb-barn-unga', 'jourhem']);
      const plan = planImport(current, incoming);
      expect(plan.lists.placementTypes.conflicts.map((c) => c.id)).toEqual(['hvb-barn-unga']);
      expect(plan.lists.placementTypes.new.map((t) => t.id)).toEqual(['jourhem']);
      expect(plan.settings.differ).toBe(false);
      const merged = applyImport(current, incoming, 'replace');
      expect(merged.placementTypes.map((t) => t.id)).toEqual([...current.placementTypes.map((t) => t.id), 'jourhem']);
      expect(merged.placementTypes[0]).toMatchObject({ price: new Decimal(4950), priceYear: 2026 });
      expect(parseDocument(serialiseDocument(merged)).ok).toBe(true);
    });
  });

  describe('hostile text stays text', () => {
    it('keeps markup, formulas and odd names as they are, and takes away only the CSV export’s apostrophe', () => {
      const rows = [
        ['Namn', 'Enhet', 'Pris', 'Prisår', 'Anteckningar', '__proto__', 'constructor'],
        ['<img src=x onerror=alert(1)>', 'dygn', '1', '2025', '=HYPERLINK("http://evil.example","klicka")', 'x', 'y'],
        ["'=1+1", 'dygn', '1', '2025', "'-2", '', ''],
        ['__proto__', 'dygn', '1', '2025', "Barnens 'egen' tid", '', ''],
      ];
      const outcome = tableToDocument(rows, 'placementTypes', empty());
      const doc = success(outcome);
      expect(doc.placementTypes.map((t) => [t.id, t.name, t.notes])).toEqual([
        ['img-src-x-onerror-alert-1', '<img src=x onerror=alert(1)>', '=HYPERLINK("http://evil.example","klicka")'],
        ['1-1', '=1+1', '-2'],
        ['proto', '__proto__', "Barnens 'egen' tid"],
      ]);
      expect(outcome.notices).toEqual([
        'Kolumnen __proto__ (F) känns inte igen och lämnas utan avseende.',
        'Kolumnen constructor (G) känns inte igen och lämnas utan avseende.',
      ]);
      expect(({} as Record<string, unknown>).x).toBeUndefined();
    });

    it('does not evaluate a formula in a money column beyond arithmetic', () => {
      const errors = failure(tableToDocument([['Namn', 'Enhet', 'Pris', 'Prisår'], ['A', 'dygn', '=alert(1)', '2025']], 'placementTypes', empty()));
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatch(/^Rad 2, kolumn Pris: Formeln väntade sig ett tal/);
    });

    it('refuses text that is too long, with its row and column', () => {
      const errors = failure(tableToDocument([['Namn', 'Enhet', 'Pris', 'Prisår'], ['n'.repeat(10_001), 'dygn', '1', '2025']], 'placementTypes', empty()));
      expect(errors).toEqual(['Rad 2, kolumn Namn: är för lång: 10\u00a0001 tecken, högst 10\u00a0000 är tillåtna']);
    });
  });

  it('reads any valid placement types written by Hemmaplan’s CSV writer back as they were', () => {
    const clean = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : text.trim());
    fc.assert(
      fc.property(validDocument, (doc) => {
        const rows = [
          ['Id', 'Placeringsform', 'Enhet', 'Pris per enhet (kr)', 'Prisår', 'Målgrupp', 'Källa', 'Källa (länk)', 'Anteckningar'],
          ...doc.placementTypes.map((t) => [
            t.id,
            t.name,
            PLACEMENT_UNIT_LABELS[t.unit],
            t.price,
            t.priceYear,
            t.category && PLACEMENT_CATEGORY_LABELS[t.category],
            t.source,
            t.sourceUrl,
            t.notes,
          ]),
        ];
        const outcome = tableToDocument(parseCsvRows(csvText(rows)), 'placementTypes', doc);
        if (doc.placementTypes.length === 0) {
          expect(outcome.ok).toBe(false);
          return;
        }
        const expected: PlacementType[] = doc.placementTypes.map((t) => {
          const out: PlacementType = { id: t.id, name: t.name.trim(), unit: t.unit, price: t.price, priceYear: t.priceYear };
          if (t.category) out.category = t.category;
          for (const key of ['source', 'sourceUrl', 'notes'] as const) if (clean(t[key]) !== undefined) out[key] = clean(t[key]);
          return out;
        });
        expect(success(outcome).placementTypes).toEqual(expected);
      }),
      { numRuns: 200 },
    );
  });
});

describe('tableToDocument: interventions', () => {
  it('reads the columns of Hemmaplan’s own catalogue grid', () => {
    const rows = [
      ['Namn', 'Kortnamn', 'Kategori', 'Målgrupp', 'Ålder från', 'Ålder till', 'Enhet', 'Form', 'Omfattning', 'Behovsprövning', 'Status', 'Utbildad personal', 'Styckkostnad (tkr)', 'Kostnad per', 'Teori', 'Kunskapsstöd (länk)', 'Beskrivning', 'Anteckningar', 'Taggar'],
      ['ABC 3–12 år', 'ABC', 'Föräldraskapsstöd', 'Föräldrar, barn', '3', '12', 'Stöd och insatser', 'Grupp', '4 träffar à 2,5 h', 'Båda', 'Erbjuds', '4', '2,5', 'grupp', 'Inlärningsteori', 'https://mfof.se/abc', 'Föräldragrupp', 'Ny ledare 2026', 'föräldragrupp; universellt stöd'],
      ['MI', '', '', 'Vuxna och anhöriga', '', '', '', 'Individuell', '', 'Utan behovsprövning', 'Planerad', '', '', '', '', '', '', '', ''],
    ];
    const doc = success(tableToDocument(rows, 'interventions', example()));
    expect(serialiseDocument(doc).interventions).toEqual([
      {
        id: 'abc-3-12-ar',
        name: 'ABC 3–12 år',
        shortName: 'ABC',
        description: 'Föräldragrupp',
        category: 'Föräldraskapsstöd',
        targetGroups: ['parents', 'children'],
        ageMin: 3,
        ageMax: 12,
        unit: 'Stöd och insatser',
        format: 'group',
        scope: '4 träffar à 2,5 h',
        theory: 'Inlärningsteori',
        evidenceUrl: 'https://mfof.se/abc',
        needsAssessment: 'both',
        status: 'offered',
        trainedStaff: 4,
        unitCost: '2500',
        unitCostUnit: 'grupp',
        notes: 'Ny ledare 2026',
        tags: ['föräldragrupp', 'universellt stöd'],
      },
      { id: 'mi', name: 'MI', targetGroups: ['adults', 'relatives'], format: 'individual', needsAssessment: 'without-assessment', status: 'planned' },
    ]);
  });

  it('reads English headers, an age range and a cost per unit in the header; status defaults to offered', () => {
    const rows = [
      ['Method', 'Target groups', 'Age', 'Format', 'Needs assessment', 'Cost per session', 'Evidence', 'Tags'],
      ['Parent training', 'parents/children', '3-12 years', 'group', 'yes', '800', 'https://example.org/pt', 'a,b'],
      ['Youth coaching', 'youth', '13+', 'individual', 'no', '1 200 kr', '', ''],
      ['Support', 'Unga', 'upp till 18 år', 'Nätverk', 'båda', '', '', ''],
      ['Toddlers', 'Barn', '2', 'family', '', '', '', ''],
    ];
    const doc = success(tableToDocument(rows, 'interventions', empty()));
    expect(doc.interventions.map((v) => [v.name, v.targetGroups, v.ageMin, v.ageMax, v.format, v.needsAssessment, v.status, v.unitCost?.toString(), v.unitCostUnit])).toEqual([
      ['Parent training', ['parents', 'children'], 3, 12, 'group', 'assessed', 'offered', '800', 'session'],
      ['Youth coaching', ['youth'], 13, undefined, 'individual', 'without-assessment', 'offered', '1200', 'session'],
      ['Support', ['youth'], undefined, 18, 'network', 'both', 'offered', undefined, undefined],
      ['Toddlers', ['children'], 2, 2, 'family', undefined, 'offered', undefined, undefined],
    ]);
  });

  it('names the row and column of unknown words and a reversed age span', () => {
    const rows = [
      ['Insats', 'Målgrupp', 'Ålder från', 'Ålder till', 'Status', 'Ålder'],
      ['A', 'barn, katter', '', '', '', ''],
      ['B', '', '12', '3', 'kanske', ''],
      ['C', '', '', '', '', 'tonår'],
      ['D', '', '', '200', '', ''],
    ];
    expect(failure(tableToDocument(rows, 'interventions', empty()))).toEqual([
      'Rad 2, kolumn Målgrupp: ”katter” känns inte igen; skriv barn, unga, föräldrar, vuxna eller anhöriga, flera åtskilda med kommatecken',
      'Rad 3, kolumn Ålder till: högsta åldern (3) är lägre än lägsta åldern (12); skriv den lägre åldern först',
      'Rad 3, kolumn Status: ”kanske” känns inte igen; skriv erbjuds, planerad, föreslagen eller avslutad',
      'Rad 4, kolumn Ålder: ”tonår” är inget åldersspann; skriv till exempel 3–12, 13+ eller upp till 18',
      'Rad 5, kolumn Ålder till: ska vara ett heltal från 0 till 120',
    ]);
  });

  it('needs only a name column', () => {
    expect(failure(tableToDocument([['Beskrivning'], ['x']], 'interventions', empty()))).toEqual([
      'Kolumnen Namn saknas. Lägg till en kolumn med rubriken Namn (eller Insats, Metod, Name) och försök igen.',
    ]);
    expect(success(tableToDocument([['Metod'], ['MI']], 'interventions', empty())).interventions).toEqual([{ id: 'mi', name: 'MI', status: 'offered' }]);
  });
});

describe('from file to preview', () => {
  it('an XLSX price list built in Excel goes through to a plan', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.addRow(['Prislista 2026']);
      sheet.addRow(['Placeringsform', 'Enhet', 'Pris (kr)', 'Prisår', 'Källa', 'Länk']);
      sheet.addRow(['HVB barn och unga', 'Dygn', 4728.099999999999, 2026, { richText: [{ text: 'Cura ' }, { text: '2026' }] }, { text: 'https://cura.se', hyperlink: 'https://cura.se' }]);
      sheet.addRow(['Jourhem', 'Månad', { formula: '18000+500', result: 18500 }, 2026, null, null]);
      sheet.addRow(['Trasigt', 'Dygn', 'gratis', 2026]);
    });
    const rows = await readXlsxRows(bytes);
    const errors = failure(tableToDocument(rows, 'placementTypes', example()));
    expect(errors).toEqual(['Rad 5, kolumn Pris (kr): Kunde inte läsa ”gratis” som ett belopp. Skriv till exempel 520 000, 520 tkr, 1,5 mnkr eller =25*800.']);
    const fixed = rows.slice(0, 4);
    const outcome = tableToDocument(fixed, 'placementTypes', example());
    expect(outcome.notices).toEqual(['Rad 1 ovanför rubrikraden lämnas utan avseende.']);
    const doc = success(outcome);
    expect(serialiseDocument(doc).placementTypes).toEqual([
      { id: 'hvb-barn-unga', name: 'HVB barn och unga', unit: 'day', price: '4728.1', priceYear: 2026, source: 'Cura 2026', sourceUrl: 'https://cura.se' },
      { id: 'jourhem', name: 'Jourhem', unit: 'month', price: '18500', priceYear: 2026 },
    ]);
    const plan = planImport(example(), doc);
    expect(plan.lists.placementTypes.conflicts.map((c) => c.id)).toEqual(['hvb-barn-unga']);
    expect(plan.lists.placementTypes.new.map((t) => t.id)).toEqual(['jourhem']);
  });
});
