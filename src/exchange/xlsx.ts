/**
 * A scenario as an Excel workbook (issue 5): a summary with the assumptions, key figures, year
 * table, break-even and sources; the initiatives' cost lines with their inputs; the effects; and
 * the placement prices. Every figure is a live formula over input cells that reproduces the
 * evaluator (EXCHANGE.md §2), so that changing an assumption in Excel or LibreOffice recomputes
 * the whole sheet; each formula also carries the evaluator's value as its cached result, for
 * viewers that do not recalculate. test/exchange/xlsx.test.ts proves the formulas right with an
 * independent spreadsheet engine.
 *
 * Loaded with import() when the user exports (ExcelJS is large). ExcelJS is a CommonJS module whose
 * package "browser" field points at its self-contained bundle; the default import is its
 * module.exports in Node and in Vite alike.
 *
 * Precision: money is exact (Decimal) in Hemmaplan, but a spreadsheet cell holds a binary double.
 * Input values are converted at the last moment and are exact for up to 15 significant digits;
 * longer decimals (more than 15–17 digits) are rounded to the nearest double. Formulas then
 * compute in floating point: for realistic amounts (below some 10^11 kr) the results agree with
 * the evaluator to far below an öre; the cached results are the evaluator's own values.
 */
import ExcelJS from 'exceljs';
import { convertPrice, IndexFactors, initiativePeriod } from '../domain/costs';
import { type Decimal, HUNDRED, ONE, ZERO } from '../domain/money';
import { contains, intersect, monthIndex, monthsInYear, yearOfIndex } from '../domain/months';
import { evaluateCostLines, evaluateScenario, horizonYears, type ScenarioResult } from '../domain/scenario';
import type { EffectiveSettings } from '../domain/settings';
import type { CostLine, Effect, HemmaplanDocument, Initiative, PlacementType, PlacementUnit, Scenario } from '../domain/types';
import { COST_LINE_KIND_LABELS, effectName, NO_PAYBACK, PLACEMENT_CATEGORY_LABELS, PLACEMENT_UNIT_LABELS, PLACEMENT_UNIT_PLURAL } from './labels';
import { xmlSafeText } from './xml-text';

export interface WorkbookOptions {
  /** The date shown on the summary, "YYYY-MM-DD". */
  date: string;
}

/** The sheets, in order. */
export const SHEET_NAMES = {
  summary: 'Sammanfattning',
  initiatives: 'Satsningar',
  effects: 'Effekter',
  placementTypes: 'Placeringskostnader',
} as const;

/** Builds the workbook of one scenario of a validated document as .xlsx bytes. Works in the browser and in Node. */
export async function scenarioWorkbook(document: HemmaplanDocument, scenarioId: string, options: WorkbookOptions): Promise<Uint8Array> {
  const scenario = document.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`Unknown scenario ${scenarioId}`);
  const date = parseDate(options.date);
  const result = evaluateScenario(document, scenario);

  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Hemmaplan';
  workbook.lastModifiedBy = 'Hemmaplan';
  workbook.created = date;
  workbook.modified = date;
  workbook.title = cleanText(scenario.name);
  // Excel recomputes every formula when the file is opened, whatever cached results it carries.
  workbook.calcProperties.fullCalcOnLoad = true;

  const context = new Context(document, scenario, result);
  const summary = new Sheet(workbook, SHEET_NAMES.summary, 1, 0);
  const initiatives = new Sheet(workbook, SHEET_NAMES.initiatives, 2, 1);
  const effects = new Sheet(workbook, SHEET_NAMES.effects, 2, 1);
  const prices = new Sheet(workbook, SHEET_NAMES.placementTypes, 2, 1);

  const assumptions = writeAssumptions(summary, context, date);
  const priceRows = writePlacementTypes(prices, context, assumptions);
  const initiativeTotals = writeInitiatives(initiatives, context, assumptions);
  const effectTotals = writeEffects(effects, context, prices, priceRows);
  writeResults(summary, context, assumptions, { initiatives, initiativeTotals, effects, effectTotals, prices, priceRows });

  const data: unknown = await workbook.xlsx.writeBuffer();
  if (data instanceof Uint8Array) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  throw new Error('ExcelJS returned no bytes');
}

// ---------------------------------------------------------------------------------------------
// Context shared by the sheets

class Context {
  readonly settings: EffectiveSettings;
  readonly factors: IndexFactors;
  readonly years: number[];
  readonly typesById: Map<string, PlacementType>;
  readonly initiativesById: Map<string, Initiative>;
  /** The placement types the break-even shows: those the effects avoid, or all when there are none (as the screen). */
  readonly breakEven: ScenarioResult['breakEven'];
  /** The placement types the workbook names, in document order: break-even types and the effects' types. */
  readonly placementTypes: PlacementType[];

  constructor(
    readonly document: HemmaplanDocument,
    readonly scenario: Scenario,
    readonly result: ScenarioResult,
  ) {
    this.settings = result.settings;
    this.factors = new IndexFactors(result.settings);
    this.years = horizonYears(scenario);
    this.typesById = new Map(document.placementTypes.map((t) => [t.id, t]));
    this.initiativesById = new Map(document.initiatives.map((i) => [i.id, i]));
    const avoided = new Set(scenario.effects.map((e) => e.fromPlacementTypeId));
    this.breakEven = result.breakEven.filter((b) => avoided.size === 0 || avoided.has(b.placementTypeId));
    const named = new Set([
      ...this.breakEven.map((b) => b.placementTypeId),
      ...scenario.effects.flatMap((e) => (e.toPlacementTypeId === undefined ? [e.fromPlacementTypeId] : [e.fromPlacementTypeId, e.toPlacementTypeId])),
    ]);
    this.placementTypes = document.placementTypes.filter((t) => named.has(t.id));
  }

  type(id: string): PlacementType {
    const type = this.typesById.get(id);
    if (!type) throw new Error(`Unknown placement type ${id}`);
    return type;
  }
}

