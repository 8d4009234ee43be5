/**
 * The repository the UI calls: reads the whole document from the database through the validator,
 * writes edits as changes that are validated as part of the whole document before they are saved
 * (nothing invalid is stored), and keeps an undo history of the changes this tab made.
 */
import { liveQuery } from 'dexie';
import type { HemmaplanDocument, Settings } from '../domain/types';
import { parseDocument } from '../exchange/document';
import { serialiseDocument, serialiseListItem, serialiseSettings, type ListItem } from '../exchange/serialise';
import type { Issue, JsonObject } from '../exchange/reader';
import { CURRENT_VERSION, FORMAT } from '../exchange/migrate';
import { type HemmaplanDatabase, type ListName, LISTS, type SafetyCopy, type StoredEntity } from './db';

/** The stored lists and settings, in list order: what an edit is checked against. */
export interface StoredDocument {
  settings: JsonObject;
  lists: Record<ListName, StoredEntity[]>;
}

export type ReadOutcome = { ok: true; document: HemmaplanDocument; stored: StoredDocument } | { ok: false; issues: Issue[]; stored: StoredDocument };

/** Where a refused edit's first problem is: the row (by id) and the field of a list. */
export interface IssueLocation {
  list: ListName;
  id: string;
  /** The first field of the path after the row, e.g. "costLines" or "name". */
  field?: string;
}

/**
 * `pending`: the browser refused to store the change (full disk, blocked storage); it is kept in
 * this tab, shown as if saved, and written by `retryPending` (see `pendingFailure`).
 */
export type EditOutcome = { ok: true; pending?: true } | { ok: false; issues: Issue[]; at?: IssueLocation };
export type EditRefusal = Extract<EditOutcome, { ok: false }>;

/** Builds a change from the document as it is stored when the change is written, or refuses. */
export type ChangeBuilder = (current: { document: HemmaplanDocument; stored: StoredDocument }) => Change | EditRefusal;

/** The row and field an issue path points at, in the document the issue was found in. */
export function locateIssue(stored: StoredDocument, path: string): IssueLocation | undefined {
  const match = /^(interventions|initiatives|placementTypes|scenarios)\[(\d+)\](?:\.(\w+))?/.exec(path);
  if (!match) return undefined;
  const list = match[1] as ListName;
  const row = stored.lists[list][Number(match[2])];
  if (!row) return undefined;
  return match[3] === undefined ? { list, id: row.id } : { list, id: row.id, field: match[3] };
}

/** One row before and after an edit; absent means the row does not exist. */
export interface RowChange {
  list: ListName;
  id: string;
  before?: StoredEntity;
  after?: StoredEntity;
}

/** What one user action changed: rows, and the settings when they changed. */
export interface Change {
  rows: RowChange[];
  settings?: { before: JsonObject; after: JsonObject };
}

const SETTINGS_KEY = 'settings';
const SEEDED_KEY = 'seeded';
const HISTORY_LIMIT = 200;
/** How many days of safety copies are kept. */
export const SAFETY_COPY_DAYS = 10;

/** Changes the browser refused to store, and why. */
export interface PendingFailure {
  error: unknown;
  changes: number;
}

/** The names of an error and of the errors it wraps (Dexie puts the browser's error in `inner`). */
export function errorNames(error: unknown): string[] {
  const names: string[] = [];
  for (let e = error as { name?: unknown; inner?: unknown } | undefined, depth = 0; e && depth < 4; e = e.inner as typeof e, depth++) {
    if (typeof e.name === 'string') names.push(e.name);
  }
  return names;
}

/**
 * Whether an error comes from the browser's storage (full, blocked, closed, lost) rather than
 * from Hemmaplan's own code: only those keep the change pending for a retry.
 */
export function isStorageError(error: unknown): boolean {
  const names = new Set(errorNames(error));
  return [
    'QuotaExceededError',
    'AbortError',
    'UnknownError',
    'InvalidStateError',
    'DatabaseClosedError',
    'OpenFailedError',
    'MissingAPIError',
    'SecurityError',
    'TransactionInactiveError',
    'ReadOnlyError',
    'VersionError',
  ].some((name) => names.has(name));
}

export function toExchangeJson(stored: StoredDocument): JsonObject {
  const json: JsonObject = { format: FORMAT, version: CURRENT_VERSION, settings: stored.settings };
  for (const list of LISTS) json[list] = stored.lists[list].map((row) => row.data);
  return json;
}

