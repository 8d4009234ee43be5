/**
 * Exact decimal values for money, shares and quantities, and the one place where they are parsed
 * from what Swedish users type and formatted for them to read (sv-SE: space for thousands,
 * comma for decimals, kr / tkr / mnkr).
 */
import DecimalBase from 'decimal.js';

/** decimal.js configured for Hemmaplan: 40 significant digits, halves rounded away from zero. */
export const Decimal = DecimalBase.clone({
  precision: 40,
  rounding: DecimalBase.ROUND_HALF_UP,
  toExpNeg: -9e15,
  toExpPos: 9e15,
});
export type Decimal = DecimalBase;

/** decimal.js with room for every digit, for products that must not be rounded (see timesExact). */
const ExactDecimal = DecimalBase.clone({ precision: 1e9, toExpNeg: -9e15, toExpPos: 9e15 });

export const ZERO = new Decimal(0);
export const ONE = new Decimal(1);
export const HUNDRED = new Decimal(100);

export function dec(value: DecimalBase.Value): Decimal {
  return new Decimal(value);
}

/** Plain decimal text with a point and no exponent ("520000", "44.53"), as the exchange format writes. */
export function toPlain(value: Decimal): string {
  return value.isZero() ? '0' : value.toFixed();
}

/** Rounds half away from zero to `decimals` places and writes plain text with a point; never "-0.00". */
export function toFixedHalfUp(value: Decimal, decimals: number): string {
  const text = value.toFixed(decimals, DecimalBase.ROUND_HALF_UP);
  return /^-0(\.0+)?$/.test(text) ? text.slice(1) : text;
}

/**
 * value × factor with every digit kept. Arithmetic on Decimal rounds to 40 significant digits,
 * which would silently change an amount as a user wrote it ("999 999 999 999 999,99…" with 40
 * decimals is within the format's bounds) when it is only being scaled by kr, tkr or mnkr.
 */
export function timesExact(value: Decimal, factor: Decimal): Decimal {
  if (factor.eq(ONE)) return value;
  return new Decimal(new ExactDecimal(value).times(factor));
}

/**
 * Division by one divisor, many times, where a quotient within a few units of its 40th digit will
 * do (see clearOfShortNumbers). decimal.js divides by a whole number below 10^7 (one digit of its
 * base 10^7) in one short loop, but by a longer divisor digit by digit, which takes about four
 * times as long (as long as two multiplications) and makes some five times the garbage. Such a
 * divisor's reciprocal is made once and each quotient is a product with it.
 */
export class QuickDivisor {
  private readonly reciprocal: Decimal | null;

  constructor(readonly divisor: Decimal) {
    this.reciprocal = divisor.d.length > 1 ? ONE.div(divisor) : null;
  }

  /** value / divisor, within 1,5 × 10^−39 of the exact quotient, relatively. */
  quotient(value: Decimal): Decimal {
    return this.reciprocal === null ? value.div(this.divisor) : value.times(this.reciprocal);
  }
}

/** The margin clearOfShortNumbers keeps by default, in units of a value's 40th digit. */
export const CLEAR_MARGIN = 200;

/**
 * True when a value (of at most 40 significant digits) is at least `margin` (200) units of its
 * 40th digit away from every number of at most 32 significant digits, and below 10^21. A figure within
 * 3 × 10^−39 of an exact value, relatively (a quotient from QuickDivisor of a dividend and a
 * divisor each rounded to 40 digits), is within 30 such units of it, so both lie between the same
 * two such numbers; the rounding boundaries of up to two decimals (…,005, …,05, …,5) are among
 * them, so both round alike to 0, 1 or 2 decimals. A value next to such a number (as a quotient
 * that ends within 32 digits is) is not clear: that figure must be computed as exactly as it can be.
 */
