/** Swedish words for the domain's codes, as users read them on screen and in exported files. */
import { type Decimal, formatNumber } from '../domain/money';
import type {
  CostLineKind,
  InterventionFormat,
  InterventionStatus,
  NeedsAssessment,
  PlacementCategory,
  PlacementUnit,
  TargetGroup,
  Effect,
  HemmaplanDocument,
} from '../domain/types';
import type { ListItems } from './serialise';

export const TARGET_GROUP_LABELS: Record<TargetGroup, string> = {
  children: 'Barn',
  youth: 'Unga',
  parents: 'Föräldrar',
  adults: 'Vuxna',
  relatives: 'Anhöriga',
};

export const FORMAT_LABELS: Record<InterventionFormat, string> = {
  individual: 'Individuell',
  group: 'Grupp',
  family: 'Familj',
  network: 'Nätverk',
};

export const NEEDS_ASSESSMENT_LABELS: Record<NeedsAssessment, string> = {
  assessed: 'Efter behovsprövning',
  'without-assessment': 'Utan behovsprövning',
  both: 'Båda',
};

export const STATUS_LABELS: Record<InterventionStatus, string> = {
  offered: 'Erbjuds',
  planned: 'Planerad',
  proposed: 'Föreslagen',
  discontinued: 'Avslutad',
};

export const PLACEMENT_UNIT_LABELS: Record<PlacementUnit, string> = {
  day: 'Dygn',
  month: 'Månad',
  year: 'År',
};

/** Plural unit names for break-even sentences: "231 vårddygn", "12 månader". */
export const PLACEMENT_UNIT_PLURAL: Record<PlacementUnit, string> = {
  day: 'vårddygn',
  month: 'månader',
  year: 'år',
};

export const PLACEMENT_CATEGORY_LABELS: Record<PlacementCategory, string> = {
  children: 'Barn och unga',
  adults: 'Vuxna',
};

export const COST_LINE_KIND_LABELS: Record<CostLineKind, string> = {
  staff: 'Personal',
  perUnit: 'Köp per styck',
  annual: 'Årsbelopp',
  funding: 'Bidrag (intäkt)',
  oneOff: 'Engångskostnad',
  education: 'Utbildning',
};

/** The sentence that says what a year's cost equals in units of a placement type. */
export function breakEvenSentence(year: number, units: Decimal, unit: PlacementUnit, placementTypeName: string): string {
  return `Kostnaden ${year} motsvarar ${formatNumber(units)} ${PLACEMENT_UNIT_PLURAL[unit]} på ${placementTypeName}.`;
}

/** What a scenario without a payback year within its period shows in its place. */
export const NO_PAYBACK = 'Ingen inom perioden';

/** The payback year as shown everywhere: the year, or that there is none within the period. */
export function paybackText(year: number | null): string {
  return year === null ? NO_PAYBACK : String(year);
}

/** The name an effect is shown by: its label, else "from-type → to-type" ("hemmaplan" without a to-type). */
export function effectName(document: HemmaplanDocument, effect: Effect): string {
  if (effect.label !== undefined && effect.label.trim() !== '') return effect.label;
  const typeName = (id: string) => document.placementTypes.find((t) => t.id === id)?.name ?? id;
  const to = effect.toPlacementTypeId === undefined ? 'hemmaplan' : typeName(effect.toPlacementTypeId);
  return `${typeName(effect.fromPlacementTypeId)} → ${to}`;
}

/** The lists of a document by the names of the pages that show them. */
export const LIST_LABELS: Record<keyof ListItems, string> = {
  interventions: 'Insatser och metoder',
  initiatives: 'Satsningar',
  placementTypes: 'Placeringskostnader',
  scenarios: 'Scenarier',
};
