/**
 * EXCHANGE.md §2 computed in exact rational arithmetic (BigInt fractions), for tests: no value is
 * rounded anywhere, so a figure that lies exactly on half an öre is known to, and a payback on a
 * cumulative net of exactly zero is seen as one. Deliberately naive: month by month, line by
 * line, item by item, following the text of §2 and nothing of the evaluator.
 */
import type DecimalBase from 'decimal.js';
import { expect } from 'vitest';
import { toFixedHalfUp, type Decimal } from '../../src/domain/money';
import type { ScenarioResult } from '../../src/domain/scenario';
import { effectiveSettings } from '../../src/domain/settings';
import type { CostLine, HemmaplanDocument, PlacementType, PlacementUnit } from '../../src/domain/types';

const abs = (n: bigint): bigint => (n < 0n ? -n : n);
const gcd = (a: bigint, b: bigint): bigint => {
  a = abs(a);
  b = abs(b);
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
};

/** A fraction n / d in lowest terms with d > 0. */
export class Q {
  readonly n: bigint;
  readonly d: bigint;

  constructor(n: bigint, d: bigint = 1n) {
    if (d === 0n) throw new RangeError('division by zero');
    if (d < 0n) [n, d] = [-n, -d];
    const g = gcd(n, d);
    this.n = g > 1n ? n / g : n;
    this.d = g > 1n ? d / g : d;
  }

  /** A decimal.js value (or decimal text, or integer) as a fraction. */
  static of(value: DecimalBase | string | number): Q {
    const text = typeof value === 'string' ? value : typeof value === 'number' ? String(value) : value.toFixed();
    const match = /^(-?)(\d*)(?:\.(\d*))?$/.exec(text);
    if (!match) throw new RangeError(`not a plain decimal: ${text}`);
    const [, sign = '', int = '', frac = ''] = match;
    const n = BigInt((int || '0') + frac);
    return new Q(sign ? -n : n, 10n ** BigInt(frac.length));
  }

