/** The result document the calculator prints (EXCHANGE.md §3): exact results rounded to 2 decimals. */
import { type Decimal, toFixedHalfUp } from '../domain/money';
import type { ScenarioResult } from '../domain/scenario';

const money = (value: Decimal): string => toFixedHalfUp(value, 2);

export function resultDocument(results: readonly ScenarioResult[]) {
  return {
    format: 'hemmaplan-result',
    version: 1,
    scenarios: results.map((s) => ({
      id: s.id,
      name: s.name,
      startYear: s.startYear,
      endYear: s.endYear,
      years: s.years.map((y) => ({
        year: y.year,
        cost: money(y.cost),
        avoided: money(y.avoided),
        net: money(y.net),
        cumulativeNet: money(y.cumulativeNet),
      })),
      initiatives: s.initiatives.map((i) => ({
        id: i.id,
        years: i.years.map((y) => ({ year: y.year, cost: money(y.cost) })),
        total: money(i.total),
      })),
      effects: s.effects.map((e) => ({
        id: e.id,
        years: e.years.map((y) => ({ year: y.year, avoided: money(y.avoided) })),
        total: money(e.total),
      })),
      totals: {
        cost: money(s.totals.cost),
        avoided: money(s.totals.avoided),
        net: money(s.totals.net),
        npv: money(s.totals.npv),
      },
      paybackYear: s.paybackYear,
      breakEven: s.breakEven.map((b) => ({
        placementTypeId: b.placementTypeId,
        unit: b.unit,
        years: b.years.map((y) => ({ year: y.year, units: money(y.units) })),
        averagePerYear: money(b.averagePerYear),
      })),
    })),
  };
}

export type ResultDocument = ReturnType<typeof resultDocument>;
