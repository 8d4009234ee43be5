/**
 * What an initiative's cost lines cost in each year (EXCHANGE.md §2.1–2.4), exactly.
 */
import { Decimal, HUNDRED, ONE, QuickDivisor, timesExact, ZERO } from './money';
import { contains, intersect, monthIndex, monthsInYear, type MonthRange, yearOfIndex } from './months';
import type { EffectiveSettings } from './settings';
import type { CostLine, HemmaplanDocument, Initiative, PlacementType, PlacementUnit } from './types';

/**
 * Amounts inside the evaluator are counted in parts of a krona, 4380 = 12 × 365 parts to the krona,
 * wherever a twelfth or a unit conversion comes in. A twelfth of a yearly amount (§2.2) and a price
 * converted between days, months and years (§2.5) are then decimal amounts times whole numbers of
 * parts, and so are their sums, products and differences: no quotient without a finite decimal is
 * rounded and then added or multiplied. Such a figure is divided by 4380 once, when it is handed out,
 * so that a figure with an exact decimal answer gets it: three twelfths of 20 000,02 kr are
 * 5 000,005 kr, not three rounded 1 666,66833… that add up to 5 000,00499…9 and print as 5 000,00.
 * Amounts known to be exact in kronor (a year's cost without twelfths that do not end, an effect
 * without a conversion) are kept in kronor and need no division.
 */
export const PARTS_PER_KRONA = new Decimal(4380);
/** The parts of a twelfth of a krona: a yearly amount of A kronor is A × 365 parts a month. */
const PARTS_PER_TWELFTH = new Decimal(365);
const MONTHS = new Decimal(12);

/** An amount in parts of a krona, in kronor: the one division, taken last. */
export function toKronor(parts: Decimal): Decimal {
  return parts.div(PARTS_PER_KRONA);
}

/** An amount in kronor in parts of a krona: exact. */
export function toParts(kronor: Decimal): Decimal {
  return kronor.times(PARTS_PER_KRONA);
}

/**
 * An amount in parts of a krona in kronor when that is an exact decimal (it ends), else null. The
 * quotient is multiplied back without rounding: a rounded quotient times 4380, rounded again to 40
 * digits, can come back to the amount it was divided from.
 */
function exactKronor(parts: Decimal): Decimal | null {
  if (parts.isZero()) return ZERO;
  const kronor = toKronor(parts);
  // An exact quotient K has fewer digits than the amount K × 4380 = K × 438 × 10 (K × 438 has at
  // least two digits more than K and ends in at most one zero): a quotient with as many is rounded.
  // A quotient of at most 36 digits times 4380 fits 40 digits, so the ordinary product is exact.
  const digits = kronor.precision();
  if (digits >= parts.precision()) return null;
  const back = digits <= Decimal.precision - 4 ? kronor.times(PARTS_PER_KRONA) : timesExact(kronor, PARTS_PER_KRONA);
  return back.eq(parts) ? kronor : null;
}

/**
 * An amount in parts of a krona known to be 4380 times a finite decimal, in kronor. That quotient
 * has fewer digits than the amount (see exactKronor), so dividing an amount that fits the precision
 * gives it exactly; any other amount is checked.
 */
function knownExactKronor(parts: Decimal): Decimal | null {
  if (parts.isZero()) return ZERO;
  return fitsPrecision(parts) ? toKronor(parts) : exactKronor(parts);
}

/**
 * True when a value has no more significant digits than the configured precision. Every result of
 * an operation fits; a parsed amount may not. Multiplying a fitting value by exactly one, or adding
 * zero to it, gives the value itself, so such operations can be skipped without changing a digit.
 */
function fitsPrecision(value: Decimal): boolean {
  return value.precision() <= Decimal.precision;
}

/**
 * amount × factor; a factor of exactly one (the ONE constant) leaves a fitting amount as it is.
 * decimal.js copies the argument of an operation, so the factor (often a long index power) is the
 * value the method is called on and the amount (mostly short) is the one copied; the product is
 * the same either way.
 */
