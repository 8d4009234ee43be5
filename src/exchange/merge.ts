/**
 * Importing a document into the one a user already has: a preview of what the import would add
 * or change (planImport), and the merge itself (applyImport). Both are pure; the caller shows the
 * plan, asks how conflicts are to be settled, and stores the merged document in one transaction.
 *
 * Items are matched by id within each list. An incoming item is
 * - **new** when the current document has no item with its id;
 * - **identical** when it has one that is written the same (the same serialised JSON) and
 *   everything the incoming item refers to is identical as well;
 * - in **conflict** otherwise: the two versions differ, or are written the same but the incoming
 *   one refers to an item that is in conflict (a scenario whose initiative differs), so that it
 *   would compute something else.
 */
import type { HemmaplanDocument, Initiative, Scenario, Settings } from '../domain/types';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from './reader';
import { type ListItem, type ListItems, serialiseListItem, serialiseSettings } from './serialise';

/** The lists of a document, in the order of the format. */
export type ListName = keyof ListItems;
export const LIST_NAMES: readonly ListName[] = ['interventions', 'initiatives', 'placementTypes', 'scenarios'];

/** An incoming item whose id the current document already uses for something else. */
export interface ImportConflict<T> {
  id: string;
  /** The version in the current document. */
  current: T;
  /** The version in the incoming document, as it is there (references not rewritten). */
  incoming: T;
  /**
   * True when the two versions are written differently. False when they are written the same but
   * the incoming one refers to an item that is itself in conflict, so it means something else;
   * the preview can say "refers to changed initiatives" instead of showing a difference.
   */
  contentDiffers: boolean;
  /** The id the incoming version gets when imported as a copy: unique in both documents, at most MAX_ID_LENGTH characters. */
  copyId: string;
  /** The name the copy gets: the incoming name followed by COPY_NAME_SUFFIX. */
  copyName: string;
}

/** What an import would do to one list. Every incoming item is in exactly one of the three, in incoming order. */
export interface ListPlan<T> {
  new: T[];
  identical: T[];
  conflicts: ImportConflict<T>[];
}

export interface ImportPlan {
  lists: { [L in ListName]: ListPlan<ListItem<L>> };
  settings: {
    /** Whether the incoming document's settings differ from the current ones (compared as written). */
    differ: boolean;
    current: Settings;
    incoming: Settings;
  };
}

/**
 * How the user settles the import:
 * - `'copies'`: merge, and add each conflicting incoming item as a copy with a new id and a name
 *   ending in " (importerad)"; every reference in the incoming document to that item is pointed at
 *   the copy, so imported scenarios compute exactly what they computed in the incoming document.
 * - `'replace'`: merge, and let each conflicting incoming item take the place of the current one.
 * - `'replace-all'`: the result is the incoming document as it is; the current data is dropped.
 */
export type ImportChoice = 'copies' | 'replace' | 'replace-all';

export interface ImportOptions {
  /**
   * Which settings a merge keeps: `'current'` (the default) or `'incoming'`. The plan's
   * `settings.differ` tells whether there is anything to choose. Ignored by `'replace-all'`,
   * which takes everything from the incoming document.
   */
  settings?: 'current' | 'incoming';
}

/** Appended to the name of an item imported as a copy. */
export const COPY_NAME_SUFFIX = ' (importerad)';
const COPY_ID_SUFFIX = '-kopia';

/**
 * The preview of importing `incoming` into `current`: per list, which incoming items are new,
 * identical or in conflict, and whether the settings differ. Both documents must be valid.
 */
