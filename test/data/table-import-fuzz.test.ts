/**
 * The table imports under fire: generated and hostile price lists as CSV (every separator, line
 * end, byte order mark and encoding Excel writes, quotes doubled and unterminated, empty lines,
 * huge cells, lone surrogates, NUL bytes, formulas and formula prefixes, Swedish and English
 * numbers, odd headers, missing and unknown columns, ragged rows, names that collide with the
 * current ones, bad units, years and links) and as XLSX built with ExcelJS (numbers, dates,
 * formulas with cached results, rich text, hyperlinks, errors, merged cells, empty and several
 * sheets) go through readImportFile, the one path the page uses. For every input:
 * - it returns a reading and never throws, and never ends in the catch-all "Filen gick inte att läsa";
 * - a success has passed the validator, and merging it keeps a valid document with nothing of the
 *   current one lost;
 * - a failure is at most MAX_TABLE_ERRORS Swedish messages, each naming its row and column (or the
 *   column that is missing, or the table), none longer than a few hundred characters;
 * - a price is the exact decimal the cell says, and the grid's own CSV export reads back as it was.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { readImportFile, type ImportFile, type ImportReading } from '../../src/data/importer';
import { parseDocument, serialiseDocument } from '../../src/exchange/document';
import { applyImport, type ImportChoice } from '../../src/exchange/merge';
import { csvText, type CsvCell } from '../../src/exchange/csv';
import { COLUMN_HEADERS, MAX_TABLE_ERRORS, normaliseWords, type TableTarget, WINDOWS_1252_NOTICE } from '../../src/exchange/table-import';
import { Decimal } from '../../src/domain/money';
import type { HemmaplanDocument, PlacementType } from '../../src/domain/types';
import { exportCell } from '../../src/ui/grid/columns';
import { placementTypeColumns } from '../../src/ui/pages/placementTypeColumns';
import { validDocument } from '../exchange/arbitraries';
import { exampleDocument } from '../example';

const SEED = 20_261_123;
const RUNS = Number(process.env.FUZZ_RUNS ?? 600);

// ---------------------------------------------------------------------------------------------
// Files as a browser gives them

type Encoding = 'utf8' | 'utf8-bom' | 'utf16le-bom' | 'windows-1252';

const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ';

/** The text as bytes; null when Windows-1252 cannot hold it. */
function encode(text: string, encoding: Encoding): Uint8Array | null {
  switch (encoding) {
    case 'utf8':
      return new TextEncoder().encode(text);
    case 'utf8-bom':
      return new TextEncoder().encode(`\ufeff${text}`);
    case 'utf16le-bom': {
      const bytes = new Uint8Array(2 + text.length * 2);
      bytes[0] = 0xff;
      bytes[1] = 0xfe;
      for (let i = 0; i < text.length; i++) {
        bytes[2 + 2 * i] = text.charCodeAt(i) & 0xff;
        bytes[3 + 2 * i] = text.charCodeAt(i) >> 8;
      }
      return bytes;
    }
    case 'windows-1252': {
      const bytes = new Uint8Array(text.length);
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        const high = CP1252_HIGH.indexOf(text[i]!);
        if (code < 0x80 || (code >= 0xa0 && code <= 0xff)) bytes[i] = code;
        else if (high >= 0) bytes[i] = 0x80 + high;
        else return null;
      }
      return bytes;
    }
  }
}

/** A file as a browser's File: text() always reads UTF-8, whatever the bytes are. */
function file(name: string, bytes: Uint8Array): ImportFile {
  return {
    name,
    size: bytes.length,
    text: async () => new TextDecoder().decode(bytes),
    arrayBuffer: async () => bytes.slice().buffer as ArrayBuffer,
  };
}

const csvFile = (text: string, encoding: Encoding = 'utf8') => file('prislista.csv', encode(text, encoding)!);

// ---------------------------------------------------------------------------------------------
// What every reading must satisfy

const CURRENT = exampleDocument();
const CHOICES: ImportChoice[] = ['copies', 'replace'];

/** A message that names where the problem is: a row (and column), a missing column, the table or the file. */
const PLACED =
  /^(Rad \d+(, kolumn .{1,41}?)?: \S|Kolumnen .{1,41} saknas\. Lägg till|Tabellen (är tom|har inga rader)|Arbetsboken har inget kalkylblad|Filen kunde inte läsas som en Excel-arbetsbok|… och \d+ fel till\.$)/su;
const SWEDISH = /[åäöÅÄÖ]|\b(och|är|ska|får|inte|saknas|finns|skriv|kunde|känns|igen|för|rad|kolumn|inget|heltal|webbadress|tillåtna?)\b/i;
/** Above any real message; far below a cell of a megabyte. */
const MAX_MESSAGE_LENGTH = 400;

const ids = (doc: HemmaplanDocument, list: 'interventions' | 'initiatives' | 'placementTypes' | 'scenarios') => doc[list].map((item) => item.id);

