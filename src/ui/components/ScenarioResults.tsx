import { createMemo, For, Show } from 'solid-js';
import { evaluateScenario } from '../../domain/scenario';
import { type AmountUnit, formatMoney, formatPercent } from '../../domain/money';
import type { HemmaplanDocument, Scenario } from '../../domain/types';
import { breakEvenSentence, effectName, paybackText } from '../../exchange/labels';
import { localDate } from '../files/download';

/** A scenario's yearly results and key figures, computed by the evaluator from the current data. */
export function ScenarioResults(props: { document: HemmaplanDocument; scenario: Scenario; unit: AmountUnit }) {
  const result = createMemo(() => evaluateScenario(props.document, props.scenario));
  const initiativeName = (id: string) => props.document.initiatives.find((i) => i.id === id)?.name ?? id;
  const typeName = (id: string) => props.document.placementTypes.find((t) => t.id === id)?.name ?? id;
  const effectTypes = createMemo(() => new Set(props.scenario.effects.map((e) => e.fromPlacementTypeId)));
  const kr = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, props.unit);

  return (
    <section aria-labelledby="resultat-rubrik" class="results print-section">
      <p class="print-only">
        {props.document.settings.organisation} · Hemmaplan · utskrivet {localDate()}
      </p>
      <h2 id="resultat-rubrik">{props.scenario.name}</h2>
      <p class="muted" data-testid="assumptions">
        Period {result().startYear}–{result().endYear} · basår {result().settings.baseYear} · PO-pålägg{' '}
        {formatPercent(result().settings.payrollOverheadPercent)} · löneökning {formatPercent(result().settings.salaryGrowthPercent)} per år ·
        prisökning {formatPercent(result().settings.priceGrowthPercent)} per år
      </p>

      <dl class="key-figures">
        <div>
          <dt>Total kostnad</dt>
          <dd data-testid="total-cost">{kr(result().totals.cost)}</dd>
        </div>
        <div>
          <dt>Undvikna kostnader</dt>
          <dd data-testid="total-avoided">{kr(result().totals.avoided)}</dd>
        </div>
        <div>
          <dt>Netto</dt>
          <dd data-testid="total-net" classList={{ negative: result().totals.net.isNegative() }}>
            {kr(result().totals.net)}
          </dd>
        </div>
        <div>
          <dt>Nuvärde ({formatPercent(result().settings.discountRatePercent)})</dt>
          <dd data-testid="npv">{kr(result().totals.npv)}</dd>
        </div>
        <div>
          <dt>Återbetalningsår</dt>
          <dd data-testid="payback">{paybackText(result().paybackYear)}</dd>
        </div>
      </dl>

      <table class="figures" data-testid="year-table">
        <caption>Resultat per år ({props.unit})</caption>
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Kostnad</th>
            <th scope="col">Undvikna kostnader</th>
            <th scope="col">Netto</th>
            <th scope="col">Ackumulerat netto</th>
          </tr>
        </thead>
        <tbody>
          <For each={result().years}>
            {(y) => (
              <tr>
                <th scope="row">{y.year}</th>
                <td>{kr(y.cost)}</td>
                <td>{kr(y.avoided)}</td>
                <td classList={{ negative: y.net.isNegative() }}>{kr(y.net)}</td>
                <td classList={{ negative: y.cumulativeNet.isNegative() }}>{kr(y.cumulativeNet)}</td>
              </tr>
            )}
          </For>
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">Summa</th>
            <td>{kr(result().totals.cost)}</td>
            <td>{kr(result().totals.avoided)}</td>
            <td classList={{ negative: result().totals.net.isNegative() }}>{kr(result().totals.net)}</td>
            <td />
          </tr>
        </tfoot>
      </table>

      <table class="figures" data-testid="initiative-table">
        <caption>Kostnad per satsning ({props.unit})</caption>
        <thead>
          <tr>
            <th scope="col">Satsning</th>
            <For each={result().years}>{(y) => <th scope="col">{y.year}</th>}</For>
            <th scope="col">Summa</th>
          </tr>
        </thead>
        <tbody>
          <For each={result().initiatives}>
            {(initiative) => (
              <tr>
                <th scope="row">{initiativeName(initiative.id)}</th>
                <For each={initiative.years}>{(y) => <td>{kr(y.cost)}</td>}</For>
                <td>{kr(initiative.total)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>

      <Show when={result().effects.length > 0}>
        <table class="figures" data-testid="effect-table">
          <caption>Undvikna kostnader per effekt ({props.unit})</caption>
          <thead>
            <tr>
              <th scope="col">Effekt</th>
              <For each={result().years}>{(y) => <th scope="col">{y.year}</th>}</For>
              <th scope="col">Summa</th>
            </tr>
          </thead>
          <tbody>
            <For each={result().effects}>
              {(effect, i) => (
                <tr>
                  <th scope="row">{props.scenario.effects[i()] ? effectName(props.document, props.scenario.effects[i()]!) : ''}</th>
                  <For each={effect.years}>{(y) => <td classList={{ negative: y.avoided.isNegative() }}>{kr(y.avoided)}</td>}</For>
                  <td>{kr(effect.total)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>

      <Show when={result().breakEven.length > 0}>
        <h3>Vad kostnaden motsvarar</h3>
        <ul class="sentences" data-testid="break-even">
          <For each={result().breakEven.filter((b) => effectTypes().size === 0 || effectTypes().has(b.placementTypeId))}>
            {(b) => (
              <For each={b.years}>
                {(y) => (
                  <li>{breakEvenSentence(y.year, y.units, b.unit, typeName(b.placementTypeId))}</li>
                )}
              </For>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
