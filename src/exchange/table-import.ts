/**
 * Price lists and catalogues from spreadsheets: a CSV or XLSX table of placement types (namn,
 * enhet, pris, prisår, källa …) or of interventions (insatser och metoder) read into a document
 * that has passed the validator, or into Swedish messages that name the row and the column.
 *
 * The flow for the caller:
 * 1. `parseCsvRows(text)` or `await readXlsxRows(bytes)` gives rows of cell texts;
 * 2. `tableToDocument(rows, target, current)` matches the columns by their headers and reads the
 *    rows;
 * 3. on success, `planImport(current, outcome.document)` gives the same preview as a file import,
 *    and `applyImport` merges. Rows are given the id of the current item with the same name, so
 *    that importing this year's price list over last year's shows its changed prices as conflicts
 *    that 'replace' updates in place.
 */
import { Decimal, formatNumber, parseAmount, timesExact, toPlain } from '../domain/money';
import {
  type HemmaplanDocument,
  INTERVENTION_FORMATS,
  INTERVENTION_STATUSES,
  NEEDS_ASSESSMENTS,
  PLACEMENT_CATEGORIES,
  PLACEMENT_UNITS,
  type PlacementUnit,
  TARGET_GROUPS,
} from '../domain/types';
import { parseDocument } from './document';
import {
  FORMAT_LABELS,
  NEEDS_ASSESSMENT_LABELS,
  PLACEMENT_CATEGORY_LABELS,
  PLACEMENT_UNIT_LABELS,
  STATUS_LABELS,
  TARGET_GROUP_LABELS,
} from './labels';
import { MAX_DECIMAL_PLACES, MAX_ID_LENGTH, MAX_MAGNITUDE } from './reader';
import { type Json, type JsonRecord, serialiseDocument } from './serialise';
import { parseClipboardTable } from './tsv';

// ---------------------------------------------------------------------------------------------
// Reading CSV and XLSX into rows of cell texts

const SEPARATORS = ['\t', ';', ','] as const;

/**
 * Reads a CSV file's text into rows of cells. A byte order mark is dropped. The separator is the
 * one of tab, ";" and "," that occurs most often in the header line outside quotes (on a tie, in
 * that order; with none, the file has one column). Excel's "sep=;" first line is obeyed and
 * dropped. Quoted cells may hold separators, doubled quotes and line breaks; rows end with CRLF,
 * LF or CR, and one trailing line break is ignored. Row i of the result is row i + 1 of the file
 * as a spreadsheet shows it.
 */
export function parseCsvRows(text: string): string[][] {
  let source = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const hint = /^sep=(.)(\r\n|\n|\r|$)/i.exec(source);
  if (hint) source = source.slice(hint[0].length);
  return parseClipboardTable(source, hint ? hint[1]! : detectSeparator(source));
}

/**
 * The text of a CSV file's bytes. Excel saves "CSV UTF-8" with a byte order mark, "Unicode-text"
 * (.txt, tabs) as UTF-16 with a byte order mark, and "CSV (semikolonavgränsad)" in the Windows
 * code page 1252 without any mark; read as UTF-8 (as a browser's File.text() does), the last turns
 * "Prisår" into "Pris\ufffdr" and every å, ä and ö of the names into a replacement character.
 * Bytes that are not valid UTF-8 are therefore read as Windows-1252.
 */
export function decodeTableText(bytes: Uint8Array): { text: string; encoding: 'utf-8' | 'utf-16' | 'windows-1252' } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16' };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    return { text: windows1252(bytes), encoding: 'windows-1252' };
  }
}

/** What the preview says when a CSV file was not UTF-8 and was read as Windows-1252. */
export const WINDOWS_1252_NOTICE =
  'Filen är inte sparad som UTF-8 och lästes därför som Windows-1252, som Excel sparar vanlig CSV. Kontrollera att å, ä och ö ser rätt ut nedan.';

/** What Windows-1252 has at 0x80–0x9F (the rest is Latin-1); by hand, since Node's TextDecoder reads the label as Latin-1. */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function windows1252(bytes: Uint8Array): string {
  const parts: string[] = [];
  const chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    chunk.push(b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b);
    if (chunk.length === 8192) parts.push(String.fromCharCode(...chunk.splice(0)));
  }
  parts.push(String.fromCharCode(...chunk));
  return parts.join('');
}

/** The separator of the header line: the candidate found most often outside quotes. */
function detectSeparator(source: string): string {
  const counts = new Map<string, number>(SEPARATORS.map((s) => [s, 0]));
  let quoted = false;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i]!;
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best: string = SEPARATORS[0];
  for (const s of SEPARATORS) if (counts.get(s)! > counts.get(best)!) best = s;
  return best;
}

/** A file that cannot be read as a table; `message` is Swedish and says what to do. */
export class TableReadError extends Error {
  override readonly name = 'TableReadError';
}

/**
 * Reads the first worksheet of an XLSX workbook into rows of cell texts, as a user sees them:
 * row i of the result is row i + 1 of the sheet (empty rows in between are kept as []), and
 * trailing empty cells and rows are left out.
 * - numbers as plain decimal text with a point, rounded to the 15 significant digits Excel shows,
 *   so that 4728.099999999999 (float noise) gives "4728.1" and 0.1 + 0.2 gives "0.3"; never an
 *   exponent; the cell's number format (percent, currency) is not applied;
 * - dates (date-formatted cells) as "2025-01-31", or "2025-01-31 08:30" when they have a time;
 * - rich text as its plain text; a hyperlink as its shown text (its address when it has none);
 * - a formula as its cached result (empty when the file has none); an error as its code ("#DIV/0!");
 * - true and false as "SANT" and "FALSKT", as Swedish Excel shows them.
 * exceljs is loaded only when this is called. Throws TableReadError when the bytes are not an
 * XLSX workbook or it has no worksheet.
 */