/** Absolute, sheet-qualified references to the assumption cells on the summary. */
interface Assumptions {
  payroll: string;
  salaryGrowth: string;
  priceGrowth: string;
  discountRate: string;
  baseYear: string;
}

// ---------------------------------------------------------------------------------------------
// Cells

/** A1 column letters of a 1-based column number. */
function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function a1(column: number, row: number, absoluteColumn = false, absoluteRow = false): string {
  return `${absoluteColumn ? '$' : ''}${columnName(column)}${absoluteRow ? '$' : ''}${row}`;
}

const FILL_INPUT: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
const FILL_BLOCK: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEDEDED' } };
const FILL_HEADER: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDDEBF7' } };
const FONT_FACT: Partial<ExcelJS.Font> = { italic: true, color: { argb: 'FF595959' } };
const BORDER_BOTTOM: Partial<ExcelJS.Borders> = { bottom: { style: 'thin', color: { argb: 'FF7F7F7F' } } };
const BORDER_TOP: Partial<ExcelJS.Borders> = { top: { style: 'thin', color: { argb: 'FF7F7F7F' } } };

/**
 * Number formats, in the file's invariant syntax: "," groups thousands and "." is the decimal
 * point, which a viewer shows in its own locale ("1 234 567 kr" and "44,53 %" in a Swedish Excel).
 */
const FORMAT = {
  money: '#,##0 "kr"',
  // The trailing comma divides by 1 000 for display only: "1 235 tkr" in a Swedish Excel.
  tkr: '#,##0, "tkr"',
  units: '#,##0',
  year: '0',
  count: '0',
  date: 'yyyy-mm-dd',
} as const;

/** "#,##0.00" style with `decimals` decimals (at most 10) and an optional suffix in quotes. */
function fixedFormat(decimals: number, suffix = ''): string {
  const d = Math.min(Math.max(decimals, 0), 10);
  return `#,##0${d > 0 ? '.' + '0'.repeat(d) : ''}${suffix}`;
}

/** An entered amount shown with all its decimals. */
function moneyInputFormat(value: Decimal): string {
  return fixedFormat(value.decimalPlaces(), ' "kr"');
}

/** A fraction shown as a percentage with the decimals of the percentage ("0.00 %" for 44.53 %). */
function percentFormat(percent: Decimal): string {
  const d = Math.min(percent.decimalPlaces(), 10);
  return `0${d > 0 ? '.' + '0'.repeat(d) : ''} %`;
}

/** A share 0..1 shown as a percentage with all its decimals. */
function shareFormat(share: Decimal): string {
  return percentFormat(share.times(HUNDRED));
}

/**
 * A number for a cell. The one place where an exact value becomes a double: exact up to 15
 * significant digits, the nearest double beyond.
 */
function cellNumber(value: Decimal | number): number {
  const n = typeof value === 'number' ? value : value.toNumber();
  if (!Number.isFinite(n)) throw new RangeError('Ett belopp är för stort för ett kalkylark.');
  return Object.is(n, -0) ? 0 : n;
}

/**
 * Text as a cell can hold it: the characters XML 1.0 forbids (which would make Excel refuse the
 * file) become U+FFFD, and the text is cut at Excel's 32 767 characters.
 */
export function cleanText(value: string): string {
  const clean = xmlSafeText(value);
  return clean.length > 32767 ? clean.slice(0, 32767) : clean;
}

type Role = 'input' | 'fact';

interface TextStyle {
  bold?: boolean;
  size?: number;
  italic?: boolean;
  right?: boolean;
  wrap?: boolean;
}

class Sheet {
  readonly worksheet: ExcelJS.Worksheet;

