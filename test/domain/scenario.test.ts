import { describe, expect, it } from 'vitest';
import { resultOf, singleInitiative, yearlyCosts, type JsonDoc } from '../support';

const hosare = { kind: 'staff', fte: '1', monthlySalary: '30000' };

describe('recurring lines (EXCHANGE.md §2.2)', () => {
  it('staff: fte × monthly salary × 12 × (1 + PO), PO from the settings', () => {
    expect(yearlyCosts(singleInitiative([hosare]))).toEqual(['520308.00', '520308.00', '520308.00']);
  });

  it("staff: the line's own PO-pålägg wins over the setting", () => {
    expect(yearlyCosts(singleInitiative([{ ...hosare, payrollOverheadPercent: '40.15' }]))).toEqual(['504540.00', '504540.00', '504540.00']);
  });

  it('staff: fractional FTE', () => {
    expect(yearlyCosts(singleInitiative([{ ...hosare, fte: '0.5' }]))).toEqual(['260154.00', '260154.00', '260154.00']);
  });

  it('perUnit: quantity × unit price', () => {
    expect(yearlyCosts(singleInitiative([{ kind: 'perUnit', unit: 'tillfälle', quantityPerYear: '25', unitPrice: '800' }]))).toEqual([
      '20000.00',
      '20000.00',
      '20000.00',
    ]);
  });

  it('annual: the amount, only within the period', () => {
    expect(yearlyCosts(singleInitiative([{ kind: 'annual', amountPerYear: '420000' }], { end: '2026-12' }))).toEqual(['420000.00', '0.00', '0.00']);
  });

  it('funding: income that reduces the cost', () => {
    const lines = [hosare, { kind: 'funding', amountPerYear: '100000' }];
    expect(yearlyCosts(singleInitiative(lines))).toEqual(['420308.00', '420308.00', '420308.00']);
    expect(yearlyCosts(singleInitiative([{ kind: 'funding', amountPerYear: '100000' }]))).toEqual(['-100000.00', '-100000.00', '-100000.00']);
  });

  it('partial years count the months of the period inside each year', () => {
    // April 2026 to June 2027: 9 months, then 6 months, then none.
    expect(yearlyCosts(singleInitiative([hosare], { start: '2026-04', end: '2027-06' }))).toEqual(['390231.00', '260154.00', '0.00']);
  });

  it('a single month is a twelfth', () => {
    expect(yearlyCosts(singleInitiative([{ kind: 'annual', amountPerYear: '120000' }], { start: '2027-05', end: '2027-05' }))).toEqual([
      '0.00',
      '10000.00',
      '0.00',
    ]);
  });

  it('a period that began before the horizon counts only the horizon', () => {
    expect(yearlyCosts(singleInitiative([hosare], { start: '2020-07', years: 1 }))).toEqual(['520308.00']);
  });

  it('a period that starts after the horizon costs nothing', () => {
    expect(yearlyCosts(singleInitiative([hosare], { start: '2030-01' }))).toEqual(['0.00', '0.00', '0.00']);
  });
});

describe('indexation (§2.1)', () => {
  it('salary growth indexes staff lines from the base year', () => {
    const doc = singleInitiative([hosare], { settings: { salaryGrowthPercent: '3', baseYear: 2026 } });
    // 520308 × 1.03 = 535917.24; × 1.03² = 551994.7572
    expect(yearlyCosts(doc)).toEqual(['520308.00', '535917.24', '551994.76']);
  });

  it('price growth indexes the other lines, not staff', () => {
    const lines = [{ kind: 'perUnit', unit: 'tillfälle', quantityPerYear: '25', unitPrice: '800' }];
    const doc = singleInitiative(lines, { settings: { priceGrowthPercent: '2', salaryGrowthPercent: '10', baseYear: 2026 } });
    expect(yearlyCosts(doc)).toEqual(['20000.00', '20400.00', '20808.00']);
  });

  it('years before the base year are deflated', () => {
    const doc = singleInitiative([hosare], { settings: { salaryGrowthPercent: '2', baseYear: 2027 } });
    // 520308 / 1.02 = 510105.882352…; 520308 × 1.02 = 530714.16
    expect(yearlyCosts(doc)).toEqual(['510105.88', '520308.00', '530714.16']);
  });

  it("without a base year the scenario's start year is the base", () => {
    const doc = singleInitiative([{ kind: 'annual', amountPerYear: '1000' }], { settings: { priceGrowthPercent: '10' } });
    expect(yearlyCosts(doc)).toEqual(['1000.00', '1100.00', '1210.00']);
  });

  it('a scenario overrides the document settings field by field', () => {
    const doc = singleInitiative([hosare, { kind: 'annual', amountPerYear: '1000' }], {
      settings: { payrollOverheadPercent: '40', priceGrowthPercent: '10', baseYear: 2026 },
      scenarioSettings: { payrollOverheadPercent: '50' },
    });
    // Staff with PO 50 %: 540000; annual keeps the document's 10 % price growth.
    expect(yearlyCosts(doc)).toEqual(['541000.00', '541100.00', '541210.00']);
  });
});

