/**
 * The one evaluator: a scenario's yearly cost, avoided placement cost, net, cumulative net,
 * present value, payback year and break-even (EXCHANGE.md §2.5–2.6). Exact values; rounding is
 * left to whoever shows or writes them.
 */
import { addFitting, type BaseCost, CostCache, type CostedInitiative, IndexFactors, indexCost, indexParts, PARTS_PER_KRONA, scaled, toKronor, toParts } from './costs';
import { CLEAR_MARGIN, clearOfShortNumbers, Decimal, ONE, ZERO } from './money';
import { effectiveSettings, type EffectiveSettings } from './settings';
import type { Effect, EffectYear, HemmaplanDocument, Initiative, PlacementType, PlacementUnit, Scenario } from './types';

export interface YearFigures {
  year: number;
  cost: Decimal;
  avoided: Decimal;
  net: Decimal;
  cumulativeNet: Decimal;
}

export interface InitiativeResult {
  id: string;
  /** Each year's cost of the whole initiative (shared between results, so read-only). */
  years: readonly { readonly year: number; readonly cost: Decimal }[];
  total: Decimal;
}

export interface EffectResult {
  id: string;
  years: { year: number; avoided: Decimal }[];
  total: Decimal;
}

export interface BreakEven {
  placementTypeId: string;
  unit: PlacementUnit;
  years: { year: number; units: Decimal }[];
  averagePerYear: Decimal;
}

export interface ScenarioResult {
  id: string;
  name: string;
  startYear: number;
  endYear: number;
  settings: EffectiveSettings;
  years: YearFigures[];
  initiatives: InitiativeResult[];
  effects: EffectResult[];
  totals: { cost: Decimal; avoided: Decimal; net: Decimal; npv: Decimal };
  /** The first year whose cumulative net is ≥ 0; null when there is none within the horizon. */
  paybackYear: number | null;
  breakEven: BreakEven[];
}

/** The years of a scenario's horizon, in order. */
export function horizonYears(scenario: Pick<Scenario, 'startYear' | 'years'>): number[] {
  return Array.from({ length: scenario.years }, (_, i) => scenario.startYear + i);
}

/** An initiative's cost per year over a horizon, with the given settings. */
export function evaluateInitiative(
  initiative: Initiative,
  horizon: Pick<Scenario, 'startYear' | 'years'>,
  factors: IndexFactors,
  cache: CostCache = new CostCache(),
): InitiativeResult {
  const { years, total } = cache.get(initiative, factors.settings.payrollOverheadPercent).indexedCosts(horizon, factors);
  return { id: initiative.id, years, total };
}

/** Each cost line's cost per year over a horizon, in the order of the initiative's lines. */
export function evaluateCostLines(initiative: Initiative, horizon: Pick<Scenario, 'startYear' | 'years'>, factors: IndexFactors): Decimal[][] {
  const costed = new CostCache().get(initiative, factors.settings.payrollOverheadPercent);
  const perYear = horizonYears(horizon).map((year) => costed.lineCosts(year).map((cost) => indexCost(cost, year, factors)));
  return initiative.costLines.map((_, line) => perYear.map((costs) => costs[line]!));
}

/**
 * An effect's avoided cost per year of the horizon, and their sum; entries outside the horizon are
 * ignored. In kronor when both prices are per the same unit (or there is no to-type), as they
 * mostly are; in parts of a krona (see PARTS_PER_KRONA) when a price is converted between units.
 * A price in a year before its price year is divided by the index power, last, after it is
 * multiplied by the quantity: 0,3 days at 100,01 kr a day, a year before a fall of 40 %, are
 * 0,3 × 100,01 / 0,6 = 50,005 kr exactly, where a price divided first (166,68333…) gives 50,00499…9.
 */
