/**
 * The domain values of Hemmaplan, after validation: what the evaluator, the data layer and the UI
 * work with. Decimal fields are exact decimal.js values; months are "YYYY-MM" strings.
 * The JSON shape of the same things is described in EXCHANGE.md and handled by src/exchange.
 */
import type { Decimal } from './money';

/** A calendar month written "YYYY-MM". */
export type Month = string;

export interface Settings {
  organisation: string;
  payrollOverheadPercent: Decimal;
  salaryGrowthPercent: Decimal;
  priceGrowthPercent: Decimal;
  discountRatePercent: Decimal;
  /** The year whose salary and price level the amounts are entered in; absent means the scenario's start year. */
  baseYear?: number;
}

/** A scenario's own settings: each field given overrides the document's. */
export type SettingsOverrides = Partial<Settings>;

export const TARGET_GROUPS = ['children', 'youth', 'parents', 'adults', 'relatives'] as const;
export type TargetGroup = (typeof TARGET_GROUPS)[number];

export const INTERVENTION_FORMATS = ['individual', 'group', 'family', 'network'] as const;
export type InterventionFormat = (typeof INTERVENTION_FORMATS)[number];

export const NEEDS_ASSESSMENTS = ['assessed', 'without-assessment', 'both'] as const;
export type NeedsAssessment = (typeof NEEDS_ASSESSMENTS)[number];

export const INTERVENTION_STATUSES = ['offered', 'planned', 'proposed', 'discontinued'] as const;
export type InterventionStatus = (typeof INTERVENTION_STATUSES)[number];

/** An insats or metod the service offers. */
export interface Intervention {
  id: string;
  name: string;
  shortName?: string;
  description?: string;
  category?: string;
  targetGroups?: TargetGroup[];
  ageMin?: number;
  ageMax?: number;
  unit?: string;
  format?: InterventionFormat;
  scope?: string;
  theory?: string;
  evidenceUrl?: string;
  needsAssessment?: NeedsAssessment;
  status: InterventionStatus;
  trainedStaff?: number;
  unitCost?: Decimal;
  unitCostUnit?: string;
  notes?: string;
  tags?: string[];
}

interface CostLineBase {
  id?: string;
  label?: string;
}

export interface StaffLine extends CostLineBase {
  kind: 'staff';
  fte: Decimal;
  monthlySalary: Decimal;
  payrollOverheadPercent?: Decimal;
}

export interface PerUnitLine extends CostLineBase {
  kind: 'perUnit';
  unit: string;
  quantityPerYear: Decimal;
  unitPrice: Decimal;
}

export interface AnnualLine extends CostLineBase {
  kind: 'annual';
  amountPerYear: Decimal;
}

/** Income such as a statsbidrag, which offsets cost. */
export interface FundingLine extends CostLineBase {
  kind: 'funding';
  amountPerYear: Decimal;
}

export interface OneOffLine extends CostLineBase {
  kind: 'oneOff';
  amount: Decimal;
  month: Month;
}

export interface EducationLine extends CostLineBase {
  kind: 'education';
  persons: Decimal;
  terms: number;
  monthsPerTerm: number;
  studyShare: Decimal;
  monthlySalary: Decimal;
  payrollOverheadPercent?: Decimal;
  materialPerTerm: Decimal;
}

export type CostLine = StaffLine | PerUnitLine | AnnualLine | FundingLine | OneOffLine | EducationLine;
export type CostLineKind = CostLine['kind'];
export const COST_LINE_KINDS: readonly CostLineKind[] = ['staff', 'perUnit', 'annual', 'funding', 'oneOff', 'education'];

/** The fields of each kind of cost line besides id, label and kind, in the order of the format. */
export const COST_LINE_FIELDS: Readonly<Record<CostLineKind, readonly string[]>> = {
  staff: ['fte', 'monthlySalary', 'payrollOverheadPercent'],
  perUnit: ['unit', 'quantityPerYear', 'unitPrice'],
  annual: ['amountPerYear'],
  funding: ['amountPerYear'],
  oneOff: ['amount', 'month'],
  education: ['persons', 'terms', 'monthsPerTerm', 'studyShare', 'monthlySalary', 'payrollOverheadPercent', 'materialPerTerm'],
};

/** A satsning: a planned investment made of cost lines over a period of months. */
export interface Initiative {
  id: string;
  name: string;
  description?: string;
  scope?: string;
  unit?: string;
  interventionIds?: string[];
  start: Month;
  /** Inclusive; absent means open-ended. */
  end?: Month;
  costLines: CostLine[];
}

export const PLACEMENT_UNITS = ['day', 'month', 'year'] as const;
export type PlacementUnit = (typeof PLACEMENT_UNITS)[number];

export const PLACEMENT_CATEGORIES = ['children', 'adults'] as const;
export type PlacementCategory = (typeof PLACEMENT_CATEGORIES)[number];

/** A placeringsform with its price per unit in its price year. */
export interface PlacementType {
  id: string;
  name: string;
  unit: PlacementUnit;
  price: Decimal;
  priceYear: number;
  category?: PlacementCategory;
  source?: string;
  sourceUrl?: string;
  notes?: string;
}

export interface EffectYear {
  year: number;
  placements: Decimal;
  /** In the unit of the from-type: days for a per-day type. */
  unitsPerPlacement: Decimal;
}

/** An avoided placement, or one replaced by a cheaper placement type. */
export interface Effect {
  id: string;
  label?: string;
  fromPlacementTypeId: string;
  /** Absent: the person stays at home and no placement cost replaces the avoided one. */
  toPlacementTypeId?: string;
  initiativeId?: string;
  expectedShare: Decimal;
  perYear: EffectYear[];
}

export interface Scenario {
  id: string;
  name: string;
  description?: string;
  startYear: number;
  years: number;
  settings?: SettingsOverrides;
  initiativeIds: string[];
  effects: Effect[];
}

/** A whole Hemmaplan document: a backup, a workshop file, the example data or calculator input. */
export interface HemmaplanDocument {
  exportedAt?: string;
  settings: Settings;
  interventions: Intervention[];
  initiatives: Initiative[];
  placementTypes: PlacementType[];
  scenarios: Scenario[];
}