export function validateStored(stored: StoredDocument): ReadOutcome {
  const parsed = parseDocument(toExchangeJson(stored));
  return parsed.ok ? { ok: true, document: parsed.document, stored } : { ok: false, issues: parsed.issues, stored };
}

/** The stored document with a change applied (or its inverse), lists kept in position order. */
export function applyToStored(stored: StoredDocument, change: Change, direction: 'forward' | 'backward' = 'forward'): StoredDocument {
  // By id per touched list, so that an import of thousands of rows stays linear, not quadratic.
  const touched = new Map<ListName, Map<string, StoredEntity>>();
  for (const row of change.rows) {
    let rows = touched.get(row.list);
    if (!rows) touched.set(row.list, (rows = new Map(stored.lists[row.list].map((r) => [r.id, r]))));
    const target = direction === 'forward' ? row.after : row.before;
    if (target) rows.set(row.id, target);
    else rows.delete(row.id);
  }
  const lists = { ...stored.lists };
  for (const [list, rows] of touched) lists[list] = [...rows.values()].sort((a, b) => a.position - b.position);
  const settings = change.settings ? (direction === 'forward' ? change.settings.after : change.settings.before) : stored.settings;
  return { settings, lists };
}

/**
 * The change that turns the stored document into `document`: every row of every list at its new
 * position, rows no longer there removed, and the settings when they differ. Applied through
 * `apply`, it is validated whole, written in one transaction and undone as one step.
 */
export function replacementChange(stored: StoredDocument, document: HemmaplanDocument): Change {
  const json = serialiseDocument(document);
  const rows: RowChange[] = [];
  for (const list of LISTS) {
    const before = new Map(stored.lists[list].map((row) => [row.id, row]));
    const items = (json[list] ?? []) as JsonObject[];
    items.forEach((data, position) => {
      const id = String(data.id);
      const old = before.get(id);
      before.delete(id);
      if (old && old.position === position && JSON.stringify(old.data) === JSON.stringify(data)) return;
      rows.push({ list, id, before: old, after: { id, position, data } });
    });
    for (const old of before.values()) rows.push({ list, id: old.id, before: old });
  }
  const settings = json.settings as JsonObject;
  const change: Change = { rows };
  if (JSON.stringify(settings) !== JSON.stringify(stored.settings)) change.settings = { before: stored.settings, after: settings };
  return change;
}

export class DocumentStore {
  private readonly undoStack: Change[] = [];
  private readonly redoStack: Change[] = [];
  private readonly watchers = new Set<(outcome: ReadOutcome) => void>();
  /** The document as last read from or written to the database. */
  private lastStored: StoredDocument | undefined;
  /** Changes the browser refused to store, oldest first, kept until a retry writes them. */
  private pending: { change: Change; record: boolean }[] = [];
  private pendingError: unknown;
  private readonly failureWatchers = new Set<(failure: PendingFailure | null) => void>();

  constructor(readonly db: HemmaplanDatabase) {}

  /** Reads every table in one transaction, in list order. */
  async readStored(): Promise<StoredDocument> {
    return this.db.transaction('r', [...LISTS.map((l) => this.db.list(l)), this.db.values], async () => {
      const lists = {} as Record<ListName, StoredEntity[]>;
      for (const list of LISTS) lists[list] = await this.db.list(list).orderBy('position').toArray();
      const settings = (await this.db.values.get(SETTINGS_KEY))?.value;
      return { settings: (settings ?? {}) as JsonObject, lists };
    }).then((stored) => (this.lastStored = stored));
  }

  /** The stored document with the changes that are waiting to be written laid over it. */
  private withPending(stored: StoredDocument): StoredDocument {
    return this.pending.reduce((doc, { change }) => applyToStored(doc, change), stored);
  }

  async read(): Promise<ReadOutcome> {
    return validateStored(await this.readStored());
  }

  /**
   * Calls `onChange` with the validated document now and after every change, from this tab or
   * another one. Returns a function that stops watching.
   */
  watch(onChange: (outcome: ReadOutcome) => void, onError: (error: unknown) => void = console.error): () => void {
    const subscription = liveQuery(() => this.readStored()).subscribe({
      next: (stored) => onChange(validateStored(this.withPending(stored))),
      error: onError,
    });
    // This tab's own changes are shown as soon as they are written, without waiting for the
    // live query to read them back (it then delivers the same document once more).
    this.watchers.add(onChange);
    return () => {
      subscription.unsubscribe();
      this.watchers.delete(onChange);
    };
  }

