import { A } from '@solidjs/router';
import { createMemo, createSignal, For, Index, Show } from 'solid-js';
import { useApp } from '../context';
import { compareResults, type ComparedScenario, type ResultDifference } from '../../domain/comparison';
import { type Decimal, formatMoney, formatPercent } from '../../domain/money';
import { evaluateScenario, type ScenarioResult } from '../../domain/scenario';
import type { Scenario } from '../../domain/types';
import { paybackText } from '../../exchange/labels';

/** How many scenarios can be compared at once. */
const SLOTS = 4;
/** The value of "(inget)" in a slot. */
const NONE = '';

type Total = keyof ScenarioResult['totals'];

const TOTAL_ROWS: { key: Total; label: string }[] = [
  { key: 'cost', label: 'Total kostnad' },
  { key: 'avoided', label: 'Undvikna kostnader' },
  { key: 'net', label: 'Netto' },
  { key: 'npv', label: 'Nuvärde' },
];

const PAYBACK_LABEL = 'Återbetalningsår';

/** A difference in payback years as words: "2 år tidigare", "samma år". */
function paybackDifferenceText(years: number | null): string {
  if (years === null) return 'Kan inte jämföras';
  if (years === 0) return 'Samma år';
  return years < 0 ? `${Math.abs(years)} år tidigare` : `${years} år senare`;
}