describe('one-off lines (§2.3)', () => {
  const oneOff = (month: string) => ({ kind: 'oneOff', amount: '50000', month });

  it('falls in the year of its month, indexed by price', () => {
    const doc = singleInitiative([oneOff('2027-03')], { settings: { priceGrowthPercent: '2', baseYear: 2026 } });
    expect(yearlyCosts(doc)).toEqual(['0.00', '51000.00', '0.00']);
  });

  it('is left out when its month lies outside the period or the horizon', () => {
    expect(yearlyCosts(singleInitiative([oneOff('2025-12')], { start: '2025-01' }))).toEqual(['0.00', '0.00', '0.00']);
    expect(yearlyCosts(singleInitiative([oneOff('2026-02')], { start: '2026-03' }))).toEqual(['0.00', '0.00', '0.00']);
    expect(yearlyCosts(singleInitiative([oneOff('2027-02')], { end: '2027-01' }))).toEqual(['0.00', '0.00', '0.00']);
  });
});

describe('education lines (§2.4)', () => {
  const steg1 = {
    kind: 'education',
    persons: '1',
    terms: 3,
    monthsPerTerm: 6,
    studyShare: '0.5',
    monthlySalary: '35700',
    materialPerTerm: '2000',
  };
  // A study month: 35700 × 1.4453 × 0.5 = 25798.605 kr.

  it('splits study months and term material across years (steg 1 from August 2026)', () => {
    // 2026: Aug–Dec = 5 months + material Aug; 2027: 12 months + material Feb and Aug; 2028: Jan.
    const result = resultOf(singleInitiative([steg1], { start: '2026-08' }));
    expect(result.years.map((y) => y.cost)).toEqual(['130993.03', '313583.26', '25798.61']);
    expect(result.totals.cost).toBe('470374.89');
  });

  it('has fewer study months when the period ends sooner', () => {
    expect(yearlyCosts(singleInitiative([steg1], { start: '2026-08', end: '2026-12' }))).toEqual(['130993.03', '0.00', '0.00']);
  });

  it('counts only study months inside the horizon', () => {
    const result = resultOf(singleInitiative([steg1], { start: '2025-08', years: 1 }));
    // Study months Aug 2025 – Jan 2027; 2026 has 12 of them and the material of Feb and Aug 2026.
    expect(result.years.map((y) => y.cost)).toEqual(['313583.26']);
  });

  it('six months per term by default, and persons multiply salary and material', () => {
    const { monthsPerTerm: _omit, ...withoutMonths } = steg1;
    const twoPersons = { ...withoutMonths, persons: '2', terms: 1 };
    // 2 × 6 × 25798.605 + 2 × 2000
    expect(yearlyCosts(singleInitiative([twoPersons], { years: 1 }))).toEqual(['313583.26']);
  });

  it('indexes salary by the salary factor and material by the price factor', () => {
    const line = { ...steg1, terms: 2, monthsPerTerm: 12, studyShare: '1', monthlySalary: '10000', payrollOverheadPercent: '0', materialPerTerm: '1000' };
    const doc = singleInitiative([line], { settings: { salaryGrowthPercent: '10', priceGrowthPercent: '50', baseYear: 2026 }, years: 2 });
    // 2026: 120000 + 1000; 2027: 132000 + 1500
    expect(yearlyCosts(doc)).toEqual(['121000.00', '133500.00']);
  });
});

const placementTypes = [
  { id: 'hvb', name: 'HVB', unit: 'day', price: '4728', priceYear: 2025 },
  { id: 'jour', name: 'Jourhem', unit: 'day', price: '1500', priceYear: 2025 },
  { id: 'fh', name: 'Familjehem', unit: 'month', price: '10866', priceYear: 2025 },
  { id: 'konsulent', name: 'Konsulentstött, merkostnad', unit: 'year', price: '300000', priceYear: 2025 },
  { id: 'noll', name: 'Utan pris', unit: 'day', price: '0', priceYear: 2025 },
];

function withEffects(effects: unknown[], options: { settings?: JsonDoc; cost?: string; years?: number } = {}): JsonDoc {
  return {
    settings: options.settings ?? {},
    initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: options.cost ?? '500000' }] }],
    placementTypes,
    scenarios: [{ id: 's', name: 'Scenario', startYear: 2026, years: options.years ?? 3, initiativeIds: ['i'], effects }],
  };
}

