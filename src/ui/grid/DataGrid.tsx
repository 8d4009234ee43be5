/**
 * The one AG Grid adapter every grid in Hemmaplan uses. It creates the grid on mount, destroys it on
 * cleanup and feeds it rows from an accessor (by row id, so updates are deltas). It never changes a
 * row: every edit, paste, new row, duplicate, delete, undo and redo goes to the page's callbacks as
 * one action, and the new data comes back through `rows`. On top of AG Grid Community it adds the
 * spreadsheet habits AG Grid leaves to Enterprise: paste from Excel, copy, Ctrl+Z / Ctrl+Y.
 */
import { createEffect, createMemo, createSignal, on, onCleanup, onMount, Show, untrack, type JSX } from 'solid-js';
import {
  CellStyleModule,
  ClientSideRowModelModule,
  ColumnApiModule,
  LargeTextEditorModule,
  LocaleModule,
  NumberFilterModule,
  QuickFilterModule,
  RowApiModule,
  RowSelectionModule,
  ScrollApiModule,
  SelectEditorModule,
  TextEditorModule,
  TextFilterModule,
  TooltipModule,
  createGrid,
  type CellEditRequestEvent,
  type CellFocusedEvent,
  type GridApi,
  type GridOptions,
  type IRowNode,
  type Module,
} from 'ag-grid-community';
import 'ag-grid-community/styles/ag-grid.css';
import 'ag-grid-community/styles/ag-theme-quartz-no-font.css';
import './grid.css';
import { formatClipboardTable, parseClipboardTable } from '../../exchange/tsv';
import { csvText, type CsvCell } from '../../exchange/csv';
import { downloadFile, fileNamePart, FILE_TYPES, localDate } from '../files/download';
import { cellValue, exportCell, isCellEditable, safeUrl, toColumnDefs, type GridColumn } from './columns';
import { GRID_LOCALE_TEXT } from './locale';
import { containsPersonalNumber } from '../../domain/personal-data';
import { confirmFreeText, selectPersonalNumber } from '../components/PersonalDataDialog';

/** The Community modules this adapter uses, registered for its grids only. */
const GRID_MODULES: Module[] = [
  ClientSideRowModelModule,
  TextEditorModule,
  LargeTextEditorModule,
  SelectEditorModule,
  TextFilterModule,
  NumberFilterModule,
  QuickFilterModule,
  RowSelectionModule,
  CellStyleModule,
  TooltipModule,
  LocaleModule,
  RowApiModule,
  ColumnApiModule,
  ScrollApiModule,
];

/** What the app answers to an action: done, or refused with a Swedish message (pointing at a cell if it can). */
export type GridOutcome = { ok: true } | { ok: false; message: string; rowId?: string; field?: string };

/** New values for one row, keyed by column field; `rowId: null` asks for a new row. */
export interface RowEdit {
  rowId: string | null;
  values: Partial<Record<string, unknown>>;
}

export interface DataGridProps<T> {
  /** The rows to show; the grid re-reads them whenever the accessor changes. */
  rows: () => readonly T[];
  getRowId: (row: T) => string;
  columns: readonly GridColumn<T>[];
  /** What the grid is, for screen readers ("Insatser och metoder"). */
  ariaLabel: string;
  /** Saves one user action: a cell edit, or a whole paste (one transaction, one undo step). */
  onEdit: (edits: RowEdit[]) => Promise<GridOutcome>;
  onAddRow?: () => Promise<GridOutcome>;
  onDuplicateRows?: (ids: string[]) => Promise<GridOutcome>;
  onDeleteRows?: (ids: string[]) => Promise<GridOutcome>;
  onUndo?: () => Promise<GridOutcome>;
  onRedo?: () => Promise<GridOutcome>;
  /** Whether there is something to undo / redo; the buttons are disabled otherwise. */
  canUndo?: () => boolean;
  canRedo?: () => boolean;
  /** The label of the quick search box; default "Sök". */
  quickFilterLabel?: string;
  /** Called with the ids of the selected rows, for master/detail pages. */
  onSelectionChanged?: (ids: string[]) => void;
  /** The grid's height as a CSS length (default 24rem), or "auto" to grow with its rows. */
  height?: string;
}

