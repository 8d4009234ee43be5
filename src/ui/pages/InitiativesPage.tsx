import { createMemo, createSignal, Show } from 'solid-js';
import { useApp } from '../context';
import { DataGrid, type GridOutcome, type RowEdit } from '../grid/DataGrid';
import {
  computedColumn,
  enumerationColumn,
  integerColumn,
  listColumn,
  longTextColumn,
  moneyColumn,
  moneyType,
  monthColumn,
  percentColumn,
  quantityColumn,
  shareColumn,
  textColumn,
  type GridColumn,
} from '../grid/columns';
import { Decimal } from '../../domain/money';
import { horizonYears, initiativeOverviews } from '../../domain/overview';
import { COST_LINE_FIELDS, type CostLine, type CostLineKind, type Initiative } from '../../domain/types';
import { COST_LINE_KIND_LABELS } from '../../exchange/labels';
import { historyCallbacks, listCallbacks, newId, toGridOutcome, withValues } from './editing';
import { displayHorizon } from './displayYears';


const ZERO = new Decimal(0);

/** A new line of a kind, keeping the label and whatever fields the two kinds share. */
function lineOfKind(kind: CostLineKind, from: Partial<CostLine> & Record<string, unknown>, startMonth: string): CostLine {
  const defaults: Record<CostLineKind, Record<string, unknown>> = {
    staff: { fte: new Decimal(1), monthlySalary: ZERO },
    perUnit: { unit: 'tillfälle', quantityPerYear: ZERO, unitPrice: ZERO },
    annual: { amountPerYear: ZERO },
    funding: { amountPerYear: ZERO },
    oneOff: { amount: ZERO, month: startMonth },
    education: { persons: new Decimal(1), terms: 1, monthsPerTerm: 6, studyShare: new Decimal('0.5'), monthlySalary: ZERO, materialPerTerm: ZERO },
  };
  const line: Record<string, unknown> = { kind, ...defaults[kind] };
  if (from.id !== undefined) line.id = from.id;
  if (from.label !== undefined) line.label = from.label;
  for (const field of COST_LINE_FIELDS[kind]) if (from[field] !== undefined) line[field] = from[field];
  return line as unknown as CostLine;
}

interface LineRow {
  rowId: string;
  index: number;
  line: CostLine;
  years: Decimal[];
}

