import { describe, expect, it } from 'vitest';
import { documentFrom, type JsonDoc } from '../support';
import { Decimal } from '../../src/domain/money';
import { evaluateScenario, type ScenarioResult } from '../../src/domain/scenario';
import { costLineScaled, sensitivity, withCostsScaled, withEffectsScaled, type SensitivityCase } from '../../src/domain/sensitivity';
import type { CostLine, HemmaplanDocument } from '../../src/domain/types';

/** Exact equality of two decimals, with both values in the message when they differ. */
function expectSame(actual: Decimal, expected: Decimal): void {
  expect(actual.toFixed()).toBe(expected.toFixed());
}

const staff = { kind: 'staff', fte: '1', monthlySalary: '30000' };
const perUnit = { kind: 'perUnit', unit: 'tillfälle', quantityPerYear: '25', unitPrice: '800' };
const annual = { kind: 'annual', amountPerYear: '100000' };
const funding = { kind: 'funding', amountPerYear: '150000' };
const oneOff = { kind: 'oneOff', amount: '50000', month: '2026-03' };
const education = {
  kind: 'education',
  persons: '2',
  terms: 2,
  monthsPerTerm: 6,
  studyShare: '0.25',
  monthlySalary: '32000',
  materialPerTerm: '4000',
};
const ALL_LINES = [staff, perUnit, annual, funding, oneOff, education];

/**
 * Growth and discounting on, two placement types, every kind of cost line, an effect with a to-type
 * and a share. With a to-type per day every figure is a terminating decimal, so that scaled figures
 * can be compared digit for digit; a to-type per month brings in the conversion through 12/365.
 */
