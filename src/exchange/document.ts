/**
 * The Hemmaplan exchange format, version 1 (EXCHANGE.md §1): the one gate through which every
 * document enters the app, and the one writer that produces it. After parseDocument the rest of
 * the code can trust its data.
 */
import { COST_LINE_KINDS, INTERVENTION_FORMATS, INTERVENTION_STATUSES, NEEDS_ASSESSMENTS, PLACEMENT_CATEGORIES, PLACEMENT_UNITS, TARGET_GROUPS } from '../domain/types';
import type {
  CostLine,
  Effect,
  EffectYear,
  HemmaplanDocument,
  Initiative,
  Intervention,
  PlacementType,
  Scenario,
  Settings,
  SettingsOverrides,
} from '../domain/types';
import { DEFAULT_SETTINGS } from '../domain/settings';
import { ONE } from '../domain/money';
import { monthIndex } from '../domain/months';
import { jsonSyntaxError } from './json-syntax';
import { checkVersion } from './migrate';
import { fieldPath, formatIssue, type Issue, isObject, isUsableId, itemPath, type JsonObject, MAX_YEAR, MIN_YEAR, rawId, rawList, Reader } from './reader';

export type ParseOutcome = { ok: true; document: HemmaplanDocument } | { ok: false; issues: Issue[] };

const YEAR = { min: MIN_YEAR, max: MAX_YEAR } as const;
const REQUIRED_YEAR = { required: true, ...YEAR } as const;

/** Reads JSON text; text that is not JSON gives one issue at "$", saying in Swedish where and why. */
export function parseDocumentText(text: string): ParseOutcome {
  // A byte order mark, as some Windows editors write, is not part of the JSON.
  const withoutMark = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let json: unknown;
  try {
    json = JSON.parse(withoutMark);
  } catch {
    const detail = jsonSyntaxError(withoutMark);
    return { ok: false, issues: [{ path: '$', message: `filen är inte giltig JSON och kan inte läsas${detail ? `: ${detail}` : ''}` }] };
  }
  return parseDocument(json);
}

/** Validates an untrusted JSON value into a document, or lists every problem found. */
export function parseDocument(input: unknown): ParseOutcome {
  const r = new Reader();
  if (!isObject(input)) {
    r.report('$', 'dokumentet ska vara ett JSON-objekt ({ … }) med "format": "hemmaplan"');
    return { ok: false, issues: r.issues };
  }
  const current = checkVersion(input, r);
  if (!current) return { ok: false, issues: r.issues };
  const json = current;

  let exportedAt: string | undefined;
  const exportedText = r.text(json, 'exportedAt', '', { max: 100 });
  if (exportedText !== undefined) {
    if (isTimestamp(exportedText)) exportedAt = exportedText;
    else r.report('exportedAt', 'ska vara en tidpunkt i ISO-format, till exempel "2026-11-23T10:00:00Z"');
  }

  const settingsJson = json.settings;
  let settings: Settings = { ...DEFAULT_SETTINGS };
  if (settingsJson !== undefined && settingsJson !== null) {
    const obj = r.object(settingsJson, 'settings');
    if (obj) settings = { ...DEFAULT_SETTINGS, ...readSettings(r, obj, 'settings') };
  }

  const interventions = readList(r, json, 'interventions', readIntervention);
  const initiatives = readList(r, json, 'initiatives', readInitiative);
  const placementTypes = readList(r, json, 'placementTypes', readPlacementType);
  const scenarios = readList(r, json, 'scenarios', readScenario);

  for (const list of ['interventions', 'initiatives', 'placementTypes', 'scenarios']) r.uniqueIds(rawList(json[list]), list);
  checkReferences(r, json);

  if (r.issues.length > 0) return { ok: false, issues: r.issues };
  const document: HemmaplanDocument = { settings, interventions, initiatives, placementTypes, scenarios };
  if (exportedAt !== undefined) document.exportedAt = exportedAt;
  return { ok: true, document };
}

