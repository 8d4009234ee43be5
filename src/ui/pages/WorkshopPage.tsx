import { A, useParams } from '@solidjs/router';
import { createMemo, createSignal, For, onCleanup, onMount, Show } from 'solid-js';
import { useApp } from '../context';
import { Decimal, formatDecimal, formatMoney, formatNumber } from '../../domain/money';
import { evaluateScenario } from '../../domain/scenario';
import { effectYear, withEffectYear } from '../../domain/effects';
import type { Effect } from '../../domain/types';
import { paybackText, PLACEMENT_UNIT_PLURAL } from '../../exchange/labels';
import { updateScenario } from './scenarioEditing';
import { historyCallbacks } from './editing';

const ONE = new Decimal(1);
const ZERO = new Decimal(0);

/**
 * The workshop view: one scenario for a projector. Large figures, and a stepper per effect and
 * year for the number of placements; each step is saved like any edit and can be undone.
 */
export function WorkshopPage() {
  const app = useApp();
  const params = useParams<{ id: string }>();
  const data = () => app.current()!.document;
  const scenario = createMemo(() => data().scenarios.find((s) => s.id === params.id));
  const result = createMemo(() => {
    const s = scenario();
    return s && evaluateScenario(data(), s);
  });
  const [message, setMessage] = createSignal('');
  const history = historyCallbacks(app);
  const unit = () => app.amountUnit();
  const typeOf = (id: string) => data().placementTypes.find((t) => t.id === id);

  /** "90 vårddygn", or the span of units per placement when the years differ. */
  function unitsText(effect: Effect): string {
    const plural = PLACEMENT_UNIT_PLURAL[typeOf(effect.fromPlacementTypeId)?.unit ?? 'day'];
    const units = [...new Set(effect.perYear.map((e) => formatDecimal(e.unitsPerPlacement, 2)))];
    return units.length === 0 ? plural : `${units.join(' / ')} ${plural}`;
  }

  /** Break-even for the placement types the scenario's effects avoid: what each year's cost equals. */
  const breakEven = createMemo(() => {
    const avoidedTypes = new Set(scenario()?.effects.map((e) => e.fromPlacementTypeId));
    return (result()?.breakEven ?? []).filter((b) => avoidedTypes.has(b.placementTypeId));
  });

  function effectName(effect: Effect): string {
    const from = typeOf(effect.fromPlacementTypeId)?.name ?? effect.fromPlacementTypeId;
    return effect.label ?? from;
  }

  /** One more or one fewer placement in a year, counted from what is stored when it is saved. */
  async function step(effect: Effect, year: number, delta: Decimal) {
    const outcome = await updateScenario(app, params.id, (scenario) => ({
      ...scenario,
      effects: scenario.effects.map((e) => {
        if (e.id !== effect.id) return e;
        const current = effectYear(e, year)?.placements ?? ZERO;
        return withEffectYear(e, year, 'placements', Decimal.max(ZERO, current.plus(delta)));
      }),
    }));
    setMessage(outcome.ok ? '' : outcome.message);
  }

  async function run(action: () => Promise<{ ok: boolean; message?: string }>) {
    const outcome = await action();
    setMessage(outcome.ok ? '' : (outcome.message ?? ''));
  }

  const onKeyDown = (event: KeyboardEvent) => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 'z' && !event.shiftKey) void run(history.onUndo);
    else if (key === 'y' || (key === 'z' && event.shiftKey)) void run(history.onRedo);
    else return;
    event.preventDefault();
  };
  onMount(() => window.addEventListener('keydown', onKeyDown));
  onCleanup(() => window.removeEventListener('keydown', onKeyDown));

  let root!: HTMLDivElement;
  const fullScreen = () => void (document.fullscreenElement ? document.exitFullscreen() : root.requestFullscreen?.());

  return (
    <Show when={scenario() && result()} fallback={<p>Scenariot finns inte. <A href="/scenarier">Till Scenarier</A></p>}>
      <div class="workshop" ref={root}>
        <div class="workshop-bar">
          <A href="/scenarier">← Tillbaka till Scenarier</A>
          <div class="workshop-actions">
            <button type="button" onClick={() => void run(history.onUndo)} disabled={!history.canUndo()}>
              Ångra
            </button>
            <button type="button" onClick={() => void run(history.onRedo)} disabled={!history.canRedo()}>
              Gör om
            </button>
            <button type="button" onClick={fullScreen}>
              Helskärm
            </button>
          </div>
        </div>
        <h1>{scenario()!.name}</h1>
        <p class="workshop-period">
          {result()!.startYear}–{result()!.endYear}
        </p>
        <dl class="workshop-figures">
          <div>
            <dt>Kostnad</dt>
            <dd data-testid="workshop-cost">{formatMoney(result()!.totals.cost, unit())}</dd>
          </div>
          <div>
            <dt>Undvikna kostnader</dt>
            <dd data-testid="workshop-avoided">{formatMoney(result()!.totals.avoided, unit())}</dd>
          </div>
          <div>
            <dt>Netto</dt>
            <dd data-testid="workshop-net">{formatMoney(result()!.totals.net, unit())}</dd>
          </div>
          <div>
            <dt>Återbetalningsår</dt>
            <dd data-testid="workshop-payback">{paybackText(result()!.paybackYear)}</dd>
          </div>
        </dl>
        <table class="workshop-table">
          <caption>Placeringar per år som satsningarna väntas undvika</caption>
          <thead>
            <tr>
              <th scope="col">Effekt</th>
              <For each={result()!.years}>{(y) => <th scope="col">{y.year}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={scenario()!.effects}>
              {(effect) => (
                <tr>
                  <th scope="row">
                    {effectName(effect)}
                    <span class="workshop-unit">
                      {' '}
                      (antal placeringar à {unitsText(effect)})
                    </span>
                  </th>
                  <For each={result()!.years}>
                    {(y) => {
                      const placements = () => effectYear(effect, y.year)?.placements ?? ZERO;
                      const label = `${effectName(effect)} ${y.year}`;
                      return (
                        <td>
                          <div class="stepper" role="group" aria-label={`Placeringar ${label}`}>
                            <button type="button" aria-label={`Minska placeringar ${label}`} disabled={placements().isZero()} onClick={() => void step(effect, y.year, ONE.neg())}>
                              −
                            </button>
                            <output data-testid={`stepper-${effect.id}-${y.year}`}>{formatDecimal(placements(), 2)}</output>
                            <button type="button" aria-label={`Öka placeringar ${label}`} onClick={() => void step(effect, y.year, ONE)}>
                              +
                            </button>
                          </div>
                        </td>
                      );
                    }}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Netto per år</th>
              <For each={result()!.years}>{(y) => <td>{formatMoney(y.net, unit())}</td>}</For>
            </tr>
            <tr>
              <th scope="row">Ackumulerat netto</th>
              <For each={result()!.years}>{(y) => <td>{formatMoney(y.cumulativeNet, unit())}</td>}</For>
            </tr>
            <For each={breakEven()}>
              {(b) => (
                <tr data-testid={`workshop-break-even-${b.placementTypeId}`}>
                  <th scope="row">
                    Kostnaden motsvarar
                    <span class="workshop-unit">
                      {' '}
                      ({PLACEMENT_UNIT_PLURAL[b.unit]} på {typeOf(b.placementTypeId)?.name ?? b.placementTypeId})
                    </span>
                  </th>
                  <For each={b.years}>{(y) => <td>{formatNumber(y.units)}</td>}</For>
                </tr>
              )}
            </For>
          </tfoot>
        </table>
        <p class="workshop-message" role="alert">
          {message()}
        </p>
      </div>
    </Show>
  );
}
