/**
 * The XLSX scenario sheet: every figure is a formula, and an independent spreadsheet engine
 * (HyperFormula) computing those formulas from the written file gives the evaluator's results.
 *
 * How the comparison is sound. The evaluator is exact (decimal, 40 digits); a spreadsheet computes
 * in binary floating point, so the sheet's value of a figure carries a rounding error. Each
 * figure is compared with the evaluator's *exact* value within a tolerance of
 *   1e-7 kr + 2^-40 × magnitude,
 * where the magnitude is the sum of the absolute values of the terms the figure is made of (for a
 * product, its own absolute value; for a year's net, |cost terms| + |avoided terms|, without
 * cancellation). That is some 4 000 units in the last place of the largest term: far more than
 * the few dozen operations behind any cell can lose (an index power (1 + g)^k multiplies the
 * rounding of 1 + g by k, at most some 200 here), and far less than an öre for amounts below
 * 10^9 kr. Where the tolerance is below half an öre and the exact value is not within it of a
 * rounding tie (x,xx5), the sheet's value rounded to the öre must also equal the evaluator's
 * rounded output (EXCHANGE.md §3), which is the "to the öre" promise. Near an exact tie the two
 * may round differently, which no floating-point sheet can avoid; the test skips only that check.
 * HyperFormula runs with smartRounding off, so it shows its raw IEEE results, as Excel stores them.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import ExcelJS from 'exceljs';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import JSZip from 'jszip';
import { convertPrice, IndexFactors } from '../../src/domain/costs';
import { Decimal, formatNumber, toFixedHalfUp, ZERO } from '../../src/domain/money';
import { evaluateCostLines, evaluateScenario } from '../../src/domain/scenario';
import type { HemmaplanDocument, Scenario } from '../../src/domain/types';
import { breakEvenSentence, COST_LINE_KIND_LABELS } from '../../src/exchange/labels';
import { cleanText, scenarioWorkbook, SHEET_NAMES } from '../../src/exchange/xlsx';
import { NO_PAYBACK } from '../../src/exchange/labels';
import { documentFrom } from '../support';
import { validDocument } from './arbitraries';
import { exampleDocument as example } from '../example';

const DATE = '2026-11-23';

async function readWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

// ---------------------------------------------------------------------------------------------
// The written workbook in HyperFormula

/** What HyperFormula is given for a cell: formulas with "=", text with its "'" text prefix. */
function rawContent(cell: ExcelJS.Cell): RawCellContent {
  const value = cell.value;
  if (value === null || value === undefined) return null;
  if (typeof value === 'number') return value;
  if (typeof value === 'string') return `'${value}`;
  if (value instanceof Date) return `'${value.toISOString()}`;
  if (typeof value === 'object' && 'formula' in value) return `=${value.formula}`;
  throw new Error(`Unexpected cell value at ${cell.address}: ${JSON.stringify(value)}`);
}

class Engine {
  readonly hf: HyperFormula;

  constructor(readonly workbook: ExcelJS.Workbook) {
    const sheets: Record<string, RawCellContent[][]> = {};
    for (const ws of workbook.worksheets) {
      const rows: RawCellContent[][] = Array.from({ length: ws.rowCount }, () => Array.from({ length: ws.columnCount }, () => null));
      ws.eachRow((row, r) => row.eachCell((cell, c) => (rows[r - 1]![c - 1] = rawContent(cell))));
      sheets[ws.name] = rows;
    }
    this.hf = HyperFormula.buildFromSheets(sheets, { licenseKey: 'gpl-v3', smartRounding: false });
  }

  private address(sheet: string, column: number, row: number) {
    const id = this.hf.getSheetId(sheet);
    if (id === undefined) throw new Error(`No sheet ${sheet}`);
    return { sheet: id, col: column - 1, row: row - 1 };
  }

  value(sheet: string, column: number, row: number): number | string | null {
    const value = this.hf.getCellValue(this.address(sheet, column, row));
    if (value !== null && typeof value === 'object') throw new Error(`${sheet}!${column}:${row} is an error: ${value.value} ${value.message}`);
    if (typeof value === 'boolean') throw new Error('unexpected boolean');
    return value;
  }

  number(sheet: string, column: number, row: number): number {
    const value = this.value(sheet, column, row);
    if (typeof value !== 'number') throw new Error(`${sheet} column ${column} row ${row} is not a number: ${String(value)}`);
    return value;
  }

  set(sheet: string, column: number, row: number, value: number): void {
    this.hf.setCellContents(this.address(sheet, column, row), [[value]]);
  }
}

// ---------------------------------------------------------------------------------------------
// Finding figures by their Swedish labels (the test does not use the writer's own positions)

function text(ws: ExcelJS.Worksheet, column: number, row: number): string {
  const value = ws.getCell(row, column).value;
  return typeof value === 'string' ? value : '';
}

function rowsWhere(ws: ExcelJS.Worksheet, column: number, test: (text: string) => boolean): number[] {
  const rows: number[] = [];
  for (let r = 1; r <= ws.rowCount; r++) if (test(text(ws, column, r))) rows.push(r);
  return rows;
}

function rowOf(ws: ExcelJS.Worksheet, label: string | RegExp): number {
  const rows = rowsWhere(ws, 1, (t) => (typeof label === 'string' ? t === label : label.test(t)));
  if (rows.length !== 1) throw new Error(`${ws.name}: ${rows.length} rows labelled ${String(label)}`);
  return rows[0]!;
}

/** The column of each year in a sheet's header row 2, and of "Summa". */
function yearColumns(ws: ExcelJS.Worksheet, years: readonly number[]): { years: number[]; sum: number } {
  const header = ws.getRow(2);
  const columns = years.map((year) => {
    let found = 0;
    header.eachCell((cell, c) => {
      if (cell.value === year) found = c;
    });
    if (!found) throw new Error(`${ws.name}: no column for ${year}`);
    return found;
  });
  let sum = 0;
  header.eachCell((cell, c) => {
    if (cell.value === 'Summa') sum = c;
  });
  return { years: columns, sum };
}