function effectAvoided(
  effect: Effect,
  horizon: Pick<Scenario, 'startYear' | 'years'>,
  placementTypes: ReadonlyMap<string, PlacementType>,
  factors: IndexFactors,
): { values: Decimal[]; total: Decimal; inKronor: boolean } {
  const from = placementTypes.get(effect.fromPlacementTypeId);
  if (!from) throw new Error(`Unknown placement type ${effect.fromPlacementTypeId}`);
  const to = effect.toPlacementTypeId === undefined ? undefined : placementTypes.get(effect.toPlacementTypeId);
  if (effect.toPlacementTypeId !== undefined && !to) throw new Error(`Unknown placement type ${effect.toPlacementTypeId}`);
  const inKronor = to === undefined || to.unit === from.unit;
  // A price per the from-type's unit in year y: in kronor without conversion, else in parts, where the conversion is exact (§2.5).
  const powers = factors.priceIndex.powers;
  const price = (type: PlacementType, year: number) => (inKronor ? factors.placementPrice(type, year) : factors.placementPriceParts(type, from.unit, year));
  // A price in year y is its price × P^(y − priceYear), a power that divides when the price year is
  // later. Such a price is taken at its price year here and divided by divided(), last.
  const level = (type: PlacementType, year: number, power: number) => price(type, power >= 0 ? year : type.priceYear);
  const divided = (amount: Decimal, power: number) => (power >= 0 ? amount : powers.apply(amount, power));
  // The entry of each horizon year, looked up once; the first entry of a year counts.
  const entries: (EffectYear | undefined)[] = new Array(horizon.years);
  for (const entry of effect.perYear) {
    const i = entry.year - horizon.startYear;
    if (i >= 0 && i < horizon.years && entries[i] === undefined) entries[i] = entry;
  }
  const values: Decimal[] = new Array(horizon.years);
  let total = ZERO;
  for (let i = 0; i < horizon.years; i++) {
    const year = horizon.startYear + i;
    const entry = entries[i];
    // placements × unitsPerPlacement × expectedShare: short numbers, multiplied exactly before the one
    // product with the (often long) indexed saving.
    const quantity = entry ? scaled(entry.placements.times(entry.unitsPerPlacement), effect.expectedShare) : ZERO;
    if (quantity.isZero()) {
      values[i] = ZERO;
      continue;
    }
    // The division is taken after the quantity, and on its own: prices with the same power (or none)
    // are subtracted first; a price that needs none is not multiplied up to another's level (a power
    // of 1,0275 over ten years has 41 digits).
    const fromPower = year - from.priceYear;
    const toPower = to === undefined ? fromPower : year - to.priceYear;
    const avoided =
      to === undefined || fromPower === toPower || (fromPower >= 0 && toPower >= 0)
        ? divided((to ? level(from, year, fromPower).minus(level(to, year, toPower)) : level(from, year, fromPower)).times(quantity), Math.min(fromPower, toPower))
        : divided(level(from, year, fromPower).times(quantity), fromPower).minus(divided(level(to, year, toPower).times(quantity), toPower));
    values[i] = avoided;
    total = addFitting(total, avoided);
  }
  return { values, total, inKronor };
}

