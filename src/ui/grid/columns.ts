/**
 * The column types every grid shares: how a cell's value is shown, how the text a user types or
 * pastes is read back (one parser per type, used by the editor and by paste alike), and the AG Grid
 * pieces (editor, alignment, filter, sorting) that go with it. Headers are the caller's, in Swedish.
 */
import type { ColDef, ColGroupDef, ICellRendererParams, SortComparatorFn, ValueFormatterParams, ValueGetterParams } from 'ag-grid-community';
import {
  Decimal,
  HUNDRED,
  formatDecimal,
  formatMoney,
  formatNumber,
  formatPercent,
  formatShare,
  parseAmount,
  timesExact,
  type AmountUnit,
  type InputKind,
} from '../../domain/money';

/** The outcome of reading one cell's text: a value, or a Swedish message saying what to type. */
export type CellParse<V> = { ok: true; value: V } | { ok: false; message: string };

export type ColumnKind =
  | 'text'
  | 'longText'
  | 'money'
  | 'percent'
  | 'share'
  | 'integer'
  | 'quantity'
  | 'year'
  | 'month'
  | 'enumeration'
  | 'link'
  | 'computed';

/** What a column type knows about its values. Values are never mutated; an empty optional cell is null. */
export interface ColumnType {
  readonly kind: ColumnKind;
  /** Reads what a user typed or pasted. */
  parse(text: string): CellParse<unknown>;
  /** The text shown in the cell. */
  format(value: unknown): string;
  /** The text an editor starts with and a copy puts on the clipboard: exact, so that parse(editText(v)) is v. */
  editText(value: unknown): string;
  /** Whether two values are the same, so that an edit that changes nothing is not saved. */
  equals(a: unknown, b: unknown): boolean;
  readonly editable: boolean;
  /** AG Grid pieces: editor, alignment classes, filter and sorting. */
  readonly colDef: ColDef;
  /**
   * The cell in a CSV file: numbers as exact Decimals in the unit the column shows (so that Excel
   * reads a number), everything else as the text shown. Default: the shown text.
   */
  readonly exportValue?: (value: unknown) => Decimal | number | string | null;
}

/** One column of a grid over rows of type T. */
export interface GridColumn<T> {
  /** The key of the value in `onEdit` values, and the AG Grid column id. */
  readonly field: string;
  /** The Swedish column header. */
  readonly header: string;
  readonly type: ColumnType;
  /** Reads the cell's value from a row (for nested data); default `row[field]`. */
  readonly value?: (row: T) => unknown;
  /** Whether a row's cell may be edited; default true for editable types. */
  readonly editable?: boolean | ((row: T) => boolean);
  readonly width?: number;
  readonly minWidth?: number;
  readonly flex?: number;
  readonly pinned?: 'left' | 'right';
  /** A longer Swedish explanation shown when hovering the header. */
  readonly headerTooltip?: string;
  /** A header shared with the neighbouring columns of the same group, e.g. the year "2026". */
  readonly group?: string;
}

/** What every column helper takes besides its type's own options. */
export interface ColumnOptions<T> {
  field: string;
  header: string;
  value?: (row: T) => unknown;
  editable?: boolean | ((row: T) => boolean);
  width?: number;
  minWidth?: number;
  flex?: number;
  pinned?: 'left' | 'right';
  headerTooltip?: string;
  group?: string;
}

