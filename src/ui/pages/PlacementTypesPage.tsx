import { createMemo, createSignal, For } from 'solid-js';
import { useApp } from '../context';
import { DataGrid } from '../grid/DataGrid';
import { Decimal, formatDecimal, formatMoney } from '../../domain/money';
import { yearEquivalences } from '../../domain/overview';
import type { PlacementType } from '../../domain/types';
import { PLACEMENT_UNIT_PLURAL } from '../../exchange/labels';
import { listCallbacks, withValues } from './editing';
import { displayHorizon } from './displayYears';
import { placementTypeColumns } from './placementTypeColumns';

/** Placeringskostnader: placement types with prices and sources, and what each initiative's cost equals. */
export function PlacementTypesPage() {
  const app = useApp();
  const document = () => app.current()!.document;
  const [year, setYear] = createSignal<number>();
  const chosenYear = () => year() ?? displayHorizon(document()).startYear;
  const yearChoices = createMemo(() => {
    const { startYear, years } = displayHorizon(document());
    return Array.from({ length: years }, (_, i) => startYear + i);
  });

  const columns = createMemo(placementTypeColumns);

  const callbacks = listCallbacks(app, 'placementTypes', {
    newName: 'Ny placeringsform',
    create: (id, values) =>
      withValues<PlacementType>({ id, name: 'Ny placeringsform', unit: 'day', price: new Decimal(0), priceYear: chosenYear() }, values),
    merge: (item, values) => withValues(item, values),
  });

  const priced = createMemo(() => document().placementTypes.filter((t) => t.price.gt(0)));
  const equivalences = createMemo(() => yearEquivalences(document(), document().initiatives, chosenYear()));
  const initiativeName = (id: string) => document().initiatives.find((i) => i.id === id)?.name ?? id;

  return (
    <>
      <h1>Placeringskostnader</h1>
      <p class="lead">
        Priser för placeringsformer, med prisår och källa. Priserna i exempeldata är hämtade ur offentliga källor och ska
        ersättas med kommunens egna avtalspriser. Priset räknas upp med prisökningen (PKV) från prisåret.
      </p>
      <DataGrid<PlacementType> ariaLabel="Placeringsformer" rows={() => document().placementTypes} getRowId={(row) => row.id} columns={columns()} height="20rem" {...callbacks} />

      <section aria-labelledby="motsvarar-rubrik" class="detail-section">
        <h2 id="motsvarar-rubrik">Vad satsningarnas årskostnad motsvarar</h2>
        <label class="field">
          <span>År</span>
          <select value={chosenYear()} onChange={(e) => setYear(Number(e.currentTarget.value))}>
            <For each={yearChoices()}>{(y) => <option value={y}>{y}</option>}</For>
          </select>
        </label>
        <div class="table-scroll">
          <table class="figures" data-testid="equivalence-matrix">
            <caption>
              Satsningarnas kostnad {chosenYear()} uttryckt i enheter av varje placeringsform, till {chosenYear()} års pris
            </caption>
            <thead>
              <tr>
                <th scope="col">Satsning</th>
                <th scope="col">Kostnad {chosenYear()}</th>
                <For each={priced()}>{(type) => <th scope="col">{type.name}</th>}</For>
              </tr>
            </thead>
            <tbody>
              <For each={equivalences()}>
                {(row) => (
                  <tr>
                    <th scope="row">{initiativeName(row.initiativeId)}</th>
                    <td>{formatMoney(row.cost, app.amountUnit())}</td>
                    <For each={row.units}>
                      {(cell, i) => (
                        <td>
                          {formatDecimal(cell.units, 1)} {PLACEMENT_UNIT_PLURAL[priced()[i()]!.unit]}
                        </td>
                      )}
                    </For>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}
