import { createMemo, createSignal, For, Show } from 'solid-js';
import { loadExampleDocument } from '../data/example';
import { ScenarioResults } from './components/ScenarioResults';

export function App() {
  const document = loadExampleDocument();
  const [scenarioId, setScenarioId] = createSignal(document.scenarios[0]?.id ?? '');
  const scenario = createMemo(() => document.scenarios.find((s) => s.id === scenarioId()));

  return (
    <>
      <header class="app-header">
        <div class="brand">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Hemmaplan</span>
        </div>
        <p class="tagline">Kostnader för satsningar på hemmaplan jämfört med placeringar de kan ersätta</p>
      </header>
      <main id="innehall">
        <h1>Scenarier</h1>
        <p class="lead">
          Exempeldata för {document.settings.organisation || 'din kommun'}. Alla belopp räknas fram i webbläsaren, exakt, från
          satsningarnas kostnadsrader och de placeringar scenariot räknar med att undvika.
        </p>
        <label class="field">
          <span>Scenario</span>
          <select value={scenarioId()} onChange={(e) => setScenarioId(e.currentTarget.value)}>
            <For each={document.scenarios}>{(s) => <option value={s.id}>{s.name}</option>}</For>
          </select>
        </label>
        <Show when={scenario()} fallback={<p>Det finns inget scenario att visa.</p>}>
          {(s) => <ScenarioResults document={document} scenario={s()} />}
        </Show>
      </main>
      <footer class="app-footer">
        Hemmaplan sparar inget utanför den här datorn. Beloppen i exempeldata är exempel att ersätta med kommunens egna.
      </footer>
    </>
  );
}
