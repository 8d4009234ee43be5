import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { containsPersonalNumber, findPersonalNumbers, luhnCheckDigit } from '../../src/domain/personal-data';

/** The ten digits YYMMDDNNN + check digit for a date and a three-digit birth number. */
function tenDigits(year: number, month: number, day: number, birth: number): string {
  const nine = `${String(year % 100).padStart(2, '0')}${String(month).padStart(2, '0')}${String(day).padStart(2, '0')}${String(birth).padStart(3, '0')}`;
  return nine + String(luhnCheckDigit(nine));
}

/** The same number with another last digit, which then fails the Luhn check. */
function wrongCheck(written: string): string {
  const last = Number(written.at(-1));
  return written.slice(0, -1) + String((last + 1) % 10);
}

const texts = (text: string) => findPersonalNumbers(text).map((m) => m.text);

describe('luhnCheckDigit', () => {
  it('gives the check digits of Skatteverket’s published test numbers', () => {
    expect(luhnCheckDigit('121212121')).toBe(2); // 121212-1212
    expect(luhnCheckDigit('811218987')).toBe(6); // 811218-9876
    expect(luhnCheckDigit('701063214')).toBe(4); // samordningsnummer 701063-2144 (born 1970-10-03)
  });
});

describe('findPersonalNumbers: the forms that warn', () => {
  it.each([
    ['121212-1212', '121212-1212', 'personnummer'],
    ['121212+1212', '121212+1212', 'personnummer'],
    ['1212121212', '1212121212', 'personnummer'],
    ['121212 1212', '121212 1212', 'personnummer'],
    ['121212\u00a01212', '121212\u00a01212', 'personnummer'],
    ['121212–1212', '121212–1212', 'personnummer'],
    ['121212\u22121212', '121212\u22121212', 'personnummer'],
    ['19121212-1212', '19121212-1212', 'personnummer'],
    ['191212121212', '191212121212', 'personnummer'],
    ['19121212 1212', '19121212 1212', 'personnummer'],
    ['20121212-1212', '20121212-1212', 'personnummer'],
    ['18121212-1212', '18121212-1212', 'personnummer'],
    ['811218-9876', '811218-9876', 'personnummer'],
    ['701063-2144', '701063-2144', 'samordningsnummer'],
    ['19701063-2144', '19701063-2144', 'samordningsnummer'],
  ])('%s', (text, found, kind) => {
    expect(findPersonalNumbers(text)).toEqual([{ text: found, index: 0, kind }]);
  });

  it('finds a number inside a sentence, with its position', () => {
    const text = 'Barnet 121212-1212 bor hemma';
    expect(findPersonalNumbers(text)).toEqual([{ text: '121212-1212', index: 7, kind: 'personnummer' }]);
  });

  it('finds several numbers, and numbers next to letters and punctuation', () => {
    expect(texts('pnr:121212-1212, sam.nr 701063-2144.')).toEqual(['121212-1212', '701063-2144']);
    expect(texts('(1212121212)')).toEqual(['1212121212']);
    expect(texts('Barn121212-1212')).toEqual(['121212-1212']);
    expect(texts('a\n121212-1212\nb')).toEqual(['121212-1212']);
  });

  it('finds a number after a shape that looked like one but was not', () => {
    // "121212 1212" is followed by a digit, so it is no number; the ten digits after it are one.
    expect(findPersonalNumbers('121212 1212121212')).toEqual([{ text: '1212121212', index: 7, kind: 'personnummer' }]);
  });

  it('accepts February 29 of a leap year only', () => {
    expect(texts(tenDigits(2000, 2, 29, 123))).toHaveLength(1); // 10 digits: 00 is divisible by four
    expect(texts(tenDigits(2024, 2, 29, 123))).toHaveLength(1);
    expect(texts(`20${tenDigits(2000, 2, 29, 123)}`)).toHaveLength(1); // 2000 is a leap year
    expect(texts(tenDigits(2023, 2, 29, 123))).toEqual([]);
    expect(texts(`19${tenDigits(1900, 2, 29, 123)}`)).toEqual([]); // 1900 is not
  });

  it('accepts the last day of each month and a samordningsnummer’s day + 60', () => {
    const last = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    last.forEach((day, i) => {
      expect(findPersonalNumbers(tenDigits(1985, i + 1, day, 42))[0]?.kind).toBe('personnummer');
      expect(findPersonalNumbers(tenDigits(1985, i + 1, day + 60, 42))[0]?.kind).toBe('samordningsnummer');
      expect(texts(tenDigits(1985, i + 1, day + 1, 42))).toEqual([]);
      expect(texts(tenDigits(1985, i + 1, day + 61, 42))).toEqual([]);
    });
  });
});

