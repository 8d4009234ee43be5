/**
 * The glue between a grid of one list and the store: edits, new rows, duplicates, deletes, undo
 * and redo become store changes; refusals come back as Swedish messages pointing at a cell.
 */
import type { ListName } from '../../data/db';
import type { EditOutcome } from '../../data/store';
import type { ListItem } from '../../exchange/serialise';
import type { HemmaplanDocument } from '../../domain/types';
import type { GridOutcome, RowEdit } from '../grid/DataGrid';
import type { AppState } from '../state';
import { fieldIssueMessage } from '../../exchange/reader';

export interface ListEditing<L extends ListName> {
  /** A new item from pasted or typed values (values may be empty: "Lägg till rad"). */
  create: (id: string, values: Record<string, unknown>) => ListItem<L>;
  /** The item with the edited values applied; a null or empty value removes an optional field. */
  merge: (item: ListItem<L>, values: Record<string, unknown>) => ListItem<L>;
  /** The name a new row's id is made from. */
  newName: string;
}

/** A readable id made from a name: "Grön omsorg" → "gron-omsorg", made unique with "-2", "-3" … */
export function newId(name: string, taken: ReadonlySet<string>): string {
  const base =
    name
      .toLowerCase()
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'rad';
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/** Copies `values` onto `item`, leaving out fields whose value is null, undefined or an empty string. */
export function withValues<T extends object>(item: T, values: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(item as Record<string, unknown>) };
  for (const [key, value] of Object.entries(values)) {
    if (value === null || value === undefined || value === '') delete out[key];
    else out[key] = value;
  }
  return out as T;
}

export function toGridOutcome(outcome: EditOutcome | undefined): GridOutcome {
  if (!outcome || outcome.ok) return { ok: true };
  const first = outcome.issues[0];
  const message = first ? fieldIssueMessage(first) : 'Ändringen kunde inte sparas.';
  return { ok: false, message, ...(outcome.at ? { rowId: outcome.at.id, ...(outcome.at.field ? { field: outcome.at.field } : {}) } : {}) };
}

async function guarded(app: AppState, action: () => Promise<EditOutcome | undefined>): Promise<GridOutcome> {
  try {
    return toGridOutcome(await action());
  } catch (error) {
    return { ok: false, message: `Ändringen kunde inte sparas: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    app.touchHistory();
  }
}

/**
 * The grid callbacks for one list of the document. Each builds its change from the document as
 * stored when the change is written, so that quick successive edits build on each other.
 */
export function listCallbacks<L extends ListName>(app: AppState, list: L, editing: ListEditing<L>) {
  const itemsOf = (document: HemmaplanDocument) => document[list] as ListItem<L>[];

  return {
    onEdit: (edits: RowEdit[]) =>
      guarded(app, () =>
        app.store.save(list, (document) => {
          const byId = new Map(itemsOf(document).map((item) => [item.id, item]));
          const gone = edits.find((edit) => edit.rowId !== null && !byId.has(edit.rowId));
          if (gone) return { ok: false, issues: [{ path: '$', message: 'raden finns inte längre; den kan ha tagits bort i en annan flik. Ändringen sparades inte.' }] };
          const taken = new Set(byId.keys());
          return edits.map((edit) => {
            const values = edit.values as Record<string, unknown>;
            const existing = edit.rowId === null ? undefined : byId.get(edit.rowId);
            if (existing) return editing.merge(existing, values);
            const id = newId(typeof values.name === 'string' && values.name.trim() ? values.name : editing.newName, taken);
            taken.add(id);
            return editing.create(id, values);
          });
        }),
      ),
    onAddRow: () =>
      guarded(app, () =>
        app.store.save(list, (document) => {
          const id = newId(editing.newName, new Set(itemsOf(document).map((i) => i.id)));
          return [editing.create(id, { name: editing.newName })];
        }),
      ),
    onDuplicateRows: (ids: string[]) =>
      guarded(app, () =>
        app.store.save(
          list,
          (document) => {
            const taken = new Set(itemsOf(document).map((i) => i.id));
            return itemsOf(document)
              .filter((item) => ids.includes(item.id))
              .map((item) => {
                const name = `${(item as { name: string }).name} (kopia)`;
                const id = newId(name, taken);
                taken.add(id);
                return { ...item, id, name };
              });
          },
          { after: ids.at(-1) },
        ),
      ),
    onDeleteRows: (ids: string[]) => guarded(app, () => app.store.remove(list, ids)),
    ...historyCallbacks(app),
  };
}

/** Undo and redo of this tab's changes, for any grid. */
export function historyCallbacks(app: AppState) {
  return {
    onUndo: () => guarded(app, () => app.store.undo()),
    onRedo: () => guarded(app, () => app.store.redo()),
    canUndo: () => app.history() >= 0 && app.store.canUndo,
    canRedo: () => app.history() >= 0 && app.store.canRedo,
  };
}