interface CellAnchor {
  rowId: string | null;
  rowIndex: number | null;
  field: string | null;
}

interface MessageBox {
  text: string;
  top: number;
  left: number;
}

/** What to focus once the rows have changed after an action. */
type PendingFocus = { kind: 'newRow'; knownIds: Set<string>; until: number } | { kind: 'index'; rowIndex: number; colId: string | null; until: number };

const ROW_DELETED_ELSEWHERE = 'Raden du ändrade har tagits bort, troligen i en annan flik. Det du skrev i cellen sparades inte.';
const FAILED_ACTION = 'Det gick inte att spara ändringen. Försök igen; om felet kvarstår, ladda om sidan.';

export function DataGrid<T>(props: DataGridProps<T>): JSX.Element {
  let rootEl!: HTMLDivElement;
  let bodyEl!: HTMLDivElement;
  let gridEl!: HTMLDivElement;
  let api: GridApi<T> | undefined;
  let pendingFocus: PendingFocus | null = null;

  const [message, setMessage] = createSignal<MessageBox | null>(null);
  const [alertText, setAlertText] = createSignal('');
  const [statusText, setStatusText] = createSignal('');
  const [selectedIds, setSelectedIds] = createSignal<string[]>([]);
  const [focusedRowId, setFocusedRowId] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [search, setSearch] = createSignal('');
  let messageAnchor: CellAnchor | null = null;

  const columnsByField = createMemo(() => new Map(props.columns.map((c) => [c.field, c] as const)));
  const columnOf = (colId: string): GridColumn<T> | undefined => columnsByField().get(colId);

  /**
   * The rows the toolbar acts on: the selected rows when the focused cell is in one of them (or no
   * cell has focus), otherwise the focused row alone, so that the action is always where the cursor is.
   */
  const targetIds = (): string[] => {
    const selected = selectedIds();
    const focusedId = focusedRowId();
    const focused = focusedId !== null && api?.getRowNode(focusedId) ? focusedId : null;
    if (focused !== null && !selected.includes(focused)) return [focused];
    return selected;
  };

  // -------------------------------------------------------------------------------------------
  // Messages at a cell, and for screen readers

  function announce(text: string, politeness: 'assertive' | 'polite' = 'assertive'): void {
    const set = politeness === 'assertive' ? setAlertText : setStatusText;
    // Clearing first makes a repeated message be read again.
    set('');
    setTimeout(() => set(text), 50);
  }

  function cellElement(anchor: CellAnchor): HTMLElement | null {
    const colSelector = anchor.field !== null ? ` .ag-cell[col-id="${CSS.escape(anchor.field)}"]` : ' .ag-cell';
    if (anchor.rowId !== null) {
      const el = gridEl.querySelector<HTMLElement>(`.ag-row[row-id="${CSS.escape(anchor.rowId)}"]${colSelector}`);
      if (el) return el;
    }
    if (anchor.rowIndex !== null) {
      return gridEl.querySelector<HTMLElement>(`.ag-row[row-index="${anchor.rowIndex}"]${colSelector}`);
    }
    return null;
  }

  function placeMessage(text: string): void {
    const bodyRect = bodyEl.getBoundingClientRect();
    const cell = messageAnchor ? cellElement(messageAnchor) : null;
    if (!cell) {
      setMessage({ text, top: 4, left: 4 });
      return;
    }
    const rect = cell.getBoundingClientRect();
    const maxLeft = Math.max(0, bodyRect.width - 360);
    setMessage({ text, top: rect.bottom - bodyRect.top + 2, left: Math.min(Math.max(0, rect.left - bodyRect.left), maxLeft) });
  }

  /** Shows a message by a cell (or at the top of the grid) and reads it aloud. */
  function showMessage(text: string, anchor: CellAnchor | null): void {
    messageAnchor = anchor;
    if (api && anchor) {
      const node = anchor.rowId !== null ? api.getRowNode(anchor.rowId) : undefined;
      const index = node?.rowIndex ?? anchor.rowIndex;
      if (index !== null && index !== undefined && index < api.getDisplayedRowCount()) api.ensureIndexVisible(index);
      if (anchor.field !== null && columnOf(anchor.field)) api.ensureColumnVisible(anchor.field);
    }
    requestAnimationFrame(() => placeMessage(text));
    announce(text);
  }

  function hideMessage(): void {
    messageAnchor = null;
    setMessage(null);
  }

  function repositionMessage(): void {
    const current = message();
    if (!current || !messageAnchor) return;
    if (!cellElement(messageAnchor)) {
      setMessage(null);
      return;
    }
    placeMessage(current.text);
  }

  const cellLabel = (rowIndex: number, col: GridColumn<T>) => `Rad ${rowIndex + 1}, kolumn ${col.group ? `${col.group} ${col.header.toLowerCase()}` : col.header}`;

  // -------------------------------------------------------------------------------------------
  // Actions

  /** Runs one action of the page's and shows its refusal. Returns whether it succeeded. */
  async function run(action: () => Promise<GridOutcome>, anchor: CellAnchor | null): Promise<boolean> {
    setBusy(true);
    let outcome: GridOutcome;
    try {
      outcome = await action();
    } catch (error) {
      console.error(error);
      outcome = { ok: false, message: FAILED_ACTION };
    } finally {
      setBusy(false);
    }
    if (outcome.ok) return true;
    const target: CellAnchor | null =
      outcome.rowId !== undefined || outcome.field !== undefined
        ? { rowId: outcome.rowId ?? anchor?.rowId ?? null, rowIndex: anchor?.rowIndex ?? null, field: outcome.field ?? anchor?.field ?? null }
        : anchor;
    showMessage(outcome.message, target);
    return false;
  }

  function onCellEditRequest(event: CellEditRequestEvent<T>): void {
    const col = columnOf(event.column.getColId());
    const rowId = event.node.id ?? null;
    const row = event.data;
    if (!col || rowId === null || row === undefined) return;
    const rowIndex = event.node.rowIndex ?? 0;
    const { newValue } = event;
    const text = typeof newValue === 'string' ? newValue : newValue === null || newValue === undefined ? '' : col.type.editText(newValue);
    const parsed = col.type.parse(text);
    const anchor: CellAnchor = { rowId, rowIndex, field: col.field };
    if (!parsed.ok) {
      // Keep the old value and stay on the cell (Enter would otherwise have moved down), then say why.
      setTimeout(() => {
        const index = api?.getRowNode(rowId)?.rowIndex;
        if (api && index !== null && index !== undefined) api.setFocusedCell(index, col.field);
        showMessage(`${cellLabel(rowIndex, col)}: ${parsed.message}`, anchor);
      });
      return;
    }
    if (col.type.equals(parsed.value, cellValue(col, row))) return;
    hideMessage();
    guardFreeText(
      freeTextOf(col, parsed.value),
      () => void run(() => props.onEdit([{ rowId, values: { [col.field]: parsed.value } }]), anchor),
      () => editAgain(rowId, col.field, text),
    );
  }

  // -------------------------------------------------------------------------------------------
  // The personal data guard: free text that looks like a personnummer is saved only when confirmed.

  /** The free text a value of a column would save: text, long-text and link cells (and free-text lists). */
  function freeTextOf(col: GridColumn<T>, value: unknown): string[] {
    if (col.type.kind !== 'text' && col.type.kind !== 'longText' && col.type.kind !== 'link') return [];
    if (typeof value === 'string') return [value];
    return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
  }

  /** Saves at once, or after the user has confirmed text that looks like a personnummer; else `cancel`. */
  function guardFreeText(texts: string[], save: () => void, cancel: () => void): void {
    if (!texts.some((t) => containsPersonalNumber(t))) return save();
    void confirmFreeText(texts).then((ok) => (ok ? save() : cancel()));
  }

  /** Opens the cell's editor again with what the user typed, the number selected, so that it can be changed. */
  function editAgain(rowId: string, field: string, text: string): void {
    const index = api?.getRowNode(rowId)?.rowIndex;
    if (!api || index === null || index === undefined) return;
    api.ensureIndexVisible(index);
    api.setFocusedCell(index, field);
    api.startEditingCell({ rowIndex: index, colKey: field });
    requestAnimationFrame(() => {
      const editor = gridEl.querySelector<HTMLInputElement | HTMLTextAreaElement>(
        '.ag-cell-inline-editing input, .ag-cell-inline-editing textarea, .ag-popup-editor input, .ag-popup-editor textarea',
      );
      if (!editor) return;
      editor.value = text;
      selectPersonalNumber(editor);
    });
    announce('Inget sparades. Ändra texten i cellen.', 'polite');
  }

  function isEditing(): boolean {
    return (api?.getEditingCells().length ?? 0) > 0;
  }

  /** Whether a DOM event happened on a grid cell (not in an editor, a filter or the search box). */
  function onCell(event: Event): boolean {
    const target = event.target;
    if (!(target instanceof Element)) return false;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return false;
    return target.closest('.ag-cell') !== null && gridEl.contains(target);
  }

  function onPaste(event: ClipboardEvent): void {
    if (!api || !onCell(event) || isEditing()) return;
    const focused = api.getFocusedCell();
    if (!focused || focused.rowPinned) return;
    event.preventDefault();
    const table = parseClipboardTable(event.clipboardData?.getData('text/plain') ?? '');
    if (table.length === 0) return;

    const displayed = api.getAllDisplayedColumns();
    const start = displayed.findIndex((c) => c.getColId() === focused.column.getColId());
    const targets = displayed
      .slice(Math.max(0, start))
      .map((c) => columnOf(c.getColId()))
      .filter((c): c is GridColumn<T> => c !== undefined && c.type.editable && c.editable !== false);
    const startAnchor: CellAnchor = { rowId: api.getDisplayedRowAtIndex(focused.rowIndex)?.id ?? null, rowIndex: focused.rowIndex, field: focused.column.getColId() };
    if (targets.length === 0) {
      showMessage('Det går inte att klistra in här: kolumnerna från den markerade cellen och åt höger går inte att ändra.', startAnchor);
      return;
    }

    const rowCount = api.getDisplayedRowCount();
    const edits: RowEdit[] = [];
    const texts: string[] = [];
    const errors: { text: string; anchor: CellAnchor }[] = [];
    let cellCount = 0;
    table.forEach((cells, r) => {
      const rowIndex = focused.rowIndex + r;
      const node: IRowNode<T> | undefined = rowIndex < rowCount ? api?.getDisplayedRowAtIndex(rowIndex) : undefined;
      const row = node?.data;
      const rowId = node?.id ?? null;
      // A blank line past the last row (as spreadsheets copy) adds nothing.
      if (!row && cells.every((cell) => cell.trim() === '')) return;
      const values: Record<string, unknown> = {};
      cells.slice(0, targets.length).forEach((cell, c) => {
        const col = targets[c]!;
        const anchor: CellAnchor = { rowId, rowIndex, field: col.field };
        if (row !== undefined && !isCellEditable(col, row)) {
          errors.push({ text: `${cellLabel(rowIndex, col)}: Cellen går inte att ändra.`, anchor });
          return;
        }
        const parsed = col.type.parse(cell);
        if (!parsed.ok) {
          errors.push({ text: `${cellLabel(rowIndex, col)}: ${parsed.message}`, anchor });
          return;
        }
        if (row !== undefined && col.type.equals(parsed.value, cellValue(col, row))) return;
        values[col.field] = parsed.value;
        texts.push(...freeTextOf(col, parsed.value));
        cellCount++;
      });
      if (row === undefined || Object.keys(values).length > 0) edits.push({ rowId, values });
    });

    const [first] = errors;
    if (first) {
      const more = errors.length > 1 ? ` (${errors.length - 1} ${errors.length === 2 ? 'cell till' : 'celler till'} med fel.)` : '';
      showMessage(`Inget klistrades in. ${first.text}${more}`, first.anchor);
      return;
    }
    if (edits.length === 0) {
      announce('Inget ändrades: de inklistrade värdena är desamma som de som redan står där.', 'polite');
      return;
    }
    hideMessage();
    const newRows = edits.filter((e) => e.rowId === null).length;
    const paste = () =>
      void run(() => props.onEdit(edits), startAnchor).then((ok) => {
        if (!ok) return;
        const added = newRows > 0 ? ` och ${newRows} ${newRows === 1 ? 'ny rad' : 'nya rader'}` : '';
        announce(`Klistrade in ${cellCount} ${cellCount === 1 ? 'cell' : 'celler'}${added}.`, 'polite');
      });
    guardFreeText(texts, paste, () => showMessage('Inget klistrades in. Ändra texten och klistra in den igen.', startAnchor));
  }

  function onCopy(event: ClipboardEvent): void {
    if (!api || !onCell(event) || isEditing()) return;
    const focused = api.getFocusedCell();
    if (!focused) return;
    const focusedNode = api.getDisplayedRowAtIndex(focused.rowIndex);
    const selected = api.getSelectedNodes();
    let rows: string[][];
    if (selected.length > 1 && focusedNode?.isSelected()) {
      // Several selected rows: all their displayed columns, in the order shown.
      const cols = api
        .getAllDisplayedColumns()
        .map((c) => columnOf(c.getColId()))
        .filter((c): c is GridColumn<T> => c !== undefined);
      const nodes = [...selected].filter((n) => n.data !== undefined).sort((a, b) => (a.rowIndex ?? 0) - (b.rowIndex ?? 0));
      rows = nodes.map((n) => cols.map((c) => c.type.editText(cellValue(c, n.data as T))));
    } else {
      const col = columnOf(focused.column.getColId());
      if (!col || !focusedNode?.data) return;
      rows = [[col.type.editText(cellValue(col, focusedNode.data))]];
    }
    event.clipboardData?.setData('text/plain', formatClipboardTable(rows));
    event.preventDefault();
  }

  /** The rows as shown (filtered and sorted), in the columns shown, as a CSV file for Excel. */
  function exportCsv(): void {
    if (!api) return;
    const columns = api
      .getAllDisplayedColumns()
      .map((column) => ({ column, col: columnOf(column.getColId()) }))
      .filter((c): c is { column: (typeof c)['column']; col: GridColumn<T> } => c.col !== undefined);
    const header = columns.map(({ column, col }) => {
      const group = column.getParent()?.getColGroupDef()?.headerName;
      return group ? `${group} – ${col.header}` : col.header;
    });
    const rows: CsvCell[][] = [header];
    for (let i = 0; i < api.getDisplayedRowCount(); i++) {
      const data = api.getDisplayedRowAtIndex(i)?.data;
      if (data === undefined) continue;
      rows.push(columns.map(({ col }) => exportCell(col, data)));
    }
    downloadFile(csvText(rows), `${fileNamePart(props.ariaLabel)}-${localDate()}.csv`, FILE_TYPES.csv);
    announce(`${rows.length - 1} rader exporterade som CSV.`, 'polite');
  }

  async function undo(): Promise<void> {
    if (!props.onUndo || busy()) return;
    hideMessage();
    if (await run(props.onUndo, null)) announce('Ångrade den senaste ändringen.', 'polite');
  }

  async function redo(): Promise<void> {
    if (!props.onRedo || busy()) return;
    hideMessage();
    if (await run(props.onRedo, null)) announce('Gjorde om ändringen.', 'polite');
  }

  async function addRow(): Promise<void> {
    if (!props.onAddRow) return;
    hideMessage();
    pendingFocus = { kind: 'newRow', knownIds: currentIds(), until: Date.now() + 5000 };
    if (!(await run(props.onAddRow, null))) pendingFocus = null;
    else announce('En ny rad lades till.', 'polite');
  }

  async function duplicateRows(): Promise<void> {
    const ids = targetIds();
    if (!props.onDuplicateRows || ids.length === 0) return;
    hideMessage();
    pendingFocus = { kind: 'newRow', knownIds: currentIds(), until: Date.now() + 5000 };
    if (!(await run(() => props.onDuplicateRows!(ids), null))) pendingFocus = null;
    else announce(ids.length === 1 ? 'Raden duplicerades.' : `${ids.length} rader duplicerades.`, 'polite');
  }

  async function deleteRows(): Promise<void> {
    const ids = targetIds();
    if (!props.onDeleteRows || ids.length === 0 || !api) return;
    hideMessage();
    const indexes = ids.map((id) => api?.getRowNode(id)?.rowIndex ?? Number.MAX_SAFE_INTEGER);
    const focused = api.getFocusedCell();
    pendingFocus = { kind: 'index', rowIndex: Math.min(...indexes), colId: focused?.column.getColId() ?? null, until: Date.now() + 5000 };
    if (await run(() => props.onDeleteRows!(ids), null)) {
      api.deselectAll();
      announce(
        `${ids.length === 1 ? 'Raden togs bort' : `${ids.length} rader togs bort`}.${props.onUndo ? ' Ångra med Ctrl+Z.' : ''}`,
        'polite',
      );
    } else pendingFocus = null;
  }

  function currentIds(): Set<string> {
    return new Set(untrack(props.rows).map((r) => props.getRowId(r)));
  }

  function firstEditableColId(): string | null {
    const displayed = api?.getAllDisplayedColumns() ?? [];
    for (const c of displayed) {
      const col = columnOf(c.getColId());
      if (col && col.type.editable && col.editable !== false) return col.field;
    }
    return null;
  }

  /** After new rows arrive: focus the row an action created, or the row where deleted rows were. */
  function focusAfterRowsChanged(rows: readonly T[]): void {
    if (!api || !pendingFocus) return;
    if (Date.now() > pendingFocus.until) {
      pendingFocus = null;
      return;
    }
    if (pendingFocus.kind === 'newRow') {
      const known = pendingFocus.knownIds;
      const fresh = rows.map((r) => props.getRowId(r)).filter((id) => !known.has(id));
      const id = fresh[fresh.length - 1];
      if (id === undefined) return;
      pendingFocus = null;
      const index = api.getRowNode(id)?.rowIndex;
      const colId = firstEditableColId();
      if (index === null || index === undefined || colId === null) return;
      api.ensureIndexVisible(index);
      api.setFocusedCell(index, colId);
    } else {
      const count = api.getDisplayedRowCount();
      const { rowIndex, colId } = pendingFocus;
      pendingFocus = null;
      if (count === 0) return;
      const target = colId ?? firstEditableColId();
      if (target === null) return;
      api.ensureIndexVisible(Math.min(rowIndex, count - 1));
      api.setFocusedCell(Math.min(rowIndex, count - 1), target);
    }
  }

  function onKeyDown(event: KeyboardEvent): void {
    const target = event.target;
    const inTextField = target instanceof Element && target.closest('input, textarea, select, [contenteditable="true"]') !== null;
    if (event.key === 'Escape' && message()) hideMessage();
    if (inTextField || isEditing()) return;
    const mod = (event.ctrlKey || event.metaKey) && !event.altKey;
    if (!mod) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) {
      event.preventDefault();
      event.stopPropagation();
      void undo();
    } else if (key === 'y' || (key === 'z' && event.shiftKey)) {
      event.preventDefault();
      event.stopPropagation();
      void redo();
    } else if (key === 'enter' && api && onCell(event)) {
      // Ctrl+Enter on a link opens it, the keyboard's way to follow it.
      const focused = api.getFocusedCell();
      const col = focused ? columnOf(focused.column.getColId()) : undefined;
      const row = focused ? api.getDisplayedRowAtIndex(focused.rowIndex)?.data : undefined;
      if (col?.type.kind === 'link' && row !== undefined) {
        const url = safeUrl(String(cellValue(col, row) ?? ''));
        if (url) {
          event.preventDefault();
          event.stopPropagation();
          window.open(url.href, '_blank', 'noopener,noreferrer');
        }
      }
    }
  }

  function onCellFocused(event: CellFocusedEvent<T>): void {
    const index = event.rowIndex;
    const node = index !== null && event.rowPinned == null ? api?.getDisplayedRowAtIndex(index) : undefined;
    setFocusedRowId(node?.id ?? null);
    const colId = typeof event.column === 'string' ? event.column : event.column?.getColId() ?? null;
    if (messageAnchor && message()) {
      const sameRow = messageAnchor.rowId !== null ? node?.id === messageAnchor.rowId : index === messageAnchor.rowIndex;
      if (!sameRow || colId !== messageAnchor.field) hideMessage();
    }
  }

  // -------------------------------------------------------------------------------------------
  // The grid's life

  onMount(() => {
    const options: GridOptions<T> = {
      theme: 'legacy',
      loadThemeGoogleFonts: false,
      localeText: GRID_LOCALE_TEXT,
      rowData: [...untrack(props.rows)],
      columnDefs: untrack(() => toColumnDefs(props.columns)),
      getRowId: (p) => props.getRowId(p.data),
      // The grid asks; the page saves; new rows come back through `rows`.
      readOnlyEdit: true,
      onCellEditRequest,
      undoRedoCellEditing: false,
      stopEditingWhenCellsLoseFocus: true,
      enterNavigatesVerticallyAfterEdit: true,
      suppressStartEditOnTab: true,
      rowSelection: { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: true, selectAll: 'filtered' },
      selectionColumnDef: { pinned: 'left', width: 48, minWidth: 48, maxWidth: 48, resizable: false, suppressHeaderMenuButton: true },
      domLayout: props.height === 'auto' ? 'autoHeight' : 'normal',
      animateRows: false,
      // Quick search text is formatted once per row and kept until the row changes.
      cacheQuickFilter: true,
      ensureDomOrder: true,
      suppressDragLeaveHidesColumns: true,
      tooltipShowDelay: 400,
      onCellFocused,
      onSelectionChanged: () => {
        const ids = (api?.getSelectedNodes() ?? []).map((n) => n.id).filter((id): id is string => id !== undefined);
        setSelectedIds(ids);
        props.onSelectionChanged?.(ids);
      },
      onBodyScroll: () => repositionMessage(),
      onColumnResized: () => repositionMessage(),
    };
    api = createGrid(gridEl, options, { modules: GRID_MODULES });
    labelGrid();

    rootEl.addEventListener('keydown', onKeyDown, true);
    gridEl.addEventListener('paste', onPaste);
    gridEl.addEventListener('copy', onCopy);
    window.addEventListener('resize', repositionMessage);
    onCleanup(() => {
      rootEl.removeEventListener('keydown', onKeyDown, true);
      gridEl.removeEventListener('paste', onPaste);
      gridEl.removeEventListener('copy', onCopy);
      window.removeEventListener('resize', repositionMessage);
      api?.destroy();
      api = undefined;
    });
  });

  function labelGrid(): void {
    gridEl.querySelector('[role="grid"], [role="treegrid"]')?.setAttribute('aria-label', props.ariaLabel);
  }

  createEffect(
    on(
      () => props.rows(),
      (rows) => {
        if (!api) return;
        // A row being edited here that is gone from the data was deleted elsewhere (another tab).
        const ids = new Set(rows.map(props.getRowId));
        const lost = api.getEditingCells().find((c) => {
          const id = api!.getDisplayedRowAtIndex(c.rowIndex)?.id;
          return id !== undefined && !ids.has(id);
        });
        api.setGridOption('rowData', [...rows]);
        focusAfterRowsChanged(rows);
        repositionMessage();
        if (lost) {
          showMessage(ROW_DELETED_ELSEWHERE, {
            rowId: null,
            rowIndex: Math.max(0, Math.min(lost.rowIndex, api.getDisplayedRowCount() - 1)),
            field: lost.column?.getColId() ?? null,
          });
        }
      },
      { defer: true },
    ),
  );

  createEffect(
    on(
      () => props.columns,
      (columns) => api?.setGridOption('columnDefs', toColumnDefs(columns)),
      { defer: true },
    ),
  );

  createEffect(on(() => props.ariaLabel, labelGrid, { defer: true }));

  createEffect(on(search, (text) => api?.setGridOption('quickFilterText', text), { defer: true }));

  const searchId = `hp-grid-search-${Math.random().toString(36).slice(2, 9)}`;
  const targetCount = () => targetIds().length;

  return (
    <div class="hp-grid" ref={rootEl}>
      <div class="hp-grid__toolbar" role="group" aria-label={`Verktyg för ${props.ariaLabel}`}>
        <Show when={props.onAddRow}>
          <button type="button" class="hp-grid__button" disabled={busy()} onClick={() => void addRow()}>
            Lägg till rad
          </button>
        </Show>
        <Show when={props.onDuplicateRows}>
          <button
            type="button"
            class="hp-grid__button"
            disabled={busy() || targetCount() === 0}
            title={targetCount() > 1 ? `Duplicera ${targetCount()} markerade rader` : 'Duplicera raden'}
            onClick={() => void duplicateRows()}
          >
            Duplicera
          </button>
        </Show>
        <Show when={props.onDeleteRows}>
          <button
            type="button"
            class="hp-grid__button"
            disabled={busy() || targetCount() === 0}
            title={targetCount() > 1 ? `Ta bort ${targetCount()} markerade rader` : 'Ta bort raden'}
            onClick={() => void deleteRows()}
          >
            Ta bort
          </button>
        </Show>
        <Show when={props.onUndo}>
          <button
            type="button"
            class="hp-grid__button"
            disabled={busy() || (props.canUndo ? !props.canUndo() : false)}
            title="Ångra (Ctrl+Z)"
            aria-keyshortcuts="Control+Z"
            onClick={() => void undo()}
          >
            Ångra
          </button>
        </Show>
        <Show when={props.onRedo}>
          <button
            type="button"
            class="hp-grid__button"
            disabled={busy() || (props.canRedo ? !props.canRedo() : false)}
            title="Gör om (Ctrl+Y)"
            aria-keyshortcuts="Control+Y Control+Shift+Z"
            onClick={() => void redo()}
          >
            Gör om
          </button>
        </Show>
        <button type="button" class="hp-grid__button" title="Raderna som visas, som en fil för Excel" onClick={exportCsv}>
          Exportera CSV
        </button>
        <span class="hp-grid__search">
          <label for={searchId}>{props.quickFilterLabel ?? 'Sök'}</label>
          <input id={searchId} type="search" autocomplete="off" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
        </span>
      </div>
      <div class="hp-grid__body" ref={bodyEl}>
        <div
          ref={gridEl}
          class="ag-theme-quartz hp-grid__grid"
          classList={{ 'hp-grid__grid--auto': props.height === 'auto' }}
          style={props.height === 'auto' ? undefined : { height: props.height ?? '24rem' }}
        />
        <Show when={message()}>
          {(box) => (
            <div
              class="hp-grid__message"
              aria-hidden="true"
              style={{ top: `${box().top}px`, left: `${box().left}px` }}
              onClick={hideMessage}
            >
              {box().text}
            </div>
          )}
        </Show>
      </div>
      <div class="hp-visually-hidden" aria-live="assertive" aria-atomic="true">
        {alertText()}
      </div>
      <div class="hp-visually-hidden" role="status" aria-live="polite" aria-atomic="true">
        {statusText()}
      </div>
    </div>
  );
}