function documentWith(lines: unknown[] = ALL_LINES, toUnit: 'day' | 'month' = 'day'): JsonDoc {
  return {
    settings: { salaryGrowthPercent: '3', priceGrowthPercent: '2', discountRatePercent: '3', baseYear: 2026 },
    initiatives: [
      { id: 'i', name: 'Satsning', start: '2026-01', costLines: lines },
      { id: 'annan', name: 'Annan satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '1000' }] },
    ],
    placementTypes: [
      { id: 'hvb', name: 'HVB', unit: 'day', price: '4000', priceYear: 2025 },
      toUnit === 'day'
        ? { id: 'fh', name: 'Familjehem', unit: 'day', price: '1000', priceYear: 2025 }
        : { id: 'fh', name: 'Familjehem', unit: 'month', price: '30000', priceYear: 2025 },
    ],
    scenarios: [
      {
        id: 's',
        name: 'Scenario',
        startYear: 2026,
        years: 3,
        initiativeIds: ['i'],
        effects: [
          {
            id: 'e1',
            fromPlacementTypeId: 'hvb',
            toPlacementTypeId: 'fh',
            expectedShare: '0.7',
            perYear: [
              { year: 2026, placements: '1', unitsPerPlacement: '90' },
              { year: 2027, placements: '2', unitsPerPlacement: '90' },
              { year: 2029, placements: '1', unitsPerPlacement: '90' },
            ],
          },
          { id: 'e2', fromPlacementTypeId: 'hvb', perYear: [{ year: 2027, placements: '1', unitsPerPlacement: '30' }] },
        ],
      },
    ],
  };
}

function casesOf(document: HemmaplanDocument): SensitivityCase[] {
  return sensitivity(document, document.scenarios[0]!);
}

function caseOf(cases: SensitivityCase[], key: string): ScenarioResult {
  const found = cases.find((c) => c.key === key);
  if (!found) throw new Error(`no case ${key}`);
  return found.result;
}

describe('sensitivity', () => {
  it('gives the five cases in order: effects 50, 75, 100, 125 % and costs +10 %', () => {
    const cases = casesOf(documentFrom(documentWith()));
    expect(cases.map(({ key, effectPercent, costPercent }) => ({ key, effectPercent, costPercent }))).toEqual([
      { key: 'effects-50', effectPercent: 50, costPercent: 100 },
      { key: 'effects-75', effectPercent: 75, costPercent: 100 },
      { key: 'effects-100', effectPercent: 100, costPercent: 100 },
      { key: 'effects-125', effectPercent: 125, costPercent: 100 },
      { key: 'costs-110', effectPercent: 100, costPercent: 110 },
    ]);
  });

  it("the 100 % case is exactly the evaluator's result for the scenario as it is", () => {
    const document = documentFrom(documentWith());
    expect(caseOf(casesOf(document), 'effects-100')).toEqual(evaluateScenario(document, document.scenarios[0]!));
  });

  it.each([
    ['effects-50', '0.5'],
    ['effects-75', '0.75'],
    ['effects-125', '1.25'],
  ])('%s: every avoided figure is exactly %s times the estimate; the costs are as entered', (key, factorText) => {
    const document = documentFrom(documentWith());
    const base = evaluateScenario(document, document.scenarios[0]!);
    const result = caseOf(casesOf(document), key);
    const factor = new Decimal(factorText);

    expect(base.totals.avoided.isZero()).toBe(false);
    expectSame(result.totals.avoided, base.totals.avoided.times(factor));
    result.years.forEach((y, i) => {
      expectSame(y.avoided, base.years[i]!.avoided.times(factor));
      expectSame(y.cost, base.years[i]!.cost);
      expectSame(y.net, y.avoided.minus(y.cost));
    });
    result.effects.forEach((effect, e) => expectSame(effect.total, base.effects[e]!.total.times(factor)));
    expectSame(result.totals.cost, base.totals.cost);
  });

  it('with a to-type priced per month (12/365), the scaled figures agree to 30 decimals, within the 40 significant digits', () => {
    const document = documentFrom(documentWith(ALL_LINES, 'month'));
    const base = evaluateScenario(document, document.scenarios[0]!);
    const cases = casesOf(document);
    const close = (a: Decimal, b: Decimal) => expect(a.toFixed(30)).toBe(b.toFixed(30));
    for (const [key, factor] of [
      ['effects-50', '0.5'],
      ['effects-75', '0.75'],
      ['effects-125', '1.25'],
    ] as const) {
      const result = caseOf(cases, key);
      result.years.forEach((y, i) => close(y.avoided, base.years[i]!.avoided.times(factor)));
      close(result.totals.avoided, base.totals.avoided.times(factor));
    }
  });

  it('the 50 % case avoids exactly half, so its net is the cost subtracted from half the avoided total', () => {
    const document = documentFrom(documentWith());
    const base = evaluateScenario(document, document.scenarios[0]!);
    const half = caseOf(casesOf(document), 'effects-50');
    expectSame(half.totals.avoided.times(2), base.totals.avoided);
    expectSame(half.totals.net, base.totals.avoided.div(2).minus(base.totals.cost));
  });

  it('costs +10 %: the cost is 1.1 × the cost without funding plus the unchanged funding; the effects are as estimated', () => {
    const document = documentFrom(documentWith());
    const scenario = document.scenarios[0]!;
    const base = evaluateScenario(document, scenario);
    const withoutFunding = documentFrom(documentWith(ALL_LINES.filter((l) => l !== funding)));
    const fundingOnly = documentFrom(documentWith([funding]));
    const costs = evaluateScenario(withoutFunding, withoutFunding.scenarios[0]!);
    const income = evaluateScenario(fundingOnly, fundingOnly.scenarios[0]!);
    expect(income.totals.cost.isNegative()).toBe(true);

    const result = caseOf(casesOf(document), 'costs-110');
    const factor = new Decimal('1.1');
    result.years.forEach((y, i) => {
      expectSame(y.cost, costs.years[i]!.cost.times(factor).plus(income.years[i]!.cost));
      expectSame(y.avoided, base.years[i]!.avoided);
    });
    expectSame(result.totals.cost, costs.totals.cost.times(factor).plus(income.totals.cost));
    expectSame(result.totals.avoided, base.totals.avoided);
  });

  it.each(ALL_LINES.filter((l) => l !== funding).map((l) => [l.kind, l] as const))(
    'costs +10 %: a %s line alone costs exactly 1.1 times as much',
    (_kind, line) => {
      const document = documentFrom(documentWith([line]));
      const base = evaluateScenario(document, document.scenarios[0]!);
      const result = caseOf(casesOf(document), 'costs-110');
      expect(base.totals.cost.isZero()).toBe(false);
      result.years.forEach((y, i) => expectSame(y.cost, base.years[i]!.cost.times('1.1')));
    },
  );

  it('costs +10 %: a funding line alone is unchanged (income, not cost)', () => {
    const document = documentFrom(documentWith([funding]));
    const base = evaluateScenario(document, document.scenarios[0]!);
    expect(caseOf(casesOf(document), 'costs-110').years.map((y) => y.cost.toFixed())).toEqual(base.years.map((y) => y.cost.toFixed()));
  });

  it('changes nothing in the document or the scenario it is given', () => {
    const document = documentFrom(documentWith());
    const before = JSON.stringify(document);
    const salary = (document.initiatives[0]!.costLines[0] as Extract<CostLine, { kind: 'staff' }>).monthlySalary;
    const placements = document.scenarios[0]!.effects[0]!.perYear[0]!.placements;
    casesOf(document);
    expect(JSON.stringify(document)).toBe(before);
    expect((document.initiatives[0]!.costLines[0] as Extract<CostLine, { kind: 'staff' }>).monthlySalary).toBe(salary);
    expect(document.scenarios[0]!.effects[0]!.perYear[0]!.placements).toBe(placements);
  });

  it('moves the payback year as the effects and the costs change', () => {
    // A one-off cost of 200 000 kr in 2026 against 100 days of a 1 000 kr/day placement avoided each year:
    // cumulative net at 100 %: −100 000, 0 → payback 2027.
    const document = documentFrom({
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'oneOff', amount: '200000', month: '2026-01' }] }],
      placementTypes: [{ id: 'hvb', name: 'HVB', unit: 'day', price: '1000', priceYear: 2026 }],
      scenarios: [
        {
          id: 's',
          name: 'Scenario',
          startYear: 2026,
          years: 4,
          initiativeIds: ['i'],
          effects: [
            {
              id: 'e',
              fromPlacementTypeId: 'hvb',
              perYear: [2026, 2027, 2028, 2029].map((year) => ({ year, placements: '1', unitsPerPlacement: '100' })),
            },
          ],
        },
      ],
    });
    const paybacks = Object.fromEntries(casesOf(document).map((c) => [c.key, c.result.paybackYear]));
    expect(paybacks).toEqual({
      'effects-50': 2029, // −150 000, −100 000, −50 000, 0
      'effects-75': 2028, // −125 000, −50 000, +25 000
      'effects-100': 2027, // −100 000, 0
      'effects-125': 2027, // −75 000, +50 000
      'costs-110': 2028, // −120 000, −20 000, +80 000
    });
  });

  it('has no payback year when no case reaches a cumulative net of zero', () => {
    const document = documentFrom({
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [annual] }],
      placementTypes: [],
      scenarios: [{ id: 's', name: 'Scenario', startYear: 2026, years: 2, initiativeIds: ['i'] }],
    });
    expect(casesOf(document).map((c) => c.result.paybackYear)).toEqual([null, null, null, null, null]);
  });
});