/** Whether an empty cell is refused (required) or read as null (optional). */
export interface Requirement {
  required?: boolean;
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

const isEmpty = (value: unknown): value is null | undefined | '' => value === null || value === undefined || value === '';

const isDecimal = (value: unknown): value is Decimal => Decimal.isDecimal(value);

/** Turns what a row holds (a Decimal, a number or numeric text from older data) into a Decimal, or null. */
function asDecimal(value: unknown): Decimal | null {
  if (isDecimal(value)) return value;
  if (typeof value === 'number' && Number.isFinite(value)) return new Decimal(value);
  if (typeof value === 'string' && value.trim() !== '') {
    try {
      return new Decimal(value.trim());
    } catch {
      return null;
    }
  }
  return null;
}

/** Plain decimal text with a decimal comma and a hyphen minus, without grouping: what an editor shows. */
function plainSwedish(value: Decimal): string {
  const text = value.isZero() ? '0' : value.toFixed();
  return text.replace('.', ',');
}

function sameDecimal(a: unknown, b: unknown): boolean {
  const x = asDecimal(a);
  const y = asDecimal(b);
  if (x === null || y === null) return x === y && isEmpty(a) === isEmpty(b);
  return x.eq(y);
}

function sameText(a: unknown, b: unknown): boolean {
  return (isEmpty(a) ? '' : String(a)) === (isEmpty(b) ? '' : String(b));
}

function shorten(text: string): string {
  const trimmed = text.trim();
  return trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
}

const compareDecimals: SortComparatorFn = (a, b) => {
  const x = asDecimal(a);
  const y = asDecimal(b);
  if (x === null || y === null) return x === null ? (y === null ? 0 : -1) : 1;
  return x.cmp(y);
};

const compareText =
  (format: (value: unknown) => string): SortComparatorFn =>
  (a, b) =>
    format(a).localeCompare(format(b), 'sv', { numeric: true, sensitivity: 'base' });

/** Letters, digits, signs and separators a number filter accepts, so that "520 tkr" or "50 %" can be typed. */
const NUMBER_FILTER_CHARS = '[\\d\\s.,+\\-−%=*/()a-zA-Z:]';

/** Column pieces for types shown as numbers: right-aligned, tabular figures, a number filter. */
function numericColDef(parse: (text: string) => CellParse<unknown>, toFilterNumber: (value: unknown) => number | null): ColDef {
  return {
    cellClass: ['hp-cell-number'],
    headerClass: ['ag-right-aligned-header'],
    comparator: compareDecimals,
    filter: 'agNumberColumnFilter',
    filterParams: {
      allowedCharPattern: NUMBER_FILTER_CHARS,
      // The filter compares plain numbers; what it reads is parsed exactly and only then compared.
      numberParser: (text: string | null) => {
        if (text === null || text.trim() === '') return null;
        const parsed = parse(text);
        return parsed.ok ? toFilterNumber(parsed.value) : null;
      },
      maxNumConditions: 2,
      buttons: ['reset'],
    },
    cellEditor: 'agTextCellEditor',
  };
}

function textColDef(format: (value: unknown) => string): ColDef {
  return {
    comparator: compareText(format),
    filter: 'agTextColumnFilter',
    filterParams: { maxNumConditions: 2, buttons: ['reset'] },
    cellEditor: 'agTextCellEditor',
  };
}

const decimalToNumber = (value: unknown): number | null => asDecimal(value)?.toNumber() ?? null;

// ---------------------------------------------------------------------------------------------
// Parsers: one per type, used by the cell editor and by paste.

/** Free text, trimmed. An empty required text is refused. */
export function parseTextCell(text: string, required = false): CellParse<string> {
  const value = text.trim();
  if (required && value === '') return { ok: false, message: 'Fältet får inte vara tomt. Skriv en text.' };
  return { ok: true, value };
}

/** Longer text: line breaks are kept, only the ends are trimmed. */
export function parseLongTextCell(text: string, required = false): CellParse<string> {
  const value = text.replace(/\r\n?/g, '\n').trim();
  if (required && value === '') return { ok: false, message: 'Fältet får inte vara tomt. Skriv en text.' };
  return { ok: true, value };
}

const UNIT_FACTOR: Record<AmountUnit, Decimal> = {
  kr: new Decimal(1),
  tkr: new Decimal(1000),
  mnkr: new Decimal(1_000_000),
};

/** Units that parseAmount reads at the end of an amount. */
const MONEY_SUFFIX = /(kr|sek|:-|tkr|mnkr|mkr|milj)\s*$/i;

/**
 * An amount in kronor, read by parseAmount(…, 'money'). A number or formula written without a unit
 * is in the column's unit: "520" in a tkr column is 520 000 kr, as in a spreadsheet whose header
 * says tkr; "520 000 kr" or "1,5 mnkr" say their own unit.
 */
export function parseMoneyCell(text: string, unit: AmountUnit = 'kr', required = true): CellParse<Decimal | null> {
  if (text.trim() === '' && !required) return { ok: true, value: null };
  const parsed = parseAmount(text, 'money');
  if (!parsed.ok) return parsed;
  const hasUnit = !text.trim().startsWith('=') && MONEY_SUFFIX.test(text.trim());
  return { ok: true, value: hasUnit ? parsed.value : timesExact(parsed.value, UNIT_FACTOR[unit]) };
}

/** A percentage as a number of percent: "44,53" and "44,53 %" are both 44.53. */
export function parsePercentCell(text: string, required = true): CellParse<Decimal | null> {
  if (text.trim() === '' && !required) return { ok: true, value: null };
  return parseAmount(text, 'percent');
}

/** A share between 0 and 1: "50 %" and "0,5" are both 0.5. "50" is refused rather than read as 5 000 %. */
export function parseShareCell(text: string, required = true): CellParse<Decimal | null> {
  if (text.trim() === '' && !required) return { ok: true, value: null };
  const parsed = parseAmount(text, 'share');
  if (!parsed.ok) return parsed;
  if (parsed.value.isNegative() || parsed.value.gt(1)) {
    return {
      ok: false,
      message: `En andel ligger mellan 0 och 100 %, men ”${shorten(text)}” är ${formatShare(parsed.value)}. Skriv till exempel 0,5 eller 50 %.`,
    };
  }
  return parsed;
}

/** A plain decimal quantity (FTE, persons, placements): "1,5", "2 000", "=30*12". */
export function parseQuantityCell(text: string, required = true): CellParse<Decimal | null> {
  if (text.trim() === '' && !required) return { ok: true, value: null };
  return parseAmount(text, 'number');
}

export interface IntegerLimits {
  min?: number;
  max?: number;
}

/** A whole number, as a JavaScript number (counts, ages, terms), optionally within limits. */
export function parseIntegerCell(text: string, limits: IntegerLimits = {}, required = true): CellParse<number | null> {
  if (text.trim() === '' && !required) return { ok: true, value: null };
  const parsed = parseAmount(text, 'number');
  if (!parsed.ok) {
    if (text.trim().startsWith('=')) return parsed;
    const what = text.trim() === '' ? 'Fältet är tomt.' : `Kunde inte läsa ”${shorten(text)}” som ett heltal.`;
    return { ok: false, message: `${what} Skriv ett heltal, till exempel 12.` };
  }
  if (!parsed.value.isInteger()) {
    return { ok: false, message: `”${shorten(text)}” är inget heltal. Skriv ett heltal, till exempel 12.` };
  }
  if (parsed.value.abs().gt(Number.MAX_SAFE_INTEGER)) {
    return { ok: false, message: `”${shorten(text)}” är ett för stort tal.` };
  }
  const value = parsed.value.toNumber();
  const { min, max } = limits;
  if ((min !== undefined && value < min) || (max !== undefined && value > max)) {
    const range =
      min !== undefined && max !== undefined
        ? `mellan ${min} och ${max}`
        : min !== undefined
          ? `minst ${min}`
          : `högst ${max}`;
    return { ok: false, message: `Värdet ska vara ${range}, men är ${value}.` };
  }
  return { ok: true, value };
}

/** A calendar year such as 2026. */
export function parseYearCell(text: string, required = true): CellParse<number | null> {
  if (text.trim() === '' && !required) return { ok: true, value: null };
  const trimmed = text.trim();
  if (!/^\d{4}$/.test(trimmed)) {
    return { ok: false, message: `Kunde inte läsa ”${shorten(text)}” som ett årtal. Skriv till exempel 2026.` };
  }
  return { ok: true, value: Number(trimmed) };
}

const MONTH_NAMES: Record<string, number> = {
  jan: 1, januari: 1, january: 1,
  feb: 2, februari: 2, february: 2,
  mar: 3, mars: 3, march: 3,
  apr: 4, april: 4,
  maj: 5, may: 5,
  jun: 6, juni: 6, june: 6,
  jul: 7, juli: 7, july: 7,
  aug: 8, augusti: 8, august: 8,
  sep: 9, sept: 9, september: 9,
  okt: 10, oktober: 10, oct: 10, october: 10,
  nov: 11, november: 11,
  dec: 12, december: 12,
};

const SHORT_MONTHS = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

/**
 * A month as "YYYY-MM". Reads "2026-08", "2026-8", "2026/8", "202608", "8/2026", "aug 2026",
 * "augusti 2026" and a date such as "2026-08-01" (as Excel copies a date cell).
 */
export function parseMonthCell(text: string, required = true): CellParse<string | null> {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ');
  if (t === '') return required ? { ok: false, message: `Fältet är tomt. Skriv en månad, till exempel 2026-08 eller aug 2026.` } : { ok: true, value: null };
  let year: number | undefined;
  let month: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4}) ?[-/.] ?(\d{1,2})(?:[-/.]\d{1,2})?$/.exec(t))) {
    year = Number(match[1]);
    month = Number(match[2]);
  } else if ((match = /^(\d{4})(\d{2})$/.exec(t))) {
    year = Number(match[1]);
    month = Number(match[2]);
  } else if ((match = /^(\d{1,2}) ?[-/.] ?(\d{4})$/.exec(t))) {
    year = Number(match[2]);
    month = Number(match[1]);
  } else if ((match = /^([a-zåäö]+)\.?[ -]?(\d{4})$/.exec(t))) {
    month = MONTH_NAMES[match[1] ?? ''];
    year = Number(match[2]);
  }
  if (year === undefined || month === undefined || month < 1 || month > 12) {
    return { ok: false, message: `Kunde inte läsa ”${shorten(text)}” som en månad. Skriv till exempel 2026-08, 2026-8 eller aug 2026.` };
  }
  return { ok: true, value: `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}` };
}