/** The issues as the lines a user reads: "path: message". */
export function issueLines(issues: readonly Issue[]): string[] {
  return issues.map(formatIssue);
}

function isTimestamp(text: string): boolean {
  return /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/.test(text) && !Number.isNaN(Date.parse(text));
}

/**
 * Reads a list of objects. A list that is absent counts as empty; each item that is not an object,
 * or has problems, is reported and left out.
 */
function readList<T>(r: Reader, obj: JsonObject, key: string, read: (r: Reader, item: JsonObject, path: string) => T | undefined): T[] {
  const items = r.array(obj, key, '');
  if (!items) return [];
  const out: T[] = [];
  items.forEach((item, index) => {
    const path = itemPath(key, index);
    const itemObj = r.object(item, path);
    if (!itemObj) return;
    const value = read(r, itemObj, path);
    if (value !== undefined) out.push(value);
  });
  return out;
}

/** Copies the defined fields of `source` into `target`, so that absent optional fields stay absent. */
function defined<T extends object>(target: T, source: Partial<T>): T {
  for (const key in source) {
    const value = source[key];
    if (value !== undefined) target[key] = value as T[typeof key];
  }
  return target;
}

/** Runs the readers and tells whether they added no issue. */
function clean(r: Reader, before: number): boolean {
  return r.issues.length === before;
}

function readSettings(r: Reader, obj: JsonObject, path: string): SettingsOverrides {
  return defined<SettingsOverrides>(
    {},
    {
      organisation: r.text(obj, 'organisation', path),
      payrollOverheadPercent: r.decimal(obj, 'payrollOverheadPercent', path, { min: 0, max: 100 }),
      salaryGrowthPercent: r.decimal(obj, 'salaryGrowthPercent', path, { min: -50, max: 50 }),
      priceGrowthPercent: r.decimal(obj, 'priceGrowthPercent', path, { min: -50, max: 50 }),
      discountRatePercent: r.decimal(obj, 'discountRatePercent', path, { min: 0, max: 100 }),
      baseYear: r.integer(obj, 'baseYear', path, YEAR),
    },
  );
}

function readStringList<T extends string>(r: Reader, obj: JsonObject, key: string, path: string, read: (value: unknown, at: string) => T | undefined): T[] | undefined {
  const items = r.array(obj, key, path);
  if (!items) return undefined;
  const out: T[] = [];
  items.forEach((item, i) => {
    const value = read(item, itemPath(fieldPath(path, key), i));
    if (value !== undefined) out.push(value);
  });
  return out;
}

function readIntervention(r: Reader, obj: JsonObject, path: string): Intervention | undefined {
  const before = r.issues.length;
  const ageMin = r.integer(obj, 'ageMin', path, { min: 0, max: 120 });
  const ageMax = r.integer(obj, 'ageMax', path, { min: 0, max: 120 });
  if (ageMin !== undefined && ageMax !== undefined && ageMin > ageMax) {
    r.report(fieldPath(path, 'ageMax'), `högsta åldern (${ageMax}) är lägre än lägsta åldern (${ageMin}); åldersspannet ska gå från den lägre åldern till den högre`);
  }
  const intervention = defined<Intervention>(
    { id: r.id(obj, 'id', path)!, name: r.text(obj, 'name', path, { required: true, nonEmpty: true })!, status: 'offered' },
    {
      shortName: r.text(obj, 'shortName', path),
      description: r.text(obj, 'description', path),
      category: r.text(obj, 'category', path),
      targetGroups: readStringList(r, obj, 'targetGroups', path, (v, at) => r.enumerationValue(v, at, TARGET_GROUPS)),
      ageMin,
      ageMax,
      unit: r.text(obj, 'unit', path),
      format: r.enumeration(obj, 'format', path, INTERVENTION_FORMATS),
      scope: r.text(obj, 'scope', path),
      theory: r.text(obj, 'theory', path),
      evidenceUrl: r.url(obj, 'evidenceUrl', path),
      needsAssessment: r.enumeration(obj, 'needsAssessment', path, NEEDS_ASSESSMENTS),
      status: r.enumeration(obj, 'status', path, INTERVENTION_STATUSES),
      trainedStaff: r.integer(obj, 'trainedStaff', path, { min: 0, max: 1_000_000 }),
      unitCost: r.decimal(obj, 'unitCost', path, { min: 0 }),
      unitCostUnit: r.text(obj, 'unitCostUnit', path),
      notes: r.text(obj, 'notes', path),
      tags: readStringList(r, obj, 'tags', path, (v, at) => r.textValue(v, at)),
    },
  );
  return clean(r, before) ? intervention : undefined;
}

