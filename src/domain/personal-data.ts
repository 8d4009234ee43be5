/**
 * Finds Swedish personal identity numbers (personnummer) and coordination numbers
 * (samordningsnummer) in free text, so that the app can warn before such a number is saved:
 * Hemmaplan holds plans, not data about individuals.
 *
 * Accepted forms (D = a digit of the birth date, N = the last four):
 *   YYMMDD-NNNN, YYMMDD+NNNN (the + that marks 100 years or older), YYMMDDNNNN, YYMMDD NNNN,
 *   YYYYMMDD-NNNN, YYYYMMDDNNNN, YYYYMMDD NNNN.
 * The dash may be any hyphen or dash (- ‐ ‑ – −) and the space an ordinary or no-break space,
 * since word processors and our own formatter write those. A 12-digit number has no + form.
 *
 * A number is reported only when
 *   - it is not part of a longer run of digits (a 14-digit number holds no hit);
 *   - the month is 01–12 and the day exists in that month; for a samordningsnummer the day is the
 *     day of birth + 60 (61–91). February 29 needs a leap year: for a 12-digit number the full
 *     Gregorian rule; for a 10-digit number, whose century is unknown, a year divisible by four;
 *   - for 12 digits, the century is 18, 19 or 20;
 *   - the last digit is the Luhn check digit over the 10-digit form YYMMDDNNN.
 * A date in the future is not refused: the check stays a pure function of the text.
 *
 * Organisationsnummer have a month of 20 or more (the third digit ≥ 2), so they fail the date test.
 */

export type PersonalNumberKind = 'personnummer' | 'samordningsnummer';

export interface PersonalNumberMatch {
  /** The number as written in the text. */
  text: string;
  /** Where it starts in the text (UTF-16 index). */
  index: number;
  kind: PersonalNumberKind;
}

const DASHES = '\\-\u2010\u2011\u2013\u2212';
const SPACES = ' \u00a0';

/**
 * Candidates by shape only: an optional century, six date digits, an optional separator and four
 * digits, with no digit on either side. The date, century and check digit are judged afterwards.
 */
const CANDIDATE = new RegExp(`(?<!\\d)(\\d{2})?(\\d{6})([${DASHES}+${SPACES}]?)(\\d{4})(?!\\d)`, 'g');

/** The Luhn check digit over nine digits, as Skatteverket computes it (weights 2, 1, 2, …). */
export function luhnCheckDigit(nineDigits: string): number {
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

function daysInMonth(month: number, leap: boolean): number {
  if (month === 2) return leap ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/**
 * The kind of number the date digits YYMMDD make, or null when they are no date of birth.
 * `fullYear` is known for 12-digit numbers; for 10 digits only the last two digits are.
 */
function kindOfDate(yymmdd: string, fullYear: number | null): PersonalNumberKind | null {
  const yy = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return null;
  const coordination = rawDay > 60;
  const day = coordination ? rawDay - 60 : rawDay;
  const leap = fullYear === null ? yy % 4 === 0 : (fullYear % 4 === 0 && fullYear % 100 !== 0) || fullYear % 400 === 0;
  if (day < 1 || day > daysInMonth(month, leap)) return null;
  return coordination ? 'samordningsnummer' : 'personnummer';
}

/** Every personnummer and samordningsnummer in the text, in order. */
export function findPersonalNumbers(text: string): PersonalNumberMatch[] {
  const found: PersonalNumberMatch[] = [];
  CANDIDATE.lastIndex = 0;
  let match: RegExpExecArray | null;
  while ((match = CANDIDATE.exec(text)) !== null) {
    const [whole, century, date = '', separator = '', last = ''] = match;
    const kind = judge(century, date, separator, last);
    if (kind) {
      found.push({ text: whole, index: match.index, kind });
    } else {
      // A shape that fails may overlap one that passes ("121212 1212121212"): look again one step on.
      CANDIDATE.lastIndex = match.index + 1;
    }
  }
  return found;
}

function judge(century: string | undefined, date: string, separator: string, last: string): PersonalNumberKind | null {
  let fullYear: number | null = null;
  if (century !== undefined) {
    if (separator === '+' || !['18', '19', '20'].includes(century)) return null;
    fullYear = Number(century + date.slice(0, 2));
  }
  const kind = kindOfDate(date, fullYear);
  if (kind === null) return null;
  const digits = date + last;
  return luhnCheckDigit(digits.slice(0, 9)) === Number(digits[9]) ? kind : null;
}

/** Whether the text holds anything that looks like a personnummer or samordningsnummer. */
export function containsPersonalNumber(text: string): boolean {
  return findPersonalNumbers(text).length > 0;
}
