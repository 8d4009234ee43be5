import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertPrice, IndexFactors } from '../../src/domain/costs';
import { Decimal } from '../../src/domain/money';
import { DEFAULT_SETTINGS, effectiveSettings } from '../../src/domain/settings';
import type { PlacementType, PlacementUnit } from '../../src/domain/types';

describe('convertPrice (§2.5: through a price per day)', () => {
  const cases: [string, PlacementUnit, PlacementUnit, string][] = [
    ['4728', 'day', 'day', '4728'],
    ['1200', 'day', 'month', '36500'],
    ['365', 'day', 'year', '133225'],
    ['36500', 'month', 'day', '1200'],
    ['5000.03', 'month', 'year', '60000.36'],
    ['3650', 'year', 'day', '10'],
    ['60000', 'year', 'month', '5000'],
  ];
  it.each(cases)('%s kr per %s is, per %s, %s kr when the answer is exact', (price, unit, toUnit, expected) => {
    expect(convertPrice(new Decimal(price), unit, toUnit).toString()).toBe(expected);
  });

  it('a month price made a year price and back is the same price, to the last digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 12n }), (ore) => {
        const price = new Decimal(ore.toString()).div(100);
        const back = convertPrice(convertPrice(price, 'month', 'year'), 'year', 'month');
        expect(back.eq(price)).toBe(true);
      }),
    );
  });

  it('a conversion without an exact answer is the quotient to the full precision', () => {
    // 10 866 × 12 / 365 = 357,2383561643835616438356164383561643835…
    expect(convertPrice(new Decimal('10866'), 'month', 'day').toString()).toBe('357.2383561643835616438356164383561643836');
  });
});

describe('IndexFactors.priceDigits: a price as the whole number of its digits times a power of ten', () => {
  const factors = new IndexFactors(effectiveSettings(DEFAULT_SETTINGS, { startYear: 2026 }));
  const type = (price: string): PlacementType => ({ id: 'p', name: 'P', unit: 'day', price: new Decimal(price), priceYear: 2026 });
  it.each([
    ['13000.99', '1300099', -2],
    ['4500', '45', 2],
    ['1650000', '165', 4],
    ['0.5', '5', -1],
    ['7', '7', 0],
    ['1234567.891', '1234567891', -3],
  ])('%s kr is %s × 10^%i', (price, digits, exponent) => {
    const { divisor: { divisor: m }, exponent: k } = factors.priceDigits(type(price));
    expect([m.toFixed(), k]).toEqual([digits, exponent]);
    expect(m.times(new Decimal(10).pow(k)).eq(price)).toBe(true);
  });

  it('a price of at most seven significant digits becomes one digit of decimal.js base 10^7, which it divides by in one short loop', () => {
    expect(factors.priceDigits(type('13000.99')).divisor.divisor.d).toEqual([1300099]);
    expect(new Decimal('13000.99').d.length).toBe(2);
  });
});
