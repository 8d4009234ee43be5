import { describe, expect, it } from 'vitest';
import { documentFrom, type JsonDoc } from '../support';
import { dec, formatMoney, type Decimal } from '../../src/domain/money';
import { evaluateScenario } from '../../src/domain/scenario';
import { chartSeries, rangeOf, valueAxis } from '../../src/domain/series';

const plain = (values: readonly Decimal[]) => values.map((v) => v.toFixed());

/**
 * Three initiatives over 2026–2029 against a placement of 1 000 kr a day, with figures that differ
 * every year so that a sum over the wrong years, or a product instead of a sum, shows:
 * - a: 120 000 kr a year, and a one-off 30 000 kr in March 2027;
 * - b: 60 000 kr a year from July 2026 to June 2028 (30 000, 60 000, 30 000, 0);
 * - c: funding 50 000 kr a year, which no cost offsets (−50 000 every year).
 * Avoided: 10, 40, 0 and 100 days.
 */
function document(): JsonDoc {
  return {
    initiatives: [
      {
        id: 'a',
        name: 'A',
        start: '2026-01',
        costLines: [
          { kind: 'annual', amountPerYear: '120000' },
          { kind: 'oneOff', amount: '30000', month: '2027-03' },
        ],
      },
      { id: 'b', name: 'B', start: '2026-07', end: '2028-06', costLines: [{ kind: 'annual', amountPerYear: '60000' }] },
      { id: 'c', name: 'C', start: '2026-01', costLines: [{ kind: 'funding', amountPerYear: '50000' }] },
    ],
    placementTypes: [{ id: 'hvb', name: 'HVB', unit: 'day', price: '1000', priceYear: 2026 }],
    scenarios: [
      {
        id: 's',
        name: 'S',
        startYear: 2026,
        years: 4,
        initiativeIds: ['a', 'b', 'c'],
        effects: [
          {
            id: 'e',
            fromPlacementTypeId: 'hvb',
            perYear: [
              { year: 2026, placements: '1', unitsPerPlacement: '10' },
              { year: 2027, placements: '1', unitsPerPlacement: '40' },
              { year: 2029, placements: '1', unitsPerPlacement: '100' },
            ],
          },
        ],
      },
    ],
  };
}

function result(json: JsonDoc = document()) {
  const doc = documentFrom(json);
  return evaluateScenario(doc, doc.scenarios[0]!);
}

describe('chartSeries: cumulative cost and avoided cost', () => {
  it('sums the yearly figures from the first year up to each year', () => {
    const r = result();
    // Yearly cost: 120 000 + 30 000 − 50 000 = 100 000; 150 000 + 60 000 − 50 000 = 160 000;
    // 120 000 + 30 000 − 50 000 = 100 000; 120 000 − 50 000 = 70 000.
    expect(plain(r.years.map((y) => y.cost))).toEqual(['100000', '160000', '100000', '70000']);
    const s = chartSeries(r);
    expect(s.years).toEqual([2026, 2027, 2028, 2029]);
    expect(s.cumulative.map((c) => c.year)).toEqual([2026, 2027, 2028, 2029]);
    expect(plain(s.cumulative.map((c) => c.cost))).toEqual(['100000', '260000', '360000', '430000']);
    expect(plain(s.cumulative.map((c) => c.avoided))).toEqual(['10000', '50000', '50000', '150000']);
  });

  it('ends on the totals, and avoided − cost is the cumulative net of every year', () => {
    const r = result();
    const s = chartSeries(r);
    expect(s.cumulative.at(-1)!.cost.toFixed()).toBe(r.totals.cost.toFixed());
    expect(s.cumulative.at(-1)!.avoided.toFixed()).toBe(r.totals.avoided.toFixed());
    s.cumulative.forEach((c, i) => expect(c.avoided.minus(c.cost).toFixed()).toBe(r.years[i]!.cumulativeNet.toFixed()));
  });

  it('keeps every digit of figures that are not whole kronor', () => {
    const json = document();
    (json.initiatives as JsonDoc[])[0]!.costLines = [{ kind: 'annual', amountPerYear: '100000.01' }];
    (json as { settings?: JsonDoc }).settings = { priceGrowthPercent: '3', baseYear: 2026 };
    const s = chartSeries(result(json));
    // Every line grows by 3 % a year from 2026, without rounding: a 100 000,01 × 1,03^k,
    // b 30 000 / 60 000 × 1,03 / 30 000 × 1,03², c −50 000 × 1,03^k.
    const a = ['100000.01', '103000.0103', '106090.010609', '109272.71092727'].map(dec);
    const b = ['30000', '61800', '31827', '0'].map(dec);
    const c = ['-50000', '-51500', '-53045', '-54636.35'].map(dec);
    let total = dec(0);
    const expected = a.map((v, i) => (total = total.plus(v).plus(b[i]!).plus(c[i]!)).toFixed());
    expect(plain(s.cumulative.map((x) => x.cost))).toEqual(expected);
    expect(expected.at(-1)).toBe('332808.39183627');
  });

  it('gives the range of both lines, with zero in it', () => {
    const s = chartSeries(result());
    expect(s.cumulativeRange.min.toFixed()).toBe('0');
    expect(s.cumulativeRange.max.toFixed()).toBe('430000');
  });

  it('is empty for a scenario without initiatives or effects, and zero for one without costs', () => {
    const json = document();
    const scenario = (json.scenarios as JsonDoc[])[0]!;
    scenario.initiativeIds = [];
    scenario.effects = [];
    const s = chartSeries(result(json));
    expect(plain(s.cumulative.map((c) => c.cost))).toEqual(['0', '0', '0', '0']);
    expect(s.initiatives).toEqual([]);
    expect(s.stacks.map((y) => y.segments)).toEqual([[], [], [], []]);
    expect(s.stackRange.min.toFixed()).toBe('0');
    expect(s.stackRange.max.toFixed()).toBe('0');
  });
});

