import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { commitImport, fileKind, MAX_IMPORT_BYTES, readImportFile, type ImportFile } from '../../src/data/importer';
import { stringifyDocument } from '../../src/exchange/serialise';
import { exampleDocument } from '../example';
import { testStore } from './databases';

function file(name: string, text: string, size = new TextEncoder().encode(text).length): ImportFile {
  return { name, size, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer };
}

const newStore = testStore;

describe('reading an import file', () => {
  it('knows files by their names', () => {
    expect(['a.hemmaplan.json', 'B.JSON', 'p.csv', 'p.txt', 'k.xlsx', 'k.xls', 'bild.png'].map(fileKind)).toEqual(['document', 'document', 'csv', 'csv', 'xlsx', undefined, undefined]);
  });

  it('refuses an unknown kind and a file over the size limit, in Swedish, before reading it', async () => {
    const current = exampleDocument();
    const unknown = await readImportFile(file('bild.png', ''), 'placementTypes', current);
    expect(unknown).toEqual({ ok: false, messages: [expect.stringContaining('.hemmaplan.json')] });
    const huge = { ...file('stor.hemmaplan.json', '{}'), size: MAX_IMPORT_BYTES + 1, text: () => Promise.reject(new Error('must not be read')) };
    expect(await readImportFile(huge, 'placementTypes', current)).toEqual({ ok: false, messages: [expect.stringContaining('50 MB')] });
  });

  it('lists the validator’s messages for a broken document, and reports text that is not JSON', async () => {
    const current = exampleDocument();
    const json = JSON.parse(stringifyDocument(current));
    json.placementTypes[0].price = 'gratis';
    const broken = await readImportFile(file('x.hemmaplan.json', JSON.stringify(json)), 'placementTypes', current);
    expect(broken.ok).toBe(false);
    // As sentences with the path in brackets after them, not starting with the file's English keys.
    expect(broken).toEqual({ ok: false, messages: ['”gratis” är inget tal; skriv till exempel "520000" eller "44.53" (placementTypes[0].price)'] });
    const notJson = await readImportFile(file('x.hemmaplan.json', '{"format":'), 'placementTypes', current);
    // Not JSON concerns the whole file: no "$" in front.
    expect(notJson).toEqual({ ok: false, messages: ['Filen är inte giltig JSON och kan inte läsas: rad 1, tecken 11: texten tar slut innan JSON-värdet är färdigt (det saknas minst ett avslutande })'] });
  });

  it('plans a valid document and a CSV price list against the current document', async () => {
    const current = exampleDocument();
    const same = await readImportFile(file('x.hemmaplan.json', stringifyDocument(current)), 'placementTypes', current);
    expect(same.ok && same.plan.lists.scenarios.identical.length).toBe(current.scenarios.length);
    expect(same.ok && same.table).toBe(false);
    const prices = await readImportFile(file('p.csv', 'Namn;Enhet;Pris;Prisår\r\nStödboende;dygn;1950;2025\r\n'), 'placementTypes', current);
    expect(prices.ok && prices.table).toBe(true);
    expect(prices.ok && prices.plan.lists.placementTypes.new.map((t) => t.name)).toEqual(['Stödboende']);
  });

  it('reports an XLSX file that is not a workbook instead of throwing', async () => {
    const reading = await readImportFile(file('k.xlsx', 'inte en arbetsbok'), 'interventions', exampleDocument());
    expect(reading.ok).toBe(false);
  });
});

describe('storing an import', () => {
  it('replaces all in one step that one undo takes back', async () => {
    const store = newStore();
    await store.seedOnce(exampleDocument());
    const before = await store.readStored();
    const incoming = { ...exampleDocument(), scenarios: [] };
    expect(await commitImport(store, incoming, 'replace-all')).toEqual({ ok: true });
    const after = await store.read();
    expect(after.ok && after.document.scenarios).toEqual([]);
    await store.undo();
    expect(await store.readStored()).toEqual(before);
  });
});

describe('personal data in an import file', () => {
  it('lists free text that looks like a personnummer in a document, before anything is stored', async () => {
    const current = exampleDocument();
    const json = JSON.parse(stringifyDocument(current));
    json.initiatives[0].description = 'Barnet 121212-1212 bor hemma';
    const reading = await readImportFile(file('x.hemmaplan.json', JSON.stringify(json)), 'placementTypes', current);
    expect(reading.ok && reading.personalData.map((w) => [w.path, w.matches.map((m) => m.text)])).toEqual([['initiatives[0].description', ['121212-1212']]]);
    const clean = await readImportFile(file('x.hemmaplan.json', stringifyDocument(current)), 'placementTypes', current);
    expect(clean.ok && clean.personalData).toEqual([]);
  });

  it('lists it in a CSV price list, by the row’s name, and not for the current settings', async () => {
    const current = exampleDocument();
    current.settings = { ...current.settings, organisation: 'Kontakt 121212-1212' };
    const prices = await readImportFile(file('p.csv', 'Namn;Enhet;Pris;Prisår;Källa\r\nStödboende;dygn;1950;2025;Avtal för 121212-1212\r\nHVB;dygn;5000;2025;070-123 45 67\r\n'), 'placementTypes', current);
    expect(prices.ok && prices.personalData.map((w) => w.location)).toEqual(['Placeringskostnader › Stödboende › Källa']);
  });
});