export function clearOfShortNumbers(value: Decimal, margin = CLEAR_MARGIN): boolean {
  const words = value.d;
  const count = words.length;
  if (value.e > 20 || count < 2) return false;
  // decimal.js keeps the digits in words of seven, the first holding from one to seven, and drops
  // words of trailing zeros: the words hold `digits` digits, the last ones possibly zeros.
  let first = 1;
  for (let word = words[0]!; word >= 10; word = Math.floor(word / 10)) first++;
  const digits = first + 7 * (count - 1);
  if (digits <= 32) return false;
  // Digits 33 to 40 (zeros past the last word), from the last two words: digits − 13 to digits.
  const lastTwoWords = words[count - 2]! * 1e7 + words[count - 1]!;
  const past = 10 ** Math.abs(digits - 40);
  const tail = digits >= 40 ? ((lastTwoWords - (lastTwoWords % past)) / past) % 1e8 : (lastTwoWords % 10 ** (digits - 32)) * past;
  return tail >= margin && tail <= 1e8 - margin;
}

// ---------------------------------------------------------------------------------------------
// Formatting

export type AmountUnit = 'kr' | 'tkr' | 'mnkr';

const UNIT_FACTOR: Record<AmountUnit, Decimal> = {
  kr: new Decimal(1),
  tkr: new Decimal(1000),
  mnkr: new Decimal(1_000_000),
};

/** Default number of decimals shown per unit: whole kronor, whole tkr, one decimal for mnkr. */
const DEFAULT_DECIMALS: Record<AmountUnit, number> = { kr: 0, tkr: 0, mnkr: 1 };

/** The no-break space sv-SE uses between digit groups, so that a figure never wraps. */
export const GROUP_SEPARATOR = '\u00a0';
/** The minus sign sv-SE typography uses. */
export const MINUS = '\u2212';

/** "1234567.5" with 2 decimals → "1 234 567,50" (sv-SE grouping, decimal comma, true minus sign). */
export function formatNumber(value: Decimal, decimals = 0): string {
  const text = toFixedHalfUp(value, decimals);
  const negative = text.startsWith('-');
  const [intPart = '0', fracPart] = (negative ? text.slice(1) : text).split('.');
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, GROUP_SEPARATOR);
  return (negative ? MINUS : '') + grouped + (fracPart ? ',' + fracPart : '');
}

/** An amount in kronor shown in kr, tkr or mnkr: "1 234 567 kr", "520 tkr", "1,5 mnkr". */
export function formatMoney(amount: Decimal, unit: AmountUnit = 'kr', decimals?: number): string {
  const scaled = amount.div(UNIT_FACTOR[unit]);
  return `${formatNumber(scaled, decimals ?? DEFAULT_DECIMALS[unit])}${GROUP_SEPARATOR}${unit}`;
}

/** A number with at most `maxDecimals` decimals and no trailing zeros: 44.53 → "44,53", 3 → "3". */
export function formatDecimal(value: Decimal, maxDecimals = 2): string {
  const text = formatNumber(value, maxDecimals);
  return text.includes(',') ? text.replace(/0+$/, '').replace(/,$/, '') : text;
}

/** A value already in percent (44.53) shown as "44,53 %", with at most `maxDecimals` decimals. */
export function formatPercent(percent: Decimal, maxDecimals = 2): string {
  return `${formatDecimal(percent, maxDecimals)}${GROUP_SEPARATOR}%`;
}

/** A share 0..1 (0.5) shown as a percentage ("50 %"). */
export function formatShare(share: Decimal, maxDecimals = 2): string {
  return formatPercent(share.times(HUNDRED), maxDecimals);
}

// ---------------------------------------------------------------------------------------------
// Parsing what users type

/** What a field holds: kronor, a percentage (44.53 for 44,53 %), a share (0..1) or a plain quantity. */
export type InputKind = 'money' | 'percent' | 'share' | 'number';

export type ParseResult = { ok: true; value: Decimal } | { ok: false; message: string };

const EXAMPLES: Record<InputKind, string> = {
  money: '520 000, 520 tkr, 1,5 mnkr eller =25*800',
  percent: '44,53 eller 44,53 %',
  share: '0,5 eller 50 %',
  number: '2 000, 2000,50 eller =30*12',
};

const KIND_WORD: Record<InputKind, string> = {
  money: 'ett belopp',
  percent: 'en procentsats',
  share: 'en andel',
  number: 'ett tal',
};