  /** `headerRows` rows (and `headerColumns` columns) stay in view and are printed on every page. */
  constructor(workbook: ExcelJS.Workbook, readonly name: string, headerRows: number, headerColumns: number) {
    this.worksheet = workbook.addWorksheet(name, {
      views: [{ state: 'frozen', xSplit: headerColumns, ySplit: headerRows, topLeftCell: a1(headerColumns + 1, headerRows + 1), activeCell: 'A1' }],
      pageSetup: {
        paperSize: 9 as ExcelJS.PaperSize, // A4
        orientation: 'landscape',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: `1:${headerRows}`,
        margins: { left: 0.5, right: 0.5, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
      },
      headerFooter: { oddFooter: `&L${name}&RSida &P av &N` },
    });
  }

  /** A reference to a cell of this sheet, qualified with the sheet's name when used from `from`. */
  ref(column: number, row: number, options: { from?: Sheet; absoluteColumn?: boolean; absoluteRow?: boolean } = {}): string {
    const local = a1(column, row, options.absoluteColumn ?? false, options.absoluteRow ?? false);
    return options.from === undefined || options.from === this ? local : `${quoteSheet(this.name)}!${local}`;
  }

  cell(column: number, row: number): ExcelJS.Cell {
    return this.worksheet.getCell(row, column);
  }

  /** Text, always a text cell: a value starting with = + - @ is never read as a formula. */
  text(column: number, row: number, value: string, style: TextStyle = {}): ExcelJS.Cell {
    const cell = this.cell(column, row);
    cell.value = cleanText(value);
    if (style.bold || style.size || style.italic) cell.font = { bold: style.bold ?? false, italic: style.italic ?? false, ...(style.size ? { size: style.size } : {}) };
    if (style.right || style.wrap) cell.alignment = { ...(style.right ? { horizontal: 'right' as const } : {}), ...(style.wrap ? { wrapText: true, vertical: 'top' as const } : {}) };
    return cell;
  }

  /** A number written as a value: an input the user may change, or a fact of the input. */
  number(column: number, row: number, value: Decimal | number | null, format: string, role: Role): ExcelJS.Cell {
    const cell = this.cell(column, row);
    if (value !== null) cell.value = cellNumber(value);
    cell.numFmt = format;
    if (role === 'input') cell.fill = FILL_INPUT;
    else cell.font = FONT_FACT;
    return cell;
  }

  /** A formula (without "=") with the evaluator's value as its cached result. */
  formula(column: number, row: number, formula: string, result: Decimal | number | string, format: string, bold = false): ExcelJS.Cell {
    const cell = this.cell(column, row);
    cell.value = { formula, result: typeof result === 'string' ? cleanText(result) : cellNumber(result) };
    cell.numFmt = format;
    if (bold) cell.font = { bold: true };
    return cell;
  }

  /** Fills and borders a row from column 1 to `lastColumn`. */
  band(row: number, lastColumn: number, fill: ExcelJS.Fill, border?: Partial<ExcelJS.Borders>): void {
    for (let c = 1; c <= lastColumn; c++) {
      const cell = this.cell(c, row);
      cell.fill = fill;
      if (border) cell.border = border;
    }
  }

  widths(widths: readonly number[]): void {
    widths.forEach((width, i) => (this.worksheet.getColumn(i + 1).width = width));
  }
}

function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** a + b + …, or 0 for no terms (the sum of nothing). */
function plus(terms: readonly string[]): string {
  return terms.length === 0 ? '0' : terms.join('+');
}

function parseDate(text: string): Date {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  const date = match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : undefined;
  if (!date || date.toISOString().slice(0, 10) !== text) throw new RangeError(`Not a date: ${text}`);
  return date;
}

// ---------------------------------------------------------------------------------------------
// Sammanfattning: title, assumptions

const SUMMARY = {
  assumptionsFirstRow: 8,
  keyFiguresFirstRow: 15,
  yearTableRow: 22,
} as const;

function writeAssumptions(sheet: Sheet, context: Context, date: Date): Assumptions {
  const { scenario, settings, result } = context;
  sheet.widths([46, 20, 20, 20, 20, 20]);
  sheet.text(1, 1, scenario.name, { bold: true, size: 16 });
  if (settings.organisation.trim() !== '') sheet.text(1, 2, settings.organisation, { size: 12 });
  sheet.text(1, 3, 'Datum');
  const dateCell = sheet.cell(2, 3);
  dateCell.value = date;
  dateCell.numFmt = FORMAT.date;
  dateCell.alignment = { horizontal: 'left' };
  sheet.text(1, 4, 'Period');
  sheet.text(2, 4, `${result.startYear}–${result.endYear}`);
  sheet.text(1, 5, 'Gula celler är indata: ändra dem så räknas hela arbetsboken om. Grå kursiva tal (aktiva månader, studiemånader med mera) följer av satsningarnas perioder och ändras i Hemmaplan.', { italic: true });

  const header = SUMMARY.assumptionsFirstRow - 1;
  sheet.text(1, header, 'Antaganden', { bold: true, size: 12 });
  sheet.text(2, header, 'Värde', { bold: true, right: true });
  sheet.text(3, header, 'Anmärkning', { bold: true });
  sheet.band(header, 3, FILL_HEADER, BORDER_BOTTOM);

  const own = scenario.settings ?? {};
  const note = (field: keyof EffectiveSettings) => (own[field] !== undefined ? 'Scenariots eget värde' : '');
  const rows: [string, keyof EffectiveSettings][] = [
    ['PO-pålägg (personalomkostnadspålägg)', 'payrollOverheadPercent'],
    ['Löneökning per år', 'salaryGrowthPercent'],
    ['Prisökning per år (PKV)', 'priceGrowthPercent'],
    ['Kalkylränta (diskonteringsränta)', 'discountRatePercent'],
  ];
  const refs: string[] = [];
  rows.forEach(([label, field], i) => {
    const row = SUMMARY.assumptionsFirstRow + i;
    const percent = settings[field] as Decimal;
    sheet.text(1, row, label);
    sheet.number(2, row, percent.div(HUNDRED), percentFormat(percent), 'input');
    sheet.text(3, row, note(field));
    refs.push(sheet.ref(2, row, { absoluteColumn: true, absoluteRow: true }));
  });
  const baseRow = SUMMARY.assumptionsFirstRow + rows.length;
  sheet.text(1, baseRow, 'Basår (belopp anges i basårets löne- och prisnivå)');
  sheet.number(2, baseRow, settings.baseYear, FORMAT.year, 'input');
  sheet.text(3, baseRow, own.baseYear !== undefined ? 'Scenariots eget värde' : context.document.settings.baseYear === undefined ? 'Scenariots startår' : '');

  const qualified = (ref: string) => `${quoteSheet(sheet.name)}!${ref}`;
  return {
    payroll: qualified(refs[0]!),
    salaryGrowth: qualified(refs[1]!),
    priceGrowth: qualified(refs[2]!),
    discountRate: qualified(refs[3]!),
    baseYear: qualified(sheet.ref(2, baseRow, { absoluteColumn: true, absoluteRow: true })),
  };
}

/** S(y) = (1 + salary growth)^(y − base year), for the year in `yearRef`. */
function salaryFactor(a: Assumptions, yearRef: string): string {
  return `(1+${a.salaryGrowth})^(${yearRef}-${a.baseYear})`;
}

/** P(y) = (1 + price growth)^(y − base year), for the year in `yearRef`. */
function priceFactor(a: Assumptions, yearRef: string): string {
  return `(1+${a.priceGrowth})^(${yearRef}-${a.baseYear})`;
}

// ---------------------------------------------------------------------------------------------
// Placeringskostnader

/** Columns of the placement-type sheet. */
const PRICE_COLUMNS = { name: 1, unit: 2, price: 3, priceYear: 4, firstYear: 5 } as const;

function writePlacementTypes(sheet: Sheet, context: Context, assumptions: Assumptions): Map<string, number> {
  const { years } = context;
  const category = PRICE_COLUMNS.firstYear + years.length;
  sheet.widths([38, 10, 18, 10, ...years.map(() => 14), 16, 50, 40]);
  sheet.text(1, 1, `Placeringskostnader – ${context.scenario.name}`, { bold: true, size: 14 });
  const headers = ['Placeringsform', 'Enhet', 'Pris per enhet', 'Prisår'];
  headers.forEach((h, i) => sheet.text(i + 1, 2, h, { bold: true, right: i >= 2 }));
  years.forEach((year, i) => {
    // The year is a number (the formulas read it), shown as "Pris 2026".
    const cell = sheet.number(PRICE_COLUMNS.firstYear + i, 2, year, '"Pris "0', 'fact');
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'right' };
  });
  ['Målgrupp', 'Källa', 'Källa (länk)'].forEach((h, i) => sheet.text(category + i, 2, h, { bold: true }));
  sheet.band(2, category + 2, FILL_HEADER, BORDER_BOTTOM);