const perYear = (placements: string, units: string, years = [2026, 2027, 2028]) => years.map((year) => ({ year, placements, unitsPerPlacement: units }));

/** A document of placement types and one effect in 2026, in a one-year scenario without initiatives. */
function oneEffect(types: JsonDoc[], effect: JsonDoc, settings: JsonDoc = {}): JsonDoc {
  return { settings, initiatives: [], placementTypes: types, scenarios: [{ id: 's', name: 'Scenario', startYear: 2026, years: 1, initiativeIds: [], effects: [{ id: 'e', ...effect }] }] };
}

describe('effects (§2.5)', () => {
  it('an avoided placement without a to-type saves its whole price', () => {
    const result = resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', perYear: perYear('1', '90') }]));
    expect(result.effects[0]!.years.map((y) => y.avoided)).toEqual(['425520.00', '425520.00', '425520.00']);
    expect(result.effects[0]!.total).toBe('1276560.00');
  });

  it('a replacement of the same unit saves the price difference', () => {
    const result = resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', toPlacementTypeId: 'jour', perYear: perYear('2', '90') }]));
    // 2 × 90 × (4728 − 1500)
    expect(result.effects[0]!.years[0]!.avoided).toBe('581040.00');
  });

  it('a replacement in another unit is converted through a price per day', () => {
    const result = resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', toPlacementTypeId: 'fh', perYear: perYear('1', '90') }]));
    // 90 × (4728 − 10866 × 12 / 365) = 393368.547945…
    expect(result.effects[0]!.years[0]!.avoided).toBe('393368.55');
  });

  it('a yearly type replaced by a monthly one converts the month price to a year', () => {
    const result = resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'konsulent', toPlacementTypeId: 'fh', perYear: perYear('2', '1') }]));
    // 2 × (300000 − 10866 × 12 / 365 × 365)
    expect(result.effects[0]!.years[0]!.avoided).toBe('339216.00');
  });

  it('a monthly type replaced by a daily one converts the day price to a month', () => {
    const result = resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'fh', toPlacementTypeId: 'jour', perYear: perYear('1', '3') }]));
    // 3 × (10866 − 1500 × 365 / 12) = 3 × (10866 − 45625) = −104277: the replacement costs more.
    expect(result.effects[0]!.years[0]!.avoided).toBe('-104277.00');
  });

  it('a conversion with an exact answer is exact, so a half öre is rounded up as a hand calculation does', () => {
    const doc = oneEffect(
      [
        { id: 'ar', name: 'Årspris', unit: 'year', price: '100000', priceYear: 2026 },
        { id: 'manad', name: 'Månadspris', unit: 'month', price: '5000.03', priceYear: 2026 },
      ],
      { fromPlacementTypeId: 'ar', toPlacementTypeId: 'manad', expectedShare: '0.125', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '1' }] },
      { priceGrowthPercent: '0', baseYear: 2026 },
    );
    // (100 000 − 5 000,03 × 12) × 0,125 = 39 999,64 × 0,125 = 4 999,955 → 4 999,96. Dividing by 365 and
    // multiplying back gives 60 000,36000…01 a year and 4 999,95.
    expect(resultOf(doc).effects[0]!.years[0]!.avoided).toBe('4999.96');
  });

  it('expectedShare scales the estimate', () => {
    const result = resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', expectedShare: '0.75', perYear: perYear('1', '100') }]));
    expect(result.effects[0]!.years[0]!.avoided).toBe('354600.00');
  });

  it('placement prices are indexed from their own price year', () => {
    const doc = withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', perYear: perYear('1', '90') }], { settings: { priceGrowthPercent: '2', baseYear: 2026 } });
    // 4728 × 1.02 = 4822.56 in 2026; × 1.02² = 4919.0112 in 2027
    expect(resultOf(doc).effects[0]!.years.map((y) => y.avoided)).toEqual(['434030.40', '442711.01', '451565.23']);
  });

  it('a price year after the year divides by the index once, last, so half an öre is rounded up as by hand', () => {
    const doc = (toUnit?: string) =>
      oneEffect(
        [
          { id: 'p', name: 'Dygnspris', unit: 'day', price: '100.01', priceYear: 2027 },
          ...(toUnit ? [{ id: 'q', name: 'Ersättning', unit: toUnit, price: '0', priceYear: 2027 }] : []),
        ],
        { fromPlacementTypeId: 'p', ...(toUnit ? { toPlacementTypeId: 'q' } : {}), perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '0.3' }] },
        { priceGrowthPercent: '-40', baseYear: 2026 },
      );
    // 0,3 × 100,01 / 0,6 = 50,005 → 50,01; dividing the price first gives 166,68333… × 0,3 = 50,00499…9.
    for (const toUnit of [undefined, 'day', 'month']) {
      const result = resultOf(doc(toUnit));
      expect(result.effects[0]!.years[0]!.avoided, `to-type per ${toUnit ?? 'none'}`).toBe('50.01');
      expect(result.years[0]!.avoided).toBe('50.01');
    }
  });

  it('a price needing no index power is not multiplied up to the level of the other price year', () => {
    // 1 007,01 kr a month in 2026 replaced by a type at 0 kr priced in 2036, growth 2,75 %: 0,5 × 1 007,01 =
    // 503,505 → 503,51. Taking both prices to 2036 multiplies by the 41-digit 1,0275¹⁰ and divides by it again.
    const doc = oneEffect(
      [
        { id: 'a', name: 'A', unit: 'month', price: '1007.01', priceYear: 2026 },
        { id: 'b', name: 'B', unit: 'month', price: '0', priceYear: 2036 },
      ],
      { fromPlacementTypeId: 'a', toPlacementTypeId: 'b', perYear: [{ year: 2026, placements: '0.5', unitsPerPlacement: '1' }] },
      { priceGrowthPercent: '2.75' },
    );
    expect(resultOf(doc).effects[0]!.total).toBe('503.51');
  });

  it('entries for years outside the horizon are ignored, missing years avoid nothing', () => {
    const effect = { id: 'e', fromPlacementTypeId: 'hvb', perYear: [...perYear('1', '10', [2025, 2027, 2031])] };
    expect(resultOf(withEffects([effect])).effects[0]!.years.map((y) => y.avoided)).toEqual(['0.00', '47280.00', '0.00']);
  });
});