/** A code chosen from a list, typed as its Swedish label or as the code itself (any case). */
export function parseEnumerationCell<C extends string>(text: string, labels: Readonly<Record<C, string>>, required = true): CellParse<C | null> {
  const t = text.trim();
  if (t === '' && !required) return { ok: true, value: null };
  const codes = Object.keys(labels) as C[];
  const wanted = t.toLocaleLowerCase('sv');
  const byLabel = codes.find((code) => labels[code].toLocaleLowerCase('sv') === wanted);
  const byCode = codes.find((code) => code.toLocaleLowerCase('sv') === wanted);
  const code = byLabel ?? byCode;
  if (code !== undefined) return { ok: true, value: code };
  const choices = codes.map((c) => labels[c]).join(', ');
  const what = t === '' ? 'Fältet är tomt.' : `”${shorten(text)}” finns inte bland valen.`;
  return { ok: false, message: `${what} Välj en av: ${choices}.` };
}

/** A web address: http:// or https://; "www.…" gets https:// in front. An empty cell is "". */
export function parseLinkCell(text: string, required = false): CellParse<string> {
  const t = text.trim();
  if (t === '') return required ? { ok: false, message: 'Fältet är tomt. Skriv en webbadress som börjar med https://.' } : { ok: true, value: '' };
  const candidate = /^www\./i.test(t) ? `https://${t}` : t;
  const url = safeUrl(candidate);
  if (!url || /\s/.test(candidate)) {
    return { ok: false, message: `Kunde inte läsa ”${shorten(text)}” som en webbadress. Skriv en adress som börjar med https://, till exempel https://www.socialstyrelsen.se.` };
  }
  return { ok: true, value: candidate };
}