const MONEY = { required: true, min: 0 } as const;

function readCostLine(r: Reader, obj: JsonObject, path: string): CostLine | undefined {
  const before = r.issues.length;
  const kind = r.enumeration(obj, 'kind', path, COST_LINE_KINDS, { required: true });
  const id = r.id(obj, 'id', path, {});
  const label = r.text(obj, 'label', path);
  // The fields in the order they are read and kept: id and label first, the kind's own fields after.
  let line: CostLine | undefined;
  switch (kind) {
    case 'staff':
      line = defined({} as CostLine, {
        id,
        label,
        kind,
        fte: r.decimal(obj, 'fte', path, MONEY)!,
        monthlySalary: r.decimal(obj, 'monthlySalary', path, MONEY)!,
        payrollOverheadPercent: r.decimal(obj, 'payrollOverheadPercent', path, { min: 0, max: 100 }),
      });
      break;
    case 'perUnit':
      line = defined({} as CostLine, {
        id,
        label,
        kind,
        unit: r.text(obj, 'unit', path, { required: true })!,
        quantityPerYear: r.decimal(obj, 'quantityPerYear', path, MONEY)!,
        unitPrice: r.decimal(obj, 'unitPrice', path, MONEY)!,
      });
      break;
    case 'annual':
    case 'funding':
      line = defined({} as CostLine, { id, label, kind, amountPerYear: r.decimal(obj, 'amountPerYear', path, MONEY)! });
      break;
    case 'oneOff':
      line = defined({} as CostLine, {
        id,
        label,
        kind,
        amount: r.decimal(obj, 'amount', path, MONEY)!,
        month: r.month(obj, 'month', path, { required: true })!,
      });
      break;
    case 'education':
      line = defined({} as CostLine, {
        id,
        label,
        kind,
        persons: r.decimal(obj, 'persons', path, MONEY)!,
        terms: r.integer(obj, 'terms', path, { required: true, min: 1, max: 100 })!,
        monthsPerTerm: r.integer(obj, 'monthsPerTerm', path, { min: 1, max: 12 }) ?? 6,
        studyShare: r.decimal(obj, 'studyShare', path, { required: true, min: 0, max: 1 })!,
        monthlySalary: r.decimal(obj, 'monthlySalary', path, MONEY)!,
        materialPerTerm: r.decimal(obj, 'materialPerTerm', path, MONEY)!,
        payrollOverheadPercent: r.decimal(obj, 'payrollOverheadPercent', path, { min: 0, max: 100 }),
      });
      break;
  }
  return clean(r, before) ? line : undefined;
}

