import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { clearOfShortNumbers, Decimal, evaluateFormula, formatDecimal, formatMoney, formatNumber, formatPercent, formatShare, parseAmount, QuickDivisor, toFixedHalfUp, type InputKind } from '../../src/domain/money';

/** Formatted text with the no-break spaces shown as ordinary spaces, for readable expectations. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

function value(input: string, kind: InputKind = 'money'): string {
  const result = parseAmount(input, kind);
  if (!result.ok) throw new Error(`expected "${input}" to parse, got: ${result.message}`);
  return result.value.toFixed();
}

function message(input: string, kind: InputKind = 'money'): string {
  const result = parseAmount(input, kind);
  if (result.ok) throw new Error(`expected "${input}" to be refused, got ${result.value.toFixed()}`);
  return result.message;
}

describe('parseAmount: what Swedish users type', () => {
  it.each([
    ['520 tkr', '520000'],
    ['1,5 mnkr', '1500000'],
    ['1,5 mkr', '1500000'],
    ['2 000', '2000'],
    ['2000,50', '2000.5'],
    ['1 234 567 kr', '1234567'],
    ['1\u00a0234\u00a0567\u00a0kr', '1234567'],
    ['1.234.567,50', '1234567.5'],
    ['2000.50', '2000.5'],
    ['−4 728', '-4728'],
    ['-250', '-250'],
    ['  800 kr ', '800'],
    ['0,1', '0.1'],
    [',5', '0.5'],
    ['3 000 000 SEK', '3000000'],
    ['12 tkr', '12000'],
  ])('money "%s" is %s', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it.each([
    ['=25*800', '20000'],
    ['=(30000+1500)*12', '378000'],
    ['= 2 * (3 + 4) - 1', '13'],
    ['=10/4', '2.5'],
    ['=-5+2', '-3'],
    ['=1,5*2', '3'],
    ['=1/3*3', '1'],
    ['=1/3', '0.3333333333'],
    ['=2*-3', '-6'],
  ])('formula "%s" is %s', (input, expected) => {
    expect(value(input)).toBe(expected);
  });

  it('computes formulas exactly, never through a float', () => {
    expect(value('=0,1+0,2')).toBe('0.3');
    expect(value('=1,1*1,1')).toBe('1.21');
  });

  it.each([
    ['12,5 %', 'percent', '12.5'],
    ['44,53', 'percent', '44.53'],
    ['50 %', 'share', '0.5'],
    ['0,75', 'share', '0.75'],
    ['12,5%', 'share', '0.125'],
    ['1 000', 'number', '1000'],
  ] as const)('%s as %s is %s', (input, kind, expected) => {
    expect(value(input, kind)).toBe(expected);
  });

  it('refuses what is not an amount, with a Swedish message that shows how to write one', () => {
    expect(message('abc')).toMatch(/Kunde inte läsa ”abc” som ett belopp\. Skriv till exempel 520 000/);
    expect(message('')).toMatch(/Fältet är tomt/);
    expect(message('12 %')).toMatch(/Ett belopp kan inte anges i procent/);
    expect(message('12 tkr', 'share')).toMatch(/En andel anges utan ”tkr”/);
    expect(message('1 23 456')).toMatch(/Kunde inte läsa/);
    expect(message('1,2,3')).toMatch(/Kunde inte läsa/);
    expect(message('2 000 kronor per år')).toMatch(/Kunde inte läsa/);
  });

  it('refuses bad formulas without evaluating any code', () => {
    expect(message('=1/0')).toMatch(/delar med noll/);
    expect(message('=(1+2')).toMatch(/avslutande parentes/);
    expect(message('=2+')).toMatch(/väntade sig ett tal/);
    expect(message('=alert(1)')).toMatch(/väntade sig ett tal/);
    expect(message('=1+2)')).toMatch(/något oväntat/);
    expect(message('=')).toMatch(/Formeln är tom/);
    expect(message('=' + '('.repeat(200) + '1' + ')'.repeat(200))).toMatch(/för många parenteser/);
    expect(message('=' + '1+'.repeat(600) + '1')).toMatch(/för lång/);
  });

  it('evaluateFormula handles operator precedence and unary minus', () => {
    const result = evaluateFormula('2+3*4-(1-2)');
    expect(result.ok && result.value.toFixed()).toBe('15');
  });
});

describe('formatting in sv-SE', () => {
  it('writes kr, tkr and mnkr with space grouping and decimal comma', () => {
    expect(plain(formatMoney(new Decimal('1234567')))).toBe('1 234 567 kr');
    expect(plain(formatMoney(new Decimal('1234567.5'), 'kr', 2))).toBe('1 234 567,50 kr');
    expect(plain(formatMoney(new Decimal('520308'), 'tkr'))).toBe('520 tkr');
    expect(plain(formatMoney(new Decimal('1500000'), 'mnkr'))).toBe('1,5 mnkr');
    expect(plain(formatMoney(new Decimal('-225781.03'), 'tkr'))).toBe('−226 tkr');
    expect(plain(formatMoney(new Decimal('999.5')))).toBe('1 000 kr');
    expect(plain(formatMoney(new Decimal('-0.4')))).toBe('0 kr');
  });

  it('groups with no-break spaces so that figures never wrap', () => {
    expect(formatNumber(new Decimal('1234567'))).toBe('1\u00a0234\u00a0567');
  });

  it('rounds half away from zero', () => {
    expect(toFixedHalfUp(new Decimal('2.345'), 2)).toBe('2.35');
    expect(toFixedHalfUp(new Decimal('-2.345'), 2)).toBe('-2.35');
    expect(toFixedHalfUp(new Decimal('-0.004'), 2)).toBe('0.00');
    expect(plain(formatNumber(new Decimal('0.5')))).toBe('1');
  });

  it('writes percentages and shares', () => {
    expect(plain(formatPercent(new Decimal('44.53')))).toBe('44,53 %');
    expect(plain(formatPercent(new Decimal('3')))).toBe('3 %');
    expect(plain(formatShare(new Decimal('0.5')))).toBe('50 %');
    expect(plain(formatShare(new Decimal('0.125')))).toBe('12,5 %');
    expect(plain(formatPercent(new Decimal('2.50')))).toBe('2,5 %');
    expect(plain(formatDecimal(new Decimal('-1234.5'), 4))).toBe('−1 234,5');
  });
});

describe('format → parse gives the same value (property)', () => {
  /** Random amounts in öre, from minus a billion to a billion kronor, as exact decimals. */
  const amounts = fc.bigInt({ min: -100_000_000_000n, max: 100_000_000_000n }).map((ore) => new Decimal(ore.toString()).div(100));

  it('in kr with two decimals', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        const parsed = parseAmount(formatMoney(amount, 'kr', 2));
        return parsed.ok && parsed.value.eq(amount);
      }),
      { numRuns: 2000 },
    );
  });

  it('in tkr and mnkr with enough decimals to be exact', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        const tkr = parseAmount(formatMoney(amount, 'tkr', 5));
        const mnkr = parseAmount(formatMoney(amount, 'mnkr', 8));
        return tkr.ok && tkr.value.eq(amount) && mnkr.ok && mnkr.value.eq(amount);
      }),
      { numRuns: 1000 },
    );
  });

  it('in whole tkr, rounded half away from zero', () => {
    fc.assert(
      fc.property(amounts, (amount) => {
        const parsed = parseAmount(formatMoney(amount, 'tkr'));
        return parsed.ok && parsed.value.eq(amount.div(1000).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).times(1000));
      }),
    );
  });

  it('for percentages and shares', () => {
    const shares = fc.integer({ min: 0, max: 10_000 }).map((n) => new Decimal(n).div(10_000));
    fc.assert(
      fc.property(shares, (share) => {
        const parsed = parseAmount(formatShare(share), 'share');
        return parsed.ok && parsed.value.eq(share);
      }),
    );
  });
});