describe('chartSeries: cost per initiative and year', () => {
  it("gives each initiative's cost per year as the evaluator does", () => {
    const r = result();
    const s = chartSeries(r);
    expect(s.initiatives.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(s.initiatives.map((i) => plain(i.years.map((y) => y.cost)))).toEqual([
      ['120000', '150000', '120000', '120000'],
      ['30000', '60000', '30000', '0'],
      ['-50000', '-50000', '-50000', '-50000'],
    ]);
    expect(s.initiatives.map((i) => i.years.map((y) => y.year))).toEqual([
      [2026, 2027, 2028, 2029],
      [2026, 2027, 2028, 2029],
      [2026, 2027, 2028, 2029],
    ]);
    expect(plain(s.initiatives.map((i) => i.total))).toEqual(['510000', '120000', '-200000']);
  });

  it('stacks costs upwards from zero and negative costs downwards, in the order of the initiatives', () => {
    const s = chartSeries(result());
    const y2027 = s.stacks[1]!;
    expect(y2027.year).toBe(2027);
    expect(y2027.segments.map((g) => [g.initiativeId, g.cost.toFixed(), g.from.toFixed(), g.to.toFixed()])).toEqual([
      ['a', '150000', '0', '150000'],
      ['b', '60000', '150000', '210000'],
      ['c', '-50000', '0', '-50000'],
    ]);
    expect(y2027.top.toFixed()).toBe('210000');
    expect(y2027.bottom.toFixed()).toBe('-50000');
    expect(y2027.total.toFixed()).toBe('160000');
    expect(plain(s.stacks.map((y) => y.top))).toEqual(['150000', '210000', '150000', '120000']);
    expect(plain(s.stacks.map((y) => y.total))).toEqual(['100000', '160000', '100000', '70000']);
    // top + bottom is the year's cost.
    for (const y of s.stacks) expect(y.top.plus(y.bottom).toFixed()).toBe(y.total.toFixed());
    expect(s.stackRange.min.toFixed()).toBe('-50000');
    expect(s.stackRange.max.toFixed()).toBe('210000');
  });
});

describe('rangeOf', () => {
  it('includes zero', () => {
    expect(plain(Object.values(rangeOf([dec(5), dec(7)])))).toEqual(['0', '7']);
    expect(plain(Object.values(rangeOf([dec(-5), dec(-7)])))).toEqual(['-7', '0']);
    expect(plain(Object.values(rangeOf([])))).toEqual(['0', '0']);
  });
});

describe('valueAxis', () => {
  it('covers the range with round steps in the unit shown', () => {
    const axis = valueAxis({ min: dec(0), max: dec('2143000') }, 'tkr');
    expect(axis.step.toFixed()).toBe('500000');
    expect(plain(axis.ticks)).toEqual(['0', '500000', '1000000', '1500000', '2000000', '2500000']);
    expect(axis.decimals).toBe(0);
    expect(axis.ticks.map((t) => formatMoney(t, 'tkr', axis.decimals))).toEqual(['0\u00a0tkr', '500\u00a0tkr', '1\u00a0000\u00a0tkr', '1\u00a0500\u00a0tkr', '2\u00a0000\u00a0tkr', '2\u00a0500\u00a0tkr']);
  });

  it('shows as many decimals as the step needs, so that no two ticks look alike', () => {
    const axis = valueAxis({ min: dec(0), max: dec('2143000') }, 'mnkr');
    expect(axis.ticks.map((t) => formatMoney(t, 'mnkr', axis.decimals))).toEqual(['0,0\u00a0mnkr', '0,5\u00a0mnkr', '1,0\u00a0mnkr', '1,5\u00a0mnkr', '2,0\u00a0mnkr', '2,5\u00a0mnkr']);
    const small = valueAxis({ min: dec(0), max: dec('180000') }, 'mnkr');
    expect(small.decimals).toBe(2);
    expect(plain(small.ticks)).toEqual(['0', '50000', '100000', '150000', '200000']);
  });

  it('runs below zero for negative values, with zero a tick', () => {
    // 260 000 / 5 = 52 000: the nearest round step is 50 000, not 100 000.
    const axis = valueAxis({ min: dec('-50000'), max: dec('210000') }, 'kr');
    expect(axis.step.toFixed()).toBe('50000');
    expect(plain(axis.ticks)).toEqual(['-50000', '0', '50000', '100000', '150000', '200000', '250000']);
    expect(axis.min.toFixed()).toBe('-50000');
    expect(axis.max.toFixed()).toBe('250000');
  });

  it('keeps a range that ends on a step', () => {
    expect(plain(valueAxis({ min: dec(0), max: dec('1000') }, 'kr').ticks)).toEqual(['0', '200', '400', '600', '800', '1000']);
  });

  it('gives one step of the unit when everything is zero', () => {
    const axis = valueAxis({ min: dec(0), max: dec(0) }, 'tkr');
    expect(plain(axis.ticks)).toEqual(['0', '1000']);
  });
});