const SUFFIXES: Record<string, { factor: Decimal; kinds: InputKind[] }> = {
  kr: { factor: UNIT_FACTOR.kr, kinds: ['money'] },
  sek: { factor: UNIT_FACTOR.kr, kinds: ['money'] },
  ':-': { factor: UNIT_FACTOR.kr, kinds: ['money'] },
  tkr: { factor: UNIT_FACTOR.tkr, kinds: ['money'] },
  mnkr: { factor: UNIT_FACTOR.mnkr, kinds: ['money'] },
  mkr: { factor: UNIT_FACTOR.mnkr, kinds: ['money'] },
  milj: { factor: UNIT_FACTOR.mnkr, kinds: ['money'] },
  '%': { factor: ONE, kinds: ['percent', 'share'] },
};

function fail(input: string, kind: InputKind, detail?: string): ParseResult {
  const shown = input.length > 40 ? input.slice(0, 40) + '…' : input;
  const what = detail ? `${detail} ` : `Kunde inte läsa ”${shown}” som ${KIND_WORD[kind]}. `;
  return { ok: false, message: `${what}Skriv till exempel ${EXAMPLES[kind]}.` };
}

/**
 * Normalises the spaces and minus signs that come from Excel, Word and the web: no-break and thin
 * spaces become ordinary spaces, the typographic minus and dashes become "-".
 */
function normalise(input: string): string {
  return input
    .replace(/[\u00a0\u2007\u202f\u2009\u200a]/g, ' ')
    .replace(/[\u2212\u2012\u2013]/g, '-')
    .trim();
}

/**
 * Reads one number written the Swedish or the English way: "2 000", "2000,50", "1 234 567",
 * "1.234.567,50", "2000.50". Returns null when the text is not such a number.
 */