  const rows = new Map<string, number>();
  context.placementTypes.forEach((type, i) => {
    const row = 3 + i;
    rows.set(type.id, row);
    sheet.text(PRICE_COLUMNS.name, row, type.name);
    sheet.text(PRICE_COLUMNS.unit, row, PLACEMENT_UNIT_LABELS[type.unit]);
    sheet.number(PRICE_COLUMNS.price, row, type.price, moneyInputFormat(type.price), 'input');
    sheet.number(PRICE_COLUMNS.priceYear, row, type.priceYear, FORMAT.year, 'input');
    const price = sheet.ref(PRICE_COLUMNS.price, row, { absoluteColumn: true });
    const priceYear = sheet.ref(PRICE_COLUMNS.priceYear, row, { absoluteColumn: true });
    years.forEach((year, y) => {
      const column = PRICE_COLUMNS.firstYear + y;
      const yearRef = sheet.ref(column, 2, { absoluteRow: true });
      // §2.1: price × (1 + price growth)^(y − price year).
      sheet.formula(column, row, `${price}*(1+${assumptions.priceGrowth})^(${yearRef}-${priceYear})`, context.factors.placementPrice(type, year), FORMAT.money);
    });
    if (type.category) sheet.text(category, row, PLACEMENT_CATEGORY_LABELS[type.category]);
    if (type.source) sheet.text(category + 1, row, type.source, { wrap: true });
    if (type.sourceUrl) sheet.text(category + 2, row, type.sourceUrl);
  });
  return rows;
}

// ---------------------------------------------------------------------------------------------
// Satsningar and Effekter: blocks of rows, a label in A, a value in B, a unit in C, years from D

const BLOCK = { label: 1, value: 2, unit: 3, firstYear: 4 } as const;

/** Writes the common header of the two block sheets and returns the sum column. */
function blockSheetHeader(sheet: Sheet, context: Context, title: string): number {
  const { years } = context;
  const sumColumn = BLOCK.firstYear + years.length;
  sheet.widths([34, 30, 22, ...years.map(() => 14), 16]);
  sheet.text(1, 1, title, { bold: true, size: 14 });
  sheet.text(BLOCK.label, 2, 'Post', { bold: true });
  sheet.text(BLOCK.value, 2, 'Värde', { bold: true });
  sheet.text(BLOCK.unit, 2, 'Enhet', { bold: true });
  years.forEach((year, i) => {
    const cell = sheet.number(BLOCK.firstYear + i, 2, year, FORMAT.year, 'fact');
    cell.font = { bold: true };
    cell.alignment = { horizontal: 'right' };
  });
  sheet.text(sumColumn, 2, 'Summa', { bold: true, right: true });
  sheet.band(2, sumColumn, FILL_HEADER, BORDER_BOTTOM);
  return sumColumn;
}

/** The year of horizon year i, as a reference to the header row of a block sheet. */
function blockYear(sheet: Sheet, i: number): string {
  return sheet.ref(BLOCK.firstYear + i, 2, { absoluteRow: true });
}

/** Per-year formulas in a row of a block sheet, and their sum in the sum column. */
function yearFormulas(
  sheet: Sheet,
  row: number,
  sumColumn: number,
  formula: (i: number, column: number) => string,
  results: readonly Decimal[],
  total: Decimal,
  bold = false,
): void {
  results.forEach((value, i) => sheet.formula(BLOCK.firstYear + i, row, formula(i, BLOCK.firstYear + i), value, FORMAT.money, bold));
  sheet.formula(sumColumn, row, `SUM(${sheet.ref(BLOCK.firstYear, row)}:${sheet.ref(sumColumn - 1, row)})`, total, FORMAT.money, bold);
}

/** Facts of the input, one per year (months active, terms started …), written as values. */
function yearFacts(sheet: Sheet, row: number, label: string, unit: string, values: readonly number[]): void {
  sheet.text(BLOCK.label, row, label);
  sheet.text(BLOCK.unit, row, unit, { italic: true });
  values.forEach((value, i) => sheet.number(BLOCK.firstYear + i, row, value, FORMAT.count, 'fact'));
}

function sumOf(values: readonly Decimal[]): Decimal {
  return values.reduce((a, b) => a.plus(b), ZERO);
}

/** Rows written so far on a block sheet; each method writes one row and returns a reference to its value. */
class Rows {
  constructor(
    readonly sheet: Sheet,
    public row: number,
  ) {}

  /** The absolute reference of this row's value cell. */
  private valueRef(row: number): string {
    return this.sheet.ref(BLOCK.value, row, { absoluteColumn: true, absoluteRow: true });
  }

  input(label: string, value: Decimal, format: string, unit = ''): string {
    const row = this.row++;
    this.sheet.text(BLOCK.label, row, label);
    this.sheet.number(BLOCK.value, row, value, format, 'input');
    if (unit) this.sheet.text(BLOCK.unit, row, unit);
    return this.valueRef(row);
  }

