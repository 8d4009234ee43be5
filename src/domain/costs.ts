/**
 * What an initiative's cost lines cost in each year (EXCHANGE.md §2.1–2.4), exactly.
 */
import { Decimal, HUNDRED, ONE, ZERO } from './money';
import { contains, intersect, monthCount, monthIndex, type MonthRange, yearRange } from './months';
import type { EffectiveSettings } from './settings';
import type { CostLine, Initiative, PlacementType, PlacementUnit } from './types';

const TWELVE = new Decimal(12);
const DAYS_PER_YEAR = new Decimal(365);

/** Salary and price index factors of one set of effective settings, cached per exponent. */
export class IndexFactors {
  private readonly salaryPowers: Powers;
  private readonly pricePowers: Powers;

  constructor(readonly settings: EffectiveSettings) {
    this.salaryPowers = new Powers(ONE.plus(settings.salaryGrowthPercent.div(HUNDRED)));
    this.pricePowers = new Powers(ONE.plus(settings.priceGrowthPercent.div(HUNDRED)));
  }

  /** S(y) = (1 + salaryGrowth/100)^(y − baseYear). */
  salary(year: number): Decimal {
    return this.salaryPowers.get(year - this.settings.baseYear);
  }

  /** P(y) = (1 + priceGrowth/100)^(y − baseYear). */
  price(year: number): Decimal {
    return this.pricePowers.get(year - this.settings.baseYear);
  }

  /** A placement type's price per its own unit in year y: price × (1 + priceGrowth/100)^(y − priceYear). */
  placementPrice(type: PlacementType, year: number): Decimal {
    return type.price.times(this.pricePowers.get(year - type.priceYear));
  }
}

/** Integer powers of one base, computed once each. */
class Powers {
  private readonly cache = new Map<number, Decimal>();
  constructor(private readonly base: Decimal) {}

  get(exponent: number): Decimal {
    let value = this.cache.get(exponent);
    if (value === undefined) {
      value = this.base.pow(exponent);
      this.cache.set(exponent, value);
    }
    return value;
  }
}

/** A price per `from` unit converted from a price per `to` unit, through a price per day (§2.5). */
export function convertPrice(price: Decimal, unit: PlacementUnit, toUnit: PlacementUnit): Decimal {
  if (unit === toUnit) return price;
  const perDay = unit === 'day' ? price : unit === 'month' ? price.times(TWELVE).div(DAYS_PER_YEAR) : price.div(DAYS_PER_YEAR);
  return toUnit === 'day' ? perDay : toUnit === 'month' ? perDay.times(DAYS_PER_YEAR).div(TWELVE) : perDay.times(DAYS_PER_YEAR);
}

/** The initiative's period as month indexes; open-ended initiatives run to the end of time. */
export function initiativePeriod(initiative: Pick<Initiative, 'start' | 'end'>): MonthRange {
  return {
    first: monthIndex(initiative.start),
    last: initiative.end ? monthIndex(initiative.end) : Number.MAX_SAFE_INTEGER,
  };
}

/** A cost in one calendar year at the base year's level, split by the index that applies to it. */
export interface BaseCost {
  /** Indexed by the salary factor S(y): staff lines and study salaries. */
  salary: Decimal;
  /** Indexed by the price factor P(y): purchases, yearly amounts, funding, one-offs, study material. */
  price: Decimal;
}

const NO_COST: BaseCost = Object.freeze({ salary: ZERO, price: ZERO });

/** The parts of a line that do not depend on the year, computed once per payroll overhead. */
type PreparedLine =
  | { kind: 'recurring'; index: keyof BaseCost; amountPerYear: Decimal }
  | { kind: 'oneOff'; month: number; amount: Decimal }
  | { kind: 'education'; studyMonths: MonthRange; perStudyMonth: Decimal; materialMonths: number[]; materialPerTerm: Decimal };

function prepareLine(line: CostLine, period: MonthRange, payrollOverheadPercent: Decimal): PreparedLine {
  const payroll = (own: Decimal | undefined) => ONE.plus((own ?? payrollOverheadPercent).div(HUNDRED));
  switch (line.kind) {
    case 'staff':
      return { kind: 'recurring', index: 'salary', amountPerYear: line.fte.times(line.monthlySalary).times(TWELVE).times(payroll(line.payrollOverheadPercent)) };
    case 'perUnit':
      return { kind: 'recurring', index: 'price', amountPerYear: line.quantityPerYear.times(line.unitPrice) };
    case 'annual':
      return { kind: 'recurring', index: 'price', amountPerYear: line.amountPerYear };
    case 'funding':
      return { kind: 'recurring', index: 'price', amountPerYear: line.amountPerYear.neg() };
    case 'oneOff':
      return { kind: 'oneOff', month: monthIndex(line.month), amount: line.amount };
    case 'education': {
      const block = { first: period.first, last: period.first + line.terms * line.monthsPerTerm - 1 };
      return {
        kind: 'education',
        studyMonths: intersect(period, block),
        perStudyMonth: line.persons.times(line.monthlySalary).times(payroll(line.payrollOverheadPercent)).times(line.studyShare),
        materialMonths: Array.from({ length: line.terms }, (_, k) => period.first + k * line.monthsPerTerm).filter((m) => contains(period, m)),
        materialPerTerm: line.persons.times(line.materialPerTerm),
      };
    }
  }
}