/** Satsningar: initiatives with their yearly cost, and the selected initiative's cost lines. */
export function InitiativesPage() {
  const app = useApp();
  const document = () => app.current()!.document;
  const horizon = createMemo(() => displayHorizon(document()));
  const years = createMemo(() => horizonYears(horizon()));
  const overviews = createMemo(() => new Map(initiativeOverviews(document(), horizon()).map((o) => [o.id, o])));
  const unit = () => app.amountUnit();
  const [selectedId, setSelectedId] = createSignal<string>();
  const selected = createMemo(() => document().initiatives.find((i) => i.id === selectedId()) ?? document().initiatives[0]);
  const interventionNames = createMemo(() => Object.fromEntries(document().interventions.map((i) => [i.id, i.name])));

  const initiativeColumns = createMemo((): GridColumn<Initiative>[] => [
    textColumn<Initiative>({ field: 'name', header: 'Satsning', required: true, pinned: 'left', width: 240 }),
    monthColumn<Initiative>({ field: 'start', header: 'Start', width: 105 }),
    monthColumn<Initiative>({ field: 'end', header: 'Slut', required: false, width: 105 }),
    ...years().map((year, i) =>
      computedColumn<Initiative>({
        field: `cost${year}`,
        header: `${year} (${unit()})`,
        shownAs: moneyType({ unit: unit() }),
        value: (row) => overviews().get(row.id)?.years[i]?.cost,
        width: 135,
      }),
    ),
    textColumn<Initiative>({ field: 'scope', header: 'Omfattning', width: 200 }),
    textColumn<Initiative>({ field: 'unit', header: 'Enhet', width: 150 }),
    listColumn<Initiative, string>({ field: 'interventionIds', header: 'Insatser', labels: interventionNames(), width: 220 }),
    longTextColumn<Initiative>({ field: 'description', header: 'Beskrivning', width: 260 }),
  ]);

  const initiativeCallbacks = listCallbacks(app, 'initiatives', {
    newName: 'Ny satsning',
    create: (id, values) => withValues<Initiative>({ id, name: 'Ny satsning', start: `${horizon().startYear}-01`, costLines: [] }, values),
    merge: (item, values) => withValues(item, values),
  });

  const lineRows = createMemo((): LineRow[] => {
    const initiative = selected();
    if (!initiative) return [];
    const lines = overviews().get(initiative.id)?.lines ?? [];
    return initiative.costLines.map((line, index) => ({ rowId: line.id ?? `#${index}`, index, line, years: lines[index] ?? [] }));
  });

  const applies = (field: string) => (row: LineRow) => COST_LINE_FIELDS[row.line.kind].includes(field);
  const lineValue = (field: string) => (row: LineRow) => (row.line as unknown as Record<string, unknown>)[field];
  /** The input columns the selected initiative's kinds of line use; the others would only be empty. */
  const usedFields = createMemo(() => new Set(lineRows().flatMap((row) => COST_LINE_FIELDS[row.line.kind])));
  const lineColumns = createMemo((): GridColumn<LineRow>[] => [
    enumerationColumn<LineRow, CostLineKind>({ field: 'kind', header: 'Typ', labels: COST_LINE_KIND_LABELS, value: lineValue('kind'), width: 160, pinned: 'left' }),
    textColumn<LineRow>({ field: 'label', header: 'Benämning', value: lineValue('label'), width: 220 }),
    quantityColumn<LineRow>({ field: 'fte', header: 'Årsarbetare', value: lineValue('fte'), editable: applies('fte'), width: 120 }),
    moneyColumn<LineRow>({ field: 'monthlySalary', header: 'Månadslön (kr)', unit: 'kr', value: lineValue('monthlySalary'), editable: applies('monthlySalary'), width: 140 }),
    percentColumn<LineRow>({ field: 'payrollOverheadPercent', header: 'Eget PO-pålägg', required: false, value: lineValue('payrollOverheadPercent'), editable: applies('payrollOverheadPercent'), width: 140 }),
    textColumn<LineRow>({ field: 'unit', header: 'Enhet', value: lineValue('unit'), editable: applies('unit'), width: 110 }),
    quantityColumn<LineRow>({ field: 'quantityPerYear', header: 'Antal per år', value: lineValue('quantityPerYear'), editable: applies('quantityPerYear'), width: 120 }),
    moneyColumn<LineRow>({ field: 'unitPrice', header: 'Styckpris (kr)', unit: 'kr', value: lineValue('unitPrice'), editable: applies('unitPrice'), width: 130 }),
    moneyColumn<LineRow>({ field: 'amountPerYear', header: 'Belopp per år (kr)', unit: 'kr', value: lineValue('amountPerYear'), editable: applies('amountPerYear'), width: 150 }),
    moneyColumn<LineRow>({ field: 'amount', header: 'Belopp (kr)', unit: 'kr', value: lineValue('amount'), editable: applies('amount'), width: 130 }),
    monthColumn<LineRow>({ field: 'month', header: 'Månad', value: lineValue('month'), editable: applies('month'), width: 110 }),
    quantityColumn<LineRow>({ field: 'persons', header: 'Personer', value: lineValue('persons'), editable: applies('persons'), width: 100 }),
    integerColumn<LineRow>({ field: 'terms', header: 'Terminer', min: 1, max: 100, value: lineValue('terms'), editable: applies('terms'), width: 100 }),
    integerColumn<LineRow>({ field: 'monthsPerTerm', header: 'Månader per termin', min: 1, max: 12, value: lineValue('monthsPerTerm'), editable: applies('monthsPerTerm'), width: 150 }),
    shareColumn<LineRow>({ field: 'studyShare', header: 'Studietakt', value: lineValue('studyShare'), editable: applies('studyShare'), width: 110 }),
    moneyColumn<LineRow>({ field: 'materialPerTerm', header: 'Material per termin (kr)', unit: 'kr', value: lineValue('materialPerTerm'), editable: applies('materialPerTerm'), width: 180 }),
  ].filter((column) => ['kind', 'label'].includes(column.field) || usedFields().has(column.field)).concat(
    years().map((year, i) =>
      computedColumn<LineRow>({ field: `year${year}`, header: `${year} (${unit()})`, shownAs: moneyType({ unit: unit() }), value: (row) => row.years[i], width: 135 }),
    ),
  ));

  /**
   * Saves the selected initiative's cost lines as `change` makes them from the lines stored when
   * the change is written (so that quick successive edits build on each other).
   */
  async function saveLines(change: (lines: CostLine[], initiative: Initiative) => CostLine[]): Promise<GridOutcome> {
    const id = selected()?.id;
    if (!id) return { ok: false, message: 'Välj först en satsning.' };
    let written: CostLine[] = [];
    try {
      const outcome = await app.store.save('initiatives', (document) => {
        const initiative = document.initiatives.find((i) => i.id === id);
        if (!initiative) return { ok: false, issues: [{ path: '$', message: 'satsningen finns inte längre; den kan ha tagits bort i en annan flik' }] };
        written = withLineIds(change([...initiative.costLines], initiative));
        return [{ ...initiative, costLines: written }];
      });
      const result = toGridOutcome(outcome);
      // The validator points at the initiative; point the message at the line's cell instead.
      const match = outcome.ok ? null : /costLines\[(\d+)\]\.(\w+)/.exec(outcome.issues[0]?.path ?? '');
      if (!result.ok && match) {
        const line = written[Number(match[1])];
        return { ok: false, message: result.message, rowId: line?.id ?? `#${match[1]}`, field: match[2]! };
      }
      return result;
    } finally {
      app.touchHistory();
    }
  }

  function withLineIds(lines: CostLine[]): CostLine[] {
    const taken = new Set(lines.flatMap((l) => (l.id ? [l.id] : [])));
    return lines.map((line) => {
      if (line.id) return line;
      const id = newId(line.label ?? COST_LINE_KIND_LABELS[line.kind], taken);
      taken.add(id);
      return { ...line, id };
    });
  }

  /** The index of a grid row's line: its id, or "#index" for a line saved without one. */
  const lineIndex = (lines: CostLine[], rowId: string) => {
    const byId = lines.findIndex((line) => line.id === rowId);
    return byId >= 0 ? byId : rowId.startsWith('#') ? Number(rowId.slice(1)) : -1;
  };

  const lineCallbacks = {
    onEdit: (edits: RowEdit[]) =>
      saveLines((lines, initiative) => {
        for (const edit of edits) {
          const values = edit.values as Record<string, unknown>;
          const index = edit.rowId === null ? -1 : lineIndex(lines, edit.rowId);
          const base = index >= 0 ? lines[index]! : lineOfKind('staff', {}, initiative.start);
          const kind = (values.kind as CostLineKind | undefined) ?? base.kind;
          const converted = kind === base.kind ? base : lineOfKind(kind, base as Partial<CostLine> & Record<string, unknown>, initiative.start);
          const { kind: _kind, ...rest } = values;
          const merged = withValues(converted, rest);
          if (index >= 0) lines[index] = merged;
          else lines.push(merged);
        }
        return lines;
      }),
    onAddRow: () => saveLines((lines, initiative) => [...lines, { ...lineOfKind('staff', {}, initiative.start), label: 'Ny kostnadsrad' }]),
    onDuplicateRows: (ids: string[]) =>
      saveLines((lines) => [
        ...lines,
        ...ids
          .map((rowId) => lines[lineIndex(lines, rowId)])
          .filter((line): line is CostLine => line !== undefined)
          .map((line) => ({ ...line, id: undefined, label: `${line.label ?? COST_LINE_KIND_LABELS[line.kind]} (kopia)` }) as CostLine),
      ]),
    onDeleteRows: (ids: string[]) => saveLines((lines) => lines.filter((line, index) => !ids.includes(line.id ?? `#${index}`))),
  };

  return (
    <>
      <h1>Satsningar</h1>
      <p class="lead">
        Planerade satsningar och vad de kostar per år med inställningarnas antaganden ({horizon().startYear}–
        {horizon().startYear + horizon().years - 1}). Välj en satsning för att se och ändra dess kostnadsrader.
      </p>
      <DataGrid<Initiative>
        ariaLabel="Satsningar"
        rows={() => document().initiatives}
        getRowId={(row) => row.id}
        columns={initiativeColumns()}
        onSelectionChanged={(ids) => ids[0] && setSelectedId(ids[0])}
        height="18rem"
        {...initiativeCallbacks}
      />
      <Show when={selected()}>
        {(initiative) => (
          <section aria-labelledby="kostnadsrader-rubrik" class="detail-section">
            <h2 id="kostnadsrader-rubrik">Kostnadsrader för {initiative().name}</h2>
            <DataGrid<LineRow>
              ariaLabel={`Kostnadsrader för ${initiative().name}`}
              rows={lineRows}
              getRowId={(row) => row.rowId}
              columns={lineColumns()}
              height="16rem"
              {...historyCallbacks(app)}
              {...lineCallbacks}
            />
          </section>
        )}
      </Show>
    </>
  );
}