export function scaled(amount: Decimal, factor: Decimal): Decimal {
  return factor === ONE && fitsPrecision(amount) ? amount : factor.times(amount);
}

/** Integer powers of (1 + percent/100), computed once each. A power of exactly one is the ONE constant. */
export class Powers {
  /** The powers computed so far, by the exponent's size and sign (exponents are years apart: small). */
  private readonly positive: Decimal[] = [];
  private readonly negative: Decimal[] = [];
  private readonly inverses: Decimal[] = [];
  private readonly base: Decimal;
  private readonly baseIsOne: boolean;

  constructor(percent: Decimal) {
    this.base = ONE.plus(percent.div(HUNDRED));
    this.baseIsOne = this.base.eq(ONE);
  }

  /** True when every power is one: a growth of 0 %. */
  get flat(): boolean {
    return this.baseIsOne;
  }

  get(exponent: number): Decimal {
    if (exponent === 0 || this.baseIsOne) return ONE;
    const cache = exponent > 0 ? this.positive : this.negative;
    const size = Math.abs(exponent);
    let value = cache[size];
    if (value === undefined) cache[size] = value = this.base.pow(exponent);
    return value;
  }

  /**
   * 1 / (4380 × get(n)) for n > 0 (the power as every other calculation takes it, rounded to 40
   * digits like any product), within half a unit of its 40th digit: the product below the line is
   * taken exactly. Made once per n. An amount in parts of a krona times it is the amount in kronor
   * at the level n years earlier, by a product instead of a division by a long power.
   */
  inverseParts(n: number): Decimal {
    let value = this.inverses[n];
    if (value === undefined) this.inverses[n] = value = ONE.div(timesExact(PARTS_PER_KRONA, this.get(n)));
    return value;
  }

  /**
   * amount × (1 + percent/100)^exponent. A negative exponent divides by the positive power instead
   * of multiplying by its reciprocal, which does not end and would be rounded before the product:
   * 500 002,56 / 0,96² is exactly 542 537,50, where × 0,96^−2 gives 542 537,4999…98.
   */
  apply(amount: Decimal, exponent: number): Decimal {
    return exponent >= 0 || this.baseIsOne ? scaled(amount, this.get(exponent)) : amount.div(this.get(-exponent));
  }
}

/** An index over calendar years: (1 + percent/100)^(y − baseYear). */
export class IndexSeries {
  constructor(
    readonly powers: Powers,
    readonly baseYear: number,
  ) {}

  at(year: number): Decimal {
    return this.powers.get(year - this.baseYear);
  }

  /** amount indexed to year y: amount × (1 + percent/100)^(y − baseYear), dividing for years before the base year. */
  apply(amount: Decimal, year: number): Decimal {
    return this.powers.apply(amount, year - this.baseYear);
  }
}

/**
 * Index powers and series per growth rate, shared by all index factors made from one pool, and
 * placement prices indexed by them. Scenarios whose salary growth (or price growth) is the same
 * then share everything indexed by it, whatever their other settings.
 */
export class IndexPool {
  private readonly powersByPercent = new Map<string, Powers>();
  private readonly seriesByKey = new Map<string, IndexSeries>();
  private readonly products = new Map<Decimal, Map<Powers, Map<number, Decimal>>>();
  private readonly pricesInParts = new Map<PlacementType, Map<PlacementUnit, Decimal>>();
  private readonly pricesAsDigits = new Map<PlacementType, PriceDigits>();

  /** The powers of (1 + percent/100). */
  powers(percent: Decimal): Powers {
    const key = percent.toString();
    let powers = this.powersByPercent.get(key);
    if (!powers) this.powersByPercent.set(key, (powers = new Powers(percent)));
    return powers;
  }

  /** The index (1 + percent/100)^(y − baseYear). */
  series(percent: Decimal, baseYear: number): IndexSeries {
    const key = `${percent.toString()}@${baseYear}`;
    let series = this.seriesByKey.get(key);
    if (!series) this.seriesByKey.set(key, (series = new IndexSeries(this.powers(percent), baseYear)));
    return series;
  }

