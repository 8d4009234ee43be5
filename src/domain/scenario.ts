/**
 * The one evaluator: a scenario's yearly cost, avoided placement cost, net, cumulative net,
 * present value, payback year and break-even (EXCHANGE.md §2.5–2.6). Exact values; rounding is
 * left to whoever shows or writes them.
 */
import { addFitting, convertPrice, CostCache, IndexFactors, indexCost, scaled, unitsOfPlacement } from './costs';
import { Decimal, ONE, ZERO } from './money';
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
  /** Each year's cost of the whole initiative. */
  years: { year: number; cost: Decimal }[];
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
  const { costs, total } = cache.get(initiative, factors.settings.payrollOverheadPercent).indexedCosts(horizon, factors);
  const years = costs.map((cost, i) => ({ year: horizon.startYear + i, cost }));
  return { id: initiative.id, years, total };
}

/** Each cost line's cost per year over a horizon, in the order of the initiative's lines. */
export function evaluateCostLines(initiative: Initiative, horizon: Pick<Scenario, 'startYear' | 'years'>, factors: IndexFactors): Decimal[][] {
  const costed = new CostCache().get(initiative, factors.settings.payrollOverheadPercent);
  const perYear = horizonYears(horizon).map((year) => costed.lineCosts(year).map((cost) => indexCost(cost, year, factors)));
  return initiative.costLines.map((_, line) => perYear.map((costs) => costs[line]!));
}

/** An effect's avoided cost per year of the horizon; entries outside the horizon are ignored. */
export function evaluateEffect(
  effect: Effect,
  horizon: Pick<Scenario, 'startYear' | 'years'>,
  placementTypes: ReadonlyMap<string, PlacementType>,
  factors: IndexFactors,
): EffectResult {
  const from = placementTypes.get(effect.fromPlacementTypeId);
  if (!from) throw new Error(`Unknown placement type ${effect.fromPlacementTypeId}`);
  const to = effect.toPlacementTypeId === undefined ? undefined : placementTypes.get(effect.toPlacementTypeId);
  if (effect.toPlacementTypeId !== undefined && !to) throw new Error(`Unknown placement type ${effect.toPlacementTypeId}`);
  // The entry of each horizon year, looked up once; the first entry of a year counts.
  const entries: (EffectYear | undefined)[] = new Array(horizon.years);
  for (const entry of effect.perYear) {
    const i = entry.year - horizon.startYear;
    if (i >= 0 && i < horizon.years && entries[i] === undefined) entries[i] = entry;
  }
  const years: { year: number; avoided: Decimal }[] = new Array(horizon.years);
  let total = ZERO;
  for (let i = 0; i < horizon.years; i++) {
    const year = horizon.startYear + i;
    const entry = entries[i];
    if (!entry) {
      years[i] = { year, avoided: ZERO };
      continue;
    }
    const fromPrice = factors.placementPrice(from, year);
    // Without a to-type, fromPrice − 0 is fromPrice itself (a price index result fits the precision).
    const saving = to ? fromPrice.minus(convertPrice(factors.placementPrice(to, year), to.unit, from.unit)) : fromPrice;
    const avoided = scaled(entry.placements.times(entry.unitsPerPlacement).times(saving), effect.expectedShare);
    years[i] = { year, avoided };
    total = addFitting(total, avoided);
  }
  return { id: effect.id, years, total };
}

/** Evaluates one scenario of a validated document. */
export function evaluateScenario(document: HemmaplanDocument, scenario: Scenario, cache: CostCache = new CostCache()): ScenarioResult {
  const settings = effectiveSettings(document.settings, scenario);
  const factors = cache.factors(settings);
  const { startYear, years: count } = scenario;
  const initiativesById = new Map(document.initiatives.map((i) => [i.id, i]));
  const typesById = new Map(document.placementTypes.map((t) => [t.id, t]));

  const initiatives = scenario.initiativeIds.map((id) => {
    const initiative = initiativesById.get(id);
    if (!initiative) throw new Error(`Unknown initiative ${id}`);
    return evaluateInitiative(initiative, scenario, factors, cache);
  });
  const effects = scenario.effects.map((effect) => evaluateEffect(effect, scenario, typesById, factors));

  // Each year's sums, adding the initiatives (and the effects) in their order.
  const costs: Decimal[] = new Array(count).fill(ZERO);
  const avoideds: Decimal[] = new Array(count).fill(ZERO);
  for (const r of initiatives) for (let i = 0; i < count; i++) costs[i] = addFitting(costs[i]!, r.years[i]!.cost);
  for (const r of effects) for (let i = 0; i < count; i++) avoideds[i] = addFitting(avoideds[i]!, r.years[i]!.avoided);

  const discount = cache.powers(settings.discountRatePercent);
  let cumulativeNet = ZERO;
  let npv = ZERO;
  let paybackYear: number | null = null;
  const yearFigures: YearFigures[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const year = startYear + i;
    const cost = costs[i]!;
    const avoided = avoideds[i]!;
    const net = avoided.minus(cost);
    cumulativeNet = cumulativeNet.plus(net);
    const factor = discount.get(i);
    npv = npv.plus(factor === ONE ? net : net.div(factor));
    if (paybackYear === null && isNonNegative(cumulativeNet)) paybackYear = year;
    yearFigures[i] = { year, cost, avoided, net, cumulativeNet };
  }

  const totalCost = sum(costs);
  const totalAvoided = sum(avoideds);
  const yearCount = new Decimal(count);
  const breakEven: BreakEven[] = [];
  for (const type of document.placementTypes) {
    if (!type.price.gt(ZERO)) continue;
    const units: { year: number; units: Decimal }[] = new Array(count);
    let total = ZERO;
    for (let i = 0; i < count; i++) {
      const year = startYear + i;
      units[i] = { year, units: unitsOfPlacement(costs[i]!, type, year, factors) };
      total = addFitting(total, units[i]!.units);
    }
    breakEven.push({ placementTypeId: type.id, unit: type.unit, years: units, averagePerYear: total.div(yearCount) });
  }

  return {
    id: scenario.id,
    name: scenario.name,
    startYear,
    endYear: startYear + count - 1,
    settings,
    years: yearFigures,
    initiatives,
    effects,
    totals: { cost: totalCost, avoided: totalAvoided, net: totalAvoided.minus(totalCost), npv },
    paybackYear,
    breakEven,
  };
}

/** Evaluates every scenario of a validated document, in document order. */
export function evaluateDocument(document: HemmaplanDocument): ScenarioResult[] {
  const cache = new CostCache();
  return document.scenarios.map((scenario) => evaluateScenario(document, scenario, cache));
}

/** The sum of the values, added in order; zeros are skipped (adding zero changes nothing). */
export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) if (!v.isZero()) total = total.plus(v);
  return total;
}

/** value ≥ 0, without converting a number on every call. */
function isNonNegative(value: Decimal): boolean {
  return value.isZero() || value.isPositive();
}