  /** A fact of the input that drives the per-year facts below it; changing it here changes nothing. */
  fact(label: string, value: string | number, unit = ''): void {
    const row = this.row++;
    this.sheet.text(BLOCK.label, row, label);
    if (typeof value === 'number') this.sheet.number(BLOCK.value, row, value, FORMAT.count, 'fact');
    else this.sheet.text(BLOCK.value, row, value);
    if (unit) this.sheet.text(BLOCK.unit, row, unit, { italic: true });
  }

  formula(label: string, formula: string, result: Decimal, format: string, unit = ''): string {
    const row = this.row++;
    this.sheet.text(BLOCK.label, row, label);
    this.sheet.formula(BLOCK.value, row, formula, result, format);
    if (unit) this.sheet.text(BLOCK.unit, row, unit);
    return this.valueRef(row);
  }

  text(label: string, value: string): void {
    const row = this.row++;
    this.sheet.text(BLOCK.label, row, label);
    this.sheet.text(BLOCK.value, row, value);
  }

  /** A payroll overhead: the line's own, or a reference to the assumption. */
  payroll(own: Decimal | undefined, settings: EffectiveSettings, assumptions: Assumptions): { ref: string; percent: Decimal } {
    if (own !== undefined) return { ref: this.input('PO-pålägg', own.div(HUNDRED), percentFormat(own), 'eget pålägg'), percent: own };
    const percent = settings.payrollOverheadPercent;
    return { ref: this.formula('PO-pålägg', assumptions.payroll, percent.div(HUNDRED), percentFormat(percent), 'enligt antaganden'), percent };
  }
}

// ---------------------------------------------------------------------------------------------
// Satsningar

/** The row of each initiative's total, in the scenario's order. */
function writeInitiatives(sheet: Sheet, context: Context, assumptions: Assumptions): number[] {
  const { scenario, years, factors } = context;
  const sumColumn = blockSheetHeader(sheet, context, `Satsningar – ${scenario.name}`);
  const rows = new Rows(sheet, 3);
  const totals: number[] = [];

  scenario.initiativeIds.forEach((id, k) => {
    const initiative = context.initiativesById.get(id);
    if (!initiative) throw new Error(`Unknown initiative ${id}`);
    const period = initiativePeriod(initiative);
    const lineCosts = evaluateCostLines(initiative, scenario, factors);

    sheet.text(BLOCK.label, rows.row, 'Satsning', { bold: true });
    sheet.text(BLOCK.value, rows.row, initiative.name, { bold: true });
    sheet.band(rows.row++, sumColumn, FILL_BLOCK, BORDER_TOP);
    rows.text('Start', initiative.start);
    rows.text('Slut', initiative.end ?? 'Tills vidare');
    // §2.2: m(y), the months of year y in the initiative's period (and the horizon: whole years).
    const monthsRow = rows.row++;
    yearFacts(sheet, monthsRow, 'Aktiva månader', 'månader i perioden', years.map((y) => monthsInYear(period, y)));

    const lineRows: number[] = [];
    initiative.costLines.forEach((line, l) => {
      const lineRow = rows.row++;
      lineRows.push(lineRow);
      sheet.text(BLOCK.label, lineRow, COST_LINE_KIND_LABELS[line.kind], { bold: true });
      if (line.label !== undefined) sheet.text(BLOCK.value, lineRow, line.label, { bold: true });
      const cost = writeLine(rows, line, initiative, context, assumptions, monthsRow);
      const costs = lineCosts[l]!;
      yearFormulas(sheet, lineRow, sumColumn, (i, column) => cost(i, column), costs, sumOf(costs), true);
    });

    const totalRow = rows.row++;
    totals.push(totalRow);
    sheet.text(BLOCK.label, totalRow, 'Summa satsning', { bold: true });
    sheet.text(BLOCK.value, totalRow, initiative.name, { bold: true });
    const evaluated = context.result.initiatives[k]!;
    // §2.6: an initiative's cost is the sum of its lines.
    yearFormulas(
      sheet,
      totalRow,
      sumColumn,
      (_, column) => plus(lineRows.map((r) => sheet.ref(column, r))),
      evaluated.years.map((y) => y.cost),
      evaluated.total,
      true,
    );
    for (let c = 1; c <= sumColumn; c++) sheet.cell(c, totalRow).border = BORDER_TOP;
    rows.row++;
  });
  if (scenario.initiativeIds.length === 0) sheet.text(1, 3, 'Scenariot har inga satsningar.', { italic: true });
  return totals;
}

/**
 * Writes a cost line's inputs and helper rows below its result row, and returns the formula of
 * its cost in horizon year i (§2.2–2.4).
 */