/** Checks a reading against every property; returns it for further checks. */
function check(reading: ImportReading, current: HemmaplanDocument, target: TableTarget, rowCount?: number): ImportReading {
  if (!reading.ok) {
    expect(reading.messages.length).toBeGreaterThan(0);
    expect(reading.messages.length).toBeLessThanOrEqual(MAX_TABLE_ERRORS);
    for (const message of reading.messages) {
      expect(message.length, message.slice(0, 200)).toBeLessThan(MAX_MESSAGE_LENGTH);
      expect(message, 'a message names its row and column').toMatch(PLACED);
      expect(message, 'a message is Swedish').toMatch(SWEDISH);
      // Never a path of the format ("placementTypes[3].price") or an exception's own text.
      expect(message).not.toMatch(/placementTypes\[|interventions\[|Filen gick inte att läsa/);
      const row = /^Rad (\d+)/.exec(message);
      if (row && rowCount !== undefined) {
        expect(Number(row[1])).toBeGreaterThanOrEqual(2);
        expect(Number(row[1])).toBeLessThanOrEqual(rowCount);
      }
    }
    return reading;
  }
  expect(reading.table).toBe(true);
  for (const notice of reading.notices) expect(notice.length).toBeLessThan(MAX_MESSAGE_LENGTH);
  // The incoming document has passed the validator, and passes it again as written.
  const again = parseDocument(serialiseDocument(reading.incoming));
  expect(again.ok && serialiseDocument(again.document)).toEqual(serialiseDocument(reading.incoming));
  const other: TableTarget = target === 'placementTypes' ? 'interventions' : 'placementTypes';
  expect(reading.incoming[other]).toEqual([]);
  expect(reading.incoming[target].length).toBeGreaterThan(0);
  expect(reading.incoming.settings).toEqual(current.settings);
  for (const choice of CHOICES) {
    const merged = applyImport(current, reading.incoming, choice);
    const valid = parseDocument(serialiseDocument(merged));
    expect(valid.ok, `merge by ${choice} is valid`).toBe(true);
    // Nothing of the current document is lost: every item stays, the other lists as they were.
    for (const id of ids(current, target)) expect(ids(merged, target)).toContain(id);
    for (const id of ids(reading.incoming, target)) expect(ids(merged, target)).toContain(id);
    expect(merged[other]).toEqual(current[other]);
    expect(merged.initiatives).toEqual(current.initiatives);
    expect(merged.scenarios).toEqual(current.scenarios);
    if (choice === 'copies') expect(merged[target].slice(0, current[target].length)).toEqual(current[target]);
  }
  return reading;
}

// ---------------------------------------------------------------------------------------------
// Generating tables

/** A header as users write it: any case, extra spaces and punctuation around it. */
const headerVariant = (header: string) =>
  fc
    .record({
      upper: fc.constantFrom<'as' | 'upper' | 'lower' | 'title'>('as', 'upper', 'lower', 'title'),
      before: fc.constantFrom('', ' ', '  ', '\u00a0', '\t'),
      after: fc.constantFrom('', ' ', ':', ' *', '  '),
    })
    .map(({ upper, before, after }) => {
      const cased = upper === 'upper' ? header.toUpperCase() : upper === 'lower' ? header.toLowerCase() : upper === 'title' ? header.charAt(0).toUpperCase() + header.slice(1) : header;
      return `${before}${cased}${after}`;
    });

const PLACEMENT_KEYS = ['name', 'unit', 'price', 'priceYear', 'category', 'source', 'sourceUrl', 'notes', 'id'] as const;
type PlacementKey = (typeof PLACEMENT_KEYS)[number];

/** Headers for a column: the app's own, others it knows, and price headers that name a unit. */
const HEADERS: Record<PlacementKey, string[]> = {
  name: ['Namn', 'Placeringsform', 'Name', 'Benämning', 'Vårdform'],
  unit: ['Enhet', 'Unit', 'Prisenhet', 'Per'],
  price: ['Pris', 'Price', 'Pris per enhet (kr)', 'Kostnad', 'Pris (tkr)', 'Dygnspris', 'Pris per månad (kr)', 'Ersättning'],
  priceYear: ['Prisår', 'Price year', 'År', 'Gäller år'],
  category: ['Målgrupp', 'Kategori', 'Category'],
  source: ['Källa', 'Leverantör', 'Source'],
  sourceUrl: ['Länk', 'URL', 'Källa (länk)', 'Webbadress'],
  notes: ['Anteckningar', 'Notes', 'Kommentar'],
  id: ['Id', 'Kod'],
};
const UNKNOWN_HEADERS = ['Kommun', 'Pris per dygn (kr)', '__proto__', 'constructor', '=HYPERLINK("http://x")', '', ' ', 'x'.repeat(300), '\ud800', 'Namn\u0000', 'Prisår 2'];

const SPECIAL_TEXT = [
  '=HYPERLINK("http://evil.example","klicka")',
  '=1+1',
  '+46 70 123 45 67',
  '-2',
  '@SUM(A1:A2)',
  "'=1+1",
  "'-5",
  '\u2212 5',
  '\ud800',
  '\udfff\ud800',
  'a\u0000b',
  '\u0000',
  '<img src=x onerror=alert(1)>',
  '"citat" och ""dubbla""',
  'rad ett\nrad två',
  'rad ett\r\nrad två',
  'semikolon; komma, tabb\t',
  '   mellanslag   ',
  '\u202eexe.fdp',
  '__proto__',
  'constructor',
  'ÅÄÖ åäö é ü',
  '"',
  '""',
  '"oavslutad',
];

const longCell = fc.constantFrom('x'.repeat(10_001), 'y'.repeat(200_000), '1'.repeat(5_000), '"'.repeat(3_001), `=${'('.repeat(500)}1${')'.repeat(500)}`);

const freeText = fc.oneof(
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 20 }) },
  { weight: 3, arbitrary: fc.constantFrom(...SPECIAL_TEXT) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: longCell },
);

