import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { convertPrice } from '../../src/domain/costs';
import { Decimal } from '../../src/domain/money';
import type { PlacementUnit } from '../../src/domain/types';

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