function readNumber(text: string): Decimal | null {
  let t = text.replace(/^\+/, '');
  const negative = t.startsWith('-');
  if (negative) t = t.slice(1).trimStart();
  if (!/^[\d .,']+$/.test(t) || !/\d/.test(t)) return null;
  t = t.replace(/'/g, ' ');
  let intPart: string;
  let fracPart = '';
  const commas = (t.match(/,/g) ?? []).length;
  const dots = (t.match(/\./g) ?? []).length;
  if (commas > 1) return null;
  if (commas === 1) {
    // Decimal comma; dots before it can only be thousands separators ("1.234,50").
    [intPart = '', fracPart = ''] = t.split(',');
    if (dots > 0) {
      if (!/^\d{1,3}(\.\d{3})+$/.test(intPart.replace(/ /g, ''))) return null;
      intPart = intPart.replace(/\./g, '');
    }
  } else if (dots > 1) {
    // "1.234.567": dots as thousands separators.
    if (!/^\d{1,3}(\.\d{3})+$/.test(t.replace(/ /g, ''))) return null;
    intPart = t.replace(/\./g, '');
  } else if (dots === 1) {
    [intPart = '', fracPart = ''] = t.split('.');
  } else {
    intPart = t;
  }
  intPart = intPart.trim();
  fracPart = fracPart.trim();
  if (intPart.includes(' ') && !/^\d{1,3}( \d{3})+$/.test(intPart)) return null;
  intPart = intPart.replace(/ /g, '');
  if (!/^\d*$/.test(intPart) || !/^\d*$/.test(fracPart)) return null;
  if (intPart === '' && fracPart === '') return null;
  const value = new Decimal(`${intPart || '0'}.${fracPart || '0'}`);
  return negative ? value.neg() : value;
}

/**
 * Parses what a user typed into a field of the given kind: a number with optional unit
 * ("520 tkr", "1,5 mnkr", "1 234 567 kr", "12,5 %") or an arithmetic formula starting with "="
 * ("=25*800", "=(30000+1500)*12"). A share accepts "50 %" for 0.5; a percentage accepts
 * "44,53 %" for 44.53. Never evaluates code and never passes through a float.
 */
export function parseAmount(input: string, kind: InputKind = 'money'): ParseResult {
  const text = normalise(input);
  if (text === '') return fail(input, kind, 'Fältet är tomt.');
  if (text.startsWith('=')) {
    const result = evaluateFormula(text.slice(1));
    if (!result.ok) return { ok: false, message: `${result.message} Skriv till exempel =25*800 eller =(30000+1500)*12.` };
    return result;
  }
  const lower = text.toLowerCase();
  const suffix = Object.keys(SUFFIXES)
    .sort((a, b) => b.length - a.length)
    .find((s) => lower.endsWith(s) && readNumber(lower.slice(0, -s.length).trim()) !== null);
  let number: Decimal | null;
  let factor = ONE;
  let percentSign = false;
  if (suffix) {
    const spec = SUFFIXES[suffix]!;
    if (!spec.kinds.includes(kind)) {
      const detail =
        suffix === '%'
          ? `${capitalise(KIND_WORD[kind])} kan inte anges i procent.`
          : `${capitalise(KIND_WORD[kind])} anges utan ”${suffix}”.`;
      return fail(input, kind, detail);
    }
    number = readNumber(lower.slice(0, -suffix.length).trim());
    factor = spec.factor;
    percentSign = suffix === '%';
  } else {
    number = readNumber(text);
  }
  if (number === null) return fail(input, kind);
  let value = timesExact(number, factor);
  if (kind === 'share' && percentSign) value = value.div(HUNDRED);
  return { ok: true, value };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

// ---------------------------------------------------------------------------------------------
// Formulas: + − * / and parentheses over Swedish or English numbers, by recursive descent.

type FormulaResult = { ok: true; value: Decimal } | { ok: false; message: string };

class FormulaError extends Error {}

const MAX_FORMULA_LENGTH = 1000;
/** A formula's result keeps 10 decimals, so that "=1/3*3" gives 1 and not 0,999…. */
const FORMULA_DECIMALS = 10;
const MAX_DEPTH = 100;

/** Evaluates an arithmetic formula (without its leading "="). */
export function evaluateFormula(source: string): FormulaResult {
  if (source.length > MAX_FORMULA_LENGTH) {
    return { ok: false, message: `Formeln är för lång (högst ${MAX_FORMULA_LENGTH} tecken).` };
  }
  const text = normalise(source).replace(/[×x]/gi, '*').replace(/÷/g, '/');
  let pos = 0;
  let depth = 0;

  const skip = (): void => {
    while (text[pos] === ' ') pos++;
  };
  const describe = (): string => (pos >= text.length ? 'formelns slut' : `”${text[pos]}” på plats ${pos + 1}`);

  const expression = (): Decimal => {
    let value = term();
    for (;;) {
      skip();
      const op = text[pos];
      if (op !== '+' && op !== '-') return value;
      pos++;
      const right = term();
      value = op === '+' ? value.plus(right) : value.minus(right);
    }
  };
  const term = (): Decimal => {
    let value = factor();
    for (;;) {
      skip();
      const op = text[pos];
      if (op !== '*' && op !== '/') return value;
      pos++;
      const right = factor();
      if (op === '/' && right.isZero()) throw new FormulaError('Formeln delar med noll.');
      value = op === '*' ? value.times(right) : value.div(right);
    }
  };
  const factor = (): Decimal => {
    skip();
    const ch = text[pos];
    if (ch === '-' || ch === '+') {
      pos++;
      const inner = factor();
      return ch === '-' ? inner.neg() : inner;
    }
    if (ch === '(') {
      if (++depth > MAX_DEPTH) throw new FormulaError('Formeln har för många parenteser i varandra.');
      pos++;
      const value = expression();
      skip();
      if (text[pos] !== ')') throw new FormulaError(`Formeln saknar en avslutande parentes vid ${describe()}.`);
      pos++;
      depth--;
      return value;
    }
    const match = /^\d[\d.,]*|^[.,]\d+/.exec(text.slice(pos));
    if (!match) throw new FormulaError(`Formeln väntade sig ett tal men fann ${describe()}.`);
    const value = readNumber(match[0]);
    if (value === null) throw new FormulaError(`Formeln innehåller ett tal som inte går att läsa: ”${match[0]}”.`);
    pos += match[0].length;
    return value;
  };

  try {
    skip();
    if (pos >= text.length) throw new FormulaError('Formeln är tom.');
    const value = expression();
    skip();
    if (pos < text.length) throw new FormulaError(`Formeln innehåller något oväntat: ${describe()}.`);
    return { ok: true, value: value.toDecimalPlaces(FORMULA_DECIMALS, DecimalBase.ROUND_HALF_UP) };
  } catch (error) {
    if (error instanceof FormulaError) return { ok: false, message: error.message };
    throw error;
  }
}
