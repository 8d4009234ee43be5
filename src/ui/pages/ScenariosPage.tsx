import { createMemo, createSignal, For, Show } from 'solid-js';
import { useApp } from '../context';
import { ScenarioResults } from '../components/ScenarioResults';

export function ScenariosPage() {
  const app = useApp();
  const document = () => app.current()!.document;
  const [chosen, setChosen] = createSignal<string>();
  const scenario = createMemo(() => {
    const scenarios = document().scenarios;
    return scenarios.find((s) => s.id === chosen()) ?? scenarios[0];
  });

  return (
    <>
      <h1>Scenarier</h1>
      <p class="lead">
        Ett scenario ställer satsningarnas kostnader mot de placeringar de väntas ersätta, år för år. Alla belopp räknas fram här i
        webbläsaren, exakt, från uppgifterna du har matat in.
      </p>
      <Show when={scenario()} fallback={<p>Det finns inget scenario att visa.</p>}>
        {(s) => (
          <>
            <label class="field">
              <span>Scenario</span>
              <select value={s().id} onChange={(e) => setChosen(e.currentTarget.value)}>
                <For each={document().scenarios}>{(option) => <option value={option.id}>{option.name}</option>}</For>
              </select>
            </label>
            <ScenarioResults document={document()} scenario={s()} unit={app.amountUnit()} />
          </>
        )}
      </Show>
    </>
  );
}