/** The URL when the text is an http: or https: address, otherwise null (never javascript:, data: …). */
export function safeUrl(text: string): URL | null {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return null;
  }
  return url.protocol === 'http:' || url.protocol === 'https:' ? url : null;
}

// ---------------------------------------------------------------------------------------------
// Formatters

export function formatMonthCell(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

// ---------------------------------------------------------------------------------------------
// The types

export function textType(options: Requirement & { maxLength?: number } = {}): ColumnType {
  const format = (v: unknown) => (isEmpty(v) ? '' : String(v));
  return {
    kind: 'text',
    parse: (text) => parseTextCell(text, options.required),
    format,
    editText: format,
    equals: sameText,
    editable: true,
    colDef: { ...textColDef(format), cellEditorParams: { maxLength: options.maxLength ?? 500 } },
  };
}

export function longTextType(options: Requirement & { maxLength?: number } = {}): ColumnType {
  const format = (v: unknown) => (isEmpty(v) ? '' : String(v));
  return {
    kind: 'longText',
    parse: (text) => parseLongTextCell(text, options.required),
    // The cell shows the first line; the popup editor shows all of it.
    format: (v) => format(v).replace(/\s*\n\s*/g, ' ¶ '),
    editText: format,
    // A file gets the whole text, line breaks and all, not the one-line form the cell shows.
    exportValue: format,
    equals: sameText,
    editable: true,
    colDef: {
      ...textColDef(format),
      cellClass: ['hp-cell-long-text'],
      cellEditor: 'agLargeTextCellEditor',
      cellEditorPopup: true,
      cellEditorParams: { maxLength: options.maxLength ?? 5000, rows: 8, cols: 60 },
      tooltip: (p) => (isEmpty(p.value) ? undefined : String(p.value)),
    },
  };
}

export interface MoneyOptions extends Requirement {
  /** The unit the column shows and in which a number typed without a unit is read. Default kr. */
  unit?: AmountUnit;
  /** Decimals shown; default as formatMoney (0 for kr and tkr, 1 for mnkr). */
  decimals?: number;
}

/** A column of exact numbers, shown and edited through the given formatters; an empty cell shows nothing. */
function decimalType(
  kind: ColumnKind,
  parse: (text: string) => CellParse<unknown>,
  show: (value: Decimal) => string,
  edit: (value: Decimal) => string = plainSwedish,
  exported: (value: Decimal) => Decimal = (d) => d,
): ColumnType {
  const orEmpty = (write: (value: Decimal) => string) => (v: unknown) => {
    const d = asDecimal(v);
    return d === null ? '' : write(d);
  };
  return {
    kind,
    parse,
    format: orEmpty(show),
    editText: orEmpty(edit),
    equals: sameDecimal,
    editable: true,
    colDef: numericColDef(parse, decimalToNumber),
    exportValue: (v) => {
      const d = asDecimal(v);
      return d === null ? null : exported(d);
    },
  };
}

export function moneyType(options: MoneyOptions = {}): ColumnType {
  const unit = options.unit ?? 'kr';
  const required = options.required ?? true;
  return decimalType(
    'money',
    (text) => parseMoneyCell(text, unit, required),
    (d) => formatMoney(d, unit, options.decimals),
    (d) => plainSwedish(d.div(UNIT_FACTOR[unit])),
    // Computed amounts carry every decimal; a file shows them to the öre, in the column's unit.
    (d) => d.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).div(UNIT_FACTOR[unit]),
  );
}