/** Two to four scenarios side by side: key figures, net per year, and each one's difference to the first. */
export function ComparePage() {
  const app = useApp();
  const document = () => app.current()!.document;
  const kr = (value: Decimal) => formatMoney(value, app.amountUnit());

  // What the user picked in each slot; undefined means the slot's default (the first and the second
  // scenario in the first two slots, "(inget)" in the others).
  const [picked, setPicked] = createSignal<(string | undefined)[]>(Array.from({ length: SLOTS }, () => undefined));
  const defaultOf = (slot: number) => (slot < 2 ? (document().scenarios[slot]?.id ?? NONE) : NONE);
  /** The scenario id shown in a slot; a picked scenario that no longer exists gives way to the default. */
  const slotValue = (slot: number): string => {
    const id = picked()[slot];
    if (id === undefined) return defaultOf(slot);
    return id === NONE || document().scenarios.some((s) => s.id === id) ? id : defaultOf(slot);
  };
  const pick = (slot: number, id: string) => setPicked((current) => current.map((value, i) => (i === slot ? id : value)));

  const slotIds = createMemo(() => Array.from({ length: SLOTS }, (_, slot) => slotValue(slot)).filter((id) => id !== NONE));
  /** The chosen scenarios in slot order, each once. */
  const chosen = createMemo((): Scenario[] => {
    const byId = new Map(document().scenarios.map((s) => [s.id, s]));
    return [...new Set(slotIds())].map((id) => byId.get(id)).filter((s): s is Scenario => s !== undefined);
  });
  const comparison = createMemo(() => compareResults(chosen().map((scenario) => evaluateScenario(document(), scenario))));
  const base = () => comparison().scenarios[0];
  const others = () => comparison().scenarios.slice(1);

  return (
    <>
      <h1>Jämför</h1>
      <p class="lead no-print">
        Ställ två till fyra scenarier bredvid varandra: nyckeltal, netto per år och hur varje scenario skiljer sig från det första. Alla
        belopp räknas fram här i webbläsaren från uppgifterna du har matat in.
      </p>
      <Show
        when={document().scenarios.length >= 2}
        fallback={
          <p data-testid="compare-too-few">
            Det behövs minst två scenarier för att jämföra, och det finns {document().scenarios.length === 0 ? 'inget' : 'bara ett'}. Lägg
            till ett scenario under <A href="/scenarier">Scenarier</A>.
          </p>
        }
      >
        <fieldset class="compare-choice no-print">
          <legend>Scenarier att jämföra</legend>
          <p class="help" id="jamfor-hjalp">
            Välj två till fyra scenarier. Skillnaderna räknas mot scenario 1.
          </p>
          <Index each={Array.from({ length: SLOTS }, (_, slot) => slot)}>
            {(slot) => (
              <div class="field">
                <label for={`jamfor-scenario-${slot() + 1}`}>{slot() === 0 ? 'Scenario 1 (utgångspunkt)' : `Scenario ${slot() + 1}`}</label>
                <select
                  id={`jamfor-scenario-${slot() + 1}`}
                  value={slotValue(slot())}
                  onChange={(e) => pick(slot(), e.currentTarget.value)}
                  aria-describedby="jamfor-hjalp"
                  data-testid={`compare-slot-${slot() + 1}`}
                >
                  <Show when={slot() > 0}>
                    <option value={NONE}>(inget)</option>
                  </Show>
                  <For each={document().scenarios}>{(option) => <option value={option.id}>{option.name}</option>}</For>
                </select>
              </div>
            )}
          </Index>
          <Show when={slotIds().length > new Set(slotIds()).size}>
            <p class="help">Ett scenario som är valt mer än en gång visas en gång.</p>
          </Show>
        </fieldset>

        <Show
          when={comparison().scenarios.length >= 2}
          fallback={<p data-testid="compare-choose-more">Välj minst två olika scenarier att jämföra.</p>}
        >
          <section aria-labelledby="jamfor-nyckeltal" class="compare-section print-section">
            <h2 id="jamfor-nyckeltal">Nyckeltal</h2>
            <div class="table-scroll">
              <table class="figures compare" data-testid="compare-key-figures">
                <caption>Nyckeltal per scenario</caption>
                <ScenarioHeader scenarios={comparison().scenarios} first="Nyckeltal" />
                <tbody>
                  <tr data-key="period">
                    <th scope="row">Period</th>
                    <For each={comparison().scenarios}>
                      {(s) => (
                        <td>
                          {s.result.startYear}–{s.result.endYear}
                        </td>
                      )}
                    </For>
                  </tr>
                  <tr data-key="discountRate">
                    <th scope="row">Diskonteringsränta</th>
                    <For each={comparison().scenarios}>{(s) => <td>{formatPercent(s.result.settings.discountRatePercent)}</td>}</For>
                  </tr>
                  <For each={TOTAL_ROWS}>
                    {(row) => (
                      <tr data-key={row.key}>
                        <th scope="row">{row.label}</th>
                        <For each={comparison().scenarios}>
                          {(s) => <td classList={{ negative: s.result.totals[row.key].isNegative() }}>{kr(s.result.totals[row.key])}</td>}
                        </For>
                      </tr>
                    )}
                  </For>
                  <tr data-key="payback">
                    <th scope="row">{PAYBACK_LABEL}</th>
                    <For each={comparison().scenarios}>{(s) => <td>{paybackText(s.result.paybackYear)}</td>}</For>
                  </tr>
                </tbody>
              </table>
            </div>

            <div class="table-scroll">
              <table class="figures compare" data-testid="compare-key-differences">
                <caption>Skillnad mot {base()?.result.name}</caption>
                <ScenarioHeader scenarios={others()} first="Nyckeltal" />
                <tbody>
                  <For each={TOTAL_ROWS}>
                    {(row) => (
                      <tr data-key={row.key}>
                        <th scope="row">{row.label}</th>
                        <For each={others()}>
                          {(s) => <AmountCell value={differenceOf(s).totals[row.key]} format={kr} />}
                        </For>
                      </tr>
                    )}
                  </For>
                  <tr data-key="payback">
                    <th scope="row">{PAYBACK_LABEL}</th>
                    <For each={others()}>{(s) => <td>{paybackDifferenceText(differenceOf(s).paybackYears)}</td>}</For>
                  </tr>
                </tbody>
              </table>
            </div>
          </section>

          <section aria-labelledby="jamfor-per-ar" class="compare-section print-section">
            <h2 id="jamfor-per-ar">Netto per år</h2>
            <p class="help">En tom ruta betyder att året ligger utanför scenariots period.</p>
            <div class="table-scroll">
              <table class="figures compare" data-testid="compare-yearly-net">
                <caption>Netto per år och scenario</caption>
                <ScenarioHeader scenarios={comparison().scenarios} first="År" />
                <tbody>
                  <For each={comparison().years}>
                    {(year, i) => (
                      <tr data-year={year}>
                        <th scope="row">{year}</th>
                        <For each={comparison().scenarios}>{(s) => <AmountCell value={s.net[i()] ?? null} format={kr} />}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>

            <div class="table-scroll">
              <table class="figures compare" data-testid="compare-yearly-differences">
                <caption>Netto per år: skillnad mot {base()?.result.name}</caption>
                <ScenarioHeader scenarios={others()} first="År" />
                <tbody>
                  <For each={comparison().years}>
                    {(year, i) => (
                      <tr data-year={year}>
                        <th scope="row">{year}</th>
                        <For each={others()}>{(s) => <AmountCell value={differenceOf(s).years[i()]?.net ?? null} format={kr} />}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </section>
        </Show>
      </Show>
    </>
  );
}

/** The difference of a scenario that is not the first; compareResults gives one to every such scenario. */
function differenceOf(s: ComparedScenario): ResultDifference {
  if (!s.difference) throw new Error(`No difference for ${s.result.id}`);
  return s.difference;
}

function ScenarioHeader(props: { scenarios: ComparedScenario[]; first: string }) {
  return (
    <thead>
      <tr>
        <th scope="col">{props.first}</th>
        <For each={props.scenarios}>{(s) => <th scope="col">{s.result.name}</th>}</For>
      </tr>
    </thead>
  );
}

/** An amount, red when negative; an empty cell when there is none. */
function AmountCell(props: { value: Decimal | null; format: (value: Decimal) => string }) {
  return (
    <td classList={{ negative: props.value?.isNegative() ?? false }}>
      <Show when={props.value}>{(value) => props.format(value())}</Show>
    </td>
  );
}