describe('QuickDivisor and clearOfShortNumbers: quick quotients that round as the exact ones do, or are told apart', () => {
  /** a / b rounded half away from zero to `decimals` places, in exact integer arithmetic. */
  const exactRounded = (a: Decimal, b: Decimal, decimals: number): Decimal => {
    const integer = (value: Decimal): [bigint, number] => {
      const [whole, fraction = ''] = value.toFixed().split('.');
      return [BigInt(whole + fraction), fraction.length];
    };
    const [A, i] = integer(a);
    const [B, j] = integer(b);
    let numerator = A * 10n ** BigInt(j + decimals);
    let denominator = B * 10n ** BigInt(i);
    if (denominator < 0n) [numerator, denominator] = [-numerator, -denominator];
    const size = numerator < 0n ? -numerator : numerator;
    const rounded = (2n * size + denominator) / (2n * denominator);
    return new Decimal(`${numerator < 0n ? '-' : ''}${rounded}e-${decimals}`);
  };
  /** The quick quotient of a by b, checked: when clear of short numbers it must round as the exact a / b. */
  const checked = (a: Decimal, b: Decimal) => {
    const quotient = new QuickDivisor(b).quotient(a);
    const clear = clearOfShortNumbers(quotient);
    if (clear) {
      for (const decimals of [0, 1, 2]) {
        expect(new Decimal(toFixedHalfUp(quotient, decimals)).eq(exactRounded(a, b, decimals)), `${a} / ${b} to ${decimals} decimals`).toBe(true);
      }
    }
    return clear;
  };
  // Divisors of eight to fifteen digits (two or three digits of base 10^7), seven that straddle two, and whole numbers below 10^7.
  const divisor = fc.oneof(
    fc.tuple(fc.bigInt({ min: 10n ** 7n, max: 10n ** 15n }), fc.integer({ min: 0, max: 4 })).map(([n, j]) => new Decimal(`${n}e-${j}`)),
    fc.bigInt({ min: 10n ** 6n, max: 10n ** 7n - 1n }).map((n) => new Decimal(`${n}e-2`)),
    fc.bigInt({ min: 1n, max: 10n ** 7n - 1n }).map((n) => new Decimal(n.toString())),
  );

  it('divides by a whole number below 10^7 and multiplies by the reciprocal of a longer divisor', () => {
    expect(new QuickDivisor(new Decimal('1300099')).quotient(new Decimal('1')).eq(new Decimal(1).div('1300099'))).toBe(true);
    const long = new QuickDivisor(new Decimal('13000.99')).quotient(new Decimal('1'));
    expect(long.eq(new Decimal(1).div('13000.99'))).toBe(true);
    expect(new QuickDivisor(new Decimal('13000.99')).quotient(new Decimal('26001.98')).minus(2).abs().lte('1e-38')).toBe(true);
  });

  it('a quick quotient of values of up to 40 digits that is clear rounds to 0, 1 and 2 decimals as the exact one does, and most are clear (property)', () => {
    const dividend = fc.tuple(fc.bigInt({ min: -(10n ** 40n) + 1n, max: 10n ** 40n - 1n }), fc.integer({ min: 20, max: 40 })).map(([n, i]) => new Decimal(`${n}e-${i}`));
    let clear = 0;
    fc.assert(fc.property(dividend, divisor, (a, b) => void (checked(a, b) && clear++)), { numRuns: 3000 });
    expect(clear).toBeGreaterThan(2500);
  });

  it('a quotient that ends within 32 digits is never clear, so it is divided out exactly (property)', () => {
    const quotient = fc.tuple(fc.bigInt({ min: -(10n ** 15n), max: 10n ** 15n }), fc.integer({ min: 0, max: 6 })).map(([n, i]) => new Decimal(`${n}e-${i}`));
    fc.assert(
      fc.property(quotient, divisor, (q, b) => {
        expect(checked(q.times(b), b)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });

  it('a quotient within 10^-45 to 10^-20 of half a unit, a tenth or an öre is clear only when it rounds as the exact one (property)', () => {
    const nearTie = fc.record({
      units: fc.bigInt({ min: 0n, max: 10n ** 12n }),
      decimals: fc.integer({ min: 0, max: 2 }),
      distance: fc.integer({ min: 20, max: 45 }),
      side: fc.constantFrom(-1, 0, 1),
    });
    fc.assert(
      fc.property(nearTie, divisor, ({ units, decimals, distance, side }, b) => {
        const tie = new Decimal(`${2n * units + 1n}e-${decimals + 1}`).times(5);
        const q = side === 0 ? tie : tie.plus(new Decimal(`${side}e-${distance}`));
        checked(q.times(b), b);
      }),
      { numRuns: 3000 },
    );
  });

  it('tells a product clear of every number of 32 digits from one that is not', () => {
    expect(clearOfShortNumbers(new Decimal('1234.567890123456789012345678901234567891'))).toBe(true);
    expect(clearOfShortNumbers(new Decimal('-0.0001234567890123456789012345678901234567891'))).toBe(true);
    // Its last eight digits within 200 of a multiple of 10^8: next to a number of 32 digits.
    expect(clearOfShortNumbers(new Decimal('1234.567890123456789012345678900000000199'))).toBe(false);
    expect(clearOfShortNumbers(new Decimal('1234.567890123456789012345678909999999801'))).toBe(false);
    expect(clearOfShortNumbers(new Decimal('1234.567890123456789012345678900000000201'))).toBe(true);
    // A 40th digit of 0, which decimal.js does not keep: the tail is still read to the 40th digit.
    expect(clearOfShortNumbers(new Decimal('1234.56789012345678901234567890123456789'))).toBe(true);
    expect(clearOfShortNumbers(new Decimal('1234.5678901234567890123456789000000001'))).toBe(false);
    // Fewer than 33 digits, or too large for its 32 digits to reach the öre.
    expect(clearOfShortNumbers(new Decimal('12.5'))).toBe(false);
    expect(clearOfShortNumbers(new Decimal('123456789012345678901.2345678901234567891'))).toBe(true);
    expect(clearOfShortNumbers(new Decimal('1234567890123456789012.345678901234567891'))).toBe(false);
  });

  it('keeps a wider margin when asked to: a figure with more rounded steps behind it', () => {
    const figure = new Decimal('1234.567890123456789012345678900000000250');
    expect(clearOfShortNumbers(figure)).toBe(true);
    expect(clearOfShortNumbers(figure, 300)).toBe(false);
    expect(clearOfShortNumbers(new Decimal('1234.567890123456789012345678909999999750'), 300)).toBe(false);
    expect(clearOfShortNumbers(new Decimal('1234.567890123456789012345678900000000301'), 300)).toBe(true);
  });
});
