/**
 * The evaluator against a straightforward reading of EXCHANGE.md §2, on generated documents: every
 * figure of the result document (rounded to öre) must agree. The reference works month by month,
 * line by line and item by item at 100 significant digits, with none of the evaluator's sharing,
 * caching or algebraic regrouping, so agreement shows that those change no figure that is shown.
 */
import DecimalBase from 'decimal.js';
import { describe, expect, it } from 'vitest';
import { evaluateDocument, type ScenarioResult } from '../../src/domain/scenario';
import { toFixedHalfUp } from '../../src/domain/money';
import { effectiveSettings } from '../../src/domain/settings';
import type { CostLine, HemmaplanDocument, PlacementType, PlacementUnit } from '../../src/domain/types';
import { stressDocument, type StressSize } from '../bench/stress';
import { documentFrom } from '../support';

const R = DecimalBase.clone({ precision: 100, rounding: DecimalBase.ROUND_HALF_UP });
type R = DecimalBase;
const r = (value: DecimalBase.Value): R => new R(value);

/** (1 + percent/100)^exponent. */
const growth = (percent: DecimalBase, exponent: number): R => r(1).plus(r(percent).div(100)).pow(exponent);

const monthOf = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;

/**
 * The cost of one line in one calendar year before indexation, split by the index that applies
 * (§2.2–2.4), counting the line's months one by one. Each value is formed with at most one
 * division, so that a value that is exact in decimals is computed exactly.
 */
function lineYear(line: CostLine, first: number, last: number, year: number, payroll: R): { salary: R; price: R } {
  const po = (own: DecimalBase | undefined) => (own === undefined ? payroll : r(1).plus(r(own).div(100)));
  let months = 0;
  let studyMonths = 0;
  let terms = 0;
  for (let month = year * 12; month < year * 12 + 12; month++) {
    if (month < first || month > last) continue;
    months++;
    if (line.kind === 'education') {
      if (month - first < line.terms * line.monthsPerTerm) studyMonths++;
      const k = (month - first) / line.monthsPerTerm;
      if (Number.isInteger(k) && k < line.terms) terms++;
    }
  }
  const perYear = (amount: R) => amount.times(months).div(12);
  switch (line.kind) {
    case 'staff':
      return { salary: r(line.fte).times(line.monthlySalary).times(po(line.payrollOverheadPercent)).times(months), price: r(0) };
    case 'perUnit':
      return { salary: r(0), price: perYear(r(line.quantityPerYear).times(line.unitPrice)) };
    case 'annual':
      return { salary: r(0), price: perYear(r(line.amountPerYear)) };
    case 'funding':
      return { salary: r(0), price: perYear(r(line.amountPerYear).neg()) };
    case 'oneOff': {
      const month = monthOf(line.month);
      const inYear = month >= first && month <= last && Math.floor(month / 12) === year;
      return { salary: r(0), price: inYear ? r(line.amount) : r(0) };
    }
    case 'education':
      return {
        salary: r(line.persons).times(line.monthlySalary).times(po(line.payrollOverheadPercent)).times(line.studyShare).times(studyMonths),
        price: r(line.persons).times(line.materialPerTerm).times(terms),
      };
  }
}

/** Days per unit, so that a price per `from` unit is price × days(to) / days(from) per `to` unit (§2.5). */
const DAYS: Record<PlacementUnit, [number, number]> = { day: [1, 1], month: [365, 12], year: [365, 1] };

/** A placement type's price per `unit` in a year, converted through a price per day (§2.5) with one division. */
function priceIn(type: PlacementType, year: number, priceGrowth: DecimalBase, unit: PlacementUnit): R {
  const price = r(type.price).times(growth(priceGrowth, year - type.priceYear));
  if (unit === type.unit) return price;
  const [fromNum, fromDen] = DAYS[type.unit];
  const [toNum, toDen] = DAYS[unit];
  return price.times(fromDen * toNum).div(fromNum * toDen);
}