describe('the adjusted copies', () => {
  it('scale the placements of every per-year entry and leave the expected share alone', () => {
    const scenario = documentFrom(documentWith()).scenarios[0]!;
    const scaled = withEffectsScaled(scenario, new Decimal('1.25'));
    expect(scaled).not.toBe(scenario);
    scaled.effects.forEach((effect, e) => {
      const original = scenario.effects[e]!;
      expect(effect.expectedShare.toFixed()).toBe(original.expectedShare.toFixed());
      expect(effect.perYear.map((y) => [y.year, y.placements.toFixed(), y.unitsPerPlacement.toFixed()])).toEqual(
        original.perYear.map((y) => [y.year, y.placements.times('1.25').toFixed(), y.unitsPerPlacement.toFixed()]),
      );
    });
    expect(scaled.effects[0]!.expectedShare.toFixed()).toBe('0.7');
  });

  it("scale only the scenario's initiatives and every cost amount except funding", () => {
    const document = documentFrom(documentWith());
    const scaled = withCostsScaled(document, document.scenarios[0]!, new Decimal('1.1'));
    expect(scaled.initiatives[1]).toBe(document.initiatives[1]);
    const lines = scaled.initiatives[0]!.costLines;
    const amounts = lines.map((line) => {
      switch (line.kind) {
        case 'staff':
          return [line.fte, line.monthlySalary];
        case 'perUnit':
          return [line.quantityPerYear, line.unitPrice];
        case 'annual':
        case 'funding':
          return [line.amountPerYear];
        case 'oneOff':
          return [line.amount];
        case 'education':
          return [line.persons, line.studyShare, line.monthlySalary, line.materialPerTerm];
      }
    });
    expect(amounts.map((a) => a.map((v) => v.toFixed()))).toEqual([
      ['1', '33000'],
      ['25', '880'],
      ['110000'],
      ['150000'],
      ['55000'],
      ['2', '0.25', '35200', '4400'],
    ]);
  });

  it('copy a funding line rather than share it', () => {
    const line: CostLine = { kind: 'funding', amountPerYear: new Decimal(5) };
    const copy = costLineScaled(line, new Decimal('1.1'));
    expect(copy).not.toBe(line);
    expect(copy).toEqual(line);
  });
});
