/** Default settings and how a scenario's own settings override the document's (EXCHANGE.md §1). */
import { Decimal } from './money';
import type { Scenario, Settings } from './types';

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  organisation: '',
  payrollOverheadPercent: new Decimal('44.53'),
  salaryGrowthPercent: new Decimal(0),
  priceGrowthPercent: new Decimal(0),
  discountRatePercent: new Decimal(0),
});

/** Settings with every field resolved, base year included. */
export type EffectiveSettings = Required<Settings>;

/** The document's settings overridden field by field by the scenario's; base year defaults to its start year. */
export function effectiveSettings(documentSettings: Settings, scenario: Pick<Scenario, 'startYear' | 'settings'>): EffectiveSettings {
  const merged: Settings = { ...DEFAULT_SETTINGS, ...documentSettings };
  for (const [key, value] of Object.entries(scenario.settings ?? {})) {
    if (value !== undefined) (merged as unknown as Record<string, unknown>)[key] = value;
  }
  return { ...merged, baseYear: merged.baseYear ?? scenario.startYear };
}