export function percentType(options: Requirement & { maxDecimals?: number } = {}): ColumnType {
  const required = options.required ?? true;
  return decimalType('percent', (text) => parsePercentCell(text, required), (d) => formatPercent(d, options.maxDecimals ?? 2));
}

export function shareType(options: Requirement & { maxDecimals?: number } = {}): ColumnType {
  const required = options.required ?? true;
  return decimalType(
    'share',
    (text) => parseShareCell(text, required),
    (d) => formatShare(d, options.maxDecimals ?? 2),
    (d) => `${plainSwedish(d.times(HUNDRED))} %`,
  );
}

export function quantityType(options: Requirement & { maxDecimals?: number } = {}): ColumnType {
  const required = options.required ?? true;
  return decimalType('quantity', (text) => parseQuantityCell(text, required), (d) => formatDecimal(d, options.maxDecimals ?? 2));
}

export function integerType(options: Requirement & IntegerLimits = {}): ColumnType {
  const required = options.required ?? true;
  return decimalType('integer', (text) => parseIntegerCell(text, options, required), (d) => formatNumber(d, 0));
}

export function yearType(options: Requirement = {}): ColumnType {
  const required = options.required ?? true;
  const parse = (text: string) => parseYearCell(text, required);
  const format = (v: unknown) => (isEmpty(v) ? '' : String(v));
  return {
    kind: 'year',
    parse,
    format,
    editText: format,
    equals: sameDecimal,
    editable: true,
    colDef: numericColDef(parse, decimalToNumber),
  };
}