// ---------------------------------------------------------------------------------------------
// Expected figures, with their magnitudes

interface Expected {
  exact: Decimal;
  /** The sum of the absolute values of the terms (≥ |exact|). */
  magnitude: Decimal;
}

const abs = (d: Decimal) => d.abs();
const sumOf = (values: readonly Decimal[]) => values.reduce((a, b) => a.plus(b), ZERO);

function tolerance(magnitude: Decimal): number {
  return 1e-7 + magnitude.toNumber() * 2 ** -40;
}

/** The running list of mismatches, so that one failure shows every wrong figure of the workbook. */
class Checker {
  readonly problems: string[] = [];
  compared = 0;

  constructor(
    readonly engine: Engine,
    readonly checkCached: boolean,
  ) {}

  figure(what: string, sheet: string, column: number, row: number, expected: Expected): void {
    this.compared++;
    const cell = this.engine.workbook.getWorksheet(sheet)!.getCell(row, column);
    if (cell.type !== ExcelJS.ValueType.Formula) {
      this.problems.push(`${what} (${sheet}!${cell.address}) is not a formula`);
      return;
    }
    const actual = this.engine.number(sheet, column, row);
    const tol = tolerance(expected.magnitude);
    // The difference is taken exactly, so that it does not lose what it measures.
    if (!new Decimal(actual).minus(expected.exact).abs().lte(tol)) {
      this.problems.push(`${what} (${sheet}!${cell.address}): sheet ${actual}, evaluator ${expected.exact.toString()} (tolerance ${tol})`);
      return;
    }
    // To the öre: rounding the sheet's value gives the evaluator's output, unless near a tie.
    if (tol < 0.005) {
      const hundredths = expected.exact.times(100);
      const distanceToTie = hundredths.minus(hundredths.floor()).minus(0.5).abs().div(100);
      if (distanceToTie.gt(tol) && toFixedHalfUp(new Decimal(actual), 2) !== toFixedHalfUp(expected.exact, 2)) {
        this.problems.push(`${what} (${sheet}!${cell.address}): ${actual} rounds differently from ${expected.exact.toString()}`);
      }
    }
    if (this.checkCached) {
      // The cached result is the evaluator's value as a double (ExcelJS reads a cached 0 as absent).
      const cached = (cell.value as ExcelJS.CellFormulaValue).result;
      const want = expected.exact.toNumber();
      if (!(cached === want || (cached === undefined && want === 0))) this.problems.push(`${what} (${sheet}!${cell.address}): cached ${String(cached)}, evaluator ${want}`);
    }
  }

  fail(message: string): void {
    this.problems.push(message);
  }
}

/**
 * Checks every figure of a scenario's workbook, as computed by HyperFormula, against the evaluator
 * run on `document` (which may differ from the written one by edits made in the engine).
 */
