/**
 * Writing the exchange format (EXCHANGE.md §1): decimals as plain strings, absent fields left out,
 * fields in a stable order. Whole documents for files, single entities for the database rows.
 */
import { type Decimal, toPlain } from '../domain/money';
import { COST_LINE_FIELDS } from '../domain/types';
import type { HemmaplanDocument, Initiative, Intervention, PlacementType, Scenario, Settings, SettingsOverrides } from '../domain/types';
import { CURRENT_VERSION, FORMAT } from './migrate';

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };
export type JsonRecord = { [key: string]: Json };

/** Copies the given fields, in order, leaving out absent ones and writing decimals as plain strings. */
function pick(source: object, keys: readonly string[]): JsonRecord {
  const out: JsonRecord = {};
  for (const key of keys) {
    const value = (source as Record<string, unknown>)[key];
    if (value !== undefined) out[key] = toJson(value);
  }
  return out;
}

function toJson(value: unknown): Json {
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value === null) return value;
  if (Array.isArray(value)) return value.map(toJson);
  if (isDecimal(value)) return toPlain(value);
  throw new TypeError('Unexpected value in a document');
}

function isDecimal(value: unknown): value is Decimal {
  return typeof value === 'object' && value !== null && typeof (value as Decimal).toFixed === 'function' && 'd' in value;
}

const SETTINGS_KEYS = ['organisation', 'payrollOverheadPercent', 'salaryGrowthPercent', 'priceGrowthPercent', 'discountRatePercent', 'baseYear'] as const;
const INTERVENTION_KEYS = [
  'id', 'name', 'shortName', 'description', 'category', 'targetGroups', 'ageMin', 'ageMax', 'unit', 'format', 'scope',
  'theory', 'evidenceUrl', 'needsAssessment', 'status', 'trainedStaff', 'unitCost', 'unitCostUnit', 'notes', 'tags',
] as const;
const PLACEMENT_TYPE_KEYS = ['id', 'name', 'unit', 'price', 'priceYear', 'category', 'source', 'sourceUrl', 'notes'] as const;

export function serialiseSettings(settings: Settings | SettingsOverrides): JsonRecord {
  return pick(settings, SETTINGS_KEYS);
}

export function serialiseIntervention(intervention: Intervention): JsonRecord {
  return pick(intervention, INTERVENTION_KEYS);
}

export function serialiseInitiative(initiative: Initiative): JsonRecord {
  return {
    ...pick(initiative, ['id', 'name', 'description', 'scope', 'unit', 'interventionIds', 'start', 'end']),
    costLines: initiative.costLines.map((line) => pick(line, ['id', 'label', 'kind', ...COST_LINE_FIELDS[line.kind]])),
  };
}

export function serialisePlacementType(type: PlacementType): JsonRecord {
  return pick(type, PLACEMENT_TYPE_KEYS);
}

export function serialiseScenario(scenario: Scenario): JsonRecord {
  return {
    ...pick(scenario, ['id', 'name', 'description', 'startYear', 'years']),
    ...(scenario.settings ? { settings: serialiseSettings(scenario.settings) } : {}),
    initiativeIds: scenario.initiativeIds,
    effects: scenario.effects.map((effect) => ({
      ...pick(effect, ['id', 'label', 'fromPlacementTypeId', 'toPlacementTypeId', 'initiativeId', 'expectedShare']),
      perYear: effect.perYear.map((entry) => pick(entry, ['year', 'placements', 'unitsPerPlacement'])),
    })),
  };
}

/** The entity type of each list of a document. */
export interface ListItems {
  interventions: Intervention;
  initiatives: Initiative;
  placementTypes: PlacementType;
  scenarios: Scenario;
}
export type ListItem<L extends keyof ListItems> = ListItems[L];

const ITEM_WRITERS: { [L in keyof ListItems]: (item: ListItems[L]) => JsonRecord } = {
  interventions: serialiseIntervention,
  initiatives: serialiseInitiative,
  placementTypes: serialisePlacementType,
  scenarios: serialiseScenario,
};

export function serialiseListItem<L extends keyof ListItems>(list: L, item: ListItem<L>): JsonRecord {
  return ITEM_WRITERS[list](item);
}

/** The document as exchange-format JSON. */
export function serialiseDocument(document: HemmaplanDocument, exportedAt = document.exportedAt): JsonRecord {
  const out: JsonRecord = { format: FORMAT, version: CURRENT_VERSION };
  if (exportedAt !== undefined) out.exportedAt = exportedAt;
  out.settings = serialiseSettings(document.settings);
  out.interventions = document.interventions.map(serialiseIntervention);
  out.initiatives = document.initiatives.map(serialiseInitiative);
  out.placementTypes = document.placementTypes.map(serialisePlacementType);
  out.scenarios = document.scenarios.map(serialiseScenario);
  return out;
}

/** The document as the text of a .hemmaplan.json file. */
export function stringifyDocument(document: HemmaplanDocument, exportedAt?: string): string {
  return JSON.stringify(serialiseDocument(document, exportedAt), null, 2) + '\n';
}