  /** A placement type's price per `unit` in parts of a krona (see PARTS_PER_KRONA), made once per type and unit. */
  priceParts(type: PlacementType, unit: PlacementUnit): Decimal {
    let byUnit = this.pricesInParts.get(type);
    if (!byUnit) this.pricesInParts.set(type, (byUnit = new Map()));
    let parts = byUnit.get(unit);
    if (parts === undefined) byUnit.set(unit, (parts = convertPriceToParts(type.price, type.unit, unit)));
    return parts;
  }

  /** A placement type's price as the whole number of its significant digits (see PriceDigits), made once per type. */
  priceDigits(type: PlacementType): PriceDigits {
    let digits = this.pricesAsDigits.get(type);
    if (digits === undefined) {
      const exponent = type.price.e - type.price.precision() + 1;
      this.pricesAsDigits.set(type, (digits = { divisor: new QuickDivisor(exponent === 0 ? type.price : type.price.times(`1e${-exponent}`)), exponent }));
    }
    return digits;
  }

  /** amount × (1 + percent/100)^exponent for one of the pool's powers (see Powers.apply), computed once per amount, powers and exponent. */
  indexed(amount: Decimal, powers: Powers, exponent: number): Decimal {
    if (exponent === 0 || powers.flat) return powers.apply(amount, exponent);
    let byPowers = this.products.get(amount);
    if (!byPowers) this.products.set(amount, (byPowers = new Map()));
    let byExponent = byPowers.get(powers);
    if (!byExponent) byPowers.set(powers, (byExponent = new Map()));
    let value = byExponent.get(exponent);
    if (value === undefined) byExponent.set(exponent, (value = powers.apply(amount, exponent)));
    return value;
  }
}

/**
 * A price p written as m × 10^exponent with m a whole number without trailing zeros: 13 000,99 is
 * 1 300 099 × 10^−2 and 4 500 is 45 × 10^2 (m is rounded to 40 digits, like any product, for a
 * price of more).
 */
export interface PriceDigits {
  /** m, to divide by. */
  divisor: QuickDivisor;
  exponent: number;
}

/** Salary and price index factors of one set of effective settings. */
export class IndexFactors {
  /** S(y) = (1 + salaryGrowth/100)^(y − baseYear). */
  readonly salaryIndex: IndexSeries;
  /** P(y) = (1 + priceGrowth/100)^(y − baseYear). */
  readonly priceIndex: IndexSeries;

  constructor(
    readonly settings: EffectiveSettings,
    private readonly pool: IndexPool = new IndexPool(),
  ) {
    this.salaryIndex = pool.series(settings.salaryGrowthPercent, settings.baseYear);
    this.priceIndex = pool.series(settings.priceGrowthPercent, settings.baseYear);
  }

  /** A placement type's price as the whole number of its digits and a power of ten (see PriceDigits). */
  priceDigits(type: PlacementType): PriceDigits {
    return this.pool.priceDigits(type);
  }

  /** A placement type's price per its own unit in year y: price × (1 + priceGrowth/100)^(y − priceYear). */
  placementPrice(type: PlacementType, year: number): Decimal {
    return this.pool.indexed(type.price, this.priceIndex.powers, year - type.priceYear);
  }

  /**
   * A placement type's price in year y per `unit` (its own or another, §2.5), in parts of a krona:
   * the conversion is a whole number of parts, so nothing is divided.
   */
  placementPriceParts(type: PlacementType, unit: PlacementUnit, year: number): Decimal {
    return this.pool.indexed(this.pool.priceParts(type, unit), this.priceIndex.powers, year - type.priceYear);
  }
}

/** A cost in year y expressed in units (days, months, years) of a placement type at that year's price. */
export function unitsOfPlacement(cost: Decimal, type: PlacementType, year: number, factors: IndexFactors): Decimal {
  return cost.div(factors.placementPrice(type, year));
}

