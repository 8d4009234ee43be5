/** Changing an effect's estimate for one year, as the effects grid and the workshop steppers do. */
import { Decimal } from './money';
import type { Effect, EffectYear } from './types';

export function effectYear(effect: Effect, year: number): EffectYear | undefined {
  return effect.perYear.find((e) => e.year === year);
}

/**
 * The effect with one year's placements or units per placement set. Clearing the placements
 * removes the year; a new year's units per placement default to those of the nearest year, so
 * typing the number of placements is often enough.
 */
export function withEffectYear(effect: Effect, year: number, field: 'placements' | 'unitsPerPlacement', value: Decimal | null): Effect {
  const entry = effectYear(effect, year);
  const others = effect.perYear.filter((e) => e.year !== year);
  const sorted = (entries: EffectYear[]) => entries.sort((a, b) => a.year - b.year);
  if (value === null) {
    if (field === 'placements') return { ...effect, perYear: others };
    return entry ? { ...effect, perYear: sorted([...others, { ...entry, unitsPerPlacement: new Decimal(0) }]) } : effect;
  }
  const nearest = [...effect.perYear].sort((a, b) => Math.abs(a.year - year) - Math.abs(b.year - year))[0];
  const base: EffectYear = entry ?? { year, placements: new Decimal(0), unitsPerPlacement: nearest?.unitsPerPlacement ?? new Decimal(0) };
  return { ...effect, perYear: sorted([...others, { ...base, [field]: value }]) };
}
