import { createMemo } from 'solid-js';
import { Decimal } from '../../domain/money';
import { horizonYears } from '../../domain/scenario';
import type { Effect, Scenario } from '../../domain/types';
import { effectYear, withEffectYear } from '../../domain/effects';
import { useApp } from '../context';
import { DataGrid, type GridOutcome, type RowEdit } from '../grid/DataGrid';
import { computedColumn, enumerationColumn, quantityColumn, shareColumn, textColumn, type GridColumn } from '../grid/columns';
import { PLACEMENT_UNIT_PLURAL } from '../../exchange/labels';
import { historyCallbacks, newId } from '../pages/editing';
import { updateScenario } from '../pages/scenarioEditing';

/** The code the "to" column uses for "stays at home": no placement replaces the avoided one. */
const AT_HOME = '-';
const NO_INITIATIVE = '-';

interface EffectRow {
  rowId: string;
  effect: Effect;
}

const sameList = (a: readonly number[], b: readonly number[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Same codes with the same labels, in the same order (the order of the choices in the editor). */
function sameLabels(a: Record<string, string>, b: Record<string, string>): boolean {
  const keys = Object.keys(a);
  const other = Object.keys(b);
  return keys.length === other.length && keys.every((k, i) => k === other[i] && a[k] === b[k]);
}

/** One row per avoided or replaced placement; one pair of columns (placements, units) per year. */
export function EffectsGrid(props: { scenario: Scenario }) {
  const app = useApp();
  const document = () => app.current()!.document;
  // Every change brings a new document; these keep their old value when their content is the same,
  // so that the columns (and AG Grid's costly column rebuild) only change when the years or labels do.
  const years = createMemo(() => horizonYears(props.scenario), undefined, { equals: sameList });
  const types = createMemo(() => new Map(document().placementTypes.map((t) => [t.id, t])));
  const typeLabels = createMemo(() => Object.fromEntries(document().placementTypes.map((t) => [t.id, t.name])), undefined, { equals: sameLabels });
  const toLabels = createMemo(() => ({ [AT_HOME]: 'Hemmaplan (ingen ny placering)', ...typeLabels() }));
  const initiativeLabels = createMemo(
    () => ({
      [NO_INITIATIVE]: '(ingen)',
      ...Object.fromEntries(
        document()
          .initiatives.filter((i) => props.scenario.initiativeIds.includes(i.id))
          .map((i) => [i.id, i.name]),
      ),
    }),
    undefined,
    { equals: sameLabels },
  );
  const rows = createMemo((): EffectRow[] => props.scenario.effects.map((effect) => ({ rowId: effect.id, effect })));

  const columns = createMemo((): GridColumn<EffectRow>[] => [
    textColumn<EffectRow>({ field: 'label', header: 'Benämning', value: (r) => r.effect.label, pinned: 'left', width: 200 }),
    enumerationColumn<EffectRow, string>({ field: 'fromPlacementTypeId', header: 'Undviker placering', labels: typeLabels(), value: (r) => r.effect.fromPlacementTypeId, width: 220 }),
    enumerationColumn<EffectRow, string>({ field: 'toPlacementTypeId', header: 'Ersätts av', labels: toLabels(), value: (r) => r.effect.toPlacementTypeId ?? AT_HOME, width: 220 }),
    enumerationColumn<EffectRow, string>({ field: 'initiativeId', header: 'Tack vare satsning', labels: initiativeLabels(), value: (r) => r.effect.initiativeId ?? NO_INITIATIVE, width: 200 }),
    shareColumn<EffectRow>({ field: 'expectedShare', header: 'Förväntad andel', value: (r) => r.effect.expectedShare, width: 130 }),
    computedColumn<EffectRow>({
      field: 'unit',
      header: 'Enhet',
      value: (r) => PLACEMENT_UNIT_PLURAL[types().get(r.effect.fromPlacementTypeId)?.unit ?? 'day'],
      width: 100,
    }),
    ...years().flatMap((year) => [
      quantityColumn<EffectRow>({ field: `placements:${year}`, group: String(year), header: 'Placeringar', required: false, value: (r) => effectYear(r.effect, year)?.placements ?? null, width: 130 }),
      quantityColumn<EffectRow>({
        field: `units:${year}`,
        group: String(year),
        header: 'Per placering',
        headerTooltip: 'Dygn, månader eller år per placering, i den undvikna placeringsformens enhet',
        required: false,
        value: (r) => effectYear(r.effect, year)?.unitsPerPlacement ?? null,
        width: 130,
      }),
    ]),
  ]);

  function applyValues(effect: Effect, values: Record<string, unknown>): Effect {
    let next: Effect = { ...effect };
    for (const [field, value] of Object.entries(values)) {
      const [name, yearText] = field.split(':');
      if (yearText !== undefined) {
        next = withEffectYear(next, Number(yearText), name === 'placements' ? 'placements' : 'unitsPerPlacement', (value as Decimal | null) ?? null);
      } else if (field === 'toPlacementTypeId' || field === 'initiativeId') {
        const { [field]: _old, ...rest } = next;
        next = value === null || value === AT_HOME ? rest : { ...rest, [field]: value as string };
      } else if (field === 'label') {
        const { label: _old, ...rest } = next;
        next = value ? { ...rest, label: value as string } : rest;
      } else if (value !== null && value !== undefined) {
        next = { ...next, [field]: value };
      }
    }
    return next;
  }

  function onEdit(edits: RowEdit[]): Promise<GridOutcome> {
    return save((stored) => {
      const effects = [...stored];
      const taken = new Set(effects.map((e) => e.id));
      for (const edit of edits) {
        const index = effects.findIndex((e) => e.id === edit.rowId);
        if (index >= 0) {
          effects[index] = applyValues(effects[index]!, edit.values as Record<string, unknown>);
        } else {
          const created = newEffect(taken);
          taken.add(created.id);
          effects.push(applyValues(created, edit.values as Record<string, unknown>));
        }
      }
      return effects;
    });
  }

  function newEffect(taken: Set<string>): Effect {
    const from = document().placementTypes[0];
    return { id: newId('effekt', taken), fromPlacementTypeId: from?.id ?? '', expectedShare: new Decimal(1), perYear: [] };
  }

  /** Saves the effects as `change` makes them from the stored ones (so that quick edits build on each other). */
  function save(change: (effects: Effect[]) => Effect[]): Promise<GridOutcome> {
    return updateScenario(app, props.scenario.id, (scenario) => ({ ...scenario, effects: change(scenario.effects) }));
  }

  return (
    <DataGrid<EffectRow>
      ariaLabel={`Effekter i ${props.scenario.name}`}
      rows={rows}
      getRowId={(r) => r.rowId}
      columns={columns()}
      height="14rem"
      onEdit={onEdit}
      onAddRow={() => save((effects) => [...effects, newEffect(new Set(effects.map((e) => e.id)))])}
      onDuplicateRows={(ids) =>
        save((effects) => {
          const taken = new Set(effects.map((e) => e.id));
          const copies = effects
            .filter((e) => ids.includes(e.id))
            .map((e) => {
              const id = newId(`${e.id}-kopia`, taken);
              taken.add(id);
              return { ...e, id };
            });
          return [...effects, ...copies];
        })
      }
      onDeleteRows={(ids) => save((effects) => effects.filter((e) => !ids.includes(e.id)))}
      {...historyCallbacks(app)}
    />
  );
}
