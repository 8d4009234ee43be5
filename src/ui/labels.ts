/** Swedish words for the domain's codes, as users read them. */
import type { PlacementUnit } from '../domain/types';

/** Plural unit names for break-even sentences: "231 vårddygn", "12 månader". */
export const PLACEMENT_UNIT_PLURAL: Record<PlacementUnit, string> = {
  day: 'vårddygn',
  month: 'månader',
  year: 'år',
};