function checkWorkbook(engine: Engine, document: HemmaplanDocument, scenario: Scenario, checkCached: boolean): Checker {
  const check = new Checker(engine, checkCached);
  const workbook = engine.workbook;
  const result = evaluateScenario(document, scenario);
  const factors = new IndexFactors(result.settings);
  const years = result.years.map((y) => y.year);
  const n = years.length;

  // Satsningar: each line per year and in sum, each initiative per year and in total.
  const initiativesSheet = workbook.getWorksheet(SHEET_NAMES.initiatives)!;
  const columns = yearColumns(initiativesSheet, years);
  const kindLabels = new Set(Object.values(COST_LINE_KIND_LABELS));
  const lineRows = rowsWhere(initiativesSheet, 1, (t) => kindLabels.has(t));
  const totalRows = rowsWhere(initiativesSheet, 1, (t) => t === 'Summa satsning');
  const initiatives = scenario.initiativeIds.map((id) => document.initiatives.find((i) => i.id === id)!);
  expect(totalRows).toHaveLength(initiatives.length);
  expect(lineRows).toHaveLength(initiatives.reduce((count, i) => count + i.costLines.length, 0));
  const costMagnitudes: Decimal[] = years.map(() => ZERO);
  let lineIndex = 0;
  initiatives.forEach((initiative, k) => {
    const lines = evaluateCostLines(initiative, scenario, factors);
    const initiativeMagnitudes = years.map((_, i) => sumOf(lines.map((line) => abs(line[i]!))));
    lines.forEach((line, l) => {
      const row = lineRows[lineIndex++]!;
      expect(text(initiativesSheet, 1, row)).toBe(COST_LINE_KIND_LABELS[initiative.costLines[l]!.kind]);
      line.forEach((cost, i) => check.figure(`line ${initiative.id}/${l} ${years[i]}`, SHEET_NAMES.initiatives, columns.years[i]!, row, { exact: cost, magnitude: abs(cost) }));
      check.figure(`line ${initiative.id}/${l} sum`, SHEET_NAMES.initiatives, columns.sum, row, { exact: sumOf(line), magnitude: sumOf(line.map(abs)) });
    });
    const evaluated = result.initiatives[k]!;
    evaluated.years.forEach((y, i) =>
      check.figure(`initiative ${initiative.id} ${y.year}`, SHEET_NAMES.initiatives, columns.years[i]!, totalRows[k]!, { exact: y.cost, magnitude: initiativeMagnitudes[i]! }),
    );
    check.figure(`initiative ${initiative.id} total`, SHEET_NAMES.initiatives, columns.sum, totalRows[k]!, { exact: evaluated.total, magnitude: sumOf(initiativeMagnitudes) });
    initiativeMagnitudes.forEach((m, i) => (costMagnitudes[i] = costMagnitudes[i]!.plus(m)));
  });

  // Effekter: each effect's avoided cost per year and in total.
  const effectsSheet = workbook.getWorksheet(SHEET_NAMES.effects)!;
  const effectColumns = yearColumns(effectsSheet, years);
  const avoidedRows = rowsWhere(effectsSheet, 1, (t) => t === 'Undviken kostnad');
  expect(avoidedRows).toHaveLength(scenario.effects.length);
  const types = new Map(document.placementTypes.map((t) => [t.id, t]));
  const avoidedMagnitudes: Decimal[] = years.map(() => ZERO);
  scenario.effects.forEach((effect, k) => {
    const from = types.get(effect.fromPlacementTypeId)!;
    const to = effect.toPlacementTypeId === undefined ? undefined : types.get(effect.toPlacementTypeId)!;
    const magnitudes = years.map((year) => {
      const entry = effect.perYear.find((e) => e.year === year);
      if (!entry) return ZERO;
      const toPrice = to ? convertPrice(factors.placementPrice(to, year), to.unit, from.unit) : ZERO;
      return entry.placements.times(entry.unitsPerPlacement).times(factors.placementPrice(from, year).plus(toPrice)).times(effect.expectedShare);
    });
    const evaluated = result.effects[k]!;
    evaluated.years.forEach((y, i) =>
      check.figure(`effect ${effect.id} ${y.year}`, SHEET_NAMES.effects, effectColumns.years[i]!, avoidedRows[k]!, { exact: y.avoided, magnitude: magnitudes[i]! }),
    );
    check.figure(`effect ${effect.id} total`, SHEET_NAMES.effects, effectColumns.sum, avoidedRows[k]!, { exact: evaluated.total, magnitude: sumOf(magnitudes) });
    magnitudes.forEach((m, i) => (avoidedMagnitudes[i] = avoidedMagnitudes[i]!.plus(m)));
  });

  // Placeringskostnader: each named type's price per year.
  const pricesSheet = workbook.getWorksheet(SHEET_NAMES.placementTypes)!;
  const priceColumns = years.map((year) => {
    let found = 0;
    pricesSheet.getRow(2).eachCell((cell, c) => {
      if (cell.value === year) found = c;
    });
    return found;
  });
  const named = new Set(scenario.effects.flatMap((e) => [e.fromPlacementTypeId, ...(e.toPlacementTypeId ? [e.toPlacementTypeId] : [])]));
  const uniqueNames = new Set(document.placementTypes.map((t) => cleanText(t.name))).size === document.placementTypes.length;

  // Sammanfattning: the year table, the key figures.
  const summary = workbook.getWorksheet(SHEET_NAMES.summary)!;
  const header = rowOf(summary, 'År');
  const sumRow = header + n + 1;
  expect(text(summary, 1, sumRow)).toBe('Summa');
  let cumulativeMagnitude = ZERO;
  const cumulativeMagnitudes: Decimal[] = [];
  let npvMagnitude = ZERO;
  result.years.forEach((y, i) => {
    const row = header + 1 + i;
    expect(summary.getCell(row, 1).value).toBe(y.year);
    const netMagnitude = costMagnitudes[i]!.plus(avoidedMagnitudes[i]!);
    cumulativeMagnitude = cumulativeMagnitude.plus(netMagnitude);
    cumulativeMagnitudes.push(cumulativeMagnitude);
    npvMagnitude = npvMagnitude.plus(netMagnitude);
    const discount = new Decimal(1).plus(result.settings.discountRatePercent.div(100)).pow(i);
    check.figure(`cost ${y.year}`, SHEET_NAMES.summary, 2, row, { exact: y.cost, magnitude: costMagnitudes[i]! });
    check.figure(`avoided ${y.year}`, SHEET_NAMES.summary, 3, row, { exact: y.avoided, magnitude: avoidedMagnitudes[i]! });
    check.figure(`net ${y.year}`, SHEET_NAMES.summary, 4, row, { exact: y.net, magnitude: netMagnitude });
    check.figure(`cumulative net ${y.year}`, SHEET_NAMES.summary, 5, row, { exact: y.cumulativeNet, magnitude: cumulativeMagnitude });
    check.figure(`present value ${y.year}`, SHEET_NAMES.summary, 6, row, { exact: y.net.div(discount), magnitude: netMagnitude });
  });
  const totalCostMagnitude = sumOf(costMagnitudes);
  const totalAvoidedMagnitude = sumOf(avoidedMagnitudes);
  check.figure('total cost', SHEET_NAMES.summary, 2, sumRow, { exact: result.totals.cost, magnitude: totalCostMagnitude });
  check.figure('total avoided', SHEET_NAMES.summary, 3, sumRow, { exact: result.totals.avoided, magnitude: totalAvoidedMagnitude });
  check.figure('total net', SHEET_NAMES.summary, 4, sumRow, { exact: result.totals.net, magnitude: cumulativeMagnitude });
  check.figure('npv', SHEET_NAMES.summary, 6, sumRow, { exact: result.totals.npv, magnitude: npvMagnitude });
  check.figure('key figure: total cost', SHEET_NAMES.summary, 2, rowOf(summary, 'Total kostnad'), { exact: result.totals.cost, magnitude: totalCostMagnitude });
  check.figure('key figure: total avoided', SHEET_NAMES.summary, 2, rowOf(summary, 'Total undviken kostnad'), { exact: result.totals.avoided, magnitude: totalAvoidedMagnitude });
  check.figure('key figure: net', SHEET_NAMES.summary, 2, rowOf(summary, /^Netto/), { exact: result.totals.net, magnitude: cumulativeMagnitude });
  check.figure('key figure: npv', SHEET_NAMES.summary, 2, rowOf(summary, /^Nuvärde/), { exact: result.totals.npv, magnitude: npvMagnitude });

  // Payback: the sheet's first year with cumulative net ≥ 0 (rounded to a millionth of a krona)
  // is the evaluator's, unless an exact cumulative net lies so close to zero (but not at it) that
  // the float and the millionth can tip it.
  const paybackRow = rowOf(summary, 'Återbetalningsår');
  const ambiguous = result.years.some((y, i) => {
    const tol = tolerance(cumulativeMagnitudes[i]!);
    return y.cumulativeNet.isZero() ? tol >= 4e-7 : y.cumulativeNet.abs().lte(1e-6 + tol);
  });
  if (!ambiguous) {
    const payback = engine.value(SHEET_NAMES.summary, 2, paybackRow);
    if (payback !== (result.paybackYear ?? NO_PAYBACK)) check.fail(`payback: sheet ${String(payback)}, evaluator ${String(result.paybackYear)}`);
  }
  if (checkCached) expect((summary.getCell(paybackRow, 2).value as ExcelJS.CellFormulaValue).result).toBe(result.paybackYear ?? NO_PAYBACK);

  // Break-even: the placement types the screen shows, each year and the average, as sentences.
  const shown = result.breakEven.filter((b) => scenario.effects.length === 0 || scenario.effects.some((e) => e.fromPlacementTypeId === b.placementTypeId));
  const sentenceRows = rowsWhere(summary, 1, (t) => /^Kostnaden \d+ motsvarar$/.test(t));
  const averageRows = rowsWhere(summary, 1, (t) => t === 'I genomsnitt per år motsvarar kostnaden');
  expect(sentenceRows).toHaveLength(shown.length * n);
  expect(averageRows).toHaveLength(shown.length);
  shown.forEach((b, t) => {
    const type = types.get(b.placementTypeId)!;
    const unitMagnitudes = b.years.map((_, i) => costMagnitudes[i]!.div(factors.placementPrice(type, years[i]!)));
    b.years.forEach((y, i) => {
      const row = sentenceRows[t * n + i]!;
      check.figure(`break-even ${type.id} ${y.year}`, SHEET_NAMES.summary, 2, row, { exact: y.units, magnitude: unitMagnitudes[i]! });
      // The three cells read as the screen's sentence (unless the count sits at a rounding tie).
      const shownNumber = formatNumber(new Decimal(engine.number(SHEET_NAMES.summary, 2, row)));
      if (shownNumber === formatNumber(y.units)) {
        expect(`${text(summary, 1, row)} ${shownNumber} ${text(summary, 3, row)}`).toBe(breakEvenSentence(y.year, y.units, type.unit, cleanText(type.name)));
      }
    });
    check.figure(`break-even ${type.id} average`, SHEET_NAMES.summary, 2, averageRows[t]!, { exact: b.averagePerYear, magnitude: sumOf(unitMagnitudes).div(n) });
  });

  // Placement prices per year (rows found by name when names are unique).
  if (uniqueNames) {
    for (const id of named) {
      const type = types.get(id)!;
      const row = rowOf(pricesSheet, cleanText(type.name));
      years.forEach((year, i) => {
        const price = factors.placementPrice(type, year);
        check.figure(`price ${id} ${year}`, SHEET_NAMES.placementTypes, priceColumns[i]!, row, { exact: price, magnitude: price });
      });
    }
  }
  return check;
}