/** Evaluates one scenario of a validated document. */
export function evaluateScenario(document: HemmaplanDocument, scenario: Scenario, cache: CostCache = new CostCache()): ScenarioResult {
  const settings = effectiveSettings(document.settings, scenario);
  const factors = cache.factors(settings);
  const { startYear, years: count } = scenario;
  const { initiatives: initiativesById, placementTypes: typesById } = cache.lookup(document);

  // Sums are taken in parts of a krona (see PARTS_PER_KRONA), or in kronor where that is exact, and a
  // figure in parts is divided once, last.
  const costed = scenario.initiativeIds.map((id) => {
    const initiative = initiativesById.get(id);
    if (!initiative) throw new Error(`Unknown initiative ${id}`);
    return cache.get(initiative, settings.payrollOverheadPercent);
  });
  const initiatives: InitiativeResult[] = costed.map((c) => {
    const { years, total } = c.indexedCosts(scenario, factors);
    return { id: c.initiative.id, years, total };
  });
  const effectCosts = scenario.effects.map((effect) => effectAvoided(effect, scenario, typesById, factors));
  const effects: EffectResult[] = scenario.effects.map((effect, e) => {
    const { values, total, inKronor } = effectCosts[e]!;
    const kronor = inKronor ? (value: Decimal) => value : toKronor;
    return { id: effect.id, years: values.map((avoided, i) => ({ year: startYear + i, avoided: kronor(avoided) })), total: kronor(total) };
  });

  // Each year's cost: the initiatives' base costs added up, then indexed, S(y) × Σ salary + P(y) × Σ price,
  // which is the sum of the initiatives' indexed costs; the effects added in their order.
  const sums = cache.baseSums(costed, settings.payrollOverheadPercent, scenario);
  const costs: Decimal[] = sums.map((base, i) => indexParts(base, startYear + i, factors));
  // Each year's avoided cost in parts of a krona: the effects in parts added up, and those in kronor added up and then converted.
  const avoideds: Decimal[] = new Array(count);
  for (let i = 0; i < count; i++) {
    let kronor = ZERO;
    let parts = ZERO;
    for (const r of effectCosts) {
      if (r.inKronor) kronor = addFitting(kronor, r.values[i]!);
      else parts = addFitting(parts, r.values[i]!);
    }
    avoideds[i] = kronor.isZero() ? parts : addFitting(parts, toParts(kronor));
  }

  const discount = cache.powers(settings.discountRatePercent);
  let cumulativeNet = ZERO;
  let npv = ZERO;
  let paybackYear: number | null = null;
  // The sum of the sizes of the costs and avoided costs so far, which bounds the rounding error of the cumulative net.
  let magnitude = ZERO;
  const yearFigures: YearFigures[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const year = startYear + i;
    const cost = costs[i]!;
    const avoided = avoideds[i]!;
    const net = avoided.minus(cost);
    cumulativeNet = cumulativeNet.plus(net);
    const factor = discount.get(i);
    npv = npv.plus(factor === ONE ? net : net.div(factor));
    magnitude = magnitude.plus(cost.abs()).plus(avoided.abs());
    if (paybackYear === null && isNonNegative(cumulativeNet.plus(magnitude.times(ROUNDING_NOISE)))) paybackYear = year;
    yearFigures[i] = { year, cost: toKronor(cost), avoided: toKronor(avoided), net: toKronor(net), cumulativeNet: toKronor(cumulativeNet) };
  }

  const totalCost = sum(costs);
  const totalAvoided = sum(avoideds);
  const breakEvenOf = breakEvenCalculator(sums, costs, startYear, factors);

  return {
    id: scenario.id,
    name: scenario.name,
    startYear,
    endYear: startYear + count - 1,
    settings,
    years: yearFigures,
    initiatives,
    effects,
    totals: { cost: toKronor(totalCost), avoided: toKronor(totalAvoided), net: toKronor(totalAvoided.minus(totalCost)), npv: toKronor(npv) },
    paybackYear,
    breakEven: document.placementTypes.filter((type) => type.price.gt(ZERO)).map(breakEvenOf),
  };
}

/**
 * Break-even (§2.6) for one scenario: units_T(y) = cost(y) / priceT(y). A price in year y is the
 * type's price in parts of a krona per its unit, pp_T, times P^(y − priceYear), so the quotient is
 * Z(y, priceYear) / pp_T with Z = cost(y) / P^(y − priceYear): the index power is taken out once
 * per year and price year, for every type with that price year. Z is kept exact where a hand
 * calculation is, as far as 40 digits allow:
 * - without price growth Z is the cost itself;
 * - when the whole cost carries the price index (no salary costs that year, or salaries growing as
 *   prices do), cost(y) = base(y) × P^(y − B) and Z = base(y) × P^(priceYear − B), from the base
 *   cost at the base year's level, not from its indexed and rounded cost; for a price year before
 *   the base year the power divides the price instead (base(y) / (pp_T × P^(B − priceYear))), so
 *   that the average of such years is one division of their base costs' sum;
 * - otherwise Z is the year's cost taken to the price year's level, and for a year before the base
 *   year, whose cost is two quotients, the two parts taken there as one fraction.
 * A positive power multiplies and a negative one divides (Powers.apply), so that it is a power that
 * ends rather than its reciprocal. The average is Σ_y Z / (pp_T × years), one division per type
 * (with the years over P^(B − priceYear) brought to one denominator).
 *
 * Each figure is first taken quickly: Z in kronor (K = Z / 4380, once per year and price year)
 * divided by the price's digits as a whole number m_T (PriceDigits: K × 10^−k once per scale k,
 * then a division in one short loop for m_T below 10^7, a product with its reciprocal above,
 * QuickDivisor). Two K that would divide by a power of P are products with the reciprocal of
 * 4380 × P^n (Powers.inverseParts) instead: a year from the base year on and after the price year,
 * with salaries and prices indexed apart, whose Z is the cost over P^n (made only if the figure is
 * divided out); and a year over, whose Z is divided by the price times P^(B − priceYear). A quick
 * figure is within 3 × 10^−39 of Z / pp_T, relatively, and is the figure when it is clear of every
 * rounding boundary (clearOfShortNumbers); a figure that is not (a quotient that ends, or one next
 * to half an öre) is Z / pp_T, divided out as above. The average's quick figure is Σ K / years:
 * its sum is rounded once a year, so it must keep a wider margin, and when the years' K differ in
 * sign (a year with more funding than cost) it is not used at all, since such a sum can cancel
 * down to the errors of its terms.
 */