/**
 * The parts of a krona that one krona per `unit` comes to per `toUnit`: 4380 × days(toUnit) /
 * days(unit), with a day, 365/12 days and 365 days as in §2.5. Always a whole number.
 */
const CONVERSION_PARTS: Record<PlacementUnit, Record<PlacementUnit, Decimal>> = {
  day: { day: new Decimal(4380), month: new Decimal(133225), year: new Decimal(1598700) },
  month: { day: new Decimal(144), month: new Decimal(4380), year: new Decimal(52560) },
  year: { day: new Decimal(12), month: new Decimal(365), year: new Decimal(4380) },
};

/** A price per `unit` converted to a price per `toUnit` (§2.5), in parts of a krona: exact. */
function convertPriceToParts(price: Decimal, unit: PlacementUnit, toUnit: PlacementUnit): Decimal {
  return price.times(CONVERSION_PARTS[unit][toUnit]);
}

/**
 * A price per `unit` converted to a price per `toUnit` (§2.5). The rule's two steps, to a price per
 * day and on to the other unit, are taken as one factor with the division last, so that a
 * conversion with an exact answer gets it: 5 000,03 kr per month is 60 000,36 kr per year, not
 * 60 000,36…01 from dividing by 365 and multiplying back, which can move a half öre.
 */
export function convertPrice(price: Decimal, unit: PlacementUnit, toUnit: PlacementUnit): Decimal {
  return unit === toUnit ? price : toKronor(convertPriceToParts(price, unit, toUnit));
}

/** The initiative's period as month indexes; open-ended initiatives run to the end of time. */
export function initiativePeriod(initiative: Pick<Initiative, 'start' | 'end'>): MonthRange {
  return {
    first: monthIndex(initiative.start),
    last: initiative.end ? monthIndex(initiative.end) : Number.MAX_SAFE_INTEGER,
  };
}

/**
 * A cost in one calendar year at the base year's level, in parts of a krona (PARTS_PER_KRONA),
 * split by the index that applies to it.
 */
export interface BaseCost {
  /** Indexed by the salary factor S(y): staff lines and study salaries. */
  salary: Decimal;
  /** Indexed by the price factor P(y): purchases, yearly amounts, funding, one-offs, study material. */
  price: Decimal;
}

const NO_COST: BaseCost = Object.freeze({ salary: ZERO, price: ZERO });

/** The parts of a line that do not depend on the year, computed once per payroll overhead; amounts in parts of a krona. */
type PreparedLine =
  | { kind: 'recurring'; index: keyof BaseCost; perMonth: Decimal; perYear: Decimal }
  | { kind: 'oneOff'; month: number; amount: Decimal }
  | { kind: 'education'; studyMonths: MonthRange; perStudyMonth: Decimal; materialMonths: number[]; materialPerTerm: Decimal };

/** 1 + po/100 for a payroll overhead in percent. */
function payrollFactor(payrollOverheadPercent: Decimal): Decimal {
  return ONE.plus(payrollOverheadPercent.div(HUNDRED));
}

/** A line prepared for the period; `defaultPayroll` is 1 + po/100 for lines without an overhead of their own. */
function prepareLine(line: CostLine, period: MonthRange, defaultPayroll: Decimal): PreparedLine {
  const payroll = (own: Decimal | undefined) => (own === undefined ? defaultPayroll : payrollFactor(own));
  // A yearly amount of A kronor (§2.2) is A × 365 parts a month.
  const recurring = (index: keyof BaseCost, perMonth: Decimal): PreparedLine => ({ kind: 'recurring', index, perMonth, perYear: perMonth.times(MONTHS) });
  switch (line.kind) {
    case 'staff':
      return recurring('salary', line.fte.times(line.monthlySalary).times(payroll(line.payrollOverheadPercent)).times(PARTS_PER_KRONA));
    case 'perUnit':
      return recurring('price', line.quantityPerYear.times(line.unitPrice).times(PARTS_PER_TWELFTH));
    case 'annual':
      return recurring('price', line.amountPerYear.times(PARTS_PER_TWELFTH));
    case 'funding':
      return recurring('price', line.amountPerYear.neg().times(PARTS_PER_TWELFTH));
    case 'oneOff':
      return { kind: 'oneOff', month: monthIndex(line.month), amount: line.amount.times(PARTS_PER_KRONA) };
    case 'education': {
      const block = { first: period.first, last: period.first + line.terms * line.monthsPerTerm - 1 };
      return {
        kind: 'education',
        studyMonths: intersect(period, block),
        perStudyMonth: line.persons.times(line.monthlySalary).times(payroll(line.payrollOverheadPercent)).times(line.studyShare).times(PARTS_PER_KRONA),
        materialMonths: Array.from({ length: line.terms }, (_, k) => period.first + k * line.monthsPerTerm).filter((m) => contains(period, m)),
        materialPerTerm: line.persons.times(line.materialPerTerm).times(PARTS_PER_KRONA),
      };
    }
  }
}