/** Names: new ones, hostile ones, and the current ones in another case or spacing. */
const nameCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('HVB ungdom', 'Jourhem', 'Stödboende', 'Skyddat boende', 'Grön omsorg – Gården', 'Familjehem 0–12 år') },
  {
    weight: 3,
    arbitrary: fc
      .tuple(fc.constantFrom(...CURRENT.placementTypes.map((t) => t.name)), fc.constantFrom('as', 'upper', 'lower', 'spaces'))
      .map(([name, how]) => (how === 'upper' ? name.toUpperCase() : how === 'lower' ? name.toLowerCase() : how === 'spaces' ? `  ${name.replace(/ /g, '  ')} ` : name)),
  },
  { weight: 3, arbitrary: freeText },
  { weight: 1, arbitrary: fc.constant('') },
);

const unitCell = fc.oneof(
  fc.constantFrom('dygn', 'Dygn', 'DYGN', 'per dygn', 'kr/dygn', 'Vårddygn', 'månad', 'Mån', 'mnd', 'per månad', 'år', 'År', 'year', 'Day', 'monthly'),
  fc.constantFrom('vecka', 'timme', 'dygnet runt', 'st', '', '=dygn', 'd a g', 'månad/år', '\ud800'),
  freeText,
);

/** A price cell: the ways people write amounts, and ways they go wrong. */
const priceCell = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('4 728', '4728,50', '1 234,50 kr', '1.234.567,50', '4,728.50', '1,234,567', '18 500:-', '5 tkr', '1,5 mnkr', '=25*800', '=(30000+1500)*12', '0', '0,00') },
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      '12,5 %', '1e999', '1E5', '−1 234,50', '-5', '1\u00a0234', '1\u202f234,5', '1\u2009234', 'NaN', 'Infinity', '0x10', 'gratis', '#DIV/0!', '=1/0',
      '=alert(1)', '=HYPERLINK("http://x")', '@SUM(A1)', '+500', '1 2 3', '1,2,3', '1..2', ',5', '5,', '9'.repeat(80), `0,${'0'.repeat(60)}1`,
      '1 000 000 000 000 001', '999 999 999 999 999,99', '=99999999*99999999*99999999', '', ' ', '−', "'-5", "'=5",
    ),
  },
  { weight: 1, arbitrary: freeText },
);

const yearCell = fc.oneof(
  fc.integer({ min: 1850, max: 2250 }).map(String),
  fc.constantFrom('2025', '2 025', '2025,0', '2025.5', '1899', '1900', '2200', '2201', '0', '-2025', '99999999999', 'tjugofem', '', '2025-01-31', '=2024+1'),
);

const categoryCell = fc.constantFrom('Barn och unga', 'barn', 'Vuxna', 'adults', 'Institution', '', 'ungdomar', '\ud800');
const urlCell = fc.constantFrom(
  'https://cura.se/prislista', 'http://exempel.se', 'www.exempel.se', 'javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'data:text/html,<script>alert(1)</script>',
  'ftp://x', 'https://', 'https://a b', 'https://exempel.se/\u0000', '', `https://x.se/${'a'.repeat(2100)}`,
);
const idCell = fc.oneof(fc.constantFrom('hvb', 'hvb', 'sis', '', ' ', 'i'.repeat(150), '__proto__', CURRENT.placementTypes[0]!.id), fc.string({ maxLength: 8 }));

const CELLS: Record<PlacementKey, fc.Arbitrary<string>> = {
  name: nameCell,
  unit: unitCell,
  price: priceCell,
  priceYear: yearCell,
  category: categoryCell,
  source: freeText,
  sourceUrl: urlCell,
  notes: freeText,
  id: idCell,
};

/** Cells a price list should have: varied, but all readable. */
const GOOD_CELLS: Record<PlacementKey, fc.Arbitrary<string>> = {
  name: fc.oneof(nameCell.filter((n) => n.trim() !== '' && n.length <= 10_000 && !n.startsWith('=')), fc.constantFrom('Jourhem', 'Stödboende')),
  unit: fc.constantFrom('dygn', 'Dygn', 'DYGN', 'per dygn', 'kr/dygn', 'Vårddygn', 'månad', 'Mån', 'mnd', 'per månad', 'år', 'År', 'year', 'Day', 'monthly'),
  price: fc.constantFrom('4 728', '4728,50', '1 234,50 kr', '1.234.567,50', '4,728.50', '1,234,567', '18 500:-', '5 tkr', '1,5 mnkr', '=25*800', '0', '1\u00a0234', '1\u202f234,5'),
  priceYear: fc.integer({ min: 1900, max: 2200 }).map(String),
  category: fc.constantFrom('Barn och unga', 'barn', 'Vuxna', 'adults', 'Institution', ''),
  source: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...SPECIAL_TEXT)),
  sourceUrl: fc.constantFrom('https://cura.se/prislista', 'http://exempel.se', 'www.exempel.se', ''),
  notes: fc.oneof(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.constantFrom(...SPECIAL_TEXT)),
  id: fc.constant(''),
};

interface Column {
  header: string;
  cell: fc.Arbitrary<string>;
  good: fc.Arbitrary<string>;
}