function breakEvenCalculator(
  sums: readonly BaseCost[],
  costs: readonly Decimal[],
  startYear: number,
  factors: IndexFactors,
): (type: PlacementType) => BreakEven {
  const yearCount = new Decimal(costs.length);
  const powers = factors.priceIndex.powers;
  const baseYear = factors.settings.baseYear;
  const sameIndex = factors.salaryIndex === factors.priceIndex;
  // A year n years before the base year whose cost has salaries growing otherwise than prices: the
  // cost s / S^n + p / P^n is two quotients that need not end, so Z = s × P^b / S^n + p × P^c (b and c
  // the exponents from the year and from the base year to the price year) is taken as one fraction
  // over S^n × P^d, where d makes every power of P above the line whole: one division, last.
  const salaryPowers = factors.salaryIndex.powers;
  const beforeBaseYear = (base: BaseCost, n: number, b: number, c: number) => {
    const d = Math.max(0, -b, -c);
    const numerator = addFitting(scaled(base.salary, powers.get(b + d)), scaled(scaled(base.price, powers.get(c + d)), salaryPowers.get(n)));
    return numerator.isZero() ? ZERO : numerator.div(scaled(salaryPowers.get(n), powers.get(d)));
  };
  // Z per price year: each year's value and their sums, and K, the same in kronor. A year whose whole
  // cost carries the price index, for a price year before the base year, keeps its base cost (over:
  // divided by the price times P^(B − priceYear)); the others are divided by the price alone.
  // Where K would divide by a power (see above), it is a product with the power's reciprocal instead,
  // and a Z that would be a quotient is made only when a figure is divided out.
  const byPriceYear = new Map<number, PriceLevel>();
  const atPriceYear = (priceYear: number) => {
    let level = byPriceYear.get(priceYear);
    if (level === undefined) {
      const power = priceYear < baseYear ? powers.get(baseYear - priceYear) : ONE;
      const values: (Decimal | undefined)[] = new Array(costs.length);
      const over: boolean[] = new Array(costs.length);
      const kronor: Decimal[] = new Array(costs.length);
      let total = ZERO;
      let positive = false;
      let negative = false;
      for (let i = 0; i < costs.length; i++) {
        const base = sums[i]!;
        const year = startYear + i;
        const wholeAtPrices = !powers.flat && (sameIndex || base.salary.isZero());
        over[i] = wholeAtPrices && priceYear < baseYear;
        let value: Decimal | undefined;
        let k: Decimal;
        if (!powers.flat && !wholeAtPrices && year > priceYear && year >= baseYear) {
          k = costs[i]!.isZero() ? ZERO : costs[i]!.times(powers.inverseParts(year - priceYear));
        } else {
          value = powers.flat
            ? costs[i]!
            : wholeAtPrices
              ? scaled(addFitting(base.price, base.salary), over[i] ? ONE : powers.get(priceYear - baseYear))
              : year >= baseYear
                ? powers.apply(costs[i]!, priceYear - year)
                : beforeBaseYear(base, baseYear - year, priceYear - year, priceYear - baseYear);
          k = value.isZero() ? ZERO : over[i] ? value.times(powers.inverseParts(baseYear - priceYear)) : toKronor(value);
        }
        values[i] = value;
        kronor[i] = k;
        if (k.isNegative()) negative = true;
        else if (!k.isZero()) positive = true;
        total = addFitting(total, k);
      }
      // Z of year i, made when a figure is divided out.
      const z = (i: number) => (values[i] ??= powers.apply(costs[i]!, priceYear - (startYear + i)));
      // Σ units × price = (Σ over + P^(B − priceYear) × Σ others) / (4380 × P^(B − priceYear)).
      let sum: { value: Decimal; over: boolean } | undefined;
      const sumOfZ = () => {
        if (sum === undefined) {
          let others = ZERO;
          let overs = ZERO;
          for (let i = 0; i < costs.length; i++) {
            if (over[i]) overs = addFitting(overs, z(i));
            else others = addFitting(others, z(i));
          }
          sum = { value: overs.isZero() ? others : addFitting(overs, scaled(others, power)), over: !overs.isZero() };
        }
        return sum;
      };
      // The average in kronor: Σ K / years when the years' K have one sign, so that each K's small
      // error stays as small in the sum; otherwise from Σ Z, as a figure divided out is (where the
      // sum can cancel too, but no further than the code before this quick path).
      let average: Decimal;
      if (!(positive && negative)) average = total.isZero() ? ZERO : total.div(yearCount);
      else {
        const { value, over: sumOver } = sumOfZ();
        average = value.isZero() ? ZERO : value.div((sumOver ? scaled(PARTS_PER_KRONA, power) : PARTS_PER_KRONA).times(yearCount));
      }
      const averageMargin = positive && negative ? CLEAR_MARGIN : CLEAR_MARGIN + SUM_MARGIN_PER_YEAR * costs.length;
      byPriceYear.set(priceYear, (level = { z, over, sum: sumOfZ, power, kronor: { values: kronor, average }, averageMargin, scaled: new Map() }));
    }
    return level;
  };
  // K × 10^−k for a price scale k, made once per price year and scale.
  const atScale = (level: PriceLevel, exponent: number): PriceLevelKronor => {
    if (exponent === 0) return level.kronor;
    let scaledKronor = level.scaled.get(exponent);
    if (scaledKronor === undefined) {
      const factor = new Decimal(`1e${-exponent}`);
      const times = (value: Decimal) => (value.isZero() ? ZERO : value.times(factor));
      level.scaled.set(exponent, (scaledKronor = { values: level.kronor.values.map(times), average: times(level.kronor.average) }));
    }
    return scaledKronor;
  };
  return (type) => {
    const { divisor, exponent } = factors.priceDigits(type);
    const level = atPriceYear(type.priceYear);
    const kronor = atScale(level, exponent);
    // The price in parts of a krona, and times P^(B − priceYear) for the years over it, for figures divided out.
    let price: Decimal | undefined;
    let priceOver: Decimal | undefined;
    const pricePer = (over: boolean) => {
      price ??= factors.placementPriceParts(type, type.unit, type.priceYear);
      return over ? (priceOver ??= scaled(price, level.power)) : price;
    };
    const yearFigure = (quick: Decimal, i: number) => {
      if (quick.isZero()) return ZERO;
      const fast = divisor.quotient(quick);
      return clearOfShortNumbers(fast) ? fast : level.z(i).div(pricePer(level.over[i]!));
    };
    const averageFigure = (quick: Decimal) => {
      if (quick.isZero()) return ZERO;
      const fast = divisor.quotient(quick);
      if (clearOfShortNumbers(fast, level.averageMargin)) return fast;
      const { value, over } = level.sum();
      return value.div(pricePer(over).times(yearCount));
    };
    return {
      placementTypeId: type.id,
      unit: type.unit,
      years: kronor.values.map((quick, i) => ({ year: startYear + i, units: yearFigure(quick, i) })),
      averagePerYear: averageFigure(kronor.average),
    };
  };
}