export async function readXlsxRows(bytes: Uint8Array): Promise<string[][]> {
  const excel = await import('exceljs');
  const { Workbook } = (excel as unknown as { default?: typeof excel }).default ?? excel;
  const workbook = new Workbook();
  try {
    // exceljs's types ask for a Node Buffer; it reads any ArrayBuffer view through JSZip.
    await workbook.xlsx.load(bytes as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new TableReadError(
      'Filen kunde inte läsas som en Excel-arbetsbok (.xlsx). Öppna den i Excel och spara den som ”Excel-arbetsbok (.xlsx)” eller som CSV, och försök igen.',
    );
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new TableReadError('Arbetsboken har inget kalkylblad att läsa. Lägg tabellen i det första bladet och försök igen.');
  const rows: string[][] = [];
  for (let r = 1; r <= sheet.rowCount; r++) {
    const row = sheet.getRow(r);
    const cells: string[] = [];
    for (let c = 1; c <= row.cellCount; c++) {
      const cell = row.getCell(c);
      // A cell covered by a merge is empty, as Excel has it; exceljs would repeat the merge's value there.
      cells.push(cell.isMerged && cell.master !== cell ? '' : cellText(cell.value));
    }
    while (cells.length > 0 && cells[cells.length - 1]!.trim() === '') cells.pop();
    rows.push(cells);
  }
  while (rows.length > 0 && rows[rows.length - 1]!.length === 0) rows.pop();
  return rows;
}

/** The text a user sees for an exceljs cell value (see readXlsxRows). */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'SANT' : 'FALSKT';
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (Array.isArray(v.richText)) return v.richText.map((part: unknown) => cellText((part as { text?: unknown }).text)).join('');
    if ('hyperlink' in v) {
      const shown = cellText(v.text);
      return shown !== '' ? shown : cellText(v.hyperlink);
    }
    if ('formula' in v || 'sharedFormula' in v) return cellText(v.result);
    if ('error' in v) return cellText(v.error);
    if ('text' in v) return cellText(v.text);
  }
  return '';
}

/** A number as Excel shows it in a general cell, at most 15 significant digits, as plain text. */
function numberText(value: number): string {
  if (!Number.isFinite(value)) return '';
  const rounded = new Decimal(value.toPrecision(15));
  return rounded.isZero() ? '0' : rounded.toFixed();
}