  /** Replaces everything with a validated document, in one transaction. */
  async replaceAll(document: HemmaplanDocument): Promise<void> {
    const json = serialiseDocument(document) as JsonObject;
    await this.db.transaction('rw', [...LISTS.map((l) => this.db.list(l)), this.db.values], async () => {
      await this.writeDocumentJson(json);
    });
  }

  /**
   * On the very first start, stores the example document; afterwards, never again (even when the
   * user has emptied every list). Safe when two tabs start at once.
   */
  async seedOnce(example: HemmaplanDocument): Promise<boolean> {
    const json = serialiseDocument(example) as JsonObject;
    return this.db.transaction('rw', [...LISTS.map((l) => this.db.list(l)), this.db.values], async () => {
      if (await this.db.values.get(SEEDED_KEY)) return false;
      await this.writeDocumentJson(json);
      await this.db.values.put({ key: SEEDED_KEY, value: new Date().toISOString() });
      return true;
    });
  }

  private async writeDocumentJson(json: JsonObject): Promise<void> {
    await this.db.values.put({ key: SETTINGS_KEY, value: json.settings ?? {} });
    for (const list of LISTS) {
      const table = this.db.list(list);
      await table.clear();
      const items = (json[list] ?? []) as JsonObject[];
      await table.bulkAdd(items.map((data, position) => ({ id: String(data.id), position, data })));
    }
  }

  /**
   * Saves a change when the document it leads to is valid; otherwise saves nothing and returns the
   * validator's issues. The change is built (when `change` is a function) and checked against the
   * data as stored at that moment, inside the same transaction that writes it: quick successive
   * edits, in this tab or another, each build on the one before, and undo restores what was
   * really there.
   */
  async apply(change: Change | ChangeBuilder, options: { record?: boolean } = {}): Promise<EditOutcome> {
    // Changes still waiting go first, so that this one builds on them, in this tab and on disk.
    if (this.pending.length > 0 && !(await this.retryPending())) return this.keepPending(change, options, this.pendingError);
    let applied: Change | undefined;
    let written: ReadOutcome | undefined;
    let outcome: EditOutcome;
    try {
      outcome = await this.db.transaction('rw', [...LISTS.map((l) => this.db.list(l)), this.db.values], async (): Promise<EditOutcome> => {
        const stored = await this.readStored();
        const built = buildChange(change, stored);
        if ('ok' in built) return built;
        const candidate = validateStored(applyToStored(stored, built));
        if (!candidate.ok) return refusal(candidate);
        for (const row of built.rows) {
          if (row.after) await this.db.list(row.list).put(row.after);
          else await this.db.list(row.list).delete(row.id);
        }
        if (built.settings) await this.db.values.put({ key: SETTINGS_KEY, value: built.settings.after });
        applied = built;
        written = candidate;
        return { ok: true };
      });
    } catch (error) {
      if (!isStorageError(error)) throw error;
      return this.keepPending(change, options, error);
    }
    if (outcome.ok && written) {
      this.lastStored = written.stored;
      for (const watcher of this.watchers) watcher(written);
    }
    if (outcome.ok && applied) this.recorded(applied, options.record !== false);
    return outcome;
  }

  private recorded(change: Change, record: boolean): void {
    if (!record) return;
    this.undoStack.push(change);
    if (this.undoStack.length > HISTORY_LIMIT) this.undoStack.shift();
    this.redoStack.length = 0;
  }

  /**
   * The browser would not store a change: build it on what this tab last knew (with the changes
   * already waiting), and when it is valid keep it waiting and show it as if saved, so that the
   * user's edit stays on screen; `retryPending` writes it, `pendingDocument` exports it.
   */
  private keepPending(change: Change | ChangeBuilder, options: { record?: boolean }, error: unknown): EditOutcome {
    if (!this.lastStored) throw error;
    const base = this.withPending(this.lastStored);
    const built = buildChange(change, base);
    if ('ok' in built) return built;
    const candidate = validateStored(applyToStored(base, built));
    if (!candidate.ok) return refusal(candidate);
    this.pending.push({ change: built, record: options.record !== false });
    this.pendingError = error;
    for (const watcher of this.watchers) watcher(candidate);
    this.notifyFailure();
    return { ok: true, pending: true };
  }