export function planImport(current: HemmaplanDocument, incoming: HemmaplanDocument): ImportPlan {
  /** Ids of incoming items in conflict, per list: an item that refers to one of them is in conflict too. */
  const conflicting: { [L in ListName]: Set<string> } = {
    interventions: new Set(),
    initiatives: new Set(),
    placementTypes: new Set(),
    scenarios: new Set(),
  };
  const referencesConflict = <L extends ListName>(list: L, item: ListItem<L>): boolean => {
    switch (list) {
      case 'initiatives':
        return ((item as Initiative).interventionIds ?? []).some((id) => conflicting.interventions.has(id));
      case 'scenarios': {
        const scenario = item as Scenario;
        return (
          scenario.initiativeIds.some((id) => conflicting.initiatives.has(id)) ||
          scenario.effects.some(
            (e) =>
              conflicting.placementTypes.has(e.fromPlacementTypeId) ||
              (e.toPlacementTypeId !== undefined && conflicting.placementTypes.has(e.toPlacementTypeId)) ||
              (e.initiativeId !== undefined && conflicting.initiatives.has(e.initiativeId)),
          )
        );
      }
      default:
        return false;
    }
  };

  const planList = <L extends ListName>(list: L): ListPlan<ListItem<L>> => {
    const currentItems = current[list] as ListItem<L>[];
    const incomingItems = incoming[list] as ListItem<L>[];
    const byId = new Map(currentItems.map((item) => [item.id, item]));
    const taken = new Set([...currentItems, ...incomingItems].map((item) => item.id));
    const plan: ListPlan<ListItem<L>> = { new: [], identical: [], conflicts: [] };
    for (const item of incomingItems) {
      const existing = byId.get(item.id);
      if (existing === undefined) {
        plan.new.push(item);
        continue;
      }
      const contentDiffers = written(list, existing) !== written(list, item);
      if (!contentDiffers && !referencesConflict(list, item)) {
        plan.identical.push(item);
        continue;
      }
      conflicting[list].add(item.id);
      plan.conflicts.push({ id: item.id, current: existing, incoming: item, contentDiffers, copyId: copyId(item.id, taken), copyName: copyName(item.name) });
    }
    return plan;
  };

  // Referenced lists first, so that what refers to them knows which of them are in conflict.
  const interventions = planList('interventions');
  const placementTypes = planList('placementTypes');
  const initiatives = planList('initiatives');
  const scenarios = planList('scenarios');
  return {
    lists: { interventions, initiatives, placementTypes, scenarios },
    settings: {
      differ: JSON.stringify(serialiseSettings(current.settings)) !== JSON.stringify(serialiseSettings(incoming.settings)),
      current: current.settings,
      incoming: incoming.settings,
    },
  };
}

/** The number of incoming items in conflict, over all lists: when 0, the choice between 'copies' and 'replace' makes no difference. */
export function conflictCount(plan: ImportPlan): number {
  return LIST_NAMES.reduce((sum, list) => sum + plan.lists[list].conflicts.length, 0);
}

/**
 * The document after importing `incoming` into `current` as `choice` says (see ImportChoice).
 * Both documents must be valid; the result then is valid too.
 *
 * In a merge (`'copies'` or `'replace'`):
 * - every current item stays, in its place (under `'replace'`, a conflicting one in its incoming version);
 * - identical incoming items are left out, since they are already there;
 * - new items, and under `'copies'` the copies, are appended in incoming order;
 * - the settings are the current ones unless `options.settings` is `'incoming'`;
 * - `exportedAt` is left out: the result is working data, not a file.
 */
export function applyImport(current: HemmaplanDocument, incoming: HemmaplanDocument, choice: ImportChoice, options: ImportOptions = {}): HemmaplanDocument {
  if (choice === 'replace-all') return incoming;
  const plan = planImport(current, incoming);
  const copies = choice === 'copies';
  const renamed: { [L in ListName]: Map<string, string> } = {
    interventions: new Map(),
    initiatives: new Map(),
    placementTypes: new Map(),
    scenarios: new Map(),
  };
  if (copies) for (const list of LIST_NAMES) for (const c of plan.lists[list].conflicts) renamed[list].set(c.id, c.copyId);

  const mergeList = <L extends ListName>(list: L): ListItem<L>[] => {
    const { conflicts } = plan.lists[list];
    const conflictById = new Map<string, ImportConflict<ListItem<L>>>(conflicts.map((c) => [c.id, c]));
    const newIds = new Set(plan.lists[list].new.map((item) => item.id));
    const currentItems = current[list] as ListItem<L>[];
    const out = copies ? [...currentItems] : currentItems.map((item) => conflictById.get(item.id)?.incoming ?? item);
    for (const item of incoming[list] as ListItem<L>[]) {
      if (newIds.has(item.id)) {
        out.push(rewriteReferences(list, item, renamed));
      } else if (copies) {
        const conflict = conflictById.get(item.id);
        if (conflict) out.push({ ...rewriteReferences(list, item, renamed), id: conflict.copyId, name: conflict.copyName });
      }
    }
    return out;
  };

  return {
    settings: options.settings === 'incoming' ? incoming.settings : current.settings,
    interventions: mergeList('interventions'),
    initiatives: mergeList('initiatives'),
    placementTypes: mergeList('placementTypes'),
    scenarios: mergeList('scenarios'),
  };
}