describe('findPersonalNumbers: look-alikes that do not warn', () => {
  it.each([
    ['a mobile number', 'Ring 070-123 45 67'],
    ['a Stockholm number', 'Växel 08-123 456 78'],
    ['an international number', '+46 70 123 45 67'],
    ['a number written in pairs', '070 12 12 12 12'],
    ['an amount with grouping', '1 234 567 890 kr'],
    ['a four-digit amount', '4728'],
    ['an organisationsnummer (month ≥ 20)', 'Socialnämnden, org.nr 212000-0142'],
    ['an organisationsnummer of a company', '556036-0793'],
    ['a date', '2026-01-01'],
    ['a compact date', '20260101'],
    ['a timestamp', '2026-01-01 12:34:56'],
    ['a compact timestamp', '20260101T1200'],
    ['a wrong check digit', '121212-1213'],
    ['a wrong check digit in 12 digits', '19121212-1213'],
    ['an invalid month with a valid check digit', tenDigits(1999, 13, 1, 123)],
    ['month 00 with a valid check digit', tenDigits(1999, 0, 1, 123)],
    ['day 00 with a valid check digit', tenDigits(1999, 5, 0, 123)],
    ['April 31 with a valid check digit', tenDigits(1999, 4, 31, 123)],
    ['day 32–60 with a valid check digit', tenDigits(1999, 5, 45, 123)],
    ['a 12-digit number of another century', `21${tenDigits(2112, 12, 12, 121)}`],
    ['a plus in a 12-digit number', '19121212+1212'],
    ['a 14-digit number holding a valid one', '19121212121212'],
    ['a 14-digit number holding a valid one at its end', '00001212121212'],
    ['an 11-digit number', '01212121212'],
    ['a long run of digits', '123456789012345678901234567890'],
    ['an IBAN with spaces', 'SE45 5000 0000 0583 9825 7466'],
    ['an IBAN without spaces', 'SE4550000000058398257466'],
    ['an IBAN holding a valid number', 'SE3550001212121212'],
    ['a bankgiro number', 'Bankgiro 5050-1055'],
    ['a plusgiro number', 'Plusgiro 90 20 01-2'],
    ['two separators', '121212--1212'],
    ['two spaces', '121212  1212'],
    ['an empty text', ''],
  ])('%s: %s', (_what, text) => {
    expect(findPersonalNumbers(text)).toEqual([]);
    expect(containsPersonalNumber(text)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------
// Properties

interface Generated {
  written: string;
  kind: 'personnummer' | 'samordningsnummer';
}

/** A valid personnummer or samordningsnummer, written in one of the accepted forms. */
const validNumber: fc.Arbitrary<Generated> = fc
  .record({
    date: fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }),
    birth: fc.integer({ min: 0, max: 999 }),
    coordination: fc.boolean(),
    form: fc.constantFrom('10-', '10+', '10', '10 ', '10\u00a0', '10–', '12-', '12', '12 '),
  })
  .map(({ date, birth, coordination, form }) => {
    const year = date.getUTCFullYear();
    const ten = tenDigits(year, date.getUTCMonth() + 1, date.getUTCDate() + (coordination ? 60 : 0), birth);
    const separator = form.slice(2);
    const head = form.startsWith('12') ? String(Math.floor(year / 100)) + ten.slice(0, 6) : ten.slice(0, 6);
    return { written: `${head}${separator}${ten.slice(6)}`, kind: coordination ? 'samordningsnummer' : 'personnummer' };
  });

/** Text around a number: anything that does not put a digit right next to it. */
const before = fc.string({ maxLength: 40 }).filter((s) => !/\d$/.test(s));
const after = fc.string({ maxLength: 40 }).filter((s) => !/^\d/.test(s));

describe('findPersonalNumbers: properties', () => {
  it('finds every valid number in every written form, embedded in random text', () => {
    fc.assert(
      fc.property(before, validNumber, after, (prefix, { written, kind }, suffix) => {
        const found = findPersonalNumbers(prefix + written + suffix);
        expect(found).toContainEqual({ text: written, index: prefix.length, kind });
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing there once the check digit is changed', () => {
    fc.assert(
      fc.property(before, validNumber, after, (prefix, { written }, suffix) => {
        const found = findPersonalNumbers(prefix + wrongCheck(written) + suffix);
        expect(found.filter((m) => m.index === prefix.length)).toEqual([]);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds nothing in a longer run of digits made around a valid number', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^\d{1,4}$/), validNumber, fc.stringMatching(/^\d{0,4}$/), (lead, { written }, tail) => {
        // Two digits more would make a 10-digit number a 12-digit one, which may be valid.
        fc.pre(/^\d+$/.test(written) && (lead + written + tail).length !== 12);
        expect(findPersonalNumbers(lead + written + tail)).toEqual([]);
      }),
    );
  });

  it('finds no number in grouped amounts or in dates, with or without dashes', () => {
    const amount = fc.bigInt({ min: 0n, max: 10n ** 15n }).map((n) => n.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ' '));
    const date = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2099, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(fc.property(amount, (text) => findPersonalNumbers(`${text} kr`).length === 0));
    fc.assert(fc.property(date, (text) => findPersonalNumbers(`${text} och ${text.replace(/-/g, '')}`).length === 0));
  });
});