function readInitiative(r: Reader, obj: JsonObject, path: string): Initiative | undefined {
  const before = r.issues.length;
  const id = r.id(obj, 'id', path);
  const name = r.text(obj, 'name', path, { required: true, nonEmpty: true });
  const start = r.month(obj, 'start', path, { required: true });
  const end = r.month(obj, 'end', path);
  if (start !== undefined && end !== undefined && monthIndex(end) < monthIndex(start)) {
    r.report(fieldPath(path, 'end'), `slutmånaden ${end} ligger före startmånaden ${start}`);
  }
  const linesPath = fieldPath(path, 'costLines');
  const costLines: CostLine[] = [];
  r.array(obj, 'costLines', path, { required: true })?.forEach((item, i) => {
    const linePath = itemPath(linesPath, i);
    const lineObj = r.object(item, linePath);
    const line = lineObj && readCostLine(r, lineObj, linePath);
    if (line) costLines.push(line);
  });
  r.uniqueIds(rawList(obj.costLines), linesPath);
  const initiative = defined<Initiative>(
    { id: id!, name: name!, start: start!, costLines },
    {
      description: r.text(obj, 'description', path),
      scope: r.text(obj, 'scope', path),
      unit: r.text(obj, 'unit', path),
      interventionIds: readStringList(r, obj, 'interventionIds', path, (v, at) => r.textValue(v, at, { nonEmpty: true, max: 100 })),
      end,
    },
  );
  return clean(r, before) ? initiative : undefined;
}

function readPlacementType(r: Reader, obj: JsonObject, path: string): PlacementType | undefined {
  const before = r.issues.length;
  const type = defined<PlacementType>(
    {
      id: r.id(obj, 'id', path)!,
      name: r.text(obj, 'name', path, { required: true, nonEmpty: true })!,
      unit: r.enumeration(obj, 'unit', path, PLACEMENT_UNITS, { required: true })!,
      price: r.decimal(obj, 'price', path, MONEY)!,
      priceYear: r.integer(obj, 'priceYear', path, REQUIRED_YEAR)!,
    },
    {
      category: r.enumeration(obj, 'category', path, PLACEMENT_CATEGORIES),
      source: r.text(obj, 'source', path),
      sourceUrl: r.url(obj, 'sourceUrl', path),
      notes: r.text(obj, 'notes', path),
    },
  );
  return clean(r, before) ? type : undefined;
}

function readEffect(r: Reader, obj: JsonObject, path: string): Effect | undefined {
  const before = r.issues.length;
  const id = r.id(obj, 'id', path);
  const fromPlacementTypeId = r.id(obj, 'fromPlacementTypeId', path);
  const perYearPath = fieldPath(path, 'perYear');
  const perYear: EffectYear[] = [];
  const firstIndexOfYear = new Map<number, number>();
  r.array(obj, 'perYear', path, { required: true })?.forEach((item, i) => {
    const at = itemPath(perYearPath, i);
    const entryObj = r.object(item, at);
    if (!entryObj) return;
    const year = r.integer(entryObj, 'year', at, REQUIRED_YEAR);
    const placements = r.decimal(entryObj, 'placements', at, MONEY);
    const unitsPerPlacement = r.decimal(entryObj, 'unitsPerPlacement', at, MONEY);
    if (year !== undefined) {
      const first = firstIndexOfYear.get(year);
      if (first !== undefined) {
        r.report(fieldPath(at, 'year'), `året ${year} finns redan i ${itemPath(perYearPath, first)}; högst en post per år`);
        return;
      }
      firstIndexOfYear.set(year, i);
    }
    if (year !== undefined && placements && unitsPerPlacement) perYear.push({ year, placements, unitsPerPlacement });
  });
  const effect = defined<Effect>(
    {
      id: id!,
      fromPlacementTypeId: fromPlacementTypeId!,
      expectedShare: r.decimal(obj, 'expectedShare', path, { min: 0, max: 1 }) ?? ONE,
      perYear,
    },
    {
      label: r.text(obj, 'label', path),
      toPlacementTypeId: r.id(obj, 'toPlacementTypeId', path, {}),
      initiativeId: r.id(obj, 'initiativeId', path, {}),
    },
  );
  return clean(r, before) ? effect : undefined;
}