  /** Changes the browser refused to store, or null when everything is saved. */
  get pendingFailure(): PendingFailure | null {
    return this.pending.length === 0 ? null : { error: this.pendingError, changes: this.pending.length };
  }

  /** Calls `onChange` whenever changes start or stop waiting to be written. */
  watchFailure(onChange: (failure: PendingFailure | null) => void): () => void {
    this.failureWatchers.add(onChange);
    return () => this.failureWatchers.delete(onChange);
  }

  private notifyFailure(): void {
    for (const watcher of this.failureWatchers) watcher(this.pendingFailure);
  }

  /** The document as this tab shows it, waiting changes included: what an export in trouble saves. */
  pendingDocument(): HemmaplanDocument | undefined {
    if (!this.lastStored) return undefined;
    const outcome = validateStored(this.withPending(this.lastStored));
    return outcome.ok ? outcome.document : undefined;
  }

  /**
   * Writes the waiting changes, oldest first, in one transaction. True when all are stored (or
   * none were waiting); false when the browser still refuses, and they go on waiting.
   */
  async retryPending(): Promise<boolean> {
    if (this.pending.length === 0) return true;
    const waiting = this.pending;
    let written: ReadOutcome | undefined;
    try {
      written = await this.db.transaction('rw', [...LISTS.map((l) => this.db.list(l)), this.db.values], async () => {
        const stored = await this.readStored();
        const candidate = validateStored(waiting.reduce((doc, { change }) => applyToStored(doc, change), stored));
        // Another tab has changed the data so that these changes no longer fit: they cannot be
        // written as they are; they stay waiting (and exportable) rather than being lost.
        if (!candidate.ok) return undefined;
        for (const { change } of waiting) {
          for (const row of change.rows) {
            if (row.after) await this.db.list(row.list).put(row.after);
            else await this.db.list(row.list).delete(row.id);
          }
          if (change.settings) await this.db.values.put({ key: SETTINGS_KEY, value: change.settings.after });
        }
        return candidate;
      });
    } catch (error) {
      if (!isStorageError(error)) throw error;
      this.pendingError = error;
      this.notifyFailure();
      return false;
    }
    if (!written) return false;
    this.pending = [];
    this.pendingError = undefined;
    this.lastStored = written.stored;
    for (const { change, record } of waiting) this.recorded(change, record);
    for (const watcher of this.watchers) watcher(written);
    this.notifyFailure();
    return true;
  }

  // -------------------------------------------------------------------------------------------
  // Safety copies

  /**
   * Keeps a copy of the document as it is at the first opening on `day` (YYYY-MM-DD), unless that
   * day has one, and lets go of copies beyond the newest SAFETY_COPY_DAYS days. A document that
   * does not pass the validator is never copied. Returns whether a copy was taken.
   */
  async takeSafetyCopy(day: string, now = new Date()): Promise<boolean> {
    // Only reads touch the document's tables, so that a user's first edit after opening never
    // waits behind the copy (nor is lost to a reload while it waits).
    if (await this.db.safetyCopies.get(day)) return false;
    const stored = await this.readStored();
    if (!validateStored(stored).ok) return false;
    return this.db.transaction('rw', this.db.safetyCopies, async () => {
      if (await this.db.safetyCopies.get(day)) return false;
      await this.db.safetyCopies.put({ day, savedAt: now.toISOString(), data: toExchangeJson(stored) });
      const days = (await this.db.safetyCopies.toCollection().primaryKeys()).sort();
      await this.db.safetyCopies.bulkDelete(days.slice(0, Math.max(0, days.length - SAFETY_COPY_DAYS)));
      return true;
    });
  }

  /** The safety copies, newest first. */
  async safetyCopies(): Promise<SafetyCopy[]> {
    return (await this.db.safetyCopies.toArray()).sort((a, b) => b.day.localeCompare(a.day));
  }

  get canUndo(): boolean {
    return this.undoStack.length > 0;
  }

  get canRedo(): boolean {
    return this.redoStack.length > 0;
  }

  /** Undoes this tab's latest change; refused (and kept) when the data has since moved on so that undoing would break it. */
  async undo(): Promise<EditOutcome | undefined> {
    const change = this.undoStack.pop();
    if (!change) return undefined;
    const outcome = await this.apply(invert(change), { record: false });
    if (outcome.ok) this.redoStack.push(change);
    else this.undoStack.push(change);
    return outcome;
  }

