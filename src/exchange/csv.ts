/**
 * CSV for Swedish Excel: semicolons between cells, a decimal comma, CRLF line ends and UTF-8 with
 * a byte order mark (without it Excel reads the file as Windows-1252 and å ä ö come out garbled).
 * One writer, csvText, serves every table the app exports; scenarioResultCsv is the scenario's
 * results written through it.
 */
import { Decimal, toFixedHalfUp } from '../domain/money';
import { evaluateScenario } from '../domain/scenario';
import type { HemmaplanDocument } from '../domain/types';
import { effectName, NO_PAYBACK } from './labels';

/** A number rounded half away from zero to a fixed number of decimals when written. */
export class CsvFixed {
  constructor(
    readonly value: Decimal,
    readonly decimals: number,
  ) {}
}

/** Money in kronor, written to the öre as the result document rounds it (EXCHANGE.md §2–3). */
export function csvMoney(value: Decimal): CsvFixed {
  return new CsvFixed(value, 2);
}

/**
 * One cell:
 * - a string is text from a user (or a label) and is neutralised against formula injection;
 * - a Decimal is written exactly, as a plain number with a decimal comma ("0,75", "44,53");
 * - a CsvFixed (csvMoney) is rounded to its decimals ("-1234,50");
 * - a JavaScript number (a year, a count) is written the same way; it must be finite;
 * - null and undefined are empty cells.
 * Numbers are never neutralised: a negative amount stays a number that Excel can add up.
 */
export type CsvCell = string | number | Decimal | CsvFixed | null | undefined;

const BOM = '\ufeff';
const SEPARATOR = ';';
const LINE_END = '\r\n';

/**
 * The whole file: every row ends with CRLF, the text starts with a byte order mark. Rows may have
 * different lengths (several tables in one file, separated by an empty row).
 */
export function csvText(rows: readonly (readonly CsvCell[])[]): string {
  let text = BOM;
  for (const row of rows) text += row.map(csvField).join(SEPARATOR) + LINE_END;
  return text;
}

/** One cell as it stands in the file, quoted when needed. */
export function csvField(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return quoted(neutralised(cell));
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new RangeError(`A CSV cell cannot hold ${cell}`);
    return numberText(new Decimal(cell).toFixed());
  }
  if (cell instanceof CsvFixed) return numberText(toFixedHalfUp(cell.value, cell.decimals));
  return numberText(cell.isZero() ? '0' : cell.toFixed());
}

/** "-1234.50" → "-1234,50": no grouping, no unit, an ASCII minus, so Excel reads a number. */
function numberText(plain: string): string {
  return plain.replace('.', ',');
}

/**
 * Formula injection (CSV injection): a spreadsheet treats a cell that starts with = + - @ as a
 * formula, and a tab or carriage return at the start can smuggle one in; a formula can run
 * commands (DDE) or send the sheet's data to a web address. Following OWASP's recommendation
 * ("CSV Injection"), such a cell gets a leading apostrophe so that it is read as text.
 * We also catch the typographic minus U+2212 and the full-width = + - @ (which some Excel
 * versions take as their ASCII twins), and a trigger after leading spaces or invisible
 * characters, since spreadsheets may skip those before looking for a formula. Text that already
 * starts with apostrophes before a trigger ("'-2") gets one more, so that the importer, which
 * takes exactly one away (table-import.ts `unneutralised`), gives the text back as it was.
 */
const FORMULA_START = /^'*(?:[\s\u200b-\u200d\u2060\ufeff]*[=+\-@\u2212\uff1d\uff0b\uff0d\uff20]|[\t\r])/;

export function neutralised(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** RFC 4180 quoting: a field holding the separator, a quote or a line break is quoted, its quotes doubled. */
function quoted(text: string): string {
  return /[;"\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

// ---------------------------------------------------------------------------------------------
// A scenario's results


/**
 * A scenario's results as CSV, every figure from the evaluator with money to the öre: the year
 * table with a sum row, then (after an empty row) the cost of each initiative per year, then the
 * avoided cost of each effect per year, then present value and payback year.
 */
export function scenarioResultCsv(document: HemmaplanDocument, scenarioId: string): string {
  const scenario = document.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`Unknown scenario ${scenarioId}`);
  const result = evaluateScenario(document, scenario);
  const yearHeaders = result.years.map((y) => `${y.year} (kr)`);
  const rows: CsvCell[][] = [];

  rows.push(['År', 'Kostnad (kr)', 'Undviken kostnad (kr)', 'Netto (kr)', 'Ackumulerat netto (kr)']);
  for (const y of result.years) rows.push([y.year, csvMoney(y.cost), csvMoney(y.avoided), csvMoney(y.net), csvMoney(y.cumulativeNet)]);
  rows.push(['Summa', csvMoney(result.totals.cost), csvMoney(result.totals.avoided), csvMoney(result.totals.net), null]);

  rows.push([]);
  rows.push(['Satsning', ...yearHeaders, 'Summa (kr)']);
  for (const initiative of result.initiatives) {
    const name = document.initiatives.find((i) => i.id === initiative.id)?.name ?? initiative.id;
    rows.push([name, ...initiative.years.map((y) => csvMoney(y.cost)), csvMoney(initiative.total)]);
  }

  if (result.effects.length > 0) {
    rows.push([]);
    rows.push(['Effekt', ...yearHeaders, 'Summa (kr)']);
    result.effects.forEach((effect, i) => {
      rows.push([effectName(document, scenario.effects[i]!), ...effect.years.map((y) => csvMoney(y.avoided)), csvMoney(effect.total)]);
    });
  }

  rows.push([]);
  rows.push(['Nyckeltal', 'Värde']);
  rows.push(['Kalkylränta (%)', result.settings.discountRatePercent]);
  rows.push(['Nuvärde (kr)', csvMoney(result.totals.npv)]);
  rows.push(['Återbetalningsår', result.paybackYear ?? NO_PAYBACK]);
  return csvText(rows);
}