function readScenario(r: Reader, obj: JsonObject, path: string): Scenario | undefined {
  const before = r.issues.length;
  const id = r.id(obj, 'id', path);
  const name = r.text(obj, 'name', path, { required: true, nonEmpty: true });
  const startYear = r.integer(obj, 'startYear', path, REQUIRED_YEAR);
  const years = r.integer(obj, 'years', path, { required: true, min: 1, max: 50 });
  const settingsJson = obj.settings;
  const settingsObj = settingsJson === undefined || settingsJson === null ? undefined : r.object(settingsJson, fieldPath(path, 'settings'));
  const effectsPath = fieldPath(path, 'effects');
  const effects: Effect[] = [];
  r.array(obj, 'effects', path)?.forEach((item, i) => {
    const at = itemPath(effectsPath, i);
    const effectObj = r.object(item, at);
    const effect = effectObj && readEffect(r, effectObj, at);
    if (effect) effects.push(effect);
  });
  r.uniqueIds(rawList(obj.effects), effectsPath);
  const scenario = defined<Scenario>(
    {
      id: id!,
      name: name!,
      startYear: startYear!,
      years: years!,
      initiativeIds: readStringList(r, obj, 'initiativeIds', path, (v, at) => r.textValue(v, at, { nonEmpty: true, max: 100 })) ?? [],
      effects,
    },
    {
      description: r.text(obj, 'description', path),
      settings: settingsObj ? readSettings(r, settingsObj, fieldPath(path, 'settings')) : undefined,
    },
  );
  return clean(r, before) ? scenario : undefined;
}

/**
 * Every reference points at something that exists (EXCHANGE.md §1). Checked on the raw document,
 * so that positions are the file's own, an item with another problem is still looked at, and a
 * reference to an item that has a problem of its own is not reported a second time.
 */
function checkReferences(r: Reader, json: JsonObject): void {
  const idsOf = (key: string) => new Set(rawList(json[key]).map((item) => rawId(item)));
  const interventionIds = idsOf('interventions');
  const initiativeIds = idsOf('initiatives');
  const placementTypeIds = idsOf('placementTypes');
  /** Calls `visit` with each usable id (a non-empty string) of a raw list of ids, and its position. */
  const eachId = (obj: JsonObject, key: string, visit: (id: string, k: number) => void) => {
    const list = rawList(obj[key]);
    for (let k = 0; k < list.length; k++) {
      const value = list[k];
      if (isUsableId(value)) visit(value, k);
    }
  };

  rawList(json.initiatives).forEach((initiative, i) => {
    if (!isObject(initiative)) return;
    eachId(initiative, 'interventionIds', (id, k) => {
      if (!interventionIds.has(id)) r.report(`initiatives[${i}].interventionIds[${k}]`, `hänvisar till insatsen ”${id}”, som inte finns bland insatserna och metoderna`);
    });
  });
  rawList(json.scenarios).forEach((scenario, s) => {
    if (!isObject(scenario)) return;
    const path = `scenarios[${s}]`;
    const included = new Map<string, number>();
    eachId(scenario, 'initiativeIds', (id, k) => {
      const first = included.get(id);
      if (first !== undefined) {
        r.report(`${path}.initiativeIds[${k}]`, `satsningen ”${id}” finns redan på plats ${first}; en satsning ingår högst en gång`);
        return;
      }
      if (!initiativeIds.has(id)) r.report(`${path}.initiativeIds[${k}]`, `hänvisar till satsningen ”${id}”, som inte finns bland satsningarna`);
      included.set(id, k);
    });
    rawList(scenario.effects).forEach((effect, e) => {
      const at = `${path}.effects[${e}]`;
      for (const key of ['fromPlacementTypeId', 'toPlacementTypeId']) {
        const id = rawId(effect, key);
        if (id !== undefined && !placementTypeIds.has(id)) r.report(`${at}.${key}`, `hänvisar till placeringsformen ”${id}”, som inte finns bland placeringsformerna`);
      }
      const initiativeId = rawId(effect, 'initiativeId');
      if (initiativeId !== undefined && !included.has(initiativeId)) {
        r.report(`${at}.initiativeId`, `hänvisar till satsningen ”${initiativeId}”, som inte ingår i scenariot`);
      }
    });
  });
}

export { serialiseDocument, stringifyDocument } from './serialise';