function referenceScenarios(document: HemmaplanDocument): ScenarioResult[] {
  return document.scenarios.map((scenario) => {
    const settings = effectiveSettings(document.settings, scenario);
    const payroll = r(1).plus(r(settings.payrollOverheadPercent).div(100));
    const years = Array.from({ length: scenario.years }, (_, i) => scenario.startYear + i);
    const S = (y: number) => growth(settings.salaryGrowthPercent, y - settings.baseYear);
    const P = (y: number) => growth(settings.priceGrowthPercent, y - settings.baseYear);

    const initiatives = scenario.initiativeIds.map((id) => {
      const initiative = document.initiatives.find((i) => i.id === id)!;
      const first = monthOf(initiative.start);
      const last = initiative.end ? monthOf(initiative.end) : Number.MAX_SAFE_INTEGER;
      const costs = years.map((year) => {
        const [salaryIndex, priceIndex] = [S(year), P(year)];
        let cost = r(0);
        for (const line of initiative.costLines) {
          const part = lineYear(line, first, last, year, payroll);
          cost = cost.plus(part.salary.times(salaryIndex)).plus(part.price.times(priceIndex));
        }
        return cost;
      });
      return { id, years: years.map((year, i) => ({ year, cost: costs[i]! })), total: costs.reduce((a, b) => a.plus(b), r(0)) };
    });

    const types = new Map(document.placementTypes.map((t) => [t.id, t]));
    const effects = scenario.effects.map((effect) => {
      const from = types.get(effect.fromPlacementTypeId)!;
      const to = effect.toPlacementTypeId === undefined ? undefined : types.get(effect.toPlacementTypeId)!;
      const avoided = years.map((year) => {
        const entry = effect.perYear.find((e) => e.year === year);
        if (!entry) return r(0);
        const toPrice = to ? priceIn(to, year, settings.priceGrowthPercent, from.unit) : r(0);
        const saving = priceIn(from, year, settings.priceGrowthPercent, from.unit).minus(toPrice);
        return r(entry.placements).times(entry.unitsPerPlacement).times(saving).times(effect.expectedShare);
      });
      return { id: effect.id, years: years.map((year, i) => ({ year, avoided: avoided[i]! })), total: avoided.reduce((a, b) => a.plus(b), r(0)) };
    });

    let cumulativeNet = r(0);
    let npv = r(0);
    let paybackYear: number | null = null;
    const yearFigures = years.map((year, i) => {
      const cost = initiatives.reduce((sum, x) => sum.plus(x.years[i]!.cost), r(0));
      const avoided = effects.reduce((sum, x) => sum.plus(x.years[i]!.avoided), r(0));
      const net = avoided.minus(cost);
      cumulativeNet = cumulativeNet.plus(net);
      npv = npv.plus(net.div(growth(settings.discountRatePercent, i)));
      if (paybackYear === null && cumulativeNet.gte(0)) paybackYear = year;
      return { year, cost, avoided, net, cumulativeNet };
    });
    const totalCost = yearFigures.reduce((sum, y) => sum.plus(y.cost), r(0));
    const totalAvoided = yearFigures.reduce((sum, y) => sum.plus(y.avoided), r(0));
    const breakEven = document.placementTypes
      .filter((type) => type.price.gt(0))
      .map((type) => {
        const units = yearFigures.map((y) => ({ year: y.year, units: y.cost.div(priceIn(type, y.year, settings.priceGrowthPercent, type.unit)) }));
        const average = units.reduce((sum, u) => sum.plus(u.units), r(0)).div(years.length);
        return { placementTypeId: type.id, unit: type.unit, years: units, averagePerYear: average };
      });
    return {
      id: scenario.id,
      name: scenario.name,
      startYear: scenario.startYear,
      endYear: scenario.startYear + scenario.years - 1,
      settings,
      years: yearFigures,
      initiatives,
      effects,
      totals: { cost: totalCost, avoided: totalAvoided, net: totalAvoided.minus(totalCost), npv },
      paybackYear,
      breakEven,
    };
  });
}