function writeLine(
  rows: Rows,
  line: CostLine,
  initiative: Initiative,
  context: Context,
  assumptions: Assumptions,
  monthsRow: number,
): (i: number, column: number) => string {
  const { sheet } = rows;
  const { years, settings } = context;
  const months = (column: number) => sheet.ref(column, monthsRow);
  const S = (i: number) => salaryFactor(assumptions, blockYear(sheet, i));
  const P = (i: number) => priceFactor(assumptions, blockYear(sheet, i));
  const period = initiativePeriod(initiative);

  switch (line.kind) {
    case 'staff': {
      const fte = rows.input('Årsarbetare', line.fte, fixedFormat(line.fte.decimalPlaces()), 'årsarbetare');
      const salary = rows.input('Månadslön', line.monthlySalary, moneyInputFormat(line.monthlySalary), 'per månad');
      const po = rows.payroll(line.payrollOverheadPercent, settings, assumptions);
      const yearly = line.fte.times(line.monthlySalary).times(12).times(ONE.plus(po.percent.div(HUNDRED)));
      // A = fte × monthly salary × 12 × (1 + po)
      const a = rows.formula('Helårsbelopp', `${fte}*${salary}*12*(1+${po.ref})`, yearly, FORMAT.money, 'per år');
      // cost(y) = A × m(y) / 12 × S(y)
      return (i, column) => `${a}*${months(column)}/12*${S(i)}`;
    }
    case 'perUnit': {
      rows.text('Enhet', line.unit);
      const quantity = rows.input('Antal per år', line.quantityPerYear, fixedFormat(line.quantityPerYear.decimalPlaces()));
      const price = rows.input('Styckpris', line.unitPrice, moneyInputFormat(line.unitPrice));
      const a = rows.formula('Helårsbelopp', `${quantity}*${price}`, line.quantityPerYear.times(line.unitPrice), FORMAT.money, 'per år');
      return (i, column) => `${a}*${months(column)}/12*${P(i)}`;
    }
    case 'annual': {
      const amount = rows.input('Belopp per år', line.amountPerYear, moneyInputFormat(line.amountPerYear), 'per år');
      return (i, column) => `${amount}*${months(column)}/12*${P(i)}`;
    }
    case 'funding': {
      // Income: A = − amount per year.
      const amount = rows.input('Belopp per år', line.amountPerYear, moneyInputFormat(line.amountPerYear), 'per år, minskar kostnaden');
      return (i, column) => `-${amount}*${months(column)}/12*${P(i)}`;
    }
    case 'oneOff': {
      const amount = rows.input('Belopp', line.amount, moneyInputFormat(line.amount));
      rows.fact('Månad', line.month);
      // §2.3: 1 in the year of the month, when the month lies in the period (the horizon is whole years).
      const month = monthIndex(line.month);
      const flagRow = rows.row++;
      yearFacts(sheet, flagRow, 'Infaller i året', '1 = ja', years.map((y) => (contains(period, month) && yearOfIndex(month) === y ? 1 : 0)));
      return (i, column) => `${amount}*${sheet.ref(column, flagRow)}*${P(i)}`;
    }
    case 'education': {
      const persons = rows.input('Personer', line.persons, fixedFormat(line.persons.decimalPlaces()), 'personer');
      rows.fact('Terminer', line.terms, 'ändras i Hemmaplan');
      rows.fact('Månader per termin', line.monthsPerTerm, 'ändras i Hemmaplan');
      const share = rows.input('Studietakt', line.studyShare, shareFormat(line.studyShare), 'andel av heltid');
      const salary = rows.input('Månadslön', line.monthlySalary, moneyInputFormat(line.monthlySalary), 'per månad');
      const po = rows.payroll(line.payrollOverheadPercent, settings, assumptions);
      const material = rows.input('Material per termin och person', line.materialPerTerm, moneyInputFormat(line.materialPerTerm));
      const perMonth = line.persons.times(line.monthlySalary).times(ONE.plus(po.percent.div(HUNDRED))).times(line.studyShare);
      // persons × monthly salary × (1 + po) × study share, per study month
      const salaryPerMonth = rows.formula('Lönekostnad per studiemånad', `${persons}*${salary}*(1+${po.ref})*${share}`, perMonth, FORMAT.money, 'per studiemånad');
      const materialPerTerm = rows.formula('Material per termin', `${persons}*${material}`, line.persons.times(line.materialPerTerm), FORMAT.money, 'per termin');
      // §2.4: the first terms × monthsPerTerm months of the period, and the months each term starts.
      const study = intersect(period, { first: period.first, last: period.first + line.terms * line.monthsPerTerm - 1 });
      const starts = Array.from({ length: line.terms }, (_, k) => period.first + k * line.monthsPerTerm).filter((m) => contains(period, m));
      const studyRow = rows.row++;
      yearFacts(sheet, studyRow, 'Studiemånader', 'månader', years.map((y) => monthsInYear(study, y)));
      const startRow = rows.row++;
      yearFacts(sheet, startRow, 'Terminsstarter', 'terminer', years.map((y) => starts.filter((m) => yearOfIndex(m) === y).length));
      return (i, column) => `${salaryPerMonth}*${sheet.ref(column, studyRow)}*${S(i)}+${materialPerTerm}*${sheet.ref(column, startRow)}*${P(i)}`;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Effekter

/** The formula that converts a price per `unit` (in `price`) to a price per `toUnit`, with the evaluator's factors (§2.5). */
function convertFormula(price: string, unit: PlacementUnit, toUnit: PlacementUnit): string {
  const factors: Record<PlacementUnit, Record<PlacementUnit, string>> = {
    day: { day: '', month: '*365/12', year: '*365' },
    month: { day: '*12/365', month: '', year: '*12' },
    year: { day: '/365', month: '/12', year: '' },
  };
  return `${price}${factors[unit][toUnit]}`;
}

const UNIT_SINGULAR: Record<PlacementUnit, string> = { day: 'dygn', month: 'månad', year: 'år' };

/** The row of each effect's avoided cost, in the scenario's order. */
function writeEffects(sheet: Sheet, context: Context, prices: Sheet, priceRows: Map<string, number>): number[] {
  const { scenario, years, factors, document } = context;
  const sumColumn = blockSheetHeader(sheet, context, `Undvikna placeringar – ${scenario.name}`);
  const rows = new Rows(sheet, 3);
  const totals: number[] = [];
  const priceRef = (typeId: string, i: number) => prices.ref(PRICE_COLUMNS.firstYear + i, priceRows.get(typeId)!, { from: sheet });

  scenario.effects.forEach((effect: Effect, k) => {
    const from = context.type(effect.fromPlacementTypeId);
    const to = effect.toPlacementTypeId === undefined ? undefined : context.type(effect.toPlacementTypeId);
    sheet.text(BLOCK.label, rows.row, 'Effekt', { bold: true });
    sheet.text(BLOCK.value, rows.row, effectName(document, effect), { bold: true });
    sheet.band(rows.row++, sumColumn, FILL_BLOCK, BORDER_TOP);
    rows.text('Från placeringsform', from.name);
    rows.text('Till placeringsform', to ? to.name : 'Ingen, hemmaplan');
    if (effect.initiativeId !== undefined) rows.text('Satsning', context.initiativesById.get(effect.initiativeId)?.name ?? effect.initiativeId);
    const share = rows.input('Förväntad andel', effect.expectedShare, shareFormat(effect.expectedShare), 'av uppskattningen');

    // The horizon's entries; the first entry of a year counts, entries outside the horizon are left out.
    const entries = years.map((y) => effect.perYear.find((e) => e.year === y));
    const placementsRow = rows.row++;
    sheet.text(BLOCK.label, placementsRow, 'Placeringar');
    sheet.text(BLOCK.unit, placementsRow, 'antal per år');
    const unitsRow = rows.row++;
    sheet.text(BLOCK.label, unitsRow, 'Per placering');
    sheet.text(BLOCK.unit, unitsRow, PLACEMENT_UNIT_PLURAL[from.unit]);
    entries.forEach((entry, i) => {
      const column = BLOCK.firstYear + i;
      sheet.number(column, placementsRow, entry?.placements ?? null, entry ? fixedFormat(entry.placements.decimalPlaces()) : '#,##0', 'input');
      sheet.number(column, unitsRow, entry?.unitsPerPlacement ?? null, entry ? fixedFormat(entry.unitsPerPlacement.decimalPlaces()) : '#,##0', 'input');
    });

    const fromRow = rows.row++;
    sheet.text(BLOCK.label, fromRow, 'Pris, från');
    sheet.text(BLOCK.unit, fromRow, `kr per ${UNIT_SINGULAR[from.unit]}`);
    years.forEach((year, i) => sheet.formula(BLOCK.firstYear + i, fromRow, priceRef(from.id, i), factors.placementPrice(from, year), FORMAT.money));
    let toRow: number | undefined;
    if (to) {
      toRow = rows.row++;
      sheet.text(BLOCK.label, toRow, 'Pris, till');
      sheet.text(BLOCK.unit, toRow, to.unit === from.unit ? `kr per ${UNIT_SINGULAR[from.unit]}` : `kr per ${UNIT_SINGULAR[from.unit]}, omräknat`);
      years.forEach((year, i) =>
        sheet.formula(
          BLOCK.firstYear + i,
          toRow!,
          convertFormula(priceRef(to.id, i), to.unit, from.unit),
          convertPrice(factors.placementPrice(to, year), to.unit, from.unit),
          FORMAT.money,
        ),
      );
    }

    const avoidedRow = rows.row++;
    totals.push(avoidedRow);
    sheet.text(BLOCK.label, avoidedRow, 'Undviken kostnad', { bold: true });
    const evaluated = context.result.effects[k]!;
    // §2.5: placements × units per placement × (from price − to price) × expected share.
    yearFormulas(
      sheet,
      avoidedRow,
      sumColumn,
      (_, column) => {
        const saving = toRow === undefined ? sheet.ref(column, fromRow) : `(${sheet.ref(column, fromRow)}-${sheet.ref(column, toRow)})`;
        return `${sheet.ref(column, placementsRow)}*${sheet.ref(column, unitsRow)}*${saving}*${share}`;
      },
      evaluated.years.map((y) => y.avoided),
      evaluated.total,
      true,
    );
    for (let c = 1; c <= sumColumn; c++) sheet.cell(c, avoidedRow).border = BORDER_TOP;
    rows.row++;
  });
  if (scenario.effects.length === 0) sheet.text(1, 3, 'Scenariot har inga effekter.', { italic: true });
  return totals;
}

// ---------------------------------------------------------------------------------------------
// Sammanfattning: key figures, year table, break-even, sources

interface Written {
  initiatives: Sheet;
  initiativeTotals: number[];
  effects: Sheet;
  effectTotals: number[];
  prices: Sheet;
  priceRows: Map<string, number>;
}

/** Columns of the year table. */
const YEAR_TABLE = { year: 1, cost: 2, avoided: 3, net: 4, cumulative: 5, discounted: 6 } as const;

function writeResults(sheet: Sheet, context: Context, assumptions: Assumptions, written: Written): void {
  const { result, years } = context;
  const n = years.length;

  // The year table.
  const header = SUMMARY.yearTableRow;
  sheet.text(1, header - 1, 'Resultat per år', { bold: true, size: 12 });
  ['År', 'Kostnad', 'Undviken kostnad', 'Netto', 'Ackumulerat netto', 'Nuvärde av netto'].forEach((h, i) =>
    sheet.text(i + 1, header, h, { bold: true, right: i > 0 }),
  );
  sheet.band(header, YEAR_TABLE.discounted, FILL_HEADER, BORDER_BOTTOM);
  const first = header + 1;
  const last = header + n;
  const sumRow = last + 1;
  const at = (column: number, row: number) => sheet.ref(column, row);
  const discountBase = ONE.plus(result.settings.discountRatePercent.div(HUNDRED));
  result.years.forEach((y, i) => {
    const row = first + i;
    const yearColumn = BLOCK.firstYear + i;
    const yearCell = sheet.number(YEAR_TABLE.year, row, y.year, FORMAT.year, 'fact');
    yearCell.font = { bold: true };
    yearCell.alignment = { horizontal: 'left' };
    // §2.6: cost(y) = the sum of the initiatives; avoided(y) = the sum of the effects.
    sheet.formula(YEAR_TABLE.cost, row, plus(written.initiativeTotals.map((r) => written.initiatives.ref(yearColumn, r, { from: sheet }))), y.cost, FORMAT.money);
    sheet.formula(YEAR_TABLE.avoided, row, plus(written.effectTotals.map((r) => written.effects.ref(yearColumn, r, { from: sheet }))), y.avoided, FORMAT.money);
    // net = avoided − cost; cumulative net = the previous year's plus this year's net.
    sheet.formula(YEAR_TABLE.net, row, `${at(YEAR_TABLE.avoided, row)}-${at(YEAR_TABLE.cost, row)}`, y.net, FORMAT.money);
    sheet.formula(
      YEAR_TABLE.cumulative,
      row,
      i === 0 ? at(YEAR_TABLE.net, row) : `${at(YEAR_TABLE.cumulative, row - 1)}+${at(YEAR_TABLE.net, row)}`,
      y.cumulativeNet,
      FORMAT.money,
    );
    // net(y) / (1 + discount rate)^(y − start year)
    sheet.formula(
      YEAR_TABLE.discounted,
      row,
      `${at(YEAR_TABLE.net, row)}/(1+${assumptions.discountRate})^(${at(YEAR_TABLE.year, row)}-${sheet.ref(YEAR_TABLE.year, first, { absoluteColumn: true, absoluteRow: true })})`,
      i === 0 ? y.net : y.net.div(discountBase.pow(i)),
      FORMAT.money,
    );
  });
  sheet.text(YEAR_TABLE.year, sumRow, 'Summa', { bold: true });
  const columnSum = (column: number) => `SUM(${at(column, first)}:${at(column, last)})`;
  sheet.formula(YEAR_TABLE.cost, sumRow, columnSum(YEAR_TABLE.cost), result.totals.cost, FORMAT.money, true);
  sheet.formula(YEAR_TABLE.avoided, sumRow, columnSum(YEAR_TABLE.avoided), result.totals.avoided, FORMAT.money, true);
  sheet.formula(YEAR_TABLE.net, sumRow, `${at(YEAR_TABLE.avoided, sumRow)}-${at(YEAR_TABLE.cost, sumRow)}`, result.totals.net, FORMAT.money, true);
  sheet.formula(YEAR_TABLE.discounted, sumRow, columnSum(YEAR_TABLE.discounted), result.totals.npv, FORMAT.money, true);
  for (let c = 1; c <= YEAR_TABLE.discounted; c++) sheet.cell(c, sumRow).border = BORDER_TOP;

  // Key figures, from the year table.
  const k = SUMMARY.keyFiguresFirstRow;
  sheet.text(1, k - 1, 'Nyckeltal', { bold: true, size: 12 });
  sheet.band(k - 1, 3, FILL_HEADER, BORDER_BOTTOM);
  // Each in kronor, and beside it the same cell in tkr, as a tjänsteskrivelse writes it.
  const keyFigures: [string, number, Decimal][] = [
    ['Total kostnad', YEAR_TABLE.cost, result.totals.cost],
    ['Total undviken kostnad', YEAR_TABLE.avoided, result.totals.avoided],
    ['Netto (undviken kostnad − kostnad)', YEAR_TABLE.net, result.totals.net],
    ['Nuvärde av netto (med kalkylräntan)', YEAR_TABLE.discounted, result.totals.npv],
  ];
  keyFigures.forEach(([label, column, value], i) => {
    sheet.text(1, k + i, label);
    sheet.formula(2, k + i, at(column, sumRow), value, FORMAT.money, true);
    sheet.formula(3, k + i, at(2, k + i), value, FORMAT.tkr);
  });
  sheet.text(1, k + 4, 'Återbetalningsår');
  // The first year whose cumulative net is ≥ 0. Rounded to a millionth of a krona first, so that
  // floating-point noise around an exact zero (cost equal to avoided cost) does not hide it.
  let payback = `"${NO_PAYBACK}"`;
  for (let row = last; row >= first; row--) payback = `IF(ROUND(${at(YEAR_TABLE.cumulative, row)},6)>=0,${at(YEAR_TABLE.year, row)},${payback})`;
  const paybackCell = sheet.formula(2, k + 4, payback, result.paybackYear ?? NO_PAYBACK, FORMAT.year, true);
  paybackCell.alignment = { horizontal: 'right' };

  // Break-even: "Kostnaden 2026 motsvarar N vårddygn på HVB." with N a live formula.
  let row = sumRow + 2;
  if (context.breakEven.length > 0) {
    sheet.text(1, row, 'Vad kostnaden motsvarar', { bold: true, size: 12 });
    sheet.band(row++, 3, FILL_HEADER, BORDER_BOTTOM);
    for (const b of context.breakEven) {
      const type = context.type(b.placementTypeId);
      const priceRow = written.priceRows.get(type.id)!;
      const words = `${PLACEMENT_UNIT_PLURAL[type.unit]} på ${type.name}.`;
      const firstSentence = row;
      b.years.forEach((y, i) => {
        sheet.text(1, row, `Kostnaden ${y.year} motsvarar`, { right: true });
        // units(y) = cost(y) / price of T in year y
        const price = written.prices.ref(PRICE_COLUMNS.firstYear + i, priceRow, { from: sheet });
        sheet.formula(2, row, `${at(YEAR_TABLE.cost, first + i)}/${price}`, y.units, FORMAT.units);
        sheet.text(3, row++, words);
      });
      sheet.text(1, row, 'I genomsnitt per år motsvarar kostnaden', { right: true });
      sheet.formula(2, row, `SUM(${at(2, firstSentence)}:${at(2, row - 1)})/${n}`, b.averagePerYear, FORMAT.units);
      sheet.text(3, row++, words);
      row++;
    }
  }

  // Sources of the placement prices.
  if (context.placementTypes.length > 0) {
    sheet.text(1, row, 'Källor för placeringskostnader', { bold: true, size: 12 });
    sheet.band(row++, 3, FILL_HEADER, BORDER_BOTTOM);
    for (const type of context.placementTypes) {
      sheet.text(1, row, type.name);
      const source = [type.source, type.sourceUrl].filter((s): s is string => s !== undefined && s.trim() !== '').join(' – ');
      sheet.text(2, row++, source === '' ? 'Ingen källa angiven' : source);
    }
  }
}