describe('scenario results (§2.6)', () => {
  it('net, cumulative net and totals per year', () => {
    const result = resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', perYear: perYear('1', '90') }]));
    expect(result.years).toEqual([
      { year: 2026, cost: '500000.00', avoided: '425520.00', net: '-74480.00', cumulativeNet: '-74480.00' },
      { year: 2027, cost: '500000.00', avoided: '425520.00', net: '-74480.00', cumulativeNet: '-148960.00' },
      { year: 2028, cost: '500000.00', avoided: '425520.00', net: '-74480.00', cumulativeNet: '-223440.00' },
    ]);
    expect(result.totals).toEqual({ cost: '1500000.00', avoided: '1276560.00', net: '-223440.00', npv: '-223440.00' });
  });

  it('payback: none within the horizon', () => {
    expect(resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', perYear: perYear('1', '90') }])).paybackYear).toBeNull();
  });

  it('payback: the first year when it pays at once, also at exactly zero', () => {
    expect(resultOf(withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', perYear: perYear('1', '200') }])).paybackYear).toBe(2026);
    const exact = withEffects([{ id: 'e', fromPlacementTypeId: 'hvb', perYear: perYear('1', '90') }], { cost: '425520' });
    expect(resultOf(exact).years[0]!.cumulativeNet).toBe('0.00');
    expect(resultOf(exact).paybackYear).toBe(2026);
  });

  it('payback: a later year once the cumulative net turns non-negative', () => {
    const effect = { id: 'e', fromPlacementTypeId: 'hvb', perYear: [{ year: 2026, placements: '0', unitsPerPlacement: '0' }, ...perYear('1', '200', [2027, 2028])] };
    const result = resultOf(withEffects([effect], { cost: '600000' }));
    // Net: −600000, +345600, +345600 → cumulative −600000, −254400, +91200
    expect(result.years.map((y) => y.cumulativeNet)).toEqual(['-600000.00', '-254400.00', '91200.00']);
    expect(result.paybackYear).toBe(2028);
  });

  it('NPV discounts each year from the start year', () => {
    const doc = singleInitiative([{ kind: 'annual', amountPerYear: '100000' }], { settings: { discountRatePercent: '3' } });
    // −100000 × (1 + 1/1.03 + 1/1.03²) = −291346.969554…
    expect(resultOf(doc).totals.npv).toBe('-291346.97');
    expect(resultOf(doc).totals.net).toBe('-300000.00');
  });

  it('break-even: the cost in units of each priced placement type, zero prices left out', () => {
    const result = resultOf(withEffects([], { cost: '472800', years: 2 }));
    expect(result.breakEven.map((b) => b.placementTypeId)).toEqual(['hvb', 'jour', 'fh', 'konsulent']);
    expect(result.breakEven[0]).toEqual({
      placementTypeId: 'hvb',
      unit: 'day',
      years: [
        { year: 2026, units: '100.00' },
        { year: 2027, units: '100.00' },
      ],
      averagePerYear: '100.00',
    });
    expect(result.breakEven[2]!.years[0]!.units).toBe('43.51'); // 472800 / 10866 months
    expect(result.breakEven[3]!.unit).toBe('year');
  });

  it('break-even follows indexed placement prices and averages the exact yearly units', () => {
    const doc = withEffects([], { cost: '100000', years: 2, settings: { priceGrowthPercent: '10', baseYear: 2026 } });
    const hvb = resultOf(doc).breakEven[0]!;
    // Cost indexed like the price: 100000 / 4728 / 1.1 in 2026 and the same in 2027.
    expect(hvb.years.map((y) => y.units)).toEqual(['19.23', '19.23']);
    expect(hvb.averagePerYear).toBe('19.23');
  });

  it('totals are rounded from exact sums, not summed from rounded years', () => {
    const result = resultOf(singleInitiative([{ kind: 'annual', amountPerYear: '1000.005' }]));
    expect(result.years.map((y) => y.cost)).toEqual(['1000.01', '1000.01', '1000.01']);
    expect(result.totals.cost).toBe('3000.02');
  });

  it('keeps the input order of initiatives and effects, and reports per initiative', () => {
    const doc: JsonDoc = {
      initiatives: [
        { id: 'a', name: 'A', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '1' }] },
        { id: 'b', name: 'B', start: '2026-07', costLines: [{ kind: 'annual', amountPerYear: '1200' }] },
      ],
      placementTypes,
      scenarios: [
        {
          id: 's',
          name: 'S',
          startYear: 2026,
          years: 2,
          initiativeIds: ['b', 'a'],
          effects: [
            { id: 'z', fromPlacementTypeId: 'hvb', perYear: perYear('1', '1', [2026]) },
            { id: 'y', fromPlacementTypeId: 'jour', initiativeId: 'a', perYear: perYear('1', '1', [2027]) },
          ],
        },
      ],
    };
    const result = resultOf(doc);
    expect(result.initiatives).toEqual([
      { id: 'b', years: [{ year: 2026, cost: '600.00' }, { year: 2027, cost: '1200.00' }], total: '1800.00' },
      { id: 'a', years: [{ year: 2026, cost: '1.00' }, { year: 2027, cost: '1.00' }], total: '2.00' },
    ]);
    expect(result.effects.map((e) => [e.id, e.total])).toEqual([
      ['z', '4728.00'],
      ['y', '1500.00'],
    ]);
    expect([result.startYear, result.endYear]).toEqual([2026, 2027]);
  });

  it('an initiative not included in the scenario costs the scenario nothing', () => {
    const doc = singleInitiative([hosare]);
    (doc.scenarios as JsonDoc[])[0]!.initiativeIds = [];
    expect(yearlyCosts(doc)).toEqual(['0.00', '0.00', '0.00']);
  });
});

/**
 * Figures whose exact value lies on half an öre, reached through a twelfth of a yearly amount or a
 * price converted between units, neither of which is a finite decimal on its own. Each must be
 * rounded up as a hand calculation does, which the evaluator only does if it never rounds such a
 * quotient before adding or multiplying it.
 */
describe('exact half öre through twelfths and unit conversions (§2, "nothing is rounded until output")', () => {
  const december = (id: string, lines: unknown[]) => ({ id, name: id, start: '2026-12', costLines: lines });

  it("an initiative's lines that start in December add up before their twelfth is taken", () => {
    // Three lines of 20 000,02 kr a year, one month each: 60 000,06 / 12 = 5 000,005 → 5 000,01.
    // A twelfth of each is 1 666,66833…, and three such rounded quotients add up to 5 000,00499…9.
    const line = { kind: 'annual', amountPerYear: '20000.02' };
    const result = resultOf(singleInitiative([line, line, line], { start: '2026-12', years: 1 }));
    expect(result.initiatives[0]!.years[0]!.cost).toBe('5000.01');
    expect(result.years[0]!.cost).toBe('5000.01');
  });

  it('a twelfth of a yearly amount is taken after indexation, so a falling index cannot move a half öre', () => {
    // 3 000,25 kr a year for January–April 2027 at −10 % price growth from 2026:
    // 3 000,25 × 4 / 12 × 0,9 = 900,075 → 900,08. The twelfth alone, 1 000,08333…, has no finite decimal.
    const doc = singleInitiative([{ kind: 'annual', amountPerYear: '3000.25' }], { start: '2026-01', end: '2027-04', years: 2, settings: { priceGrowthPercent: '-10' } });
    expect(yearlyCosts(doc)).toEqual(['3000.25', '900.08']);
  });

  it('the costs of several initiatives add up before their twelfths are taken', () => {
    const line = { kind: 'annual', amountPerYear: '20000.02' };
    const doc = {
      initiatives: [december('a', [line]), december('b', [line]), december('c', [line])],
      placementTypes: [],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 1, initiativeIds: ['a', 'b', 'c'] }],
    };
    const result = resultOf(doc);
    expect(result.initiatives.map((i) => i.years[0]!.cost)).toEqual(['1666.67', '1666.67', '1666.67']);
    // 3 × 20 000,02 / 12 = 5 000,005 → 5 000,01, and a cost of −5 000,005 nets −5 000,01.
    expect(result.years[0]).toEqual({ year: 2026, cost: '5000.01', avoided: '0.00', net: '-5000.01', cumulativeNet: '-5000.01' });
    expect(result.totals.cost).toBe('5000.01');
  });

  it('a replacement priced per year, avoided per month, saves an exact difference', () => {
    // 6 months × (4 520,10 − 72 508,75 / 12) = 27 120,60 − 36 254,375 = −9 133,775 → −9 133,78.
    // Taking the twelfth first leaves 6 × (−1 522,29583…3) = −9 133,77499…8.
    const doc = oneEffect(
      [
        { id: 'fh', name: 'Familjehem', unit: 'month', price: '4520.10', priceYear: 2026 },
        { id: 'kons', name: 'Konsulentstöd', unit: 'year', price: '72508.75', priceYear: 2026 },
      ],
      { fromPlacementTypeId: 'fh', toPlacementTypeId: 'kons', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '6' }] },
    );
    const result = resultOf(doc);
    expect(result.effects[0]!.years[0]!.avoided).toBe('-9133.78');
    expect(result.years[0]!.net).toBe('-9133.78');
  });

  it('an avoided placement that costs exactly what the initiative costs pays back at once, whatever the index', () => {
    // Prices at the 2016 level, 2,75 % a year: a 2026 price carries 1,0275^10, which has 41
    // significant digits. The initiative costs 12 × 4 520,13 a year and avoids one placement of
    // 4 520,13 a month for 12 months, so every year's net is exactly 0 and the payback is 2026.
    // 12 × 4 520,13 × 1,0275^10 and 12 × (4 520,13 × 1,0275^10), each rounded to 40 digits, differ in
    // the last digit; the cumulative net was −0,00…01 and the payback 2029.
    const years = [2026, 2027, 2028, 2029, 2030];
    const doc = {
      settings: { priceGrowthPercent: '2.75', baseYear: 2016 },
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'perUnit', unit: 'månad', quantityPerYear: '12', unitPrice: '4520.13' }] }],
      placementTypes: [{ id: 'fh', name: 'Familjehem', unit: 'month', price: '4520.13', priceYear: 2016 }],
      scenarios: [
        {
          id: 's',
          name: 'S',
          startYear: 2026,
          years: 5,
          initiativeIds: ['i'],
          effects: [{ id: 'e', fromPlacementTypeId: 'fh', perYear: years.map((year) => ({ year, placements: '1', unitsPerPlacement: '12' })) }],
        },
      ],
    };
    const result = resultOf(doc);
    expect(result.years.map((y) => y.cumulativeNet)).toEqual(['0.00', '0.00', '0.00', '0.00', '0.00']);
    expect(result.paybackYear).toBe(2026);
  });

  it('break-even of a cost and a placement price carrying the same index is the quotient of the amounts', () => {
    // 9 876,50 kr a year against 100 kr a year, both at the 2016 price level with 2,75 % growth:
    // every year's cost is 98,765 units → 98,77, whatever 1,0275^(y − 2016) is. The cost and the price
    // each rounded to 40 digits gave 98,76499…9 in 2030 and 2033.
    const doc = {
      settings: { priceGrowthPercent: '2.75', baseYear: 2016 },
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '9876.5' }] }],
      placementTypes: [{ id: 'p', name: 'Årspris', unit: 'year', price: '100', priceYear: 2016 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 18, initiativeIds: ['i'] }],
    };
    const breakEven = resultOf(doc).breakEven[0]!;
    expect(breakEven.years.map((y) => y.units)).toEqual(Array.from({ length: 18 }, () => '98.77'));
    expect(breakEven.averagePerYear).toBe('98.77');
  });

  it('a year before the base year is divided by the index power, not multiplied by its rounded reciprocal', () => {
    // −4 % a year, base year 2028: 2026 is 5 745,60 / 0,96² = 6 234,375 → 6 234,38, for the line's cost
    // and for an avoided placement priced 5 745,60 kr a day in 2028. × 0,96^−2 gave 6 234,37499…98.
    const doc = {
      settings: { priceGrowthPercent: '-4', salaryGrowthPercent: '-4', payrollOverheadPercent: '0', baseYear: 2028 },
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '5745.60' }] }],
      placementTypes: [{ id: 'p', name: 'Dygnspris', unit: 'day', price: '5745.60', priceYear: 2028 }],
      scenarios: [
        { id: 's', name: 'S', startYear: 2026, years: 1, initiativeIds: ['i'], effects: [{ id: 'e', fromPlacementTypeId: 'p', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '1' }] }] },
      ],
    };
    const result = resultOf(doc);
    expect(result.initiatives[0]!.years[0]!.cost).toBe('6234.38');
    expect(result.years[0]).toMatchObject({ cost: '6234.38', avoided: '6234.38', net: '0.00' });
    expect(result.effects[0]!.total).toBe('6234.38');
  });

  it('break-even in a year before the base year, with salaries and prices growing differently, is one fraction', () => {
    // Base year 2030, salaries −20 %, prices −10 %: 2026 costs 12 288 / 0,8⁴ + 104,005 / 0,9⁴ (a
    // quotient that does not end), which at 2030's price of 1 kr a year is 12 288 × (0,9 / 0,8)⁴ +
    // 104,005 = 19 787,005 units → 19 787,01. Taking the rounded cost back to 2030 gave 19 787,00499…9.
    const doc = {
      settings: { payrollOverheadPercent: '0', salaryGrowthPercent: '-20', priceGrowthPercent: '-10', baseYear: 2030 },
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'staff', fte: '1', monthlySalary: '1024' }, { kind: 'annual', amountPerYear: '104.005' }] }],
      placementTypes: [{ id: 'p', name: 'Årspris', unit: 'year', price: '1', priceYear: 2030 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 1, initiativeIds: ['i'] }],
    };
    const breakEven = resultOf(doc).breakEven[0]!;
    expect(breakEven.years[0]!.units).toBe('19787.01');
    expect(breakEven.averagePerYear).toBe('19787.01');
  });

  it('break-even averages years at the price level over a price year before the base year with one division', () => {
    // 20 %, price 12,50 kr a day in 2024, base year 2026: (35 + 35,03 + 35) / (12,5 × 1,2² × 3) = 1,945 → 1,95.
    // Dividing each year by 1,2² first gives three quotients that do not end, and their sum 1,94499…9.
    const doc = {
      settings: { priceGrowthPercent: '20', baseYear: 2026 },
      initiatives: [
        {
          id: 'i',
          name: 'Satsning',
          start: '2026-01',
          costLines: [
            { kind: 'oneOff', amount: '35', month: '2026-01' },
            { kind: 'oneOff', amount: '35.03', month: '2027-01' },
            { kind: 'oneOff', amount: '35', month: '2028-01' },
          ],
        },
      ],
      placementTypes: [{ id: 'p', name: 'Dygnspris', unit: 'day', price: '12.5', priceYear: 2024 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 3, initiativeIds: ['i'] }],
    };
    expect(resultOf(doc).breakEven[0]!.averagePerYear).toBe('1.95');
  });

  it('break-even without price growth divides the whole cost by the one price, also the average', () => {
    // 4 728 kr a day, salaries growing 3 %: (196,28 + 18 325 × 4 × 1,03) / (4 728 × 2) = 8,005 → 8,01.
    // Averaging the two rounded yearly quotients gave 8,00499…98.
    const doc = {
      settings: { priceGrowthPercent: '0', salaryGrowthPercent: '3', payrollOverheadPercent: '0', baseYear: 2026 },
      initiatives: [
        { id: 'a', name: 'A', start: '2026-01', end: '2026-12', costLines: [{ kind: 'annual', amountPerYear: '196.28' }] },
        { id: 'b', name: 'B', start: '2027-01', end: '2027-04', costLines: [{ kind: 'staff', fte: '1', monthlySalary: '18325' }] },
      ],
      placementTypes: [{ id: 'hvb', name: 'HVB', unit: 'day', price: '4728', priceYear: 2026 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 2, initiativeIds: ['a', 'b'] }],
    };
    expect(resultOf(doc).breakEven[0]!.averagePerYear).toBe('8.01');
  });

  it('break-even on half an öre with a long price: the quick figure in kronor is not kept, the cost is divided by the price once', () => {
    // −20 %, base year 2037, price year 2026: exactly 91,445 → 91,45. The year's cost in kronor at the
    // price year's level needs more than 40 digits; rounded, and then divided by the price, it gave 91,44499…8.
    const doc = {
      settings: { payrollOverheadPercent: '0', salaryGrowthPercent: '-20', priceGrowthPercent: '-20', baseYear: 2037 },
      initiatives: [{ id: 'i', name: 'I', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '910744.421423516707895' }] }],
      placementTypes: [{ id: 'p', name: 'P', unit: 'year', price: '115943.5780218757106922566890716552734375', priceYear: 2026 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 1, initiativeIds: ['i'] }],
    };
    expect(resultOf(doc).breakEven[0]!.years[0]!.units).toBe('91.45');
  });

  it('break-even average on half an öre over 32 years: the average in kronor is not kept, the sum is divided by price × years once', () => {
    // Exactly 9,995 → 10,00; the average in kronor, rounded to 40 digits and divided by the price, gave 9,99499…9.
    const doc = {
      settings: { payrollOverheadPercent: '0' },
      initiatives: [{ id: 'i', name: 'I', start: '2026-01', costLines: [{ kind: 'oneOff', amount: '324837.50000000000000000000000002748625', month: '2030-05' }] }],
      placementTypes: [{ id: 'p', name: 'P', unit: 'day', price: '1015.6250000000000000000000000000859375', priceYear: 2026 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 32, initiativeIds: ['i'] }],
    };
    expect(resultOf(doc).breakEven[0]!.averagePerYear).toBe('10.00');
  });

  it('break-even in a year after the price year, on half an öre: the quick figure is not kept, the cost is divided by the power and the price', () => {
    // Prices +25 %, salaries flat: 2027 costs 9 903,995 × 1,25 + 120 kr, which is 9 999,995 years of a
    // 1 kr price at 1,25 → 10 000,00; 2026 is 9 903,995 + 120 = 10 023,995 → 10 024,00, and the average
    // 10 011,995 → 10 012,00. In kronor by the power's reciprocal, 2027 comes to 9 999,99499…9.
    const doc = {
      settings: { payrollOverheadPercent: '0', salaryGrowthPercent: '0', priceGrowthPercent: '25', baseYear: 2026 },
      initiatives: [{ id: 'i', name: 'I', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '9903.995' }, { kind: 'staff', fte: '1', monthlySalary: '10' }] }],
      placementTypes: [{ id: 'p', name: 'P', unit: 'year', price: '1', priceYear: 2026 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 2, initiativeIds: ['i'] }],
    };
    const breakEven = resultOf(doc).breakEven[0]!;
    expect(breakEven.years.map((y) => y.units)).toEqual(['10024.00', '10000.00']);
    expect(breakEven.averagePerYear).toBe('10012.00');
  });

  it('break-even average over years of opposite sign: taken from the sum of the exact quotients, not of the quick ones', () => {
    // Prices +12,5 %, salaries flat. 2026: 988 123,45 kr. 2027: funding of 1 000 000 kr and a salary
    // of 13 500 kr, −1 111 500 kr, which at a price of 1,125 kr is −988 000 years. The average is
    // 123,45 / 2 = 61,725 → 61,73. Added up quickly, the two years nearly cancel and leave the
    // quick figures' small errors as large as the rest: 61,7249…9.
    const doc = {
      settings: { payrollOverheadPercent: '0', salaryGrowthPercent: '0', priceGrowthPercent: '12.5', baseYear: 2026 },
      initiatives: [
        { id: 'a', name: 'A', start: '2026-01', end: '2026-12', costLines: [{ kind: 'annual', amountPerYear: '988123.45' }] },
        { id: 'b', name: 'B', start: '2027-01', end: '2027-12', costLines: [{ kind: 'funding', amountPerYear: '1000000' }, { kind: 'staff', fte: '1', monthlySalary: '1125' }] },
      ],
      placementTypes: [{ id: 'p', name: 'P', unit: 'year', price: '1', priceYear: 2026 }],
      scenarios: [{ id: 's', name: 'S', startYear: 2026, years: 2, initiativeIds: ['a', 'b'] }],
    };
    const breakEven = resultOf(doc).breakEven[0]!;
    expect(breakEven.years.map((y) => y.units)).toEqual(['988123.45', '-988000.00']);
    expect(breakEven.averagePerYear).toBe('61.73');
  });

  it('payback needs a cumulative net of at least zero: a shortfall of 10^-22 kr is a shortfall', () => {
    const doc = {
      settings: { priceGrowthPercent: '0', baseYear: 2026 },
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '500000000.0000000000000000000001' }] }],
      placementTypes: [{ id: 'p', name: 'Årspris', unit: 'year', price: '500000000', priceYear: 2026 }],
      scenarios: [
        { id: 's', name: 'S', startYear: 2026, years: 1, initiativeIds: ['i'], effects: [{ id: 'e', fromPlacementTypeId: 'p', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '1' }] }] },
      ],
    };
    expect(resultOf(doc).paybackYear).toBeNull();
  });
});