/** A generated document with its scenarios' settings replaced, to reach base years, deflation and zero growth. */
function variant(size: StressSize, seed: number, settings: (s: number) => Record<string, string | number>, baseYear = 2026): HemmaplanDocument {
  const json = stressDocument(size, seed) as { settings: Record<string, unknown>; scenarios: { settings: unknown }[] };
  json.settings = { ...json.settings, baseYear };
  json.scenarios.forEach((scenario, s) => (scenario.settings = settings(s)));
  const { format: _f, version: _v, ...rest } = json as Record<string, unknown>;
  return documentFrom(rest);
}

const SMALL: StressSize = { initiatives: 40, linesPerInitiative: 5, placementTypes: 40, scenarios: 10, years: 10, effectsPerScenario: 20 };

/** Half an öre, and how close to it a reference value must lie for either neighbouring öre to count. */
const HALF = r('0.005');
const CLOSE = r('1e-25');

/**
 * Compares every figure of two results, rounded to öre as the result document writes them. The
 * reference is exact to about 98 digits; a figure whose reference value lies on a rounding boundary
 * (to within 10^-25 of the value) may come out as either neighbour, because the evaluator's 40
 * digits cannot tell which side such a value is on unless it is computed exactly. Returns how many
 * figures were compared and how many lay on a boundary.
 */
function compare(actual: unknown, expected: unknown, path: string, counts: { figures: number; boundary: number }): void {
  if (expected instanceof DecimalBase) {
    if (!(actual instanceof DecimalBase)) throw new Error(`${path}: not a decimal`);
    counts.figures++;
    const want = toFixedHalfUp(expected, 2);
    const got = toFixedHalfUp(actual, 2);
    if (got === want) return;
    const onBoundary = expected.abs().mod(r('0.01')).minus(HALF).abs().lte(CLOSE.times(expected.abs().plus(1)));
    const neighbour = r(want).minus(got).abs().eq(r('0.01'));
    if (!onBoundary || !neighbour) expect.fail(`${path}: ${got}, expected ${want} (${expected.toSignificantDigits(40).toFixed()})`);
    counts.boundary++;
    return;
  }
  if (Array.isArray(expected)) {
    expect(Array.isArray(actual) && actual.length === expected.length, `${path}: length`).toBe(true);
    expected.forEach((item, i) => compare((actual as unknown[])[i], item, `${path}[${i}]`, counts));
    return;
  }
  if (typeof expected === 'object' && expected !== null) {
    for (const [key, value] of Object.entries(expected)) {
      if (key === 'settings') continue;
      compare((actual as Record<string, unknown>)[key], value, `${path}.${key}`, counts);
    }
    return;
  }
  expect(actual, path).toEqual(expected);
}

describe('the evaluator agrees with a straightforward computation (EXCHANGE.md §2)', () => {
  const agree = (document: HemmaplanDocument) => {
    const counts = { figures: 0, boundary: 0 };
    compare(evaluateDocument(document), referenceScenarios(document), 'scenarios', counts);
    // Values exactly half an öre are rare: a handful among thousands of figures.
    expect(counts.boundary).toBeLessThan(counts.figures / 1000 + 5);
    return counts;
  };

  it('on the stress document of the benchmark', () => {
    agree(documentFrom((({ format: _f, version: _v, ...rest }) => rest)(stressDocument())));
  }, 60_000);

  it('with growth, deflation before the base year and discounting', () => {
    for (const seed of [1, 2, 3]) {
      agree(
        variant(SMALL, seed, (s) => ({ salaryGrowthPercent: `${s - 3}.${s}5`, priceGrowthPercent: `${(s % 3) * 1.25 - 1}`, discountRatePercent: `${s}.5` }), 2030),
      );
    }
  }, 60_000);

  it('without growth', () => {
    for (const seed of [4, 5]) agree(variant(SMALL, seed, () => ({ salaryGrowthPercent: '0', priceGrowthPercent: '0', discountRatePercent: '0' })));
  }, 60_000);
});
