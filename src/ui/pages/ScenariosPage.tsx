import { A } from '@solidjs/router';
import { createMemo, createSignal, Show, Suspense } from 'solid-js';
import { useApp } from '../context';
import { DataGrid } from '../grid/DataGrid';
import { computedColumn, integerColumn, longTextColumn, moneyType, textColumn, yearColumn } from '../grid/columns';
import { evaluateScenario } from '../../domain/scenario';
import type { Scenario } from '../../domain/types';
import { paybackText } from '../../exchange/labels';
import { ScenarioResults } from '../components/ScenarioResults';
import { ScenarioSetup } from '../components/ScenarioSetup';
import { ScenarioExports } from '../components/ScenarioExports';
import { EffectsGrid } from '../components/EffectsGrid';
import { SensitivityTable } from '../components/SensitivityTable';
import { LazyScenarioCharts } from '../charts';
import { listCallbacks, withValues } from './editing';
import { displayHorizon } from './displayYears';

/** Scenarier: the scenarios as a list, and the selected one's setup, effects and live results. */
export function ScenariosPage() {
  const app = useApp();
  const document = () => app.current()!.document;
  const [selectedId, setSelectedId] = createSignal<string>();
  const scenario = createMemo(() => {
    const scenarios = document().scenarios;
    return scenarios.find((s) => s.id === selectedId()) ?? scenarios[0];
  });
  const results = createMemo(() => new Map(document().scenarios.map((s) => [s.id, evaluateScenario(document(), s)])));

  const columns = createMemo(() => [
    textColumn<Scenario>({ field: 'name', header: 'Scenario', required: true, pinned: 'left', width: 260 }),
    yearColumn<Scenario>({ field: 'startYear', header: 'Startår', width: 100 }),
    integerColumn<Scenario>({ field: 'years', header: 'Antal år', min: 1, max: 50, width: 115 }),
    computedColumn<Scenario>({
      field: 'net',
      header: `Netto (${app.amountUnit()})`,
      shownAs: moneyType({ unit: app.amountUnit() }),
      value: (s) => results().get(s.id)?.totals.net,
      width: 140,
    }),
    computedColumn<Scenario>({ field: 'payback', header: 'Återbetalningsår', value: (s) => paybackText(results().get(s.id)?.paybackYear ?? null), width: 190 }),
    longTextColumn<Scenario>({ field: 'description', header: 'Beskrivning', width: 320 }),
  ]);

  const callbacks = listCallbacks(app, 'scenarios', {
    newName: 'Nytt scenario',
    create: (id, values) => withValues<Scenario>({ id, name: 'Nytt scenario', startYear: displayHorizon(document()).startYear, years: 3, initiativeIds: [], effects: [] }, values),
    merge: (item, values) => withValues(item, values),
  });

  return (
    <>
      <h1 class="no-print">Scenarier</h1>
      <p class="lead no-print">
        Ett scenario ställer satsningarnas kostnader mot de placeringar de väntas undvika eller ersätta, år för år. Välj ett scenario
        för att ändra dess period, antaganden, satsningar och effekter; resultaten räknas om medan du skriver.
      </p>
      <DataGrid<Scenario>
        ariaLabel="Scenarier"
        rows={() => document().scenarios}
        getRowId={(s) => s.id}
        columns={columns()}
        onSelectionChanged={(ids) => ids[0] && setSelectedId(ids[0])}
        height="12rem"
        {...callbacks}
      />
      <Show when={scenario()} fallback={<p>Det finns inget scenario. Lägg till ett med ”Lägg till rad”.</p>}>
        {(s) => (
          <div class="scenario-editor">
            <section aria-labelledby="uppstallning-rubrik" class="detail-section no-print">
              <div class="section-heading">
                <h2 id="uppstallning-rubrik">Uppställning: {s().name}</h2>
                <A class="button-link" href={`/workshop/${encodeURIComponent(s().id)}`}>
                  Öppna workshopvyn
                </A>
              </div>
              <ScenarioSetup scenario={s()} />
            </section>
            <section aria-labelledby="effekter-rubrik" class="detail-section no-print">
              <h2 id="effekter-rubrik">Undvikna och ersatta placeringar</h2>
              <p class="help">
                En rad per effekt: vilken placering som undviks, vad den eventuellt ersätts av, och hur många placeringar och hur
                långa per år, i den undvikna placeringsformens enhet.
              </p>
              <EffectsGrid scenario={s()} />
            </section>
            <ScenarioExports document={document()} scenario={s()} />
            <ScenarioResults document={document()} scenario={s()} unit={app.amountUnit()} />
            <Suspense fallback={<p role="status">Ritar diagrammen …</p>}>
              <LazyScenarioCharts document={document()} scenario={s()} unit={app.amountUnit()} />
            </Suspense>
            <SensitivityTable document={document()} scenario={s()} unit={app.amountUnit()} />
          </div>
        )}
      </Show>
    </>
  );
}
