import type { HemmaplanDocument } from '../../domain/types';

/** The years the lists show costs for: five years from the base year, or from this year when none is set. */
export function displayHorizon(document: HemmaplanDocument, today = new Date()): { startYear: number; years: number } {
  return { startYear: document.settings.baseYear ?? today.getFullYear(), years: 5 };
}