/**
 * The margin a quick break-even average keeps beyond CLEAR_MARGIN (see clearOfShortNumbers), per
 * year, in units of its 40th digit: made from the years' K (all of one sign), it is further off
 * than a yearly figure by up to 10 units a year. Each sum rounded to 40 digits is off by half a unit
 * of its own last digit, at most 5 units of the figure's, once in the quick average and once in the
 * sum of Z it stands for.
 */
const SUM_MARGIN_PER_YEAR = 10;

/** A scenario's yearly costs in kronor at one price year's level (K of breakEvenCalculator), and their average. */
interface PriceLevelKronor {
  values: Decimal[];
  average: Decimal;
}

/** Break-even's costs at one price year's level (Z of breakEvenCalculator). */
interface PriceLevel {
  /** Z of year i, in parts of a krona; over: to be divided by the price times `power`. */
  z(i: number): Decimal;
  over: boolean[];
  /** Σ Z, over the price times `power` when over, else over the price (times the years). */
  sum(): { value: Decimal; over: boolean };
  /** P^(B − priceYear), or one for a price year from the base year on. */
  power: Decimal;
  /** K: Z in kronor, divided by `power` where over, and the same per price scale (see atScale). */
  kronor: PriceLevelKronor;
  /** The margin the average's quick figure must keep (see CLEAR_MARGIN). */
  averageMargin: number;
  scaled: Map<number, PriceLevelKronor>;
}