/** The item as written in a file, for comparing versions. */
function written<L extends ListName>(list: L, item: ListItem<L>): string {
  return JSON.stringify(serialiseListItem(list, item));
}

/** The item with its references to renamed items pointed at their new ids; the item itself when nothing it refers to was renamed. */
function rewriteReferences<L extends ListName>(list: L, item: ListItem<L>, renamed: { [K in ListName]: Map<string, string> }): ListItem<L> {
  const rename = (map: Map<string, string>, id: string): string => map.get(id) ?? id;
  if (list === 'initiatives') {
    const initiative = item as Initiative;
    if (initiative.interventionIds === undefined || !initiative.interventionIds.some((id) => renamed.interventions.has(id))) return item;
    return { ...initiative, interventionIds: initiative.interventionIds.map((id) => rename(renamed.interventions, id)) } as ListItem<L>;
  }
  if (list === 'scenarios') {
    const scenario = item as Scenario;
    if (renamed.initiatives.size === 0 && renamed.placementTypes.size === 0) return item;
    return {
      ...scenario,
      initiativeIds: scenario.initiativeIds.map((id) => rename(renamed.initiatives, id)),
      effects: scenario.effects.map((effect) => {
        const out = { ...effect, fromPlacementTypeId: rename(renamed.placementTypes, effect.fromPlacementTypeId) };
        if (effect.toPlacementTypeId !== undefined) out.toPlacementTypeId = rename(renamed.placementTypes, effect.toPlacementTypeId);
        if (effect.initiativeId !== undefined) out.initiativeId = rename(renamed.initiatives, effect.initiativeId);
        return out;
      }),
    } as ListItem<L>;
  }
  return item;
}

/**
 * An id for a copy of the item `id`: "hvb-kopia", then "hvb-kopia-2", "hvb-kopia-3" …, the first
 * one not in `taken` (which it joins). A copy of a copy counts on from the original
 * ("hvb-kopia" gives "hvb-kopia-2"). The stem is shortened so that the id fits MAX_ID_LENGTH.
 */
function copyId(id: string, taken: Set<string>): string {
  const stem = id.replace(/-kopia(-\d{1,4})?$/, '') || id;
  for (let n = 1; ; n++) {
    const suffix = n === 1 ? COPY_ID_SUFFIX : `${COPY_ID_SUFFIX}-${n}`;
    const candidate = shorten(stem, MAX_ID_LENGTH - suffix.length) + suffix;
    if (!taken.has(candidate)) {
      taken.add(candidate);
      return candidate;
    }
  }
}

/** The name of a copy: "HVB (importerad)"; a name that already ends so is kept as it is. */
function copyName(name: string): string {
  if (name.endsWith(COPY_NAME_SUFFIX)) return name;
  return shorten(name, MAX_TEXT_LENGTH - COPY_NAME_SUFFIX.length) + COPY_NAME_SUFFIX;
}

/** The first `max` UTF-16 units of `text`, without splitting a surrogate pair. */
function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max);
  const last = cut.charCodeAt(cut.length - 1);
  return last >= 0xd800 && last <= 0xdbff ? cut.slice(0, -1) : cut;
}