/** The columns of a table: usually the required ones, sometimes not; extra, unknown and duplicated ones. */
const columnsArb: fc.Arbitrary<Column[]> = fc
  .record({
    keys: fc.subarray([...PLACEMENT_KEYS], { minLength: 0 }),
    keepRequired: fc.boolean(),
    duplicate: fc.option(fc.constantFrom(...PLACEMENT_KEYS), { nil: undefined }),
    unknown: fc.array(fc.constantFrom(...UNKNOWN_HEADERS), { maxLength: 2 }),
    order: fc.array(fc.nat(), { minLength: 15, maxLength: 15 }),
  })
  .chain(({ keys, keepRequired, duplicate, unknown, order }) => {
    const chosen = new Set<PlacementKey>(keys);
    if (keepRequired) for (const k of ['name', 'unit', 'price', 'priceYear'] as const) chosen.add(k);
    const list: (PlacementKey | string)[] = [...chosen];
    if (duplicate) list.push(duplicate);
    list.push(...unknown.map((u) => `?${u}`));
    const sorted = list.map((key, i) => ({ key, rank: order[i % order.length]! + i / 100 })).sort((a, b) => a.rank - b.rank).map((x) => x.key);
    return fc.tuple(
      ...sorted.map((key): fc.Arbitrary<Column> => {
        if (key.startsWith('?')) return fc.constant({ header: key.slice(1), cell: freeText, good: freeText });
        const k = key as PlacementKey;
        return fc.constantFrom(...HEADERS[k]).chain(headerVariant).map((header) => ({ header, cell: CELLS[k], good: GOOD_CELLS[k] }));
      }),
    );
  });

/** A table: a header row, then rows of cells, some longer or shorter than the header, some empty. */
const tableArb: fc.Arbitrary<string[][]> = columnsArb.chain((columns) =>
  fc
    .record({
      above: fc.array(fc.constantFrom<string[]>(['Prislista 2026'], [], ['', ''], ['Kommun:', 'Borgholm']), { maxLength: 2 }),
      rows: fc.array(
        fc.oneof(
          { weight: 8, arbitrary: fc.tuple(...columns.map((c) => c.good)) as fc.Arbitrary<string[]> },
          { weight: 4, arbitrary: fc.tuple(...columns.map((c) => c.cell)) as fc.Arbitrary<string[]> },
          { weight: 1, arbitrary: fc.constant<string[]>([]) },
          { weight: 1, arbitrary: fc.tuple(fc.tuple(...columns.map((c) => c.cell)) as fc.Arbitrary<string[]>, fc.array(freeText, { maxLength: 3 }), fc.nat()).map(([cells, extra, cut]) => (cut % 2 === 0 ? [...cells, ...extra] : cells.slice(0, cut % (cells.length + 1)))) },
        ),
        { maxLength: 8 },
      ),
    })
    .map(({ above, rows }) => [...above, columns.map((c) => c.header), ...rows]),
);

/** How a table is written as CSV: separator, line end, quoting, byte order mark, encoding. */
interface Dialect {
  separator: ';' | ',' | '\t';
  lineEnd: '\r\n' | '\n' | '\r';
  quoteAll: boolean;
  sepLine: boolean;
  trailing: boolean;
  encoding: Encoding;
}

const dialectArb: fc.Arbitrary<Dialect> = fc.record({
  separator: fc.constantFrom(';', ',', '\t'),
  lineEnd: fc.constantFrom('\r\n', '\n', '\r'),
  quoteAll: fc.boolean(),
  sepLine: fc.boolean(),
  trailing: fc.boolean(),
  encoding: fc.constantFrom<Encoding>('utf8', 'utf8-bom', 'utf16le-bom', 'windows-1252'),
});

