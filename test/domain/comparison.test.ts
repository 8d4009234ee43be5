import { describe, expect, it } from 'vitest';
import { documentFrom } from '../support';
import { compareResults, resultDifference, unionOfYears } from '../../src/domain/comparison';
import { evaluateDocument } from '../../src/domain/scenario';

/**
 * Three scenarios of one initiative (120 000 kr a year) against a placement of 1 000 kr a day:
 * A 2026–2028 avoiding 100 days a year, B 2027–2030 avoiding 150 days a year, C 2026–2027 avoiding none.
 */
function results() {
  const effect = (days: string, years: number[]) => ({
    id: 'e',
    fromPlacementTypeId: 'hvb',
    perYear: years.map((year) => ({ year, placements: '1', unitsPerPlacement: days })),
  });
  return evaluateDocument(
    documentFrom({
      settings: { discountRatePercent: '3' },
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '120000' }] }],
      placementTypes: [{ id: 'hvb', name: 'HVB', unit: 'day', price: '1000', priceYear: 2026 }],
      scenarios: [
        { id: 'a', name: 'A', startYear: 2026, years: 3, initiativeIds: ['i'], effects: [effect('100', [2026, 2027, 2028])] },
        { id: 'b', name: 'B', startYear: 2027, years: 4, initiativeIds: ['i'], effects: [effect('150', [2027, 2028, 2029, 2030])] },
        { id: 'c', name: 'C', startYear: 2026, years: 2, initiativeIds: ['i'] },
      ],
    }),
  );
}

const plain = (values: ({ toFixed(): string } | null)[]) => values.map((v) => (v === null ? null : v.toFixed()));

describe('unionOfYears', () => {
  it('lists every year of any horizon once, ascending', () => {
    const [a, b, c] = results();
    expect(unionOfYears([b!, a!, c!])).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(unionOfYears([])).toEqual([]);
  });
});

describe('resultDifference', () => {
  it('subtracts the base from the result: totals, payback year, and net per year where both have the year', () => {
    const [a, b] = results();
    // A: net −20 000 a year, never pays back. B: net +30 000 a year, pays back in 2027.
    expect(a!.paybackYear).toBeNull();
    expect(b!.paybackYear).toBe(2027);
    const d = resultDifference(b!, a!);
    expect(d.totals.cost.toFixed()).toBe(b!.totals.cost.minus(a!.totals.cost).toFixed());
    expect(d.totals.cost.toFixed()).toBe('120000'); // 480 000 − 360 000
    expect(d.totals.avoided.toFixed()).toBe('300000'); // 600 000 − 300 000
    expect(d.totals.net.toFixed()).toBe('180000'); // 120 000 − (−60 000)
    expect(d.totals.npv.toFixed()).toBe(b!.totals.npv.minus(a!.totals.npv).toFixed());
    expect(d.paybackYears).toBeNull();
    expect(d.years.map((y) => y.year)).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(plain(d.years.map((y) => y.net))).toEqual([null, '50000', '50000', null, null]);
  });

  it('gives the payback difference in years when both pay back, negative when the result pays back earlier', () => {
    const [, b] = results();
    const later = { ...b!, paybackYear: 2029 };
    expect(resultDifference(later, b!).paybackYears).toBe(2);
    expect(resultDifference(b!, later).paybackYears).toBe(-2);
    expect(resultDifference(b!, b!).paybackYears).toBe(0);
  });

  it('is zero everywhere for a result against itself', () => {
    const [a] = results();
    const d = resultDifference(a!, a!);
    expect([d.totals.cost, d.totals.avoided, d.totals.net, d.totals.npv].every((v) => v.isZero())).toBe(true);
    expect(d.years.every((y) => y.net !== null && y.net.isZero())).toBe(true);
  });
});

describe('compareResults', () => {
  it('aligns every net to the union of years and compares each scenario with the first', () => {
    const [a, b, c] = results();
    const comparison = compareResults([a!, b!, c!]);
    expect(comparison.years).toEqual([2026, 2027, 2028, 2029, 2030]);
    expect(comparison.scenarios.map((s) => s.result.id)).toEqual(['a', 'b', 'c']);
    expect(plain(comparison.scenarios[0]!.net)).toEqual(['-20000', '-20000', '-20000', null, null]);
    expect(plain(comparison.scenarios[1]!.net)).toEqual([null, '30000', '30000', '30000', '30000']);
    expect(plain(comparison.scenarios[2]!.net)).toEqual(['-120000', '-120000', null, null, null]);

    expect(comparison.scenarios[0]!.difference).toBeNull();
    const db = comparison.scenarios[1]!.difference!;
    expect(db).toEqual(resultDifference(b!, a!));
    const dc = comparison.scenarios[2]!.difference!;
    expect(plain(dc.years.map((y) => y.net))).toEqual(['-100000', '-100000', null, null, null]);
    expect(dc.totals.net.toFixed()).toBe(c!.totals.net.minus(a!.totals.net).toFixed());
  });

  it('compares nothing for an empty list and a single scenario with nothing', () => {
    expect(compareResults([])).toEqual({ years: [], scenarios: [] });
    const [a] = results();
    expect(compareResults([a!]).scenarios[0]!.difference).toBeNull();
  });
});
