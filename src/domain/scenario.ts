/**
 * The one evaluator: a scenario's yearly cost, avoided placement cost, net, cumulative net,
 * present value, payback year and break-even (EXCHANGE.md §2.5–2.6). Exact values; rounding is
 * left to whoever shows or writes them.
 */
import { convertPrice, CostCache, IndexFactors, indexCost } from './costs';
import { type Decimal, HUNDRED, ONE, ZERO } from './money';
import { effectiveSettings, type EffectiveSettings } from './settings';
import type { Effect, HemmaplanDocument, Initiative, PlacementType, PlacementUnit, Scenario } from './types';

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
  const costed = cache.get(initiative, factors.settings.payrollOverheadPercent);
  let total = ZERO;
  const years = horizonYears(horizon).map((year) => {
    const cost = costed.indexedCost(year, factors);
    total = total.plus(cost);
    return { year, cost };
  });
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
  const years = horizonYears(horizon).map((year) => {
    const entry = effect.perYear.find((e) => e.year === year);
    if (!entry) return { year, avoided: ZERO };
    const fromPrice = factors.placementPrice(from, year);
    const toPrice = to ? convertPrice(factors.placementPrice(to, year), to.unit, from.unit) : ZERO;
    const avoided = entry.placements.times(entry.unitsPerPlacement).times(fromPrice.minus(toPrice)).times(effect.expectedShare);
    return { year, avoided };
  });
  return { id: effect.id, years, total: sum(years.map((y) => y.avoided)) };
}

/** Evaluates one scenario of a validated document. */
export function evaluateScenario(document: HemmaplanDocument, scenario: Scenario, cache: CostCache = new CostCache()): ScenarioResult {
  const settings = effectiveSettings(document.settings, scenario);
  const factors = cache.factors(settings);
  const years = horizonYears(scenario);
  const initiativesById = new Map(document.initiatives.map((i) => [i.id, i]));
  const typesById = new Map(document.placementTypes.map((t) => [t.id, t]));

  const initiatives = scenario.initiativeIds.map((id) => {
    const initiative = initiativesById.get(id);
    if (!initiative) throw new Error(`Unknown initiative ${id}`);
    return evaluateInitiative(initiative, scenario, factors, cache);
  });
  const effects = scenario.effects.map((effect) => evaluateEffect(effect, scenario, typesById, factors));

  const discount = ONE.plus(settings.discountRatePercent.div(HUNDRED));
  let cumulativeNet = ZERO;
  let npv = ZERO;
  let paybackYear: number | null = null;
  const yearFigures: YearFigures[] = years.map((year, i) => {
    let cost = ZERO;
    for (const r of initiatives) cost = cost.plus(r.years[i]!.cost);
    let avoided = ZERO;
    for (const r of effects) avoided = avoided.plus(r.years[i]!.avoided);
    const net = avoided.minus(cost);
    cumulativeNet = cumulativeNet.plus(net);
    npv = npv.plus(net.div(discount.pow(year - scenario.startYear)));
    if (paybackYear === null && cumulativeNet.gte(0)) paybackYear = year;
    return { year, cost, avoided, net, cumulativeNet };
  });

  const totalCost = sum(yearFigures.map((y) => y.cost));
  const totalAvoided = sum(yearFigures.map((y) => y.avoided));
  const breakEven: BreakEven[] = document.placementTypes
    .filter((type) => type.price.gt(0))
    .map((type) => {
      const units = yearFigures.map((y) => ({ year: y.year, units: y.cost.div(factors.placementPrice(type, y.year)) }));
      return {
        placementTypeId: type.id,
        unit: type.unit,
        years: units,
        averagePerYear: sum(units.map((u) => u.units)).div(scenario.years),
      };
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
}

/** Evaluates every scenario of a validated document, in document order. */
export function evaluateDocument(document: HemmaplanDocument): ScenarioResult[] {
  const cache = new CostCache();
  return document.scenarios.map((scenario) => evaluateScenario(document, scenario, cache));
}

export function sum(values: readonly Decimal[]): Decimal {
  let total = ZERO;
  for (const v of values) total = total.plus(v);
  return total;
}