function writeCsv(rows: readonly (readonly string[])[], d: Dialect): string {
  const quote = (cell: string) => (d.quoteAll || /["\r\n]/.test(cell) || cell.includes(d.separator) ? `"${cell.replace(/"/g, '""')}"` : cell);
  const text = rows.map((row) => row.map(quote).join(d.separator)).join(d.lineEnd);
  return (d.sepLine ? `sep=${d.separator}${d.lineEnd}` : '') + text + (d.trailing ? d.lineEnd : '');
}

/** Text damaged as files get damaged: a quote left open, a cut, garbage, a stray byte order mark. */
const damageArb = fc.oneof(
  { weight: 6, arbitrary: fc.constant({ kind: 'none' as const, at: 0 }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constantFrom('open-quote' as const, 'cut' as const, 'bom' as const, 'nul' as const, 'cr' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }) },
);

function damage(text: string, d: { kind: string; at: number }): string {
  const at = Math.floor(d.at * text.length);
  switch (d.kind) {
    case 'open-quote':
      return `${text.slice(0, at)}"${text.slice(at)}`;
    case 'cut':
      return text.slice(0, at);
    case 'bom':
      return `${text.slice(0, at)}\ufeff${text.slice(at)}`;
    case 'nul':
      return `${text.slice(0, at)}\u0000${text.slice(at)}`;
    case 'cr':
      return `${text.slice(0, at)}\r${text.slice(at)}`;
    default:
      return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Exact prices

/** A price within the format's bounds (≤ 10^15, ≤ 40 decimals), as its exact decimal text. */
const exactPrice = fc
  .record({
    int: fc.oneof(fc.bigInt({ min: 0n, max: 999n }), fc.bigInt({ min: 0n, max: 999_999_999n }), fc.bigInt({ min: 0n, max: 999_999_999_999_999n })),
    frac: fc.oneof(fc.constant(''), fc.stringMatching(/^\d{1,2}$/), fc.stringMatching(/^\d{1,40}$/)),
  })
  .map(({ int, frac }) => ({ int: int.toString(), frac }));

/** A price written as a Swedish user writes it: grouped with a space, NBSP, thin space or dots, a decimal comma, perhaps "kr". */
const swedishPriceCell = fc
  .record({
    price: exactPrice,
    group: fc.constantFrom('', ' ', '\u00a0', '\u202f', '\u2009', '.'),
    suffix: fc.constantFrom('', ' kr', 'kr', ' SEK', ':-'),
    pad: fc.constantFrom('', ' ', '  '),
  })
  .map(({ price, group, suffix, pad }) => {
    // Dots group only before a decimal comma; alone, one dot is a decimal point.
    const separator = group === '.' && price.frac === '' ? ' ' : group;
    const grouped = price.int.replace(/\B(?=(\d{3})+(?!\d))/g, separator);
    return { price, cell: `${pad}${grouped}${price.frac === '' ? '' : `,${price.frac}`}${suffix}${pad}` };
  });

const decimalOf = ({ int, frac }: { int: string; frac: string }) => new Decimal(`${int}.${frac || '0'}`);

// ---------------------------------------------------------------------------------------------

describe('CSV price lists under generated and hostile tables', () => {
  it('never throw, and either pass the validator and merge without loss, or say in Swedish where each problem is', async () => {
    const counts = { ok: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(tableArb, dialectArb, damageArb, async (rows, dialect, hurt) => {
        const text = damage(writeCsv(rows, dialect), hurt);
        const encoding = encode(text, dialect.encoding) ? dialect.encoding : 'utf8';
        const reading = await readImportFile(csvFile(text, encoding), 'placementTypes', CURRENT);
        // Row numbers are those of the file as a spreadsheet shows it (undamaged files only, since a
        // quote left open or a stray line end moves them).
        check(reading, CURRENT, 'placementTypes', hurt.kind === 'none' ? rows.length : undefined);
        if (reading.ok) counts.ok++;
        else counts.failed++;
      }),
      { numRuns: RUNS, seed: SEED },
    );
    // Both outcomes were exercised in earnest.
    expect(counts.ok).toBeGreaterThan(RUNS / 20);
    expect(counts.failed).toBeGreaterThan(RUNS / 5);
  });

  it('reads catalogues of interventions from the same hostile cells without throwing', async () => {
    const headers = Object.values(COLUMN_HEADERS.interventions).map((h) => h[0]!);
    await fc.assert(
      fc.asyncProperty(
        fc.subarray(headers, { minLength: 1 }),
        fc.array(fc.array(fc.oneof(freeText, priceCell, yearCell, fc.constantFrom('barn, föräldrar', '3–12', '13+', 'grupp', 'ja', 'erbjuds', 'katter')), { maxLength: 25 }), { maxLength: 6 }),
        dialectArb,
        async (header, rows, dialect) => {
          const text = writeCsv([header, ...rows], dialect);
          const reading = await readImportFile(csvFile(text, encode(text, dialect.encoding) ? dialect.encoding : 'utf8'), 'interventions', CURRENT);
          check(reading, CURRENT, 'interventions');
        },
      ),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });

  it('never throw for bytes that are no table at all', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), fc.constantFrom('x.csv', 'x.txt', 'x.xlsx'), async (bytes, name) => {
        check(await readImportFile(file(name, bytes), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });

  it('reads a price exactly as the cell writes it, in Swedish or English format, with or without a unit', async () => {
    await fc.assert(
      fc.asyncProperty(swedishPriceCell, dialectArb, async ({ price, cell }, dialect) => {
        const text = writeCsv([['Namn', 'Enhet', 'Pris', 'Prisår'], ['HVB', 'dygn', cell, '2025']], dialect);
        const reading = check(await readImportFile(csvFile(text, dialect.encoding === 'windows-1252' ? 'utf8' : dialect.encoding), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
        if (!reading.ok) throw new Error(`${JSON.stringify(cell)}: ${reading.messages.join(' | ')}`);
        const read = reading.incoming.placementTypes[0]!.price;
        expect(Decimal.isDecimal(read)).toBe(true);
        expect(read.eq(decimalOf(price)), `${JSON.stringify(cell)} read as ${read.toFixed()}`).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 3), seed: SEED },
    );
  });

  it('scales a plain number in a "Pris (tkr)" column by exactly 1 000, and reads English grouping', async () => {
    await fc.assert(
      fc.asyncProperty(exactPrice.filter((p) => p.int.length <= 12 && p.frac.length <= 37), async (p) => {
        const tkr = `${p.int}${p.frac === '' ? '' : `,${p.frac}`}`;
        const english = `${p.int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}${p.frac === '' ? '' : `.${p.frac}`}`;
        const text = csvText([['Namn', 'Enhet', 'Pris (tkr)', 'Prisår'], ['A', 'dygn', tkr, 2025]]);
        const reading = check(await readImportFile(csvFile(text), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
        if (!reading.ok) throw new Error(reading.messages.join(' | '));
        expect(reading.incoming.placementTypes[0]!.price.eq(decimalOf(p).times(1000))).toBe(true);
        const grouped = english.includes(',') && (english.includes('.') || english.split(',').length > 2);
        if (grouped) {
          const en = check(await readImportFile(csvFile(`Name,Unit,Price,Price year\n"B",day,"${english}",2025\n`), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
          if (!en.ok) throw new Error(en.messages.join(' | '));
          expect(en.incoming.placementTypes[0]!.price.eq(decimalOf(p))).toBe(true);
        }
      }),
      { numRuns: Math.ceil(RUNS / 4), seed: SEED },
    );
  });

  it('gives a row whose name is a current item’s, in any case or spacing, that item’s id, and a replace updates it in place', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.nat(CURRENT.placementTypes.length - 1), { minLength: 1 }),
        fc.constantFrom<(s: string) => string>((s) => s.toUpperCase(), (s) => s.toLowerCase(), (s) => ` ${s.replace(/ /g, '\u00a0 ')} `, (s) => s.normalize('NFD')),
        fc.integer({ min: 1, max: 100_000 }),
        async (picks, variant, price) => {
          const rows: CsvCell[][] = [['Placeringsform', 'Enhet', 'Pris', 'Prisår']];
          for (const i of picks) rows.push([variant(CURRENT.placementTypes[i]!.name), 'dygn', price, 2026]);
          const reading = check(await readImportFile(csvFile(csvText(rows)), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
          if (!reading.ok) throw new Error(reading.messages.join(' | '));
          expect(reading.incoming.placementTypes.map((t) => t.id)).toEqual(picks.map((i) => CURRENT.placementTypes[i]!.id));
          expect(reading.plan.lists.placementTypes.new).toEqual([]);
          const merged = applyImport(CURRENT, reading.incoming, 'replace');
          expect(merged.placementTypes.map((t) => t.id)).toEqual(ids(CURRENT, 'placementTypes'));
          for (const i of picks) expect(merged.placementTypes[i]!.price.eq(price)).toBe(true);
        },
      ),
      { numRuns: 60, seed: SEED },
    );
  });

  it('reads the placement grid’s own CSV export back as the same placement types', async () => {
    const columns = placementTypeColumns();
    const trimmed = (text: string | undefined) => (text === undefined || text.trim() === '' ? undefined : text.trim());
    await fc.assert(
      fc.asyncProperty(validDocument, async (doc) => {
        fc.pre(doc.placementTypes.length > 0);
        const rows: CsvCell[][] = [columns.map((c) => c.header), ...doc.placementTypes.map((t) => columns.map((c) => exportCell(c, t)))];
        const reading = check(await readImportFile(csvFile(csvText(rows)), 'placementTypes', doc), doc, 'placementTypes');
        if (!reading.ok) throw new Error(reading.messages.join(' | '));
        const expected = doc.placementTypes.map((t) => {
          const out: Omit<PlacementType, 'id'> = { name: t.name.trim(), unit: t.unit, price: t.price, priceYear: t.priceYear };
          if (t.category) out.category = t.category;
          for (const key of ['source', 'sourceUrl', 'notes'] as const) if (trimmed(t[key]) !== undefined) out[key] = trimmed(t[key]);
          return out;
        });
        expect(reading.incoming.placementTypes.map(({ id: _id, ...rest }) => rest)).toEqual(expected);
        // A type whose name no other shares keeps its id: importing the export changes nothing.
        const keys = doc.placementTypes.map((t) => normaliseWords(t.name));
        doc.placementTypes.forEach((t, i) => {
          if (keys.indexOf(keys[i]!) === i && keys.lastIndexOf(keys[i]!) === i && t.name === t.name.trim()) expect(reading.incoming.placementTypes[i]!.id).toBe(t.id);
        });
      }),
      { numRuns: 150, seed: SEED },
    );
  });

  it('keeps text that starts with an apostrophe before a formula character through export and import', async () => {
    const type: PlacementType = { id: 'a', name: "'-2 barn", unit: 'day', price: new Decimal(1), priceYear: 2025, notes: "'=1+1", source: "''@x" };
    const doc: HemmaplanDocument = { ...CURRENT, placementTypes: [...CURRENT.placementTypes, type] };
    const columns = placementTypeColumns();
    const text = csvText([columns.map((c) => c.header), columns.map((c) => exportCell(c, type))]);
    const reading = check(await readImportFile(csvFile(text), 'placementTypes', doc), doc, 'placementTypes');
    expect(reading.ok && reading.incoming.placementTypes[0]).toMatchObject({ id: 'a', name: "'-2 barn", notes: "'=1+1", source: "''@x" });
  });
});

// ---------------------------------------------------------------------------------------------
// Regressions found by the fuzzing, one per behaviour

describe('table import regressions', () => {
  it('keeps every digit of a price with more than 40 significant digits within the bounds', async () => {
    const cell = '999 999 999 999 999,9999999999999999999999999999999999999999';
    const reading = check(await readImportFile(csvFile(`Namn;Enhet;Pris;Prisår\r\nA;dygn;${cell};2025\r\n`), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
    expect(reading.ok && reading.incoming.placementTypes[0]!.price.toFixed()).toBe('999999999999999.9999999999999999999999999999999999999999');
    const tkr = check(await readImportFile(csvFile('Namn;Enhet;Pris (tkr);Prisår\r\nA;dygn;123456789012,123456789012345678901234567891;2025\r\n'), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
    expect(tkr.ok && tkr.incoming.placementTypes[0]!.price.toFixed()).toBe('123456789012123.456789012345678901234567891');
  });

  it('calls a price of a hundred digits too large, not "inget tal", and does not quote another number', async () => {
    const reading = await readImportFile(csvFile(`Namn;Enhet;Pris;Prisår\r\nA;dygn;${'9'.repeat(100)};2025\r\nB;dygn;0,${'0'.repeat(70)}1;2025\r\n`), 'placementTypes', CURRENT);
    expect(check(reading, CURRENT, 'placementTypes', 3).ok).toBe(false);
    expect(!reading.ok && reading.messages).toEqual([
      'Rad 2, kolumn Pris: beloppet är orimligt stort; högst 1\u00a0000\u00a0000\u00a0000\u00a0000\u00a0000 kr är tillåtet',
      'Rad 3, kolumn Pris: beloppet har för många decimaler; högst 40 är tillåtna',
    ]);
  });

  it('takes "500:-" in a tkr column as 500 kronor, as it says', async () => {
    const reading = check(await readImportFile(csvFile('Namn;Enhet;Pris (tkr);Prisår\r\nA;dygn;500:-;2025\r\nB;dygn;500;2025\r\n'), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
    expect(reading.ok && reading.incoming.placementTypes.map((t) => t.price.toFixed())).toEqual(['500', '500000']);
  });

  it('reads Swedish Excel’s "CSV (semikolonavgränsad)", which is Windows-1252, with its å, ä, ö and –', async () => {
    const text = 'Placeringsform;Enhet;Pris;Prisår;Källa\r\nStödboende 0–12 år;månad;18 500 kr;2025;Förvaltningens avtal €\r\n';
    const reading = check(await readImportFile(csvFile(text, 'windows-1252'), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
    expect(reading.ok && reading.incoming.placementTypes[0]).toMatchObject({ name: 'Stödboende 0–12 år', unit: 'month', priceYear: 2025, source: 'Förvaltningens avtal €' });
    // The preview says how the file was read, so that a user can check the letters.
    expect(reading.ok && reading.notices).toContain(WINDOWS_1252_NOTICE);
    const utf8 = check(await readImportFile(csvFile(text, 'utf8'), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
    expect(utf8.ok && utf8.notices).not.toContain(WINDOWS_1252_NOTICE);
  });

  it('reads Excel’s "Unicode-text" (.txt: UTF-16 with a byte order mark, tabs)', async () => {
    const text = 'Namn\tEnhet\tPris\tPrisår\r\nÖppenvård\tdygn\t1 950\t2025\r\n';
    const reading = check(await readImportFile(file('prislista.txt', encode(text, 'utf16le-bom')!), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
    expect(reading.ok && reading.incoming.placementTypes[0]).toMatchObject({ name: 'Öppenvård', price: new Decimal(1950) });
  });

  it('exports a note with line breaks whole, so that it reads back with them', async () => {
    const type: PlacementType = { id: 'a', name: 'A', unit: 'day', price: new Decimal(1), priceYear: 2025, notes: 'rad ett\nrad två' };
    const doc: HemmaplanDocument = { ...CURRENT, placementTypes: [...CURRENT.placementTypes, type] };
    const columns = placementTypeColumns();
    const text = csvText([columns.map((c) => c.header), columns.map((c) => exportCell(c, type))]);
    const reading = check(await readImportFile(csvFile(text), 'placementTypes', doc), doc, 'placementTypes');
    expect(reading.ok && reading.incoming.placementTypes[0]!.notes).toBe('rad ett\nrad två');
  });

  it('reads a megabyte-sized hostile CSV, echoing none of it', async () => {
    const big = `Namn;Enhet;Pris;Prisår\r\n${'"a\r\n""'.repeat(30_000)}\r\nB;dygn;"${'x'.repeat(1_000_000)}";2025\r\n"oavslutad;dygn;1;2025\r\n`;
    const reading = check(await readImportFile(csvFile(big), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
    expect(reading.ok).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// XLSX

type XlsxCell = ExcelJS.CellValue;

const xlsxTextCell = (text: fc.Arbitrary<string>): fc.Arbitrary<XlsxCell> =>
  fc.oneof(
    { weight: 6, arbitrary: text },
    { weight: 1, arbitrary: text.map((t) => ({ richText: [{ text: t.slice(0, 3) }, { font: { bold: true }, text: t.slice(3) }] })) },
    { weight: 1, arbitrary: text.map((t) => ({ text: t, hyperlink: 'https://exempel.se' })) },
    { weight: 1, arbitrary: fc.constant({ text: '', hyperlink: 'javascript:alert(1)' }) },
  );

const xlsxNumberCell: fc.Arbitrary<XlsxCell> = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 0, max: 10_000_000 }) },
  { weight: 2, arbitrary: fc.double({ min: -1e20, max: 1e300, noNaN: true }) },
  { weight: 2, arbitrary: fc.constantFrom(4728.099999999999, 0.1 + 0.2, 1e15, 1e15 + 2, 123456789012345.67, -0, 5e-324, 2025) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 100_000 }).map((n) => ({ formula: `${n}*1`, result: n }) as ExcelJS.CellFormulaValue) },
  { weight: 1, arbitrary: fc.constant({ formula: '1/0', result: { error: '#DIV/0!' } } as unknown as ExcelJS.CellFormulaValue) },
  { weight: 1, arbitrary: fc.constant({ formula: 'A1*2' } as ExcelJS.CellFormulaValue) },
  { weight: 1, arbitrary: fc.constantFrom<XlsxCell>({ error: '#DIV/0!' } as ExcelJS.CellErrorValue, { error: '#N/A' } as ExcelJS.CellErrorValue, true, false, null) },
  { weight: 1, arbitrary: fc.integer({ min: -2_000_000_000_000, max: 8_000_000_000_000 }).map((ms) => new Date(ms)) },
);

const xlsxYearCell: fc.Arbitrary<XlsxCell> = fc.oneof(
  fc.integer({ min: 1850, max: 2250 }),
  fc.constantFrom<XlsxCell>(2025.5, new Date(Date.UTC(2025, 0, 1)), { formula: '2024+1', result: 2025 } as ExcelJS.CellFormulaValue, '2025', 'tjugofem', null),
);

/** A row as a price list in Excel has it: numbers, formulas, rich text and links, all readable. */
const goodXlsxRow: fc.Arbitrary<XlsxCell[]> = fc.tuple(
  fc.constantFrom<XlsxCell>('HVB ungdom', { richText: [{ text: 'Jour' }, { font: { italic: true }, text: 'hem' }] }, 'Stödboende', CURRENT.placementTypes[1]!.name.toUpperCase()),
  fc.constantFrom<XlsxCell>('Dygn', 'månad', { richText: [{ text: 'År' }] }),
  fc.oneof(
    fc.integer({ min: 0, max: 1_000_000 }),
    fc.integer({ min: 0, max: 100_000 }).map((n) => ({ formula: `${n}+0`, result: n }) as ExcelJS.CellFormulaValue),
    fc.constantFrom<XlsxCell>('4 728 kr', '1 234,50', 4728.099999999999),
  ),
  fc.constantFrom<XlsxCell>(2025, '2026', { formula: '2024+1', result: 2025 } as ExcelJS.CellFormulaValue),
  fc.constantFrom<XlsxCell>(null, 'Cura', { richText: [{ text: 'Avtal ' }, { text: '2026' }] }),
  fc.constantFrom<XlsxCell>(null, { text: 'Cura', hyperlink: 'https://cura.se' }, 'https://exempel.se'),
);

const hostileXlsxRow = fc.tuple(
  xlsxTextCell(nameCell),
  xlsxTextCell(unitCell),
  fc.oneof(xlsxNumberCell, xlsxTextCell(priceCell)),
  xlsxYearCell,
  xlsxTextCell(freeText),
  fc.oneof(xlsxTextCell(urlCell), fc.constant<XlsxCell>({ text: 'Cura', hyperlink: 'https://cura.se' })),
);

const workbookArb = fc.record({
  headerCase: fc.constantFrom('Namn|Enhet|Pris|Prisår|Källa|Länk', 'Namn|Enhet|Pris|Prisår|Källa|Länk', 'PLACERINGSFORM|unit|Pris (tkr)|År|Source|URL', 'Namn|Enhet|Kostnad|Prisår|Källa|Namn', 'Namn|Pris|Prisår'),
  rows: fc.array(fc.oneof({ weight: 3, arbitrary: goodXlsxRow }, { weight: 1, arbitrary: hostileXlsxRow }), { maxLength: 6 }),
  merges: fc.array(fc.tuple(fc.integer({ min: 1, max: 8 }), fc.integer({ min: 1, max: 6 }), fc.integer({ min: 0, max: 2 }), fc.integer({ min: 0, max: 2 })), { maxLength: 2 }),
  sheets: fc.constantFrom<'one' | 'empty-first' | 'several'>('one', 'empty-first', 'several'),
  title: fc.boolean(),
});

async function workbook(w: { headerCase: string; rows: XlsxCell[][]; merges: [number, number, number, number][]; sheets: 'one' | 'empty-first' | 'several'; title: boolean }): Promise<Uint8Array> {
  const book = new ExcelJS.Workbook();
  if (w.sheets === 'empty-first') book.addWorksheet('Tomt');
  const sheet = book.addWorksheet('Prislista');
  if (w.title) sheet.addRow(['Prislista 2026']);
  sheet.addRow(w.headerCase.split('|'));
  for (const row of w.rows) sheet.addRow(row);
  const taken = new Set<string>();
  for (const [top, left, down, right] of w.merges) {
    const cells = [];
    for (let r = top; r <= top + down; r++) for (let c = left; c <= left + right; c++) cells.push(`${r}:${c}`);
    if ((down === 0 && right === 0) || cells.some((c) => taken.has(c))) continue;
    cells.forEach((c) => taken.add(c));
    sheet.mergeCells(top, left, top + down, left + right);
  }
  if (w.sheets === 'several') book.addWorksheet('Annat').addRow(['Namn', 'Enhet', 'Pris', 'Prisår']);
  return new Uint8Array(await book.xlsx.writeBuffer());
}

describe('XLSX price lists under generated workbooks', () => {
  it('never throw, and either pass the validator and merge without loss, or say in Swedish where each problem is', async () => {
    const counts = { ok: 0, failed: 0 };
    await fc.assert(
      fc.asyncProperty(workbookArb, async (w) => {
        const bytes = await workbook(w);
        const reading = check(await readImportFile(file('prislista.xlsx', bytes), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
        if (reading.ok) counts.ok++;
        else counts.failed++;
        if (w.sheets === 'empty-first') expect(reading.ok || reading.messages[0]!.startsWith('Tabellen är tom')).toBe(true);
      }),
      { numRuns: Math.ceil(RUNS / 10), seed: SEED },
    );
    expect(counts.ok).toBeGreaterThan(0);
    expect(counts.failed).toBeGreaterThan(0);
  });

  it('reads a number cell’s price as the number Excel shows (15 significant digits), exactly', async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.integer({ min: 0, max: 999_999_999_999 }).map((n) => n / 100), fc.double({ min: 0, max: 1e15, noNaN: true })), async (value) => {
        const book = new ExcelJS.Workbook();
        const sheet = book.addWorksheet('P');
        sheet.addRow(['Namn', 'Enhet', 'Pris', 'Prisår']);
        sheet.addRow(['A', 'Dygn', value, 2025]);
        const reading = check(await readImportFile(file('p.xlsx', new Uint8Array(await book.xlsx.writeBuffer())), 'placementTypes', CURRENT), CURRENT, 'placementTypes');
        const shown = new Decimal(value.toPrecision(15));
        if (shown.decimalPlaces() > 40) {
          // 5e-324 and its like: more decimals than the format allows, refused as such.
          expect(!reading.ok && reading.messages).toEqual(['Rad 2, kolumn Pris: beloppet har för många decimaler; högst 40 är tillåtna']);
          return;
        }
        if (!reading.ok) throw new Error(reading.messages.join(' | '));
        expect(reading.incoming.placementTypes[0]!.price.eq(shown)).toBe(true);
      }),
      { numRuns: 30, seed: SEED },
    );
  });
});
