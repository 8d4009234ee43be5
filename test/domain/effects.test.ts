import { describe, expect, it } from 'vitest';
import { Decimal } from '../../src/domain/money';
import { withEffectYear } from '../../src/domain/effects';
import type { Effect } from '../../src/domain/types';

const d = (v: string) => new Decimal(v);
const effect: Effect = {
  id: 'e',
  fromPlacementTypeId: 'hvb',
  expectedShare: d('1'),
  perYear: [
    { year: 2026, placements: d('1'), unitsPerPlacement: d('90') },
    { year: 2028, placements: d('2'), unitsPerPlacement: d('120') },
  ],
};
const plain = (e: Effect) => e.perYear.map((p) => [p.year, p.placements.toFixed(), p.unitsPerPlacement.toFixed()]);

describe('withEffectYear', () => {
  it('changes one year and leaves the others and the input alone', () => {
    const next = withEffectYear(effect, 2026, 'placements', d('3'));
    expect(plain(next)).toEqual([
      [2026, '3', '90'],
      [2028, '2', '120'],
    ]);
    expect(plain(effect)[0]).toEqual([2026, '1', '90']);
  });

  it('adds a missing year in order, with the nearest year units per placement', () => {
    expect(plain(withEffectYear(effect, 2027, 'placements', d('1')))).toEqual([
      [2026, '1', '90'],
      [2027, '1', '90'],
      [2028, '2', '120'],
    ]);
    expect(plain(withEffectYear(effect, 2029, 'placements', d('1')))[2]).toEqual([2029, '1', '120']);
  });

  it('removes a year when its placements are cleared, and zeroes units when they are cleared', () => {
    expect(plain(withEffectYear(effect, 2026, 'placements', null))).toEqual([[2028, '2', '120']]);
    expect(plain(withEffectYear(effect, 2028, 'unitsPerPlacement', null))[1]).toEqual([2028, '2', '0']);
    expect(withEffectYear(effect, 2030, 'unitsPerPlacement', null)).toBe(effect);
  });
});
