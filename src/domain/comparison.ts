/**
 * Scenarios side by side: each result's net per year over the union of their years, and each
 * result's difference to a base result. Exact values; only subtraction of the evaluator's figures.
 */
import type { Decimal } from './money';
import type { ScenarioResult } from './scenario';

export interface ResultDifference {
  /** result − base, for each total. */
  totals: { cost: Decimal; avoided: Decimal; net: Decimal; npv: Decimal };
  /** result's payback year − base's, in years (negative: earlier); null when either has none. */
  paybackYears: number | null;
  /** result's net − base's net, per year of the union of both horizons; null where either lacks the year. */
  years: { year: number; net: Decimal | null }[];
}

export interface ComparedScenario {
  result: ScenarioResult;
  /** Net of each year of the comparison's years; null where the scenario's horizon lacks the year. */
  net: (Decimal | null)[];
  /** Against the first result, with `years` aligned to the comparison's years; null for the first itself. */
  difference: ResultDifference | null;
}

export interface ScenarioComparison {
  /** Every year of any of the results, ascending. */
  years: number[];
  scenarios: ComparedScenario[];
}

/** Every year of any of the results' horizons, ascending, each once. */
export function unionOfYears(results: readonly ScenarioResult[]): number[] {
  const years = new Set<number>();
  for (const result of results) for (const y of result.years) years.add(y.year);
  return [...years].sort((a, b) => a - b);
}

function netByYear(result: ScenarioResult): Map<number, Decimal> {
  return new Map(result.years.map((y) => [y.year, y.net]));
}

function differenceOver(result: ScenarioResult, base: ScenarioResult, years: readonly number[]): ResultDifference {
  const nets = netByYear(result);
  const baseNets = netByYear(base);
  return {
    totals: {
      cost: result.totals.cost.minus(base.totals.cost),
      avoided: result.totals.avoided.minus(base.totals.avoided),
      net: result.totals.net.minus(base.totals.net),
      npv: result.totals.npv.minus(base.totals.npv),
    },
    paybackYears: result.paybackYear === null || base.paybackYear === null ? null : result.paybackYear - base.paybackYear,
    years: years.map((year) => {
      const net = nets.get(year);
      const baseNet = baseNets.get(year);
      return { year, net: net === undefined || baseNet === undefined ? null : net.minus(baseNet) };
    }),
  };
}

/** How `result` differs from `base`: totals, payback year, and net per year over the union of their years. */
export function resultDifference(result: ScenarioResult, base: ScenarioResult): ResultDifference {
  return differenceOver(result, base, unionOfYears([result, base]));
}

/** The results side by side, each compared with the first. */
export function compareResults(results: readonly ScenarioResult[]): ScenarioComparison {
  const years = unionOfYears(results);
  const base = results[0];
  return {
    years,
    scenarios: results.map((result, i) => {
      const nets = netByYear(result);
      return {
        result,
        net: years.map((year) => nets.get(year) ?? null),
        difference: i === 0 || base === undefined ? null : differenceOver(result, base, years),
      };
    }),
  };
}
