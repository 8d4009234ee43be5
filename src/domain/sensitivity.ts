/**
 * Sensitivity of a scenario: what its net, present value and payback year become when the effects
 * turn out smaller or larger than estimated, or the costs higher. Every case is computed by the one
 * evaluator on an adjusted copy of the document and scenario; the input is never changed.
 */
import { CostCache } from './costs';
import { Decimal, HUNDRED } from './money';
import { evaluateScenario, type ScenarioResult } from './scenario';
import type { CostLine, HemmaplanDocument, Scenario } from './types';

export type SensitivityKey = 'effects-50' | 'effects-75' | 'effects-100' | 'effects-125' | 'costs-110';

export interface SensitivityCase {
  key: SensitivityKey;
  /** The effects as a percentage of the estimate (100 = as entered). */
  effectPercent: number;
  /** The costs as a percentage of those entered (100 = as entered). */
  costPercent: number;
  /** The evaluator's result for the adjusted scenario. */
  result: ScenarioResult;
}

/** The cases, in the order they are shown. */
export const SENSITIVITY_CASES: readonly { key: SensitivityKey; effectPercent: number; costPercent: number }[] = [
  { key: 'effects-50', effectPercent: 50, costPercent: 100 },
  { key: 'effects-75', effectPercent: 75, costPercent: 100 },
  { key: 'effects-100', effectPercent: 100, costPercent: 100 },
  { key: 'effects-125', effectPercent: 125, costPercent: 100 },
  { key: 'costs-110', effectPercent: 100, costPercent: 110 },
];

/** A whole percentage as an exact factor: 125 → 1.25. */
function factorOf(percent: number): Decimal {
  return new Decimal(percent).div(HUNDRED);
}

/**
 * A copy of the scenario whose effects are scaled by `factor`: each per-year entry's number of
 * placements is multiplied; expectedShare (a share within 0..1) is left as it is.
 */
export function withEffectsScaled(scenario: Scenario, factor: Decimal): Scenario {
  return {
    ...scenario,
    effects: scenario.effects.map((effect) => ({
      ...effect,
      perYear: effect.perYear.map((entry) => ({ ...entry, placements: entry.placements.times(factor) })),
    })),
  };
}

/** A copy of a cost line with its cost amounts multiplied by `factor`; funding (income) is left as it is. */
export function costLineScaled(line: CostLine, factor: Decimal): CostLine {
  switch (line.kind) {
    case 'staff':
      return { ...line, monthlySalary: line.monthlySalary.times(factor) };
    case 'perUnit':
      return { ...line, unitPrice: line.unitPrice.times(factor) };
    case 'annual':
      return { ...line, amountPerYear: line.amountPerYear.times(factor) };
    case 'oneOff':
      return { ...line, amount: line.amount.times(factor) };
    case 'education':
      return { ...line, monthlySalary: line.monthlySalary.times(factor), materialPerTerm: line.materialPerTerm.times(factor) };
    case 'funding':
      return { ...line };
  }
}

/**
 * A copy of the document in which the cost amounts of the scenario's initiatives are multiplied by
 * `factor` (funding lines excepted). Initiatives outside the scenario are the same objects as before.
 */
export function withCostsScaled(document: HemmaplanDocument, scenario: Scenario, factor: Decimal): HemmaplanDocument {
  const included = new Set(scenario.initiativeIds);
  return {
    ...document,
    initiatives: document.initiatives.map((initiative) =>
      included.has(initiative.id) ? { ...initiative, costLines: initiative.costLines.map((line) => costLineScaled(line, factor)) } : initiative,
    ),
  };
}

/**
 * The scenario's result with the effects at 50, 75, 100 and 125 % of the estimate (costs as
 * entered), and with the costs 10 % higher (effects as estimated). The 100 % case is the
 * evaluator's result for the scenario as it is.
 */
export function sensitivity(document: HemmaplanDocument, scenario: Scenario): SensitivityCase[] {
  const cache = new CostCache();
  return SENSITIVITY_CASES.map(({ key, effectPercent, costPercent }) => {
    const adjustedDocument = costPercent === 100 ? document : withCostsScaled(document, scenario, factorOf(costPercent));
    const adjustedScenario = effectPercent === 100 ? scenario : withEffectsScaled(scenario, factorOf(effectPercent));
    return { key, effectPercent, costPercent, result: evaluateScenario(adjustedDocument, adjustedScenario, cache) };
  });
}