function expectAllRight(check: Checker): void {
  expect(check.problems.slice(0, 20)).toEqual([]);
  expect(check.compared).toBeGreaterThan(0);
}

/** The document with the scenario's settings overridden by `settings`, as a changed assumption in the sheet means. */
function withScenarioSettings(document: HemmaplanDocument, scenarioId: string, settings: Scenario['settings']): { document: HemmaplanDocument; scenario: Scenario } {
  const scenarios = document.scenarios.map((s) => (s.id === scenarioId ? { ...s, settings: { ...s.settings, ...settings } } : s));
  return { document: { ...document, scenarios }, scenario: scenarios.find((s) => s.id === scenarioId)! };
}

/** Writes the assumption cells of the summary in the engine. */
interface NewSettings {
  payroll: Decimal;
  salary: Decimal;
  price: Decimal;
  discount: Decimal;
  baseYear: number;
}

function setAssumptions(engine: Engine, settings: NewSettings): void {
  const summary = engine.workbook.getWorksheet(SHEET_NAMES.summary)!;
  const set = (label: RegExp, value: number) => engine.set(SHEET_NAMES.summary, 2, rowOf(summary, label), value);
  set(/^PO-pålägg/, settings.payroll.div(100).toNumber());
  set(/^Löneökning/, settings.salary.div(100).toNumber());
  set(/^Prisökning/, settings.price.div(100).toNumber());
  set(/^Kalkylränta/, settings.discount.div(100).toNumber());
  set(/^Basår/, settings.baseYear);
}

/** Changes the assumption cells in the engine; the sheet must then agree with the evaluator on the document with those settings. */
function expectRecomputed(engine: Engine, document: HemmaplanDocument, scenarioId: string, changed: NewSettings): void {
  setAssumptions(engine, changed);
  const edited = withScenarioSettings(document, scenarioId, {
    payrollOverheadPercent: changed.payroll,
    salaryGrowthPercent: changed.salary,
    priceGrowthPercent: changed.price,
    discountRatePercent: changed.discount,
    baseYear: changed.baseYear,
  });
  expectAllRight(checkWorkbook(engine, edited.document, edited.scenario, false));
}

/**
 * A generated document with its years moved near `anchor` (validDocument spreads them over
 * 1990–2100, where an initiative seldom meets a scenario): start and end months keep their distance,
 * so the document stays valid; an effect's years that fall together keep the first entry.
 */
function gathered(document: HemmaplanDocument, anchor: number): HemmaplanDocument {
  const near = (year: number, span: number, before: number) => anchor - before + (year % span);
  const month = (m: string) => {
    const index = Number(m.slice(0, 4)) * 12 + Number(m.slice(5)) - 1;
    const moved = anchor * 12 - 18 + (index % 72);
    return { index, moved };
  };
  const text = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
  return {
    ...document,
    settings: { ...document.settings, ...(document.settings.baseYear === undefined ? {} : { baseYear: near(document.settings.baseYear, 7, 3) }) },
    initiatives: document.initiatives.map((initiative) => {
      const start = month(initiative.start);
      const shift = start.moved - start.index;
      return {
        ...initiative,
        start: text(start.moved),
        ...(initiative.end === undefined ? {} : { end: text(month(initiative.end).index + shift) }),
        costLines: initiative.costLines.map((line) => (line.kind === 'oneOff' ? { ...line, month: text(month(line.month).moved) } : line)),
      };
    }),
    placementTypes: document.placementTypes.map((type) => ({ ...type, priceYear: near(type.priceYear, 9, 6) })),
    scenarios: document.scenarios.map((scenario) => ({
      ...scenario,
      startYear: near(scenario.startYear, 3, 1),
      years: Math.min(scenario.years, 8),
      effects: scenario.effects.map((effect) => {
        const seen = new Set<number>();
        const perYear = effect.perYear.map((e) => ({ ...e, year: near(e.year, 9, 1) })).filter((e) => !seen.has(e.year) && seen.add(e.year));
        return { ...effect, perYear };
      }),
    })),
  };
}