  async redo(): Promise<EditOutcome | undefined> {
    const change = this.redoStack.pop();
    if (!change) return undefined;
    const outcome = await this.apply(change, { record: false });
    if (outcome.ok) this.undoStack.push(change);
    else this.redoStack.push(change);
    return outcome;
  }

  // -------------------------------------------------------------------------------------------
  // Edits in domain terms

  /**
   * Saves new or changed entities of one list; a new one goes last, or right after `after`. Give
   * a function to build them from the current document (an edit of what is there now).
   */
  async save<L extends ListName>(list: L, items: ListItem<L>[] | ((document: HemmaplanDocument) => ListItem<L>[] | EditRefusal), options: { after?: string } = {}): Promise<EditOutcome> {
    return this.apply(({ document, stored }) => {
      const built = typeof items === 'function' ? items(document) : items;
      return 'ok' in built ? built : { rows: saveRows(list, built, stored, options) };
    });
  }

  /**
   * Replaces the whole document with what `build` makes of the current one (an import: merge or
   * replace all), validated and written in one transaction, undone as one step. When `build`
   * refuses or the result is invalid, nothing changes.
   */
  async replaceDocument(build: (current: HemmaplanDocument) => HemmaplanDocument | EditRefusal): Promise<EditOutcome> {
    return this.apply(({ document, stored }) => {
      const next = build(document);
      if ('ok' in next) return next;
      // Rows are stored by id, so the document is checked as a whole before it becomes rows: a list
      // with an id twice would otherwise lose one of them silently instead of being refused.
      const checked = parseDocument(serialiseDocument(next));
      return checked.ok ? replacementChange(stored, next) : { ok: false, issues: checked.issues };
    });
  }

  async remove(list: ListName, ids: string[]): Promise<EditOutcome> {
    return this.apply(({ stored }) => ({
      rows: stored.lists[list].filter((row) => ids.includes(row.id)).map((before) => ({ list, id: before.id, before })),
    }));
  }

  async saveSettings(settings: Settings | ((current: Settings) => Settings)): Promise<EditOutcome> {
    return this.apply(({ document, stored }) => {
      const next = typeof settings === 'function' ? settings(document.settings) : settings;
      return { rows: [], settings: { before: stored.settings, after: serialiseSettings(next) as JsonObject } };
    });
  }
}

function buildChange(change: Change | ChangeBuilder, stored: StoredDocument): Change | EditRefusal {
  if (typeof change !== 'function') return change;
  const current = validateStored(stored);
  if (!current.ok) return { ok: false, issues: current.issues };
  return change({ document: current.document, stored });
}

function refusal(candidate: Extract<ReadOutcome, { ok: false }>): EditRefusal {
  const at = locateIssue(candidate.stored, candidate.issues[0]!.path);
  return at ? { ok: false, issues: candidate.issues, at } : { ok: false, issues: candidate.issues };
}

/** The rows that store the given entities, keeping the positions of existing ones. */
export function saveRows<L extends ListName>(list: L, items: ListItem<L>[], stored: StoredDocument, options: { after?: string } = {}): RowChange[] {
  const rows = stored.lists[list];
  const existing = new Map(rows.map((row) => [row.id, row]));
  const newOnes = items.filter((item) => !existing.has(item.id));
  const anchorIndex = options.after === undefined ? -1 : rows.findIndex((row) => row.id === options.after);
  const start = anchorIndex >= 0 ? rows[anchorIndex]!.position : (rows.at(-1)?.position ?? -1);
  const end = anchorIndex >= 0 && anchorIndex + 1 < rows.length ? rows[anchorIndex + 1]!.position : start + newOnes.length + 1;
  const step = (end - start) / (newOnes.length + 1);
  let added = 0;
  return items.map((item) => {
    const before = existing.get(item.id);
    const position = before ? before.position : start + step * ++added;
    return { list, id: item.id, before, after: { id: item.id, position, data: serialiseListItem(list, item) as JsonObject } };
  });
}

export function invert(change: Change): Change {
  return {
    rows: change.rows.map((row) => ({ list: row.list, id: row.id, before: row.after, after: row.before })),
    ...(change.settings ? { settings: { before: change.settings.after, after: change.settings.before } } : {}),
  };
}