function dateText(date: Date): string {
  if (Number.isNaN(date.getTime())) return '';
  // exceljs gives the sheet's local date and time as the same figures in UTC.
  const iso = date.toISOString();
  const time = iso.slice(11, 16);
  return time === '00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

// ---------------------------------------------------------------------------------------------
// From rows to a document

export type TableTarget = 'placementTypes' | 'interventions';

/**
 * The outcome of reading a table. On success, `document` has the current settings, the table's
 * rows as the only items of the target list and every other list empty, and has passed
 * parseDocument. On failure, `errors` holds one Swedish message per problem, naming the row and
 * column where there is one ("Rad 4, kolumn Pris: …"). `notices` (in both cases) tell what was
 * left out or assumed: unknown columns, a column used twice, rows above the header row.
 */
export type TableImportOutcome =
  | { ok: true; document: HemmaplanDocument; notices: string[] }
  | { ok: false; errors: string[]; notices: string[] };

/** At most this many error messages are listed; the last one says how many more there are. */
export const MAX_TABLE_ERRORS = 50;

/**
 * Reads a table of placement types or interventions. The header row is the first row (among the
 * first 20) in which a column for the name is found, else the first non-empty row; rows above it
 * are left out with a notice, and empty rows below it are skipped. Columns are matched by their
 * Swedish or English header, ignoring case, accents and punctuation (see COLUMN_HEADERS), and a
 * money unit in the header ("Pris (tkr)") scales plain numbers in that column.
 *
 * Cells are read without the spaces around them. Values are read as people write them: amounts in Swedish or English format with kr, tkr, mnkr
 * or a formula such as "=25*800" (parseAmount), units and categories by their Swedish or English
 * words, lists (målgrupp, taggar) separated by commas, semicolons or "och". Text stays text: it is
 * never evaluated, only a leading apostrophe that Hemmaplan's own CSV export puts before "=", "+",
 * "-" or "@" is taken away again.
 *
 * Ids: the Id column when there is one; else the id of the current item of the target list with
 * the same name (ignoring case and accents); else one made from the name ("Grön omsorg" →
 * "gron-omsorg"), unique among the rows and the current items.
 *
 * `leadingNotices` (how the file was read, say) come first among the notices and count towards
 * their limit.
 */
export function tableToDocument(
  rows: readonly (readonly string[])[],
  target: TableTarget,
  current: HemmaplanDocument,
  leadingNotices: readonly string[] = [],
): TableImportOutcome {
  const specs = FIELD_SPECS[target];
  const notices: string[] = [...leadingNotices];
  const errors: string[] = [];

  const headerIndex = findHeaderRow(rows, specs);
  if (headerIndex < 0) {
    const example = target === 'placementTypes' ? 'Namn, Enhet, Pris och Prisår' : 'Namn, Målgrupp och Form';
    return { ok: false, errors: [`Tabellen är tom. Den första raden ska ha rubriker som ${example}, och raderna under den ett värde per kolumn.`], notices: limited(notices, 'anmärkningar') };
  }
  if (headerIndex > 0) notices.push(headerIndex === 1 ? 'Rad 1 ovanför rubrikraden lämnas utan avseende.' : `Rad 1–${headerIndex} ovanför rubrikraden lämnas utan avseende.`);
  const header = rows[headerIndex]!;
  const dataRows: { number: number; cells: readonly string[] }[] = [];
  for (let i = headerIndex + 1; i < rows.length; i++) {
    const cells = rows[i]!;
    if (cells.some((cell) => cell.trim() !== '')) dataRows.push({ number: i + 1, cells });
  }

  const columns = matchColumns(header, specs, target, notices);
  const width = dataRows.reduce((max, row) => Math.max(max, row.cells.length), header.length);
  for (let c = 0; c < width; c++) {
    if ((header[c] ?? '').trim() === '' && dataRows.some((r) => (r.cells[c] ?? '').trim() !== '')) notices.push(`Kolumn ${columnLetter(c)} saknar rubrik och lämnas utan avseende.`);
  }

  // Required columns.
  for (const spec of specs) {
    if (!spec.required || columns.has(spec.key)) continue;
    if (spec.key === 'unit' && columns.get('price')?.impliedUnit) continue;
    errors.push(`Kolumnen ${spec.label} saknas. Lägg till en kolumn med rubriken ${spec.label}${spec.hint ? ` (${spec.hint})` : ''} och försök igen.`);
  }
  if (errors.length > 0) return { ok: false, errors: limited(errors, 'fel'), notices: limited(notices, 'anmärkningar') };
  if (dataRows.length === 0) return { ok: false, errors: ['Tabellen har inga rader under rubrikraden. Fyll i en rad per ' + (target === 'placementTypes' ? 'placeringsform' : 'insats eller metod') + ' och försök igen.'], notices: limited(notices, 'anmärkningar') };

  const priceColumn = columns.get('price');
  if (priceColumn?.impliedUnit) {
    const unitWord = PLACEMENT_UNIT_LABELS[priceColumn.impliedUnit].toLowerCase();
    notices.push(
      columns.has('unit')
        ? `Där kolumnen ${columns.get('unit')!.shown} är tom läses priset som pris per ${unitWord}, som rubriken ${priceColumn.shown} säger.`
        : `Kolumnen Enhet saknas; priserna läses som pris per ${unitWord}, som rubriken ${priceColumn.shown} säger.`,
    );
  }

  // Read each row into a raw item of the exchange format, reporting what cannot be read.
  /** "index:field" of what is already reported, so that the validator does not report it again. */
  const reported = new Set<string>();
  /** The problems in the rows, listed by row and then column, whoever found them. */
  const rowErrors: { row: number; column: number; text: string }[] = [];
  const report = (rowNumber: number, column: Column | undefined, message: string) => {
    rowErrors.push({ row: rowNumber, column: column?.index ?? -1, text: place(rowNumber, column, message) });
  };
  const fail = (index: number, fields: string | readonly string[], rowNumber: number, column: Column | undefined, message: string) => {
    for (const field of typeof fields === 'string' ? [fields] : fields) reported.add(`${index}:${field}`);
    report(rowNumber, column, message);
  };
  const items: JsonRecord[] = dataRows.map((row, index) => {
    const item: JsonRecord = {};
    for (const spec of specs) {
      const column = columns.get(spec.key);
      if (!column) continue;
      const cell = unneutralised(row.cells[column.index] ?? '').trim();
      if (cell === '') continue;
      const read = spec.read(cell, column);
      if (!read.ok) {
        fail(index, spec.fields, row.number, column, read.message);
        continue;
      }
      if (read.notice !== undefined) notices.push(place(row.number, column, read.notice));
      for (const [field, value] of Object.entries(read.values)) if (value !== undefined) item[field] = value;
    }
    if (target === 'placementTypes' && item.unit === undefined && priceColumn?.impliedUnit) item.unit = priceColumn.impliedUnit;
    const impliedCostUnit = columns.get('unitCost')?.impliedCostUnit;
    if (target === 'interventions' && item.unitCost !== undefined && item.unitCostUnit === undefined && impliedCostUnit) item.unitCostUnit = impliedCostUnit;
    if (typeof item.ageMin === 'number' && typeof item.ageMax === 'number' && item.ageMin > item.ageMax) {
      fail(index, 'ageMax', row.number, columns.get('ageMax') ?? columns.get('age'), `högsta åldern (${item.ageMax}) är lägre än lägsta åldern (${item.ageMin}); skriv den lägre åldern först`);
    }
    return item;
  });
  assignIds(items, dataRows, columns.get('id'), current[target], target, fail);

  // The validator is the final judge; its paths are turned back into rows and columns.
  const json = serialiseDocument({ settings: current.settings, interventions: [], initiatives: [], placementTypes: [], scenarios: [] });
  json[target] = items;
  const parsed = parseDocument(json);
  if (!parsed.ok) {
    const fieldColumns = new Map<string, Column | undefined>();
    for (const spec of specs) for (const field of spec.fields) if (!fieldColumns.has(field) || columns.has(spec.key)) fieldColumns.set(field, columns.get(spec.key));
    for (const issue of parsed.issues) {
      const match = new RegExp(`^${target}\\[(\\d+)\\](?:\\.(\\w+))?`).exec(issue.path);
      const message = issue.message.replace(new RegExp(`${target}\\[(\\d+)\\]`, 'g'), (_, i: string) => `rad ${dataRows[Number(i)]?.number ?? '?'}`);
      if (!match) {
        rowErrors.push({ row: 0, column: -1, text: `${issue.path}: ${message}` });
        continue;
      }
      const index = Number(match[1]);
      const field = match[2];
      if (field !== undefined && reported.has(`${index}:${field}`)) continue;
      report(dataRows[index]?.number ?? 0, field === undefined ? undefined : fieldColumns.get(field), message);
    }
  }
  rowErrors.sort((a, b) => a.row - b.row || a.column - b.column);
  // A loop, not push(...): a table of 50 000 bad rows has more messages than a call has room for arguments.
  for (const e of rowErrors) errors.push(e.text);
  if (errors.length > 0) {
    return { ok: false, errors: limited(errors, 'fel'), notices: limited(notices, 'anmärkningar') };
  }
  if (!parsed.ok) throw new Error('The validator reported issues that were not listed');
  return { ok: true, document: parsed.document, notices: limited(notices, 'anmärkningar') };
}

/** At most MAX_TABLE_ERRORS messages; the last one shown says how many more there are ("… och 12 fel till."). */
function limited(messages: string[], what: string): string[] {
  if (messages.length <= MAX_TABLE_ERRORS) return messages;
  return [...messages.slice(0, MAX_TABLE_ERRORS - 1), `… och ${messages.length - MAX_TABLE_ERRORS + 1} ${what} till.`];
}

/** "Rad 4, kolumn Pris: message", or "Rad 4: message" when no column is concerned. */
function place(rowNumber: number, column: Column | undefined, message: string): string {
  return column ? `Rad ${rowNumber}, kolumn ${column.shown}: ${message}` : `Rad ${rowNumber}: ${message}`;
}

/** Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA. */
function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rest = (n - 1) % 26;
    out = String.fromCharCode(65 + rest) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Takes away the apostrophe that Hemmaplan's CSV export (csv.ts `neutralised`) puts before a formula character, or before apostrophes that come before one. */
function unneutralised(cell: string): string {
  return /^''*(?:[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\u2212\uff1d\uff0b\uff0d\uff20]|[\t\r])/.test(cell) ? cell.slice(1) : cell;
}

// ---------------------------------------------------------------------------------------------
// Headers and columns

interface Column {
  index: number;
  /** The header as the file writes it (shortened), for messages. */
  shown: string;
  /** The factor of a money unit in the header: 1000 for "Pris (tkr)". */
  factor: Decimal;
  /** The placement unit a price header names: "Dygnspris", "Pris per dygn". */
  impliedUnit?: PlacementUnit;
  /** The unit a cost header names: "Kostnad per tillfälle" → "tillfälle". */
  impliedCostUnit?: string;
}

const MONEY_UNITS: ReadonlyMap<string, Decimal> = new Map([
  ['kr', new Decimal(1)],
  ['sek', new Decimal(1)],
  ['kronor', new Decimal(1)],
  ['tkr', new Decimal(1000)],
  ['mnkr', new Decimal(1_000_000)],
  ['mkr', new Decimal(1_000_000)],
]);

/** Lower case, without accents (å ä ö → a a o), punctuation as single spaces. */
export function normaliseWords(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A header's words without a money unit, and that unit's factor: "Pris (tkr)" → "pris", 1000. */
function headerKey(header: string): { key: string; factor: Decimal } {
  const words = normaliseWords(header).split(' ').filter((w) => w !== '');
  let factor = new Decimal(1);
  const kept = words.filter((word) => {
    const unit = MONEY_UNITS.get(word);
    if (unit) factor = unit;
    return unit === undefined;
  });
  return kept.length > 0 ? { key: kept.join(' '), factor } : { key: words.join(' '), factor: new Decimal(1) };
}

const DAY_WORDS = /(dygn|day|daily|\bdag\b|\bdagar\b)/;
const MONTH_WORDS = /(manad|month|\bmanads)/;
const YEAR_WORDS = /(\bar\b|\bars|year|annual|arlig)/;
const PRICE_WORDS = /(pris|kostnad|price|cost|avgift|fee|belopp|ersattning|taxa)/;

/** The unit a price header names ("Pris per dygn", "Dygnskostnad", "Årskostnad"), when it names one. */
function impliedPlacementUnit(key: string): PlacementUnit | undefined {
  if (!PRICE_WORDS.test(key)) return undefined;
  if (DAY_WORDS.test(key)) return 'day';
  if (MONTH_WORDS.test(key)) return 'month';
  if (YEAR_WORDS.test(key)) return 'year';
  return undefined;
}

function findHeaderRow(rows: readonly (readonly string[])[], specs: readonly FieldSpec[]): number {
  const nameHeaders = new Set(specs.find((s) => s.key === 'name')!.headers);
  let firstNonEmpty = -1;
  for (let i = 0; i < rows.length && i < 20; i++) {
    const cells = rows[i]!;
    if (!cells.some((cell) => cell.trim() !== '')) continue;
    if (firstNonEmpty < 0) firstNonEmpty = i;
    if (cells.some((cell) => nameHeaders.has(headerKey(cell).key))) return i;
  }
  if (firstNonEmpty < 0) for (let i = 20; i < rows.length; i++) if (rows[i]!.some((cell) => cell.trim() !== '')) return i;
  return firstNonEmpty;
}

/**
 * Which column holds which field: a header that is one of a field's names, or, for a price or a
 * cost, one that names the unit too ("Dygnspris", "Kostnad per tillfälle"). When two columns fit a
 * field, an exact name beats a header with a unit, then the leftmost wins; the other is reported.
 */
function matchColumns(header: readonly string[], specs: readonly FieldSpec[], target: TableTarget, notices: string[]): Map<string, Column> {
  const byHeader = new Map<string, FieldSpec>();
  for (const spec of specs) for (const h of spec.headers) if (!byHeader.has(h)) byHeader.set(h, spec);
  const candidates = new Map<string, { column: Column; rank: number }[]>();
  header.forEach((text, index) => {
    if (text.trim() === '') return;
    const { key, factor } = headerKey(text);
    const shown = text.trim().length > 40 ? `${text.trim().slice(0, 40)}…` : text.trim();
    const column: Column = { index, shown, factor };
    let spec = byHeader.get(key);
    let rank = 0;
    if (!spec && target === 'placementTypes') {
      const unit = impliedPlacementUnit(key);
      if (unit && !/prisar|price year|prisniva/.test(key)) {
        spec = specs.find((s) => s.key === 'price');
        column.impliedUnit = unit;
        rank = 1;
      }
    }
    if (!spec && target === 'interventions') {
      const perUnit = /^\s*(?:styckkostnad|kostnad|pris|cost|price)\s+per\s+(.+?)\s*$/i.exec(text.replace(/[([]\s*(?:kr|sek|kronor|tkr|mnkr|mkr)\s*[)\]]/gi, ''));
      if (perUnit) {
        spec = specs.find((s) => s.key === 'unitCost');
        column.impliedCostUnit = perUnit[1]!;
        rank = 1;
      }
    }
    if (!spec) {
      notices.push(`Kolumnen ${column.shown} (${columnLetter(index)}) känns inte igen och lämnas utan avseende.`);
      return;
    }
    const list = candidates.get(spec.key) ?? [];
    list.push({ column, rank });
    candidates.set(spec.key, list);
  });
  const columns = new Map<string, Column>();
  for (const spec of specs) {
    const list = candidates.get(spec.key);
    if (!list) continue;
    const [chosen, ...others] = [...list].sort((a, b) => a.rank - b.rank || a.column.index - b.column.index);
    columns.set(spec.key, chosen!.column);
    for (const other of others) {
      notices.push(`Kolumnen ${other.column.shown} (${columnLetter(other.column.index)}) lämnas utan avseende: ${spec.label.toLowerCase()} läses redan från kolumnen ${chosen!.column.shown} (${columnLetter(chosen!.column.index)}).`);
    }
  }
  return columns;
}

// ---------------------------------------------------------------------------------------------
// Ids

function assignIds(
  items: JsonRecord[],
  rows: readonly { number: number }[],
  idColumn: Column | undefined,
  currentItems: readonly { id: string; name: string }[],
  target: TableTarget,
  fail: (index: number, fields: string, rowNumber: number, column: Column | undefined, message: string) => void,
): void {
  const used = new Map<string, number>();
  items.forEach((item, index) => {
    if (typeof item.id !== 'string') return;
    const first = used.get(item.id);
    if (first !== undefined) fail(index, 'id', rows[index]!.number, idColumn, `id ”${item.id.slice(0, 40)}” finns redan på rad ${rows[first]!.number}; varje id ska vara unikt`);
    else used.set(item.id, index);
  });
  const currentByName = new Map<string, string>();
  for (const item of currentItems) {
    const key = normaliseWords(item.name);
    if (!currentByName.has(key)) currentByName.set(key, item.id);
  }
  const taken = new Set([...used.keys(), ...currentItems.map((item) => item.id)]);
  /** Per stem, the number to try next: the ids before it are taken. */
  const nextSuffix = new Map<string, number>();
  items.forEach((item, index) => {
    if (item.id !== undefined) return;
    if (typeof item.name !== 'string') {
      // The row's missing name is reported; a stand-in id keeps the validator from reporting the id too.
      item.id = `rad-${rows[index]!.number}`;
      return;
    }
    const sameName = currentByName.get(normaliseWords(item.name));
    if (sameName !== undefined && !used.has(sameName)) {
      item.id = sameName;
    } else {
      const stem = slug(item.name) || (target === 'placementTypes' ? 'placeringsform' : 'insats');
      // Counting on from where the stem's last id was found, so that many rows of one name take linear time.
      let n = nextSuffix.get(stem) ?? 2;
      let id = stem;
      while (taken.has(id) || used.has(id)) id = `${stem}-${n++}`;
      nextSuffix.set(stem, n);
      item.id = id;
      taken.add(id);
    }
    used.set(item.id, index);
  });
}

/** An id made from a name: "Grön omsorg (Gården)" → "gron-omsorg-garden", at most 80 characters. */
export function slug(name: string): string {
  return normaliseWords(name)
    .replace(/[^a-z0-9]+/g, '-')
    .slice(0, Math.min(80, MAX_ID_LENGTH))
    .replace(/^-+|-+$/g, '');
}

// ---------------------------------------------------------------------------------------------
// Fields and how their cells are read

/** A cell read into the fields of the format, or why it cannot be; `notice` says what was let pass. */
type CellRead = { ok: true; values: Record<string, Json | undefined>; notice?: string } | { ok: false; message: string };

interface FieldSpec {
  /** The key of the column; the field it fills, except 'age' which fills ageMin and ageMax. */
  key: string;
  /** The fields of the format the column fills. */
  fields: readonly string[];
  /** The Swedish name of the column, in messages. */
  label: string;
  /** Other header names, for the message about a missing column. */
  hint?: string;
  /** Normalised header names (normaliseWords, without a money unit). */
  headers: readonly string[];
  required?: boolean;
  read: (cell: string, column: Column) => CellRead;
}

const one = (field: string, value: Json | undefined): CellRead => ({ ok: true, values: { [field]: value } });

function text(key: string, label: string, headers: string[], extra: Partial<FieldSpec> = {}): FieldSpec {
  return { key, fields: [key], label, headers: headers.map(normaliseWords), read: (cell) => one(key, cell), ...extra };
}

function url(key: string, label: string, headers: string[]): FieldSpec {
  return text(key, label, headers, { read: (cell) => one(key, /^www\./i.test(cell) ? `https://${cell}` : cell) });
}

function money(key: string, label: string, headers: string[], extra: Partial<FieldSpec> = {}): FieldSpec {
  return text(key, label, headers, {
    ...extra,
    read: (cell, column) => {
      const parsed = parseAmount(englishGrouping(cell), 'money');
      if (!parsed.ok) return { ok: false, message: parsed.message };
      // A unit in the header scales plain numbers; an amount with its own unit ("5 tkr", "500:-") is taken as written.
      const value = OWN_MONEY_UNIT.test(cell.replace(/^=.*/, '')) ? parsed.value : timesExact(parsed.value, column.factor);
      // Checked here, in the cell's terms, rather than by the validator, which would quote the
      // number as the format writes it and call a number of a hundred digits "inget tal".
      if (value.abs().gt(MAX_MAGNITUDE)) return { ok: false, message: `beloppet är orimligt stort; högst ${formatNumber(MAX_MAGNITUDE)} kr är tillåtet` };
      if (value.decimalPlaces() > MAX_DECIMAL_PLACES) return { ok: false, message: `beloppet har för många decimaler; högst ${MAX_DECIMAL_PLACES} är tillåtna` };
      return one(key, toPlain(value));
    },
  });
}

/** An amount that says its own money unit: "5 tkr", "1,5 mnkr", "500 kr", "500:-". */
const OWN_MONEY_UNIT = /\p{L}|:-/u;

/**
 * "4,728.50" and "1,234,567" (English thousands separators) as "4728.50" and "1234567"; parseAmount
 * reads a single comma as a decimal comma, so "4,728" alone stays 4.728 as a Swedish user means it.
 */
function englishGrouping(cell: string): string {
  return /^[-+]?\d{1,3}(,\d{3})+\.\d+$|^[-+]?\d{1,3}(,\d{3}){2,}$/.test(cell.trim()) ? cell.replace(/,/g, '') : cell;
}

function integer(key: string, label: string, headers: string[], example: string, extra: Partial<FieldSpec> = {}): FieldSpec {
  return text(key, label, headers, {
    ...extra,
    read: (cell) => {
      const value = readInteger(cell);
      return value === undefined ? { ok: false, message: `”${cell.slice(0, 40)}” är inget heltal; skriv till exempel ${example}` } : one(key, value);
    },
  });
}

function readInteger(cell: string): number | undefined {
  const parsed = parseAmount(cell, 'number');
  if (!parsed.ok || !parsed.value.isInteger() || parsed.value.abs().gt(1e9)) return undefined;
  return parsed.value.toNumber();
}

/** Words for the values of an enumeration: each value's code, its Swedish label and the given synonyms. */
function words<T extends string>(codes: readonly T[], labels: Record<T, string>, synonyms: Record<T, string[]>): Map<string, T> {
  const map = new Map<string, T>();
  for (const code of codes) for (const word of [code, labels[code], ...synonyms[code]]) map.set(normaliseWords(word), code);
  return map;
}

/**
 * A column of one value from a fixed set. A lenient one leaves an unknown value out with a
 * notice instead of an error: for a column that users often fill with words of their own.
 */
function enumeration<T extends string>(
  key: string,
  label: string,
  headers: string[],
  values: Map<string, T>,
  allowed: string,
  { lenient = false, ...extra }: Partial<FieldSpec> & { lenient?: boolean } = {},
): FieldSpec {
  return text(key, label, headers, {
    ...extra,
    read: (cell) => {
      const code = values.get(valueKey(cell));
      if (code !== undefined) return one(key, code);
      if (lenient) return { ok: true, values: {}, notice: `”${cell.slice(0, 40)}” känns inte igen och lämnas tomt; de värden som går att använda är ${allowed}` };
      return { ok: false, message: `”${cell.slice(0, 40)}” känns inte igen; skriv ${allowed}` };
    },
  });
}

/** A cell's words for matching a value, without "kr" and "per": "kr/dygn" → "dygn". */
function valueKey(cell: string): string {
  return normaliseWords(cell)
    .split(' ')
    .filter((w) => w !== '' && w !== 'per' && !MONEY_UNITS.has(w))
    .join(' ');
}

const LIST_SEPARATOR = /\s*(?:[,;/&+\n]|\boch\b|\band\b)\s*/i;

function enumerationList<T extends string>(key: string, label: string, headers: string[], values: Map<string, T>, allowed: string): FieldSpec {
  return text(key, label, headers, {
    read: (cell) => {
      const out: T[] = [];
      for (const part of cell.split(LIST_SEPARATOR).filter((p) => p.trim() !== '')) {
        const code = values.get(valueKey(part));
        if (code === undefined) return { ok: false, message: `”${part.slice(0, 40)}” känns inte igen; skriv ${allowed}, flera åtskilda med kommatecken` };
        if (!out.includes(code)) out.push(code);
      }
      return one(key, out);
    },
  });
}

const AGE_RANGE = /^(?:(\d{1,3})\s*(?:år\s*)?[-–—]\s*(\d{1,3})|(?:från\s+|from\s+)?(\d{1,3})\s*(\+|år\s+och\s+uppåt|and\s+up)|(?:upp\s+till|till|under|up\s+to)\s+(\d{1,3})|(\d{1,3}))\s*(?:år|years?)?$/i;

const ageRange: FieldSpec = {
  key: 'age',
  fields: ['ageMin', 'ageMax'],
  label: 'Ålder',
  headers: ['alder', 'age', 'aldrar', 'alderspann', 'age range', 'aldersgrupp', 'ages', 'alder ar'],
  read: (cell) => {
    const m = AGE_RANGE.exec(cell.trim());
    if (!m) return { ok: false, message: `”${cell.slice(0, 40)}” är inget åldersspann; skriv till exempel 3–12, 13+ eller upp till 18` };
    const n = (s: string | undefined) => (s === undefined ? undefined : Number(s));
    if (m[1] !== undefined) return { ok: true, values: { ageMin: n(m[1]), ageMax: n(m[2]) } };
    if (m[3] !== undefined) return { ok: true, values: { ageMin: n(m[3]) } };
    if (m[5] !== undefined) return { ok: true, values: { ageMax: n(m[5]) } };
    return { ok: true, values: { ageMin: n(m[6]), ageMax: n(m[6]) } };
  },
};

const tags: FieldSpec = text('tags', 'Taggar', ['taggar', 'tags', 'tagg', 'nyckelord', 'keywords', 'etiketter', 'sokord'], {
  read: (cell) => one('tags', cell.split(/\s*[,;\n]\s*/).filter((t) => t.trim() !== '')),
});

const ID_HEADERS = ['id', 'kod', 'code', 'key', 'nyckel', 'identitet', 'identifier'];
const NOTES_HEADERS = ['anteckningar', 'anteckning', 'notes', 'note', 'kommentar', 'kommentarer', 'comment', 'comments', 'övrigt', 'noteringar', 'notering', 'anmärkning', 'anmärkningar', 'remarks'];

const PLACEMENT_UNIT_WORDS = words(PLACEMENT_UNITS, PLACEMENT_UNIT_LABELS, {
  day: ['vårddygn', 'dygn', 'dag', 'dagar', 'days', 'daily', 'per dygn', 'd', 'dygnspris'],
  month: ['månad', 'månader', 'mån', 'mnd', 'months', 'monthly', 'månadsvis', 'månadspris'],
  year: ['år', 'years', 'yearly', 'annual', 'annually', 'årlig', 'årligen', 'helår', 'årspris'],
});
const PLACEMENT_CATEGORY_WORDS = words(PLACEMENT_CATEGORIES, PLACEMENT_CATEGORY_LABELS, {
  children: ['barn', 'unga', 'ungdom', 'ungdomar', 'barn och ungdom', 'barn och ungdomar', 'barn unga', 'child', 'youth', 'children and youth', 'kids'],
  adults: ['vuxen', 'adult', 'vuxna'],
});
const TARGET_GROUP_WORDS = words(TARGET_GROUPS, TARGET_GROUP_LABELS, {
  children: ['barn', 'child', 'kids'],
  youth: ['ungdom', 'ungdomar', 'tonåringar', 'young people', 'young', 'adolescents'],
  parents: ['förälder', 'parent', 'vårdnadshavare', 'vårdnadshavarna', 'föräldrarna'],
  adults: ['vuxen', 'adult'],
  relatives: ['anhörig', 'relative', 'närstående', 'family members'],
});
const FORMAT_WORDS = words(INTERVENTION_FORMATS, FORMAT_LABELS, {
  individual: ['individ', 'individuellt', 'enskild', 'enskilt', 'individuella'],
  group: ['grupper', 'gruppverksamhet', 'i grupp'],
  family: ['familjer', 'familjebaserad', 'familjebehandling'],
  network: ['nätverksarbete', 'nätverksbaserad'],
});
const NEEDS_ASSESSMENT_WORDS = words(NEEDS_ASSESSMENTS, NEEDS_ASSESSMENT_LABELS, {
  assessed: ['behovsprövad', 'behovsprövning', 'med behovsprövning', 'ja', 'yes', 'bistånd', 'biståndsbeslut', 'beslut', 'needs assessment', 'efter bistandsbeslut'],
  'without-assessment': ['utan', 'nej', 'no', 'without assessment', 'ej behovsprövad', 'inte behovsprövad', 'service', 'serviceinsats', 'öppen', 'öppen verksamhet'],
  both: ['both', 'båda', 'både och', 'ja och nej', 'ja nej', 'bägge'],
});
const STATUS_WORDS = words(INTERVENTION_STATUSES, STATUS_LABELS, {
  offered: ['erbjuden', 'erbjuder', 'erbjuds idag', 'aktiv', 'active', 'pågår', 'pågående', 'i drift', 'befintlig'],
  planned: ['planerade', 'planeras', 'plan', 'planerat'],
  proposed: ['föreslagen', 'förslag', 'föreslås', 'föreslaget', 'suggested'],
  discontinued: ['avslutade', 'upphört', 'upphörd', 'nedlagd', 'inaktiv', 'inactive', 'ended', 'avvecklad'],
});

/** Column headers per target, normalised by normaliseWords (case, accents and punctuation ignored). */
const FIELD_SPECS: Record<TableTarget, readonly FieldSpec[]> = {
  placementTypes: [
    text('id', 'Id', ID_HEADERS),
    text('name', 'Namn', ['namn', 'name', 'placeringsform', 'placeringsformer', 'placement type', 'placement', 'placering', 'benämning', 'typ av placering', 'vårdform', 'title', 'titel', 'typ', 'type'], {
      required: true,
      hint: 'eller Placeringsform, Name',
    }),
    enumeration('unit', 'Enhet', ['enhet', 'unit', 'prisenhet', 'price unit', 'per', 'pris per', 'tidsenhet', 'debiteringsenhet', 'enhet pris'], PLACEMENT_UNIT_WORDS, 'dygn, månad eller år', {
      required: true,
      hint: 'eller Unit, med dygn, månad eller år; eller en rubrik som Dygnspris',
    }),
    money('price', 'Pris', ['pris', 'price', 'kostnad', 'cost', 'belopp', 'amount', 'avgift', 'fee', 'pris per enhet', 'price per unit', 'kostnad per enhet', 'cost per unit', 'styckpris', 'unit price', 'à pris', 'apris', 'taxa', 'ersättning'], {
      required: true,
      hint: 'eller Price, Kostnad, Dygnspris',
    }),
    integer('priceYear', 'Prisår', ['prisår', 'price year', 'år', 'year', 'prisnivå', 'prisnivå år', 'price level', 'avser år', 'gäller år', 'giltigt år', 'pris år', 'året'], '2025', {
      required: true,
      hint: 'eller Price year, År, med det år priset gäller',
    }),
    enumeration('category', 'Målgrupp', ['målgrupp', 'kategori', 'category', 'target group', 'grupp', 'group', 'age group'], PLACEMENT_CATEGORY_WORDS, 'barn och unga eller vuxna', {
      lenient: true,
    }),
    text('source', 'Källa', ['källa', 'source', 'leverantör', 'supplier', 'provider', 'utförare', 'vårdgivare', 'anordnare', 'avtal', 'referens', 'reference']),
    url('sourceUrl', 'Länk', ['länk', 'url', 'source url', 'källa länk', 'länk till källa', 'källänk', 'link', 'webbadress', 'webbplats', 'website', 'hemsida', 'source link', 'web']),
    text('notes', 'Anteckningar', NOTES_HEADERS),
  ],
  interventions: [
    text('id', 'Id', ID_HEADERS),
    text('name', 'Namn', ['namn', 'name', 'insats', 'metod', 'insats metod', 'metod insats', 'insats eller metod', 'insatser och metoder', 'insatser', 'metoder', 'intervention', 'method', 'program', 'benämning', 'title', 'titel'], {
      required: true,
      hint: 'eller Insats, Metod, Name',
    }),
    text('shortName', 'Kortnamn', ['kortnamn', 'kort namn', 'förkortning', 'short name', 'abbreviation', 'akronym']),
    text('description', 'Beskrivning', ['beskrivning', 'description', 'kort beskrivning', 'innehåll', 'summary', 'sammanfattning']),
    text('category', 'Kategori', ['kategori', 'category', 'område', 'typ', 'type', 'insatstyp', 'area']),
    enumerationList('targetGroups', 'Målgrupp', ['målgrupp', 'målgrupper', 'target group', 'target groups', 'för vem', 'audience'], TARGET_GROUP_WORDS, 'barn, unga, föräldrar, vuxna eller anhöriga'),
    ageRange,
    integer('ageMin', 'Ålder från', ['ålder från', 'från ålder', 'lägsta ålder', 'min ålder', 'minålder', 'age min', 'min age', 'age from', 'ålder min', 'minimum age'], '3'),
    integer('ageMax', 'Ålder till', ['ålder till', 'till ålder', 'högsta ålder', 'max ålder', 'maxålder', 'age max', 'max age', 'age to', 'ålder max', 'maximum age'], '12'),
    text('unit', 'Enhet', ['enhet', 'unit', 'organisatorisk enhet', 'verksamhet', 'avdelning', 'team', 'department', 'utförare']),
    enumeration('format', 'Form', ['form', 'format', 'arbetsform', 'upplägg', 'individ grupp', 'insatsform', 'delivery'], FORMAT_WORDS, 'individuell, grupp, familj eller nätverk'),
    text('scope', 'Omfattning', ['omfattning', 'scope', 'längd', 'duration', 'antal träffar', 'dos', 'intensitet']),
    text('theory', 'Teori', ['teori', 'theory', 'teoretisk grund', 'teoretisk bas', 'theoretical basis', 'teoretisk utgångspunkt']),
    url('evidenceUrl', 'Kunskapsstöd (länk)', [
      'kunskapsstöd länk', 'kunskapsstöd', 'länk till kunskapsstöd', 'länk', 'url', 'evidens', 'evidence', 'evidence url', 'länk till evidens',
      'källa', 'source', 'source url', 'metodguide', 'link', 'webbadress', 'hemsida', 'website',
    ]),
    enumeration('needsAssessment', 'Behovsprövning', ['behovsprövning', 'behovsprövad', 'needs assessment', 'biståndsbedömning', 'kräver behovsprövning'], NEEDS_ASSESSMENT_WORDS, 'efter behovsprövning, utan behovsprövning eller båda'),
    enumeration('status', 'Status', ['status', 'läge', 'state'], STATUS_WORDS, 'erbjuds, planerad, föreslagen eller avslutad'),
    integer('trainedStaff', 'Utbildad personal', ['utbildad personal', 'antal utbildade', 'utbildade', 'trained staff', 'antal utbildad personal', 'certifierade', 'trained'], '4'),
    money('unitCost', 'Styckkostnad', ['styckkostnad', 'kostnad', 'cost', 'unit cost', 'pris', 'price', 'kostnad per enhet', 'styckpris', 'belopp']),
    text('unitCostUnit', 'Kostnad per', ['kostnad per', 'kostnadsenhet', 'per', 'cost unit', 'cost per', 'prisenhet', 'unit cost unit', 'per enhet']),
    text('notes', 'Anteckningar', NOTES_HEADERS),
    tags,
  ],
};

/** Every header each target recognises, as written in FIELD_SPECS (normalised), for documentation and tests. */
export const COLUMN_HEADERS: { [T in TableTarget]: Readonly<Record<string, readonly string[]>> } = {
  placementTypes: Object.fromEntries(FIELD_SPECS.placementTypes.map((s) => [s.key, s.headers])),
  interventions: Object.fromEntries(FIELD_SPECS.interventions.map((s) => [s.key, s.headers])),
};