  plus(o: Q): Q {
    return this.d === o.d ? new Q(this.n + o.n, this.d) : new Q(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  minus(o: Q): Q {
    return this.plus(o.neg());
  }
  neg(): Q {
    return new Q(-this.n, this.d);
  }
  times(o: Q | number): Q {
    const q = typeof o === 'number' ? Q.of(o) : o;
    return new Q(this.n * q.n, this.d * q.d);
  }
  div(o: Q | number): Q {
    const q = typeof o === 'number' ? Q.of(o) : o;
    return new Q(this.n * q.d, this.d * q.n);
  }
  pow(exponent: number): Q {
    const e = BigInt(Math.abs(exponent));
    return exponent >= 0 ? new Q(this.n ** e, this.d ** e) : new Q(this.d ** e, this.n ** e);
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  sign(): number {
    return this.n === 0n ? 0 : this.n > 0n ? 1 : -1;
  }

  /** Rounded half away from zero to 2 decimals, written as the result document writes it ("-0.00" never). */
  toFixed2(): string {
    const scaled = abs(this.n) * 100n;
    const rounded = (2n * scaled + this.d) / (2n * this.d);
    const text = `${rounded / 100n}.${String(rounded % 100n).padStart(2, '0')}`;
    return this.n < 0n && rounded !== 0n ? `-${text}` : text;
  }

  /** True when the value is exactly half an öre past a whole öre (x.xx5). */
  onHalfOre(): boolean {
    const twice = abs(this.n) * 200n;
    return twice % this.d === 0n && (twice / this.d) % 2n === 1n;
  }

  /** The distance from the value to the nearest half-öre boundary, as a fraction. */
  distanceToHalfOre(): Q {
    const hundredths = new Q(abs(this.n) * 100n, this.d);
    const whole = hundredths.n / hundredths.d;
    return hundredths.minus(new Q(whole * 2n + 1n, 2n)).abs().div(100);
  }
  abs(): Q {
    return this.n < 0n ? this.neg() : this;
  }
  lt(o: Q): boolean {
    return this.n * o.d < o.n * this.d;
  }
}

const ZERO = new Q(0n);
const ONE = new Q(1n);
const sum = (values: Q[]): Q => values.reduce((a, b) => a.plus(b), ZERO);

export interface ExactScenario {
  id: string;
  startYear: number;
  endYear: number;
  years: { year: number; cost: Q; avoided: Q; net: Q; cumulativeNet: Q }[];
  initiatives: { id: string; years: { year: number; cost: Q }[]; total: Q }[];
  effects: { id: string; years: { year: number; avoided: Q }[]; total: Q }[];
  totals: { cost: Q; avoided: Q; net: Q; npv: Q };
  paybackYear: number | null;
  breakEven: { placementTypeId: string; unit: PlacementUnit; years: { year: number; units: Q }[]; averagePerYear: Q }[];
}

const monthOf = (text: string): number => Number(text.slice(0, 4)) * 12 + Number(text.slice(5, 7)) - 1;

/** Days in one unit: 1, 365/12, 365 (§2.5). */
const DAYS: Record<PlacementUnit, Q> = { day: ONE, month: new Q(365n, 12n), year: new Q(365n) };

/** One cost line's cost in one month at the base year's level, split by the index that applies (§2.2–2.4). */
function lineMonth(line: CostLine, first: number, month: number, payroll: Q): { salary: Q; price: Q } {
  const po = (own: DecimalBase | undefined) => (own === undefined ? payroll : ONE.plus(Q.of(own).div(100)));
  switch (line.kind) {
    case 'staff':
      return { salary: Q.of(line.fte).times(Q.of(line.monthlySalary)).times(po(line.payrollOverheadPercent)), price: ZERO };
    case 'perUnit':
      return { salary: ZERO, price: Q.of(line.quantityPerYear).times(Q.of(line.unitPrice)).div(12) };
    case 'annual':
      return { salary: ZERO, price: Q.of(line.amountPerYear).div(12) };
    case 'funding':
      return { salary: ZERO, price: Q.of(line.amountPerYear).neg().div(12) };
    case 'oneOff':
      return { salary: ZERO, price: monthOf(line.month) === month ? Q.of(line.amount) : ZERO };
    case 'education': {
      const k = month - first;
      const study = k < line.terms * line.monthsPerTerm;
      const material = k % line.monthsPerTerm === 0 && k / line.monthsPerTerm < line.terms;
      const persons = Q.of(line.persons);
      return {
        salary: study ? persons.times(Q.of(line.monthlySalary)).times(po(line.payrollOverheadPercent)).times(Q.of(line.studyShare)) : ZERO,
        price: material ? persons.times(Q.of(line.materialPerTerm)) : ZERO,
      };
    }
  }
}

/** Every scenario of a validated document, exactly. */
export function exactScenarios(document: HemmaplanDocument): ExactScenario[] {
  return document.scenarios.map((scenario) => {
    const settings = effectiveSettings(document.settings, scenario);
    const rate = (percent: DecimalBase) => ONE.plus(Q.of(percent).div(100));
    const payroll = rate(settings.payrollOverheadPercent);
    const years = Array.from({ length: scenario.years }, (_, i) => scenario.startYear + i);
    const S = (y: number) => rate(settings.salaryGrowthPercent).pow(y - settings.baseYear);
    const P = (y: number) => rate(settings.priceGrowthPercent).pow(y - settings.baseYear);
    const priceIn = (type: PlacementType, year: number, unit: PlacementUnit) =>
      Q.of(type.price).times(rate(settings.priceGrowthPercent).pow(year - type.priceYear)).div(DAYS[type.unit]).times(DAYS[unit]);

    const initiatives = scenario.initiativeIds.map((id) => {
      const initiative = document.initiatives.find((i) => i.id === id)!;
      const first = monthOf(initiative.start);
      const last = initiative.end ? monthOf(initiative.end) : Number.MAX_SAFE_INTEGER;
      const costs = years.map((year) => {
        const [salaryIndex, priceIndex] = [S(year), P(year)];
        let cost = ZERO;
        for (let month = year * 12; month < year * 12 + 12; month++) {
          if (month < first || month > last) continue;
          for (const line of initiative.costLines) {
            const part = lineMonth(line, first, month, payroll);
            cost = cost.plus(part.salary.times(salaryIndex)).plus(part.price.times(priceIndex));
          }
        }
        return cost;
      });
      return { id, years: years.map((year, i) => ({ year, cost: costs[i]! })), total: sum(costs) };
    });

    const types = new Map(document.placementTypes.map((t) => [t.id, t]));
    const effects = scenario.effects.map((effect) => {
      const from = types.get(effect.fromPlacementTypeId)!;
      const to = effect.toPlacementTypeId === undefined ? undefined : types.get(effect.toPlacementTypeId)!;
      const avoided = years.map((year) => {
        const entry = effect.perYear.find((e) => e.year === year);
        if (!entry) return ZERO;
        const saving = priceIn(from, year, from.unit).minus(to ? priceIn(to, year, from.unit) : ZERO);
        return Q.of(entry.placements).times(Q.of(entry.unitsPerPlacement)).times(saving).times(Q.of(effect.expectedShare));
      });
      return { id: effect.id, years: years.map((year, i) => ({ year, avoided: avoided[i]! })), total: sum(avoided) };
    });

    let cumulativeNet = ZERO;
    let npv = ZERO;
    let paybackYear: number | null = null;
    const yearFigures = years.map((year, i) => {
      const cost = sum(initiatives.map((x) => x.years[i]!.cost));
      const avoided = sum(effects.map((x) => x.years[i]!.avoided));
      const net = avoided.minus(cost);
      cumulativeNet = cumulativeNet.plus(net);
      npv = npv.plus(net.div(rate(settings.discountRatePercent).pow(i)));
      if (paybackYear === null && cumulativeNet.sign() >= 0) paybackYear = year;
      return { year, cost, avoided, net, cumulativeNet };
    });
    const totalCost = sum(yearFigures.map((y) => y.cost));
    const totalAvoided = sum(yearFigures.map((y) => y.avoided));
    const breakEven = document.placementTypes
      .filter((type) => type.price.gt(0))
      .map((type) => {
        const units = yearFigures.map((y) => ({ year: y.year, units: y.cost.div(priceIn(type, y.year, type.unit)) }));
        return { placementTypeId: type.id, unit: type.unit, years: units, averagePerYear: sum(units.map((u) => u.units)).div(years.length) };
      });
    return {
      id: scenario.id,
      startYear: scenario.startYear,
      endYear: scenario.startYear + scenario.years - 1,
      years: yearFigures,
      initiatives,
      effects,
      totals: { cost: totalCost, avoided: totalAvoided, net: totalAvoided.minus(totalCost), npv },
      paybackYear,
      breakEven,
    };
  });
}

/** How close to a half öre an exact value may lie, without being on it, for either neighbouring öre to count. */
const CLOSE = new Q(1n, 10n ** 28n);

/** What a comparison saw: figures compared, figures exactly on a half öre, paybacks on an exact-zero cumulative net. */
export interface Counts {
  figures: number;
  onHalf: number;
  zeroPayback: number;
}

export const newCounts = (): Counts => ({ figures: 0, onHalf: 0, zeroPayback: 0 });

/**
 * Every printed figure of the evaluator's result against the exact one; the first disagreement
 * fails. A figure on half an öre must be rounded away from zero; only one within 10^-28 of a half
 * öre without being on it may come out as either neighbour (40 digits cannot tell the side).
 */
export function compareWithExact(actual: ScenarioResult, exact: ExactScenario, label: string, counts: Counts): void {
  const where = `${label} scenario ${exact.id}`;
  const check = (path: string, got: Decimal, want: Q) => {
    counts.figures++;
    if (want.onHalfOre()) counts.onHalf++;
    const printed = toFixedHalfUp(got, 2);
    if (printed === want.toFixed2()) return;
    if (!want.onHalfOre() && want.distanceToHalfOre().lt(CLOSE)) return;
    expect.fail(`${where} ${path}: printed ${printed}, exactly ${want.toFixed2()} (evaluator ${got.toFixed()})`);
  };
  exact.years.forEach((y, i) => {
    const a = actual.years[i]!;
    check(`years[${i}].cost`, a.cost, y.cost);
    check(`years[${i}].avoided`, a.avoided, y.avoided);
    check(`years[${i}].net`, a.net, y.net);
    check(`years[${i}].cumulativeNet`, a.cumulativeNet, y.cumulativeNet);
  });
  exact.initiatives.forEach((x, j) => {
    x.years.forEach((y, i) => check(`initiatives[${j}].years[${i}].cost`, actual.initiatives[j]!.years[i]!.cost, y.cost));
    check(`initiatives[${j}].total`, actual.initiatives[j]!.total, x.total);
  });
  exact.effects.forEach((x, j) => {
    x.years.forEach((y, i) => check(`effects[${j}].years[${i}].avoided`, actual.effects[j]!.years[i]!.avoided, y.avoided));
    check(`effects[${j}].total`, actual.effects[j]!.total, x.total);
  });
  for (const key of ['cost', 'avoided', 'net', 'npv'] as const) check(`totals.${key}`, actual.totals[key], exact.totals[key]);
  exact.breakEven.forEach((b, j) => {
    b.years.forEach((y, i) => check(`breakEven[${j}].years[${i}].units`, actual.breakEven[j]!.years[i]!.units, y.units));
    check(`breakEven[${j}].averagePerYear`, actual.breakEven[j]!.averagePerYear, b.averagePerYear);
  });
  expect(actual.paybackYear, `${where} paybackYear`).toBe(exact.paybackYear);
  if (exact.paybackYear !== null && exact.years.find((y) => y.year === exact.paybackYear)!.cumulativeNet.isZero()) counts.zeroPayback++;
}