export function monthType(options: Requirement = {}): ColumnType {
  const required = options.required ?? true;
  return {
    kind: 'month',
    parse: (text) => parseMonthCell(text, required),
    format: formatMonthCell,
    editText: formatMonthCell,
    equals: sameText,
    editable: true,
    colDef: { ...textColDef(formatMonthCell), comparator: compareText(formatMonthCell) },
  };
}

/** A choice among codes, each shown with its Swedish label: `{ individual: 'Individuell', group: 'Grupp' }`. */
export function enumerationType<C extends string>(labels: Readonly<Record<C, string>>, options: Requirement = {}): ColumnType {
  const required = options.required ?? true;
  const format = (v: unknown) => (isEmpty(v) ? '' : (labels as Record<string, string>)[String(v)] ?? String(v));
  const codes: (string | null)[] = Object.keys(labels);
  return {
    kind: 'enumeration',
    parse: (text) => parseEnumerationCell(text, labels, required),
    format,
    editText: format,
    equals: sameText,
    editable: true,
    colDef: {
      ...textColDef(format),
      cellEditor: 'agSelectCellEditor',
      cellEditorParams: { values: required ? codes : [null, ...codes] },
    },
  };
}

/**
 * A list of values in one cell, typed and shown separated by commas ("Barn, Föräldrar"). With
 * labels, each item is one of the codes (typed as its label or code); without, free text.
 */
export function listType<C extends string>(labels?: Readonly<Record<C, string>>): ColumnType {
  const label = (v: unknown) => (labels ? ((labels as Record<string, string>)[String(v)] ?? String(v)) : String(v));
  const format = (v: unknown) => (Array.isArray(v) ? v.map(label).join(', ') : '');
  return {
    kind: 'text',
    parse: (text) => parseListCell(text, labels),
    format,
    editText: format,
    equals: (a, b) => format(a) === format(b),
    editable: true,
    colDef: textColDef(format),
  };
}