/** Evaluates every scenario of a validated document, in document order. */
export function evaluateDocument(document: HemmaplanDocument, cache: CostCache = new CostCache()): ScenarioResult[] {
  costInitiatives(document, cache);
  return document.scenarios.map((scenario) => evaluateScenario(document, scenario, cache));
}

/**
 * Each initiative's yearly costs under every scenario that includes it, initiative by initiative,
 * into the cache the scenarios are then evaluated with. The indexed parts those costs are made of
 * are let go as soon as an initiative is done, so that they are garbage before the collector next
 * runs: kept to the end (as scenario by scenario they must be), they were some 40 % of what it
 * copied on the stress document of the benchmark.
 */
function costInitiatives(document: HemmaplanDocument, cache: CostCache): void {
  // The scenarios that include each initiative, in document order.
  const including = new Map<string, { scenario: Scenario; factors: IndexFactors }[]>();
  for (const scenario of document.scenarios) {
    const plan = { scenario, factors: cache.factors(effectiveSettings(document.settings, scenario)) };
    for (const id of scenario.initiativeIds) {
      const plans = including.get(id);
      if (plans) plans.push(plan);
      else including.set(id, [plan]);
    }
  }
  for (const initiative of document.initiatives) {
    const costed = new Set<CostedInitiative>();
    for (const { scenario, factors } of including.get(initiative.id) ?? []) {
      const c = cache.get(initiative, factors.settings.payrollOverheadPercent);
      c.indexedCosts(scenario, factors);
      costed.add(c);
    }
    for (const c of costed) c.forgetIndexedParts();
  }
}

/** The sum of the values, added in order; zeros are skipped (adding zero changes nothing). */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) if (!v.isZero()) total = total.plus(v);
  return total;
}

/**
 * How small, relative to the costs and avoided costs it is made of, a negative cumulative net must be to
 * count as zero for the payback year. 40-digit arithmetic rounds each product in its last digit, so a
 * cumulative net that is exactly zero can come out as −0,00…01: a placement avoided for 12 months at
 * 4 520,13 kr a month against a cost of 12 × 4 520,13 kr a year, both carrying an index power of more
 * than 40 digits, multiplied in a different order. Such errors are a few units in the 40th digit, far
 * below 10^-35 of the amounts; a real shortfall that small would need amounts with some 35 significant
 * digits (a shortfall of 10^-22 kr on 500 Mkr is one, and counts).
 */
const ROUNDING_NOISE = new Decimal('1e-35');

/** value ≥ 0, without converting a number on every call. */
function isNonNegative(value: Decimal): boolean {
  return value.isZero() || value.isPositive();
}
