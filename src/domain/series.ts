/**
 * What a scenario's charts draw, taken from the evaluator's result: cost and avoided cost summed
 * year by year, each initiative's cost per year (also stacked into one bar per year), and value
 * axes with round tick values. Exact values: running sums of the result's own figures, nothing
 * evaluated again.
 */
import { Decimal, ONE, ZERO, type AmountUnit } from './money';
import type { ScenarioResult } from './scenario';

export interface CumulativeYear {
  year: number;
  /** The scenario's cost from its first year up to and including this one. */
  cost: Decimal;
  /** The scenario's avoided cost from its first year up to and including this one. */
  avoided: Decimal;
}

export interface InitiativeSeries {
  id: string;
  /** The initiative's cost in each year of the horizon, as the evaluator gives it. */
  years: { year: number; cost: Decimal }[];
  total: Decimal;
}

/** One initiative's part of a year's bar. */
export interface StackSegment {
  initiativeId: string;
  cost: Decimal;
  /**
   * Where the part starts and ends on the value axis. Costs ≥ 0 stack upwards from zero and
   * negative costs (funding larger than the cost) downwards from zero, in the initiatives' order.
   */
  from: Decimal;
  to: Decimal;
}

export interface YearStack {
  year: number;
  segments: StackSegment[];
  /** The scenario's cost of the year (the evaluator's sum of the initiatives). */
  total: Decimal;
  /** The bar's highest point (≥ 0) and lowest point (≤ 0). */
  top: Decimal;
  bottom: Decimal;
}

/** The smallest and largest value a chart shows; zero always lies within. */
export interface ValueRange {
  min: Decimal;
  max: Decimal;
}

export interface ChartSeries {
  years: number[];
  cumulative: CumulativeYear[];
  cumulativeRange: ValueRange;
  initiatives: InitiativeSeries[];
  stacks: YearStack[];
  stackRange: ValueRange;
}

/** The series of a scenario's charts, from its evaluated result. */
export function chartSeries(result: ScenarioResult): ChartSeries {
  let cost = ZERO;
  let avoided = ZERO;
  const cumulative = result.years.map((y) => {
    cost = cost.plus(y.cost);
    avoided = avoided.plus(y.avoided);
    return { year: y.year, cost, avoided };
  });

  const initiatives = result.initiatives.map((i) => ({ id: i.id, years: i.years.map((y) => ({ year: y.year, cost: y.cost })), total: i.total }));

  const stacks = result.years.map((y, index) => {
    let top = ZERO;
    let bottom = ZERO;
    const segments = result.initiatives.map((initiative) => {
      const segmentCost = initiative.years[index]?.cost ?? ZERO;
      if (segmentCost.isNegative()) {
        const from = bottom;
        bottom = bottom.plus(segmentCost);
        return { initiativeId: initiative.id, cost: segmentCost, from, to: bottom };
      }
      const from = top;
      top = top.plus(segmentCost);
      return { initiativeId: initiative.id, cost: segmentCost, from, to: top };
    });
    return { year: y.year, segments, total: y.cost, top, bottom };
  });

  return {
    years: result.years.map((y) => y.year),
    cumulative,
    cumulativeRange: rangeOf(cumulative.flatMap((c) => [c.cost, c.avoided])),
    initiatives,
    stacks,
    stackRange: rangeOf(stacks.flatMap((s) => [s.top, s.bottom])),
  };
}

/** The smallest and largest of the values and zero. */
export function rangeOf(values: readonly Decimal[]): ValueRange {
  let min = ZERO;
  let max = ZERO;
  for (const v of values) {
    if (v.lt(min)) min = v;
    if (v.gt(max)) max = v;
  }
  return { min, max };
}

// ---------------------------------------------------------------------------------------------
// Value axes

/** Kronor per unit shown. */
const KRONOR_PER: Record<AmountUnit, Decimal> = { kr: ONE, tkr: new Decimal(1000), mnkr: new Decimal(1_000_000) };

/**
 * Steps of 1, 2, 5 or 10 times a power of ten, in the unit shown: each chosen up to the geometric
 * mean of it and the next (√2, √10, √50), so that the step is the round one nearest the rough one.
 */
const STEP_FACTORS: { below: Decimal; factor: Decimal }[] = [
  { below: new Decimal(2).sqrt(), factor: ONE },
  { below: new Decimal(10).sqrt(), factor: new Decimal(2) },
  { below: new Decimal(50).sqrt(), factor: new Decimal(5) },
  { below: new Decimal(Infinity), factor: new Decimal(10) },
];

export interface ValueAxis {
  /** The axis runs from `min` to `max`, both multiples of `step`, with zero in between. */
  min: Decimal;
  max: Decimal;
  /** In kronor; 1, 2 or 5 times a power of ten in the unit shown. */
  step: Decimal;
  /** min, min + step, … max, in kronor. */
  ticks: Decimal[];
  /** Decimals to show a tick in the unit with, so that no two ticks look alike. */
  decimals: number;
}

/**
 * A value axis that covers the range (and zero) with about `targetTicks` steps of a round size in
 * the unit shown: 0, 200 tkr, 400 tkr … or 0, 0,5 mnkr, 1,0 mnkr ….
 */
export function valueAxis(range: ValueRange, unit: AmountUnit, targetTicks = 5): ValueAxis {
  const low = range.min.isNegative() ? range.min : ZERO;
  const high = range.max.isPositive() ? range.max : ZERO;
  const per = KRONOR_PER[unit];
  const span = high.minus(low);
  let stepInUnit: Decimal;
  if (span.isZero()) {
    stepInUnit = ONE;
  } else {
    const rough = span.div(per).div(Math.max(1, Math.floor(targetTicks)));
    const magnitude = new Decimal(10).pow(rough.e);
    const normalised = rough.div(magnitude);
    stepInUnit = STEP_FACTORS.find((s) => normalised.lt(s.below))!.factor.times(magnitude);
  }
  const step = stepInUnit.times(per);
  const min = low.div(step).floor().times(step);
  const max = span.isZero() ? step : high.div(step).ceil().times(step);
  const ticks: Decimal[] = [];
  for (let t = min; t.lte(max); t = t.plus(step)) ticks.push(t);
  return { min, max, step, ticks, decimals: stepInUnit.decimalPlaces() };
}