/**
 * What a line's cost in one calendar year depends on, as one number (§2.2–2.4): for a recurring
 * line the months of the year in the period, for a one-off 1 when it falls in the year and 0
 * otherwise, for education the study months in the year × 100 plus the terms whose material is
 * bought in it (at most 12). Zero when the line costs nothing in the year. A horizon is made of
 * whole years, so for a year inside it the rules' "inside the horizon" holds for every month.
 */
function lineYear(line: PreparedLine, period: MonthRange, year: number): number {
  switch (line.kind) {
    case 'recurring':
      return monthsInYear(period, year);
    case 'oneOff':
      return contains(period, line.month) && yearOfIndex(line.month) === year ? 1 : 0;
    case 'education': {
      let terms = 0;
      for (const month of line.materialMonths) if (yearOfIndex(month) === year) terms++;
      return monthsInYear(line.studyMonths, year) * 100 + terms;
    }
  }
}

/** A line's cost in one calendar year before indexation, from what of it falls in the year (lineYear). */
function lineBaseCost(line: PreparedLine, part: number): BaseCost {
  if (part === 0) return NO_COST;
  switch (line.kind) {
    case 'recurring': {
      const amount = part === 12 ? line.perYear : line.perMonth.times(part);
      return line.index === 'salary' ? { salary: amount, price: ZERO } : { salary: ZERO, price: amount };
    }
    case 'oneOff':
      return { salary: ZERO, price: line.amount };
    case 'education': {
      const months = Math.floor(part / 100);
      const terms = part % 100;
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

/** A base cost brought to year y's salary and price level, in parts of a krona: salary × S(y) + price × P(y). */
export function indexParts(cost: BaseCost, year: number, factors: IndexFactors): Decimal {
  return sumOfParts(indexPart(cost.salary, factors.salaryIndex, year), indexPart(cost.price, factors.priceIndex, year));
}

/** A base cost brought to year y's salary and price level, in kronor. */
export function indexCost(cost: BaseCost, year: number, factors: IndexFactors): Decimal {
  return toKronor(indexParts(cost, year, factors));
}

/** One part of a base cost times its index factor; zero stays the ZERO constant. */
function indexPart(amount: Decimal, index: IndexSeries, year: number): Decimal {
  return amount.isZero() ? ZERO : index.apply(amount, year);
}

/** The sum of the indexed salary and price parts, skipping a part that is zero. */
function sumOfParts(salary: Decimal, price: Decimal): Decimal {
  return price.isZero() ? salary : salary.isZero() ? price : salary.plus(price);
}

/** An initiative's cost in each year of a horizon, at each year's salary and price level, and their sum. */
export interface IndexedCosts {
  /** Each year's cost in kronor, in order (shared by the results of the scenarios that share the settings, so read-only). */
  years: readonly { readonly year: number; readonly cost: Decimal }[];
  total: Decimal;
}

type Horizon = { startYear: number; years: number };

/**
 * An initiative's cost lines prepared for one payroll overhead, with their base costs per
 * calendar year remembered. Scenarios that share the overhead share this work, whatever their
 * horizons and growth rates; scenarios that share a salary (or price) index and a horizon share
 * the salary (or price) parts indexed by it; scenarios that share their settings share it all.
 * The caches are plain maps (not weak ones, which cost the garbage collector dearly): their keys
 * come from the same CostCache and live as long as it does.
 */
export class CostedInitiative {
  readonly period: MonthRange;
  private readonly lines: PreparedLine[];
  /** True when a line is a yearly amount indexed by prices (purchases, yearly amounts, funding), whose twelfths may not end. */
  private readonly hasYearlyPrices: boolean;
  private readonly totals = new Map<number, BaseCost>();
  /** The base costs computed so far, each with its shape: what of every line falls in the year (lineYear). */
  private readonly shapes: { parts: number[]; cost: BaseCost }[] = [];
  private readonly bases = new Map<BaseCost, YearBase>();
  private readonly basesByHorizon = new Map<number, YearBase[]>();
  private readonly salaryParts = new Map<IndexSeries, Map<number, IndexedPart>>();
  private readonly priceParts = new Map<IndexSeries, Map<number, IndexedPart>>();
  private readonly indexed = new Map<IndexFactors, Map<number, IndexedCosts>>();

  /**
   * @param serial tells this costed initiative from every other of the same cache, also from one made
   *   for a changed copy of the initiative with the same id (as the sensitivity analysis makes).
   */
  constructor(
    readonly initiative: Initiative,
    payrollOverheadPercent: Decimal,
    readonly serial = 0,
  ) {
    this.period = initiativePeriod(initiative);
    const defaultPayroll = payrollFactor(payrollOverheadPercent);
    this.lines = initiative.costLines.map((line) => prepareLine(line, this.period, defaultPayroll));
    this.hasYearlyPrices = this.lines.some((line) => line.kind === 'recurring' && line.index === 'price');
  }

  /** Each line's base cost in a calendar year, in the order of the lines. */
  lineCosts(year: number): BaseCost[] {
    return this.lines.map((line) => lineBaseCost(line, lineYear(line, this.period, year)));
  }

  /**
   * The whole initiative's base cost in a calendar year. Years in which every line has the same part
   * (lineYear) have the same cost, computed once and shared: all the whole years of a running
   * initiative, mostly.
   */
  cost(year: number): BaseCost {
    let total = this.totals.get(year);
    if (total === undefined) {
      // Every line lies inside the period, so a year outside it costs nothing.
      if (monthsInYear(this.period, year) === 0) total = NO_COST;
      else {
        const parts = this.lines.map((line) => lineYear(line, this.period, year));
        const known = this.shapes.find((shape) => shape.parts.every((part, i) => part === parts[i]));
        if (known) total = known.cost;
        else {
          total = NO_COST;
          for (let i = 0; i < this.lines.length; i++) total = addCost(total, lineBaseCost(this.lines[i]!, parts[i]!));
          this.shapes.push({ parts, cost: total });
        }
      }
      this.totals.set(year, total);
    }
    return total;
  }

  /**
   * The base cost of a year to be indexed: in kronor when both parts are exact decimals in kronor, as
   * they are in a whole year or for a salary per month; otherwise in parts of a krona, so that the
   * year's indexed cost is divided by PARTS_PER_KRONA once, last (a twelfth of 20 000,02 kr does not
   * end). Most years are in kronor and cost no division at all.
   */
  private base(year: number): YearBase {
    const parts = this.cost(year);
    let base = this.bases.get(parts);
    if (base === undefined) {
      // Without a yearly price amount spread over a number of months that is not a multiple of three
      // (A × m / 12 ends when m is), every line's cost is 4380 times a finite decimal, and so is the sum.
      const known = !this.hasYearlyPrices || monthsInYear(this.period, year) % 3 === 0;
      const kronor = known ? knownExactKronor : exactKronor;
      const salary = kronor(parts.salary);
      const price = kronor(parts.price);
      base = salary && price ? { cost: { salary, price }, inKronor: true } : { cost: parts, inKronor: false };
      this.bases.set(parts, base);
    }
    return base;
  }

  /** The base of each year of a horizon (see base), in order. */
  private horizonBases(horizon: Horizon, key: number): YearBase[] {
    let bases = this.basesByHorizon.get(key);
    if (bases === undefined) {
      bases = new Array(horizon.years);
      for (let i = 0; i < horizon.years; i++) bases[i] = this.base(horizon.startYear + i);
      this.basesByHorizon.set(key, bases);
    }
    return bases;
  }

  /** The whole initiative's cost in each year of a horizon at that year's salary and price level, in kronor. */
  indexedCosts(horizon: Horizon, factors: IndexFactors): IndexedCosts {
    const key = horizonKey(horizon);
    const byHorizon = getOrCreate(this.indexed, factors);
    let result = byHorizon.get(key);
    if (result === undefined) {
      const bases = this.horizonBases(horizon, key);
      const salary = this.indexedPart('salary', factors.salaryIndex, horizon, key, bases);
      const price = this.indexedPart('price', factors.priceIndex, horizon, key, bases);
      const years: { year: number; cost: Decimal }[] = new Array(horizon.years);
      for (let i = 0; i < horizon.years; i++) {
        const cost = sumOfParts(salary.values[i]!, price.values[i]!);
        years[i] = { year: horizon.startYear + i, cost: bases[i]!.inKronor ? cost : toKronor(cost) };
      }
      // The total as the years in kronor added up, plus the years in parts added up and divided once;
      // each index's sums are shared by the scenarios that share the index.
      const kronor = addFitting(salary.kronor, price.kronor);
      const parts = addFitting(salary.parts, price.parts);
      byHorizon.set(key, (result = { years, total: parts.isZero() ? kronor : addFitting(kronor, toKronor(parts)) }));
    }
    return result;
  }

  /**
   * Lets go of the indexed salary and price parts (see indexedPart) once every scenario has its
   * yearly costs: they are only the material of those costs.
   */
  forgetIndexedParts(): void {
    this.salaryParts.clear();
    this.priceParts.clear();
  }

  /**
   * The salary or price part of the base cost of each year of a horizon, times its index, and their
   * sums over the years in kronor and over the years in parts of a krona (see base).
   */
  private indexedPart(part: keyof BaseCost, index: IndexSeries, horizon: Horizon, key: number, bases: readonly YearBase[]): IndexedPart {
    const byHorizon = getOrCreate(part === 'salary' ? this.salaryParts : this.priceParts, index);
    let indexed = byHorizon.get(key);
    if (indexed === undefined) {
      const values: Decimal[] = new Array(horizon.years);
      let kronor = ZERO;
      let parts = ZERO;
      for (let i = 0; i < horizon.years; i++) {
        const base = bases[i]!;
        const value = indexPart(base.cost[part], index, horizon.startYear + i);
        values[i] = value;
        if (base.inKronor) kronor = addFitting(kronor, value);
        else parts = addFitting(parts, value);
      }
      byHorizon.set(key, (indexed = { values, kronor, parts }));
    }
    return indexed;
  }
}

/** A year's base cost, in kronor or in parts of a krona (see CostedInitiative.base). */
interface YearBase {
  cost: BaseCost;
  inKronor: boolean;
}

/** One part (salary or price) of an initiative's indexed yearly costs over a horizon. */
interface IndexedPart {
  /** The part of year startYear + i at index i, in kronor or in parts of a krona as the year's base cost is. */
  values: Decimal[];
  /** The sum of the values of the years whose base cost is in kronor. */
  kronor: Decimal;
  /** The sum of the values of the years whose base cost is in parts of a krona. */
  parts: Decimal;
}

/** A number that tells horizons apart (a horizon has at most 50 years; a string key cost a string per lookup). */
function horizonKey(horizon: Horizon): number {
  return horizon.startYear * 65536 + horizon.years;
}

/** The map kept under a key, created when there is none yet. */
function getOrCreate<K extends object, V>(maps: Map<K, Map<number, V>>, key: K): Map<number, V> {
  let map = maps.get(key);
  if (!map) maps.set(key, (map = new Map()));
  return map;
}

/**
 * total + value for values that fit the precision, as every result of an operation does. Adding
 * zero, or adding to zero, gives the other value unchanged, so that work is skipped.
 */
export function addFitting(total: Decimal, value: Decimal): Decimal {
  if (value.isZero()) return total;
  if (total.isZero()) return value;
  return total.plus(value);
}

/** A document's initiatives and placement types by id. */
export interface DocumentLookup {
  initiatives: ReadonlyMap<string, Initiative>;
  placementTypes: ReadonlyMap<string, PlacementType>;
}

/**
 * Work shared across the scenarios of one evaluation: index factors per set of settings, index
 * powers and indexed amounts per growth rate, and costed initiatives per initiative and payroll
 * overhead. Scenarios with the same settings then share their initiatives' yearly costs.
 */
export class CostCache {
  private readonly byInitiative = new WeakMap<Initiative, Map<string, CostedInitiative>>();
  private readonly factorsBySettings = new Map<string, IndexFactors>();
  private readonly pool = new IndexPool();
  private readonly sums = new Map<string, BaseCost[]>();
  private readonly overheadKeys = new Map<Decimal, string>();
  private readonly lookups = new WeakMap<object, DocumentLookup>();
  private serials = 0;

  factors(settings: EffectiveSettings): IndexFactors {
    const key = [settings.payrollOverheadPercent, settings.salaryGrowthPercent, settings.priceGrowthPercent, settings.baseYear].join('|');
    let factors = this.factorsBySettings.get(key);
    if (!factors) this.factorsBySettings.set(key, (factors = new IndexFactors(settings, this.pool)));
    return factors;
  }

  /** The powers of (1 + percent/100), e.g. of a discount rate. */
  powers(percent: Decimal): Powers {
    return this.pool.powers(percent);
  }

  /**
   * Per year of a horizon, the base costs of the initiatives added up (in parts of a krona), for the
   * scenario's yearly cost and break-even: made once for all scenarios with the same initiatives,
   * payroll overhead and horizon, however their growth rates differ.
   */
  baseSums(initiatives: readonly CostedInitiative[], payrollOverheadPercent: Decimal, horizon: Horizon): BaseCost[] {
    const key = `${payrollOverheadPercent.toString()}|${horizonKey(horizon)}|${initiatives.map((c) => c.serial).join(',')}`;
    let sums = this.sums.get(key);
    if (sums === undefined) {
      sums = new Array(horizon.years);
      for (let i = 0; i < horizon.years; i++) {
        let total = NO_COST;
        for (const costed of initiatives) total = addCost(total, costed.cost(horizon.startYear + i));
        sums[i] = total;
      }
      this.sums.set(key, sums);
    }
    return sums;
  }

  /** The document's initiatives and placement types by id, made once per document. */
  lookup(document: Pick<HemmaplanDocument, 'initiatives' | 'placementTypes'>): DocumentLookup {
    let lookup = this.lookups.get(document);
    if (!lookup) {
      lookup = { initiatives: new Map(document.initiatives.map((i) => [i.id, i])), placementTypes: new Map(document.placementTypes.map((t) => [t.id, t])) };
      this.lookups.set(document, lookup);
    }
    return lookup;
  }

  get(initiative: Initiative, payrollOverheadPercent: Decimal): CostedInitiative {
    let byOverhead = this.byInitiative.get(initiative);
    if (!byOverhead) this.byInitiative.set(initiative, (byOverhead = new Map()));
    let key = this.overheadKeys.get(payrollOverheadPercent);
    if (key === undefined) this.overheadKeys.set(payrollOverheadPercent, (key = payrollOverheadPercent.toString()));
    let costed = byOverhead.get(key);
    if (!costed) byOverhead.set(key, (costed = new CostedInitiative(initiative, payrollOverheadPercent, ++this.serials)));
    return costed;
  }
}