/**
 * A line's cost in one calendar year before indexation (§2.2–2.4). A horizon is made of whole
 * years, so for a year inside it the rules' "inside the horizon" holds for every month of the year.
 */
function lineBaseCost(line: PreparedLine, period: MonthRange, year: number): BaseCost {
  const inYear = yearRange(year);
  switch (line.kind) {
    case 'recurring': {
      const months = monthCount(intersect(period, inYear));
      if (months === 0) return NO_COST;
      const amount = months === 12 ? line.amountPerYear : line.amountPerYear.times(months).div(TWELVE);
      return line.index === 'salary' ? { salary: amount, price: ZERO } : { salary: ZERO, price: amount };
    }
    case 'oneOff':
      return contains(period, line.month) && contains(inYear, line.month) ? { salary: ZERO, price: line.amount } : NO_COST;
    case 'education': {
      const months = monthCount(intersect(line.studyMonths, inYear));
      const terms = line.materialMonths.filter((m) => contains(inYear, m)).length;
      if (months === 0 && terms === 0) return NO_COST;
      return {
        salary: months === 0 ? ZERO : line.perStudyMonth.times(months),
        price: terms === 0 ? ZERO : line.materialPerTerm.times(terms),
      };
    }
  }
}

function addCost(a: BaseCost, b: BaseCost): BaseCost {
  if (b === NO_COST) return a;
  if (a === NO_COST) return b;
  return {
    salary: b.salary.isZero() ? a.salary : a.salary.plus(b.salary),
    price: b.price.isZero() ? a.price : a.price.plus(b.price),
  };
}

/** A base cost brought to year y's salary and price level: salary × S(y) + price × P(y). */
export function indexCost(cost: BaseCost, year: number, factors: IndexFactors): Decimal {
  const salary = cost.salary.isZero() ? ZERO : cost.salary.times(factors.salary(year));
  return cost.price.isZero() ? salary : salary.isZero() ? cost.price.times(factors.price(year)) : salary.plus(cost.price.times(factors.price(year)));
}

/**
 * An initiative's cost lines prepared for one payroll overhead, with their base costs per
 * calendar year remembered. Scenarios that share the overhead share this work, whatever their
 * horizons and growth rates.
 */
export class CostedInitiative {
  readonly period: MonthRange;
  private readonly lines: PreparedLine[];
  private readonly totals = new Map<number, BaseCost>();
  private readonly indexed = new WeakMap<IndexFactors, Map<number, Decimal>>();

  constructor(readonly initiative: Initiative, payrollOverheadPercent: Decimal) {
    this.period = initiativePeriod(initiative);
    this.lines = initiative.costLines.map((line) => prepareLine(line, this.period, payrollOverheadPercent));
  }

  /** Each line's base cost in a calendar year, in the order of the lines. */
  lineCosts(year: number): BaseCost[] {
    return this.lines.map((line) => lineBaseCost(line, this.period, year));
  }

  /** The whole initiative's base cost in a calendar year. */
  cost(year: number): BaseCost {
    let total = this.totals.get(year);
    if (total === undefined) {
      total = NO_COST;
      for (const line of this.lines) total = addCost(total, lineBaseCost(line, this.period, year));
      this.totals.set(year, total);
    }
    return total;
  }

  /** The whole initiative's cost in year y at that year's salary and price level. */
  indexedCost(year: number, factors: IndexFactors): Decimal {
    let byYear = this.indexed.get(factors);
    if (!byYear) this.indexed.set(factors, (byYear = new Map()));
    let cost = byYear.get(year);
    if (cost === undefined) byYear.set(year, (cost = indexCost(this.cost(year), year, factors)));
    return cost;
  }
}

/**
 * Work shared across the scenarios of one evaluation: index factors per set of settings, and
 * costed initiatives per initiative and payroll overhead. Scenarios with the same settings then
 * share their initiatives' yearly costs.
 */
export class CostCache {
  private readonly byInitiative = new WeakMap<Initiative, Map<string, CostedInitiative>>();
  private readonly factorsBySettings = new Map<string, IndexFactors>();

  factors(settings: EffectiveSettings): IndexFactors {
    const key = [settings.payrollOverheadPercent, settings.salaryGrowthPercent, settings.priceGrowthPercent, settings.baseYear].join('|');
    let factors = this.factorsBySettings.get(key);
    if (!factors) this.factorsBySettings.set(key, (factors = new IndexFactors(settings)));
    return factors;
  }

  get(initiative: Initiative, payrollOverheadPercent: Decimal): CostedInitiative {
    let byOverhead = this.byInitiative.get(initiative);
    if (!byOverhead) this.byInitiative.set(initiative, (byOverhead = new Map()));
    const key = payrollOverheadPercent.toString();
    let costed = byOverhead.get(key);
    if (!costed) byOverhead.set(key, (costed = new CostedInitiative(initiative, payrollOverheadPercent)));
    return costed;
  }
}
