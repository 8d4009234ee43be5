/**
 * Figures for the lists, outside any scenario: what each initiative and each of its cost lines
 * costs per year with the document's settings, and what a year's cost equals in units of each
 * placement type. Computed by the same rules as a scenario (EXCHANGE.md §2).
 */
import { CostCache, convertPrice, type IndexFactors, unitsOfPlacement } from './costs';
import type { Decimal } from './money';
import { evaluateCostLines, evaluateInitiative, horizonYears } from './scenario';
import { effectiveSettings } from './settings';
import type { HemmaplanDocument, Initiative, PlacementType, Scenario } from './types';

export type Horizon = Pick<Scenario, 'startYear' | 'years'>;

/** The index factors of the document's own settings over a horizon (base year: its first year unless set). */
export function documentFactors(document: HemmaplanDocument, horizon: Horizon, cache = new CostCache()): IndexFactors {
  return cache.factors(effectiveSettings(document.settings, horizon));
}

export interface InitiativeOverview {
  id: string;
  years: readonly { readonly year: number; readonly cost: Decimal }[];
  total: Decimal;
  /** Each cost line's cost per year, in the order of the lines. */
  lines: Decimal[][];
}

/** Every initiative's yearly cost over a horizon with the document's settings. */
export function initiativeOverviews(document: HemmaplanDocument, horizon: Horizon): InitiativeOverview[] {
  const cache = new CostCache();
  const factors = documentFactors(document, horizon, cache);
  return document.initiatives.map((initiative) => ({
    ...evaluateInitiative(initiative, horizon, factors, cache),
    lines: evaluateCostLines(initiative, horizon, factors),
  }));
}

/** A placement type's price per day, whatever its unit. */
export function pricePerDay(type: PlacementType): Decimal {
  return convertPrice(type.price, type.unit, 'day');
}

export interface Equivalence {
  initiativeId: string;
  cost: Decimal;
  /** Per placement type with a price above 0, in document order. */
  units: { placementTypeId: string; units: Decimal }[];
}

/** Each initiative's cost in one year and what it equals in units of each priced placement type. */
export function yearEquivalences(document: HemmaplanDocument, initiatives: readonly Initiative[], year: number): Equivalence[] {
  const horizon = { startYear: year, years: 1 };
  const cache = new CostCache();
  const factors = documentFactors(document, horizon, cache);
  const priced = document.placementTypes.filter((t) => t.price.gt(0));
  return initiatives.map((initiative) => {
    const cost = evaluateInitiative(initiative, horizon, factors, cache).total;
    return {
      initiativeId: initiative.id,
      cost,
      units: priced.map((type) => ({ placementTypeId: type.id, units: unitsOfPlacement(cost, type, year, factors) })),
    };
  });
}

export { horizonYears, unitsOfPlacement };
