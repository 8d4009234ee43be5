import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertPrice, IndexFactors, Powers } from '../../src/domain/costs';
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

describe('Powers.inverseParts: 1 / (4380 × (1 + p/100)^n), a reciprocal made once to multiply by', () => {
  it('is the exact reciprocal rounded once to 40 digits', () => {
    // 4380 × 1,1 = 4818.
    expect(new Powers(new Decimal('10')).inverseParts(1).toString()).toBe(new Decimal(1).div(4818).toString());
    // 1,0275^20 rounded to 40 digits, times 4380, has 44 digits: the reciprocal of all of them. Of
    // the product rounded to 40 digits first it would be …026086086, a unit lower.
    const powers = new Powers(new Decimal('2.75'));
    const Wide = Decimal.clone({ precision: 200 });
    const reciprocal = new Wide(1).div(new Wide(4380).times(powers.get(20)));
    expect(powers.inverseParts(20).toString()).toBe(new Decimal(reciprocal).toSignificantDigits(40).toString());
    expect(powers.inverseParts(20).toString()).toBe('0.0001327056087491258143216400450942026086087');
  });

  it('times an amount in parts of a krona gives the amount in kronor at the earlier level, within a unit of its 40th digit', () => {
    const powers = new Powers(new Decimal('3'));
    fc.assert(
      fc.property(fc.bigInt({ min: 1n, max: 10n ** 15n }), fc.integer({ min: 1, max: 30 }), (ore, n) => {
        const parts = new Decimal(ore.toString()).div(100).times(4380);
        const quick = parts.times(powers.inverseParts(n));
        const exact = parts.div(new Decimal(4380).times(powers.get(n)));
        expect(quick.minus(exact).abs().lte(exact.abs().times('1e-39'))).toBe(true);
      }),
    );
  });
});