// ---------------------------------------------------------------------------------------------

describe('scenarioWorkbook', () => {
  it('reproduces the evaluator for every scenario of the example document, and recomputes when an assumption changes', async () => {
    const document = example();
    for (const scenario of document.scenarios) {
      const workbook = await readWorkbook(await scenarioWorkbook(document, scenario.id, { date: DATE }));
      const engine = new Engine(workbook);
      expectAllRight(checkWorkbook(engine, document, scenario, true));

      // Change every assumption in the sheet: the formulas follow the evaluator's new results.
      const changed = { payroll: new Decimal('40.15'), salary: new Decimal('2.5'), price: new Decimal('3.1'), discount: new Decimal('4'), baseYear: 2024 };
      expectRecomputed(engine, document, scenario.id, changed);
    }
  });

  it('follows every rule of EXCHANGE.md §2 in a document made to exercise them', async () => {
    const units = ['day', 'month', 'year'] as const;
    const perYear = [
      { year: 2025, placements: '9', unitsPerPlacement: '9' }, // before the horizon: ignored
      { year: 2026, placements: '1.5', unitsPerPlacement: '30' },
      { year: 2028, placements: '2', unitsPerPlacement: '7' },
      { year: 2031, placements: '9', unitsPerPlacement: '9' }, // after the horizon: ignored
    ];
    const document = documentFrom({
      settings: { organisation: 'Regelkommun', payrollOverheadPercent: '40', salaryGrowthPercent: '3', priceGrowthPercent: '2', discountRatePercent: '4', baseYear: 2027 },
      placementTypes: [
        { id: 'day', name: 'Dygnstyp', unit: 'day', price: '4000', priceYear: 2025 },
        { id: 'month', name: 'Månadstyp', unit: 'month', price: '60000.50', priceYear: 2027 },
        { id: 'year', name: 'Årstyp', unit: 'year', price: '500000', priceYear: 2029 },
        { id: 'free', name: 'Gratis', unit: 'day', price: '0', priceYear: 2026 },
      ],
      initiatives: [
        {
          id: 'a',
          name: 'Börjar före perioden',
          start: '2025-10',
          end: '2027-03',
          costLines: [
            { kind: 'staff', fte: '1.5', monthlySalary: '31000.50' },
            { kind: 'staff', fte: '0.5', monthlySalary: '40000', payrollOverheadPercent: '30' },
            { kind: 'perUnit', unit: 'tillfälle', quantityPerYear: '25', unitPrice: '800' },
            { kind: 'annual', amountPerYear: '120000' },
            { kind: 'funding', amountPerYear: '200000' },
            { kind: 'oneOff', amount: '50000', month: '2026-06' },
            { kind: 'oneOff', amount: '50000', month: '2025-11' },
            { kind: 'oneOff', amount: '50000', month: '2027-04' },
          ],
        },
        {
          id: 'b',
          name: 'Tills vidare',
          start: '2026-08',
          costLines: [{ kind: 'education', persons: '2', terms: 3, monthsPerTerm: 4, studyShare: '0.5', monthlySalary: '35700', payrollOverheadPercent: '35', materialPerTerm: '1500' }],
        },
        {
          id: 'c',
          name: 'Kortare än utbildningen',
          start: '2027-05',
          end: '2027-12',
          costLines: [{ kind: 'education', persons: '1', terms: 3, monthsPerTerm: 6, studyShare: '0.25', monthlySalary: '30000', materialPerTerm: '2000' }],
        },
      ],
      scenarios: [
        {
          id: 's',
          name: 'Alla regler',
          startYear: 2026,
          years: 4,
          settings: { priceGrowthPercent: '1.5' },
          initiativeIds: ['a', 'b', 'c'],
          effects: units.flatMap((from) =>
            [...units, undefined].map((to) => ({
              id: `${from}-${to ?? 'hemma'}`,
              fromPlacementTypeId: from,
              ...(to ? { toPlacementTypeId: to } : {}),
              expectedShare: '0.8',
              perYear,
            })),
          ),
        },
      ],
    });
    const scenario = document.scenarios[0]!;
    const result = evaluateScenario(document, scenario);
    // The document does exercise the rules: one-offs outside the period or horizon cost nothing,
    // funding makes a year cheaper, the free type has no break-even.
    expect(result.breakEven.map((b) => b.placementTypeId)).toEqual(['day', 'month', 'year']);
    const lines = evaluateCostLines(document.initiatives[0]!, scenario, new IndexFactors(result.settings));
    expect(lines[4]!.every((cost) => cost.isNegative() || cost.isZero())).toBe(true);
    expect(lines.slice(5).map((line) => line.filter((cost) => !cost.isZero()).length)).toEqual([1, 0, 0]);
    const workbook = await readWorkbook(await scenarioWorkbook(document, scenario.id, { date: DATE }));
    const engine = new Engine(workbook);
    expectAllRight(checkWorkbook(engine, document, scenario, true));

    // Each line shows every input field of its kind (and the facts its formula reads).
    const sheet = workbook.getWorksheet(SHEET_NAMES.initiatives)!;
    const labels: string[][] = [];
    for (let r = 3; r <= sheet.rowCount; r++) {
      const label = text(sheet, 1, r);
      if (Object.values(COST_LINE_KIND_LABELS).includes(label)) labels.push([label]);
      else if (label === 'Summa satsning' || label === 'Satsning') labels.push([]);
      else if (label !== '') labels[labels.length - 1]?.push(label);
    }
    const staff = ['Personal', 'Årsarbetare', 'Månadslön', 'PO-pålägg', 'Helårsbelopp'];
    const education = ['Utbildning', 'Personer', 'Terminer', 'Månader per termin', 'Studietakt', 'Månadslön', 'PO-pålägg', 'Material per termin och person'];
    const derived = ['Lönekostnad per studiemånad', 'Material per termin', 'Studiemånader', 'Terminsstarter'];
    expect(labels.filter((l) => l.length > 0 && l[0] !== 'Start')).toEqual([
      staff,
      staff,
      ['Köp per styck', 'Enhet', 'Antal per år', 'Styckpris', 'Helårsbelopp'],
      ['Årsbelopp', 'Belopp per år'],
      ['Bidrag (intäkt)', 'Belopp per år'],
      ['Engångskostnad', 'Belopp', 'Månad', 'Infaller i året'],
      ['Engångskostnad', 'Belopp', 'Månad', 'Infaller i året'],
      ['Engångskostnad', 'Belopp', 'Månad', 'Infaller i året'],
      [...education, ...derived],
      [...education, ...derived],
    ]);
    // A line's own payroll overhead is an input value; the others refer to the assumption.
    const overheads = rowsWhere(sheet, 1, (t) => t === 'PO-pålägg').map((r) => sheet.getCell(r, 2));
    expect(overheads.map((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([true, false, false, true]);
    expect(overheads[1]!.value).toBe(0.3);

    const changed = { payroll: new Decimal('31.42'), salary: new Decimal('-2'), price: new Decimal('4.25'), discount: new Decimal('0'), baseYear: 2029 };
    expectRecomputed(engine, document, scenario.id, changed);
  });

  it('recomputes when an input of a line, an effect or a placement price changes', async () => {
    const document = example();
    const scenario = document.scenarios[1]!;
    const workbook = await readWorkbook(await scenarioWorkbook(document, scenario.id, { date: DATE }));
    const engine = new Engine(workbook);
    const initiativesSheet = workbook.getWorksheet(SHEET_NAMES.initiatives)!;
    const effectsSheet = workbook.getWorksheet(SHEET_NAMES.effects)!;
    const pricesSheet = workbook.getWorksheet(SHEET_NAMES.placementTypes)!;

    // The first staff line's FTE, the first effect's expected share, the HVB price.
    engine.set(SHEET_NAMES.initiatives, 2, rowsWhere(initiativesSheet, 1, (t) => t === 'Årsarbetare')[0]!, 1.5);
    engine.set(SHEET_NAMES.effects, 2, rowsWhere(effectsSheet, 1, (t) => t === 'Förväntad andel')[0]!, 0.6);
    const hvb = document.placementTypes[0]!;
    engine.set(SHEET_NAMES.placementTypes, 3, rowOf(pricesSheet, hvb.name), 5000);

    const staffInitiative = document.initiatives.find((i) => i.id === scenario.initiativeIds[0])!;
    const edited: HemmaplanDocument = {
      ...document,
      initiatives: document.initiatives.map((i) =>
        i === staffInitiative ? { ...i, costLines: i.costLines.map((l, n) => (n === 0 && l.kind === 'staff' ? { ...l, fte: new Decimal('1.5') } : l)) } : i,
      ),
      placementTypes: document.placementTypes.map((t) => (t === hvb ? { ...t, price: new Decimal(5000) } : t)),
      scenarios: document.scenarios.map((s) => (s === scenario ? { ...s, effects: s.effects.map((e, n) => (n === 0 ? { ...e, expectedShare: new Decimal('0.6') } : e)) } : s)),
    };
    expect(staffInitiative.costLines[0]!.kind).toBe('staff');
    expectAllRight(checkWorkbook(engine, edited, edited.scenarios[1]!, false));
  });

  const percent = (min: number, max: number) => fc.integer({ min: min * 100, max: max * 100 }).map((n) => new Decimal(n).div(100));
  const newSettings = fc.record({
    payroll: percent(0, 100),
    salary: percent(-50, 50),
    price: percent(-50, 50),
    discount: percent(0, 100),
    baseYear: fc.integer({ min: 1990, max: 2100 }),
  });

  /** Writes each scenario of the document, checks it, changes its assumptions in the engine and checks again. */
  async function checkEveryScenario(document: HemmaplanDocument, changed: NewSettings) {
    for (const scenario of document.scenarios) {
      const workbook = await readWorkbook(await scenarioWorkbook(document, scenario.id, { date: DATE }));
      const engine = new Engine(workbook);
      expectAllRight(checkWorkbook(engine, document, scenario, true));
      expectRecomputed(engine, document, scenario.id, changed);
    }
  }

  it('reproduces the evaluator for generated documents, before and after the assumptions change', async () => {
    // Periods, months and years gathered around one year, so that most figures are not zero.
    await fc.assert(
      fc.asyncProperty(
        fc.tuple(validDocument, fc.integer({ min: 2000, max: 2040 })).map(([document, anchor]) => gathered(document, anchor)),
        newSettings.map((s) => ({ ...s, baseYear: 2000 + (s.baseYear % 40) })),
        checkEveryScenario,
      ),
      { numRuns: 12, endOnFailure: true },
    );
    // Anywhere in 1990–2100, growth over a century included.
    await fc.assert(fc.asyncProperty(validDocument, newSettings, checkEveryScenario), { numRuns: 4, endOnFailure: true });
  }, 60_000);

  it('finds the payback year when cost equals avoided cost exactly, whatever the floating-point noise', async () => {
    // 0.1 + 0.2 is 0.30000000000000004 in floating point: without rounding, the sheet would
    // see a cumulative net just below zero and no payback year.
    const document = documentFrom({
      initiatives: [
        { id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '0.1' }, { kind: 'annual', amountPerYear: '0.2' }] },
      ],
      placementTypes: [{ id: 'p', name: 'HVB', unit: 'day', price: '0.3', priceYear: 2026 }],
      scenarios: [
        {
          id: 's',
          name: 'Jämnt',
          startYear: 2026,
          years: 2,
          initiativeIds: ['i'],
          effects: [{ id: 'e', fromPlacementTypeId: 'p', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '1' }] }],
        },
      ],
    });
    expect(evaluateScenario(document, document.scenarios[0]!).paybackYear).toBe(2026);
    const workbook = await readWorkbook(await scenarioWorkbook(document, 's', { date: DATE }));
    const engine = new Engine(workbook);
    const summary = workbook.getWorksheet(SHEET_NAMES.summary)!;
    const firstYear = rowOf(summary, 'År') + 1;
    expect(engine.number(SHEET_NAMES.summary, 5, firstYear)).toBeLessThan(0); // the noise is there
    expect(engine.value(SHEET_NAMES.summary, 2, rowOf(summary, 'Återbetalningsår'))).toBe(2026);
    expectAllRight(checkWorkbook(engine, document, document.scenarios[0]!, true));
  });

  it('says "Ingen inom perioden" when the scenario never pays back', async () => {
    const document = example();
    const scenario = document.scenarios[0]!;
    expect(evaluateScenario(document, scenario).paybackYear).toBeNull();
    const workbook = await readWorkbook(await scenarioWorkbook(document, scenario.id, { date: DATE }));
    const summary = workbook.getWorksheet(SHEET_NAMES.summary)!;
    const row = rowOf(summary, 'Återbetalningsår');
    expect((summary.getCell(row, 2).value as ExcelJS.CellFormulaValue).result).toBe('Ingen inom perioden');
    expect(new Engine(workbook).value(SHEET_NAMES.summary, 2, row)).toBe('Ingen inom perioden');
  });

  it('writes user text as text, never as a formula', async () => {
    const hostile = ['=HYPERLINK("http://x","y")', '+1', '@SUM(A1)', '-2+3', '=cmd|\' /C calc\'!A0'];
    const document = documentFrom({
      settings: { organisation: hostile[4] },
      initiatives: [
        {
          id: 'i',
          name: hostile[0],
          start: '2026-01',
          costLines: [
            { kind: 'perUnit', label: hostile[1], unit: hostile[2], quantityPerYear: '2', unitPrice: '100' },
            { kind: 'staff', label: hostile[3], fte: '1', monthlySalary: '30000' },
          ],
        },
      ],
      placementTypes: [{ id: 'p', name: hostile[2], unit: 'day', price: '4000', priceYear: 2026, source: hostile[3], sourceUrl: 'https://example.org/?q==1' }],
      scenarios: [
        {
          id: 's',
          name: hostile[0],
          startYear: 2026,
          years: 2,
          initiativeIds: ['i'],
          effects: [{ id: 'e', label: hostile[2], fromPlacementTypeId: 'p', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '10' }] }],
        },
      ],
    });
    const bytes = await scenarioWorkbook(document, 's', { date: DATE });
    const workbook = await readWorkbook(bytes);
    const found = new Set<string>();
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type === ExcelJS.ValueType.Formula) {
            const formula = (cell.value as ExcelJS.CellFormulaValue).formula;
            expect(formula).not.toMatch(/HYPERLINK|cmd|@/);
          }
          for (const h of hostile) {
            if (cell.value === h) {
              expect(cell.type).toBe(ExcelJS.ValueType.String);
              found.add(h);
            }
          }
        }),
      );
    }
    expect([...found].sort()).toEqual([...hostile].sort());
    // In the file itself: the texts are shared strings, and no formula element holds them.
    const zip = await JSZip.loadAsync(bytes);
    const sharedStrings = await zip.file('xl/sharedStrings.xml')!.async('string');
    expect(sharedStrings).toContain('=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)');
    for (const name of Object.keys(zip.files).filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))) {
      const xml = await zip.file(name)!.async('string');
      for (const [, formula] of xml.matchAll(/<f>([^<]*)<\/f>/g)) expect(formula).not.toMatch(/HYPERLINK|cmd|@/);
    }
  });

  it('replaces characters a spreadsheet file cannot hold', async () => {
    const document = documentFrom({
      initiatives: [{ id: 'i', name: 'Bad\u0001name\uffff\ud800', start: '2026-01', costLines: [] }],
      placementTypes: [],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 1, initiativeIds: ['i'] }],
    });
    const workbook = await readWorkbook(await scenarioWorkbook(document, 's', { date: DATE }));
    const sheet = workbook.getWorksheet(SHEET_NAMES.initiatives)!;
    expect(sheet.getCell(rowOf(sheet, 'Satsning'), 2).value).toBe('Bad\ufffdname\ufffd\ufffd');
  });

  it('uses only functions that Excel, LibreOffice and HyperFormula all know', async () => {
    const document = example();
    const workbook = await readWorkbook(await scenarioWorkbook(document, document.scenarios[1]!.id, { date: DATE }));
    const used = new Set<string>();
    let formulas = 0;
    for (const ws of workbook.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (cell.type !== ExcelJS.ValueType.Formula) return;
          formulas++;
          const formula = (cell.value as ExcelJS.CellFormulaValue).formula.replace(/"[^"]*"/g, '');
          for (const [, name] of formula.matchAll(/([A-Z][A-Z0-9.]*)\(/g)) used.add(name!);
        }),
      );
    }
    expect(formulas).toBeGreaterThan(100);
    expect([...used].sort()).toEqual(['IF', 'ROUND', 'SUM']);
  });

  it('has the four sheets, frozen header rows, A4 landscape print setup and a full recalculation on load', async () => {
    const document = example();
    const bytes = await scenarioWorkbook(document, document.scenarios[0]!.id, { date: DATE });
    const workbook = await readWorkbook(bytes);
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['Sammanfattning', 'Satsningar', 'Effekter', 'Placeringskostnader']);
    const frozen: Record<string, [number, number]> = { Sammanfattning: [0, 1], Satsningar: [1, 2], Effekter: [1, 2], Placeringskostnader: [1, 2] };
    for (const ws of workbook.worksheets) {
      const view = ws.views[0] as ExcelJS.WorksheetViewFrozen;
      expect(view.state).toBe('frozen');
      expect([view.xSplit ?? 0, view.ySplit]).toEqual(frozen[ws.name]);
      expect(ws.pageSetup.paperSize).toBe(9);
      expect(ws.pageSetup.orientation).toBe('landscape');
      expect(ws.pageSetup.fitToPage).toBe(true);
      expect(ws.pageSetup.fitToWidth).toBe(1);
      expect(ws.pageSetup.fitToHeight).toBe(0);
      expect(ws.pageSetup.printTitlesRow).toBe(`1:${frozen[ws.name]![1]}`);
      expect(ws.headerFooter.oddFooter).toBe(`&L${ws.name}&RSida &P av &N`);
      expect(ws.getColumn(1).width).toBeGreaterThan(20);
    }
    const zip = await JSZip.loadAsync(bytes);
    expect(await zip.file('xl/workbook.xml')!.async('string')).toMatch(/<calcPr[^>]*fullCalcOnLoad="1"/);
  });

  it('shows the title, organisation, date and assumptions with Swedish-looking formats', async () => {
    const document = example();
    const scenario = document.scenarios[1]!;
    const workbook = await readWorkbook(await scenarioWorkbook(document, scenario.id, { date: DATE }));
    const summary = workbook.getWorksheet(SHEET_NAMES.summary)!;
    expect(summary.getCell('A1').value).toBe(scenario.name);
    expect(summary.getCell('A2').value).toBe('Exempelkommun');
    const date = summary.getCell(rowOf(summary, 'Datum'), 2);
    expect(date.value).toEqual(new Date(Date.UTC(2026, 10, 23)));
    expect(date.numFmt).toBe('yyyy-mm-dd');

    const po = summary.getCell(rowOf(summary, /^PO-pålägg/), 2);
    expect(po.value).toBe(0.4453);
    expect(po.numFmt).toBe('0.00 %');
    const discount = summary.getCell(rowOf(summary, /^Kalkylränta/), 2);
    expect(discount.value).toBe(0.03);
    expect(discount.numFmt).toBe('0 %');
    expect(summary.getCell(rowOf(summary, /^Kalkylränta/), 3).value).toBe('Scenariots eget värde');
    expect(summary.getCell(rowOf(summary, /^Basår/), 2).value).toBe(2026);
    // Input cells are marked; money shows as "1 234 567 kr" in a Swedish Excel.
    expect((po.fill as ExcelJS.FillPattern).fgColor?.argb).toBe('FFFFF2CC');
    expect(summary.getCell(rowOf(summary, 'Total kostnad'), 2).numFmt).toBe('#,##0 "kr"');
    const tkr = summary.getCell(rowOf(summary, 'Total kostnad'), 3);
    expect([tkr.numFmt, tkr.formula]).toEqual(['#,##0, "tkr"', `B${rowOf(summary, 'Total kostnad')}`]);
    const sentence = rowsWhere(summary, 1, (t) => t.startsWith('Kostnaden '))[0]!;
    expect(summary.getCell(sentence, 2).numFmt).toBe('#,##0');

    // The sources of the placement types.
    const sources = rowOf(summary, 'Källor för placeringskostnader');
    expect(text(summary, 2, sources + 1)).toContain('Cura Individutveckling');

    // An entered amount with öre keeps them in its format; shares show as percentages.
    const initiatives = workbook.getWorksheet(SHEET_NAMES.initiatives)!;
    expect(initiatives.getCell(rowsWhere(initiatives, 1, (t) => t === 'Månadslön')[0]!, 2).numFmt).toBe('#,##0 "kr"');
    expect(initiatives.getCell(rowOf(initiatives, 'Studietakt'), 2).numFmt).toBe('0 %');
  });

  it('lists each line with its kind, inputs and months, and each effect with its types', async () => {
    const document = example();
    const scenario = document.scenarios[1]!;
    const workbook = await readWorkbook(await scenarioWorkbook(document, scenario.id, { date: DATE }));
    const initiatives = workbook.getWorksheet(SHEET_NAMES.initiatives)!;
    const education = rowOf(initiatives, 'Utbildning');
    // Steg 1 runs 2026-08 … 2028-01: 3 terms of 6 months, so 5, 12 and 1 study months.
    const study = rowOf(initiatives, 'Studiemånader');
    expect([4, 5, 6, 7, 8].map((c) => initiatives.getCell(study, c).value)).toEqual([5, 12, 1, 0, 0]);
    expect([4, 5, 6].map((c) => initiatives.getCell(rowOf(initiatives, 'Terminsstarter'), c).value)).toEqual([1, 2, 0]);
    expect(education).toBeLessThan(study);
    // A line without its own payroll overhead refers to the assumption, live.
    const po = initiatives.getCell(rowsWhere(initiatives, 1, (t) => t === 'PO-pålägg')[0]!, 2);
    expect((po.value as ExcelJS.CellFormulaValue).formula).toMatch(/^Sammanfattning!\$B\$\d+$/);

    const effects = workbook.getWorksheet(SHEET_NAMES.effects)!;
    expect(rowsWhere(effects, 1, (t) => t === 'Från placeringsform').map((r) => text(effects, 2, r))).toEqual(
      scenario.effects.map((e) => document.placementTypes.find((t) => t.id === e.fromPlacementTypeId)!.name),
    );
    expect(rowsWhere(effects, 1, (t) => t === 'Till placeringsform').map((r) => text(effects, 2, r))).toContain('Ingen, hemmaplan');
  });

  it('refuses an unknown scenario and a malformed date', async () => {
    const document = example();
    await expect(scenarioWorkbook(document, 'nope', { date: DATE })).rejects.toThrow(/Unknown scenario/);
    await expect(scenarioWorkbook(document, document.scenarios[0]!.id, { date: '2026-02-30' })).rejects.toThrow(/Not a date/);
  });
});
