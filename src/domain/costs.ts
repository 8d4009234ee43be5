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

function payrollFactor(linePercent: Decimal | undefined, settings: EffectiveSettings): Decimal {
  return ONE.plus((linePercent ?? settings.payrollOverheadPercent).div(HUNDRED));
}

/** The yearly base amount A of a recurring line (§1 table), before proration and indexation. */
export function yearlyBaseAmount(line: CostLine, settings: EffectiveSettings): Decimal | null {
  switch (line.kind) {
    case 'staff':
      return line.fte.times(line.monthlySalary).times(TWELVE).times(payrollFactor(line.payrollOverheadPercent, settings));
    case 'perUnit':
      return line.quantityPerYear.times(line.unitPrice);
    case 'annual':
      return line.amountPerYear;
    case 'funding':
      return line.amountPerYear.neg();
    default:
      return null;
  }
}

/**
 * A function giving the line's cost in a year, for an initiative period and a horizon. The
 * line's fixed parts are computed once, so that evaluating many years stays cheap.
 */
export function lineCostFunction(
  line: CostLine,
  period: MonthRange,
  horizon: MonthRange,
  factors: IndexFactors,
): (year: number) => Decimal {
  const active = intersect(period, horizon);
  switch (line.kind) {
    case 'staff':
    case 'perUnit':
    case 'annual':
    case 'funding': {
      const base = yearlyBaseAmount(line, factors.settings)!;
      const indexed = line.kind === 'staff' ? factors.salary.bind(factors) : factors.price.bind(factors);
      return (year) => {
        const months = monthCount(intersect(active, yearRange(year)));
        if (months === 0) return ZERO;
        const full = base.times(indexed(year));
        return months === 12 ? full : full.times(months).div(TWELVE);
      };
    }
    case 'oneOff': {
      const month = monthIndex(line.month);
      return (year) => (contains(active, month) && contains(yearRange(year), month) ? line.amount.times(factors.price(year)) : ZERO);
    }
    case 'education': {
      const studyMonths = intersect(active, { first: period.first, last: period.first + line.terms * line.monthsPerTerm - 1 });
      const perStudyMonth = line.persons
        .times(line.monthlySalary)
        .times(payrollFactor(line.payrollOverheadPercent, factors.settings))
        .times(line.studyShare);
      const materialPerTerm = line.persons.times(line.materialPerTerm);
      return (year) => {
        const inYear = yearRange(year);
        let cost = ZERO;
        const months = monthCount(intersect(studyMonths, inYear));
        if (months > 0) cost = perStudyMonth.times(months).times(factors.salary(year));
        let terms = 0;
        for (let k = 0; k < line.terms; k++) {
          const month = period.first + k * line.monthsPerTerm;
          if (contains(active, month) && contains(inYear, month)) terms++;
        }
        if (terms > 0) cost = cost.plus(materialPerTerm.times(terms).times(factors.price(year)));
        return cost;
      };
    }
  }
}