/** "Barn, Föräldrar" → ["children", "parents"]; commas or semicolons separate; empty → null. */
export function parseListCell<C extends string>(text: string, labels?: Readonly<Record<C, string>>): CellParse<string[] | null> {
  const items = text
    .split(/[,;]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
  if (items.length === 0) return { ok: true, value: null };
  if (!labels) return { ok: true, value: items };
  const codes: string[] = [];
  for (const item of items) {
    const parsed = parseEnumerationCell(item, labels, true);
    if (!parsed.ok) return parsed;
    if (parsed.value !== null && !codes.includes(parsed.value)) codes.push(parsed.value);
  }
  return { ok: true, value: codes };
}

/** A web address, shown as a link that opens in a new tab when it is http: or https:, else as plain text. */
export function linkType(options: Requirement = {}): ColumnType {
  const format = (v: unknown) => (isEmpty(v) ? '' : String(v));
  return {
    kind: 'link',
    parse: (text) => parseLinkCell(text, options.required),
    format,
    editText: format,
    equals: sameText,
    editable: true,
    colDef: { ...textColDef(format), cellRenderer: renderLink, cellEditorParams: { maxLength: 2000 } },
  };
}

/** Renders a link cell as DOM nodes (never as HTML text): an <a> only for http: and https: addresses. */
export function renderLink(params: Pick<ICellRendererParams, 'value'>): HTMLElement {
  const text = isEmpty(params.value) ? '' : String(params.value);
  const url = safeUrl(text);
  if (!url) {
    const span = document.createElement('span');
    span.textContent = text;
    return span;
  }
  const a = document.createElement('a');
  a.href = url.href;
  a.target = '_blank';
  a.rel = 'noopener noreferrer';
  a.textContent = text;
  a.tabIndex = -1;
  return a;
}

/**
 * A value the app computes (a total, a result): read-only, shown muted, sorted and filtered like
 * `shownAs` (default text).
 */
export function computedType(shownAs: ColumnType = textType()): ColumnType {
  const { cellEditor: _editor, cellEditorParams: _params, cellEditorPopup: _popup, cellClass, ...rest } = shownAs.colDef;
  const classes = Array.isArray(cellClass) ? cellClass : typeof cellClass === 'string' ? [cellClass] : [];
  return {
    kind: 'computed',
    parse: () => ({ ok: false, message: 'Kolumnen räknas fram och går inte att ändra.' }),
    format: shownAs.format,
    editText: shownAs.editText,
    equals: shownAs.equals,
    ...(shownAs.exportValue ? { exportValue: shownAs.exportValue } : {}),
    editable: false,
    colDef: { ...rest, cellClass: [...classes, 'hp-cell-computed'] },
  };
}

// ---------------------------------------------------------------------------------------------
// Column helpers: a type and the caller's field, header and layout.

export function column<T>(type: ColumnType, options: ColumnOptions<T>): GridColumn<T> {
  return { ...options, type };
}

export const textColumn = <T>(o: ColumnOptions<T> & Requirement & { maxLength?: number }) => column<T>(textType(o), o);
export const longTextColumn = <T>(o: ColumnOptions<T> & Requirement & { maxLength?: number }) => column<T>(longTextType(o), o);
export const moneyColumn = <T>(o: ColumnOptions<T> & MoneyOptions) => column<T>(moneyType(o), o);
export const percentColumn = <T>(o: ColumnOptions<T> & Requirement & { maxDecimals?: number }) => column<T>(percentType(o), o);
export const shareColumn = <T>(o: ColumnOptions<T> & Requirement & { maxDecimals?: number }) => column<T>(shareType(o), o);
export const quantityColumn = <T>(o: ColumnOptions<T> & Requirement & { maxDecimals?: number }) => column<T>(quantityType(o), o);
export const integerColumn = <T>(o: ColumnOptions<T> & Requirement & IntegerLimits) => column<T>(integerType(o), o);
export const yearColumn = <T>(o: ColumnOptions<T> & Requirement) => column<T>(yearType(o), o);
export const monthColumn = <T>(o: ColumnOptions<T> & Requirement) => column<T>(monthType(o), o);
export const enumerationColumn = <T, C extends string>(o: ColumnOptions<T> & Requirement & { labels: Readonly<Record<C, string>> }) =>
  column<T>(enumerationType(o.labels, o), o);
export const linkColumn = <T>(o: ColumnOptions<T> & Requirement) => column<T>(linkType(o), o);
export const listColumn = <T, C extends string>(o: ColumnOptions<T> & { labels?: Readonly<Record<C, string>> }) => column<T>(listType(o.labels), o);
export const computedColumn = <T>(o: Omit<ColumnOptions<T>, 'editable'> & { shownAs?: ColumnType }) =>
  column<T>(computedType(o.shownAs), { ...o, editable: false });

// ---------------------------------------------------------------------------------------------
// To AG Grid

/** Shown text as users type it when searching: ordinary spaces and hyphen minus instead of sv-SE typography. */
function searchable(text: string): string {
  return text.replace(/[\u00a0\u202f]/g, ' ').replace(/\u2212/g, '-');
}

/** The cell's value for a row: the column's getter or `row[field]`. */
export function cellValue<T>(col: GridColumn<T>, row: T): unknown {
  return col.value ? col.value(row) : (row as Record<string, unknown>)[col.field];
}

/** A row's cell as the grid's CSV export writes it: the exact value where the type gives one, else the text shown. */
export function exportCell<T>(col: GridColumn<T>, row: T): Decimal | number | string | null {
  const value = cellValue(col, row);
  return col.type.exportValue ? col.type.exportValue(value) : col.type.format(value);
}

/** Whether the column's cell of this row (undefined: a new row) may be edited. */
export function isCellEditable<T>(col: GridColumn<T>, row: T | undefined): boolean {
  if (!col.type.editable || col.editable === false) return false;
  if (typeof col.editable === 'function') return row === undefined ? true : col.editable(row);
  return true;
}

/** The AG Grid column definitions: consecutive columns of the same group go under one group header. */
export function toColumnDefs<T>(columns: readonly GridColumn<T>[]): (ColDef<T> | ColGroupDef<T>)[] {
  const defs: (ColDef<T> | ColGroupDef<T>)[] = [];
  let open: ColGroupDef<T> | undefined;
  for (const col of columns) {
    if (col.group === undefined) {
      open = undefined;
      defs.push(toColDef(col));
    } else if (open && open.headerName === col.group) {
      open.children.push(toColDef(col));
    } else {
      open = { headerName: col.group, groupId: `group:${col.group}:${defs.length}`, children: [toColDef(col)] };
      defs.push(open);
    }
  }
  return defs;
}

/** The AG Grid column definition for a column. The grid never writes to rows (readOnlyEdit). */
export function toColDef<T>(col: GridColumn<T>): ColDef<T> {
  const { type } = col;
  const base = type.colDef as ColDef<T>;
  const textEditor = base.cellEditor === 'agTextCellEditor' || base.cellEditor === 'agLargeTextCellEditor';
  const baseEditorParams: Record<string, unknown> = base.cellEditorParams ?? {};
  return {
    ...base,
    colId: col.field,
    headerName: col.header,
    headerTooltip: col.headerTooltip,
    width: col.width,
    minWidth: col.minWidth ?? 80,
    flex: col.flex,
    pinned: col.pinned,
    cellDataType: false,
    sortable: true,
    resizable: true,
    valueGetter: (p: ValueGetterParams<T>) => (p.data === undefined ? undefined : cellValue(col, p.data)),
    valueFormatter: (p: ValueFormatterParams<T>) => type.format(p.value),
    equals: (a, b) => type.equals(a, b),
    getQuickFilterText: (p) => searchable(type.format(p.value)),
    filterValueGetter:
      base.filter === 'agNumberColumnFilter'
        ? (p: ValueGetterParams<T>) => (p.data === undefined ? null : decimalToNumber(cellValue(col, p.data)))
        : (p: ValueGetterParams<T>) => (p.data === undefined ? '' : searchable(type.format(cellValue(col, p.data)))),
    editable: type.editable ? (p) => isCellEditable(col, p.data) : false,
    // Text editors start with the exact value as Swedish text ("520,5", "50 %"), not the rounded display.
    cellEditorParams: textEditor
      ? (p: { value: unknown }) => ({ ...baseEditorParams, value: type.editText(p.value) })
      : baseEditorParams,
  };
}
