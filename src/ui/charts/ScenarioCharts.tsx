/**
 * A scenario's two charts, drawn as SVG: cumulative cost against cumulative avoided cost, and each
 * initiative's cost per year as stacked bars. Every figure comes from the evaluator through
 * domain/series; a Decimal becomes a number only to place something on the page. Each chart has
 * a table with the same figures, always read by screen readers, shown on request and in print.
 * Series differ in dash pattern, marker shape and hatching as well as colour, so that a
 * black-and-white printout can be read.
 */
import { createMemo, createSignal, createUniqueId, For, Index, Match, Show, Switch, type JSX } from 'solid-js';
import { type AmountUnit, type Decimal, formatMoney } from '../../domain/money';
import { evaluateScenario } from '../../domain/scenario';
import { chartSeries, valueAxis, type ChartSeries, type ValueAxis } from '../../domain/series';
import type { HemmaplanDocument, Scenario } from '../../domain/types';
import './charts.css';

/** The drawing's size in SVG units; charts.css caps the shown width at the same, so text keeps its size. */
const WIDTH = 720;
const LINE_HEIGHT = 320;
const BAR_HEIGHT = 340;
/** Rough width of a character of axis text (14 px), to leave room for the value labels. */
const CHAR_WIDTH = 8;

interface Frame {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Where a value lies on the vertical axis, in SVG units. */
function yOf(axis: ValueAxis, frame: Frame, value: Decimal): number {
  const share = axis.max.minus(value).div(axis.max.minus(axis.min)).toNumber();
  return frame.top + share * (frame.bottom - frame.top);
}

/** The centre of the n-th year's band, in SVG units. */
function xOf(frame: Frame, count: number, index: number): number {
  return frame.left + ((frame.right - frame.left) / count) * (index + 0.5);
}

/** Every how many years a year is written under the axis, so that the years do not collide. */
function yearLabelEvery(frame: Frame, count: number): number {
  const band = (frame.right - frame.left) / Math.max(1, count);
  return Math.max(1, Math.ceil((4 * CHAR_WIDTH + 12) / band));
}

function period(series: ChartSeries): string {
  const first = series.years[0];
  const last = series.years.at(-1);
  return first === last ? `${first}` : `${first}–${last}`;
}

/** The value axis: grid lines, tick labels, and a stronger line at zero. */
function ValueTicks(props: { axis: ValueAxis; frame: Frame; labels: string[] }) {
  return (
    <g class="chart-value-axis">
      <Index each={props.axis.ticks}>
        {(tick, i) => {
          const y = () => yOf(props.axis, props.frame, tick());
          return (
            <>
              <line class={tick().isZero() ? 'chart-zero' : 'chart-grid'} x1={props.frame.left} x2={props.frame.right} y1={y()} y2={y()} />
              <text class="chart-tick" x={props.frame.left - 8} y={y()} dy="0.35em" text-anchor="end">
                {props.labels[i]}
              </text>
            </>
          );
        }}
      </Index>
    </g>
  );
}

function YearTicks(props: { years: number[]; frame: Frame }) {
  const every = () => yearLabelEvery(props.frame, props.years.length);
  return (
    <g class="chart-year-axis">
      <Index each={props.years}>
        {(year, i) => (
          <Show when={i % every() === 0}>
            <line class="chart-axis" x1={xOf(props.frame, props.years.length, i)} x2={xOf(props.frame, props.years.length, i)} y1={props.frame.bottom} y2={props.frame.bottom + 5} />
            <text class="chart-tick" x={xOf(props.frame, props.years.length, i)} y={props.frame.bottom + 22} text-anchor="middle">
              {year()}
            </text>
          </Show>
        )}
      </Index>
    </g>
  );
}

/** The frame of a chart whose value labels are `labels`. */
function frameFor(labels: string[], height: number, right: number): Frame {
  const longest = Math.max(0, ...labels.map((l) => l.length));
  return { left: Math.max(48, longest * CHAR_WIDTH + 16), right: WIDTH - right, top: 18, bottom: height - 36 };
}

/**
 * A chart's table: hidden on screen until asked for, always read by screen readers, printed. When
 * shown it scrolls sideways if it is wider than the page, and can then be scrolled from the keyboard.
 */
function ChartTable(props: { caption: string; testId: string; children: JSX.Element }) {
  const [shown, setShown] = createSignal(false);
  const captionId = `chart-${createUniqueId()}-caption`;
  return (
    <>
      <details class="chart-toggle" onToggle={(event) => setShown(event.currentTarget.open)}>
        <summary>Visa som tabell</summary>
      </details>
      <div class="chart-table" role={shown() ? 'group' : undefined} aria-labelledby={shown() ? captionId : undefined} tabindex={shown() ? 0 : undefined}>
        <table class="figures" data-testid={props.testId}>
          <caption id={captionId}>{props.caption}</caption>
          {props.children}
        </table>
      </div>
    </>
  );
}

// ---------------------------------------------------------------------------------------------
// Cumulative cost and avoided cost

function CumulativeChart(props: { series: ChartSeries; unit: AmountUnit; paybackYear: number | null }) {
  const money = (value: Decimal) => formatMoney(value, props.unit);
  const axis = createMemo(() => valueAxis(props.series.cumulativeRange, props.unit));
  const labels = createMemo(() => axis().ticks.map((t) => formatMoney(t, props.unit, axis().decimals)));
  const frame = createMemo(() => frameFor(labels(), LINE_HEIGHT, 96));
  const count = () => props.series.years.length;
  const x = (i: number) => xOf(frame(), count(), i);
  const y = (value: Decimal) => yOf(axis(), frame(), value);
  const points = (pick: 'cost' | 'avoided') => props.series.cumulative.map((c, i) => `${x(i)},${y(c[pick])}`).join(' ');
  const last = () => props.series.cumulative.at(-1);
  // The names at the lines' ends, pushed apart when the ends lie close together.
  const endLabels = createMemo(() => {
    const end = last();
    if (!end) return null;
    const cost = y(end.cost);
    const avoided = y(end.avoided);
    const gap = 18;
    if (Math.abs(cost - avoided) >= gap) return { cost, avoided };
    const middle = (cost + avoided) / 2;
    const costAbove = cost < avoided || (cost === avoided && end.cost.gte(end.avoided));
    return costAbove ? { cost: middle - gap / 2, avoided: middle + gap / 2 } : { cost: middle + gap / 2, avoided: middle - gap / 2 };
  });
  const summary = () => {
    const end = last();
    if (!end) return 'Linjediagram utan år.';
    const payback =
      props.paybackYear === null
        ? 'De ackumulerade undvikna kostnaderna når inte upp till den ackumulerade kostnaden inom perioden.'
        : `De ackumulerade undvikna kostnaderna når upp till den ackumulerade kostnaden ${props.paybackYear}.`;
    return (
      `Linjediagram över ${period(props.series)}. Efter ${end.year} är den ackumulerade kostnaden ${money(end.cost)} ` +
      `och de ackumulerade undvikna kostnaderna ${money(end.avoided)}. ${payback} Siffrorna per år finns i tabellen under diagrammet.`
    );
  };

  return (
    <figure class="chart" data-testid="cumulative-chart">
      <figcaption>Ackumulerad kostnad och ackumulerade undvikna kostnader ({props.unit})</figcaption>
      <ul class="chart-legend" aria-hidden="true">
        <li>
          <svg width="40" height="16" viewBox="0 0 40 16">
            <line class="chart-line chart-line-cost" x1="2" x2="38" y1="8" y2="8" />
            <rect class="chart-marker-cost" x="16" y="4" width="8" height="8" />
          </svg>
          Ackumulerad kostnad
        </li>
        <li>
          <svg width="40" height="16" viewBox="0 0 40 16">
            <line class="chart-line chart-line-avoided" x1="2" x2="38" y1="8" y2="8" />
            <circle class="chart-marker-avoided" cx="20" cy="8" r="4.5" />
          </svg>
          Ackumulerade undvikna kostnader
        </li>
      </ul>
      <svg class="chart-svg" role="img" aria-label={summary()} width={WIDTH} height={LINE_HEIGHT} viewBox={`0 0 ${WIDTH} ${LINE_HEIGHT}`}>
        <ValueTicks axis={axis()} frame={frame()} labels={labels()} />
        <YearTicks years={props.series.years} frame={frame()} />
        <polyline class="chart-line chart-line-cost" points={points('cost')} />
        <polyline class="chart-line chart-line-avoided" points={points('avoided')} />
        <Index each={props.series.cumulative}>
          {(c, i) => (
            <>
              <rect class="chart-marker-cost" x={x(i) - 4.5} y={y(c().cost) - 4.5} width="9" height="9" />
              <circle class="chart-marker-avoided" cx={x(i)} cy={y(c().avoided)} r="4.5" />
            </>
          )}
        </Index>
        <Show when={endLabels()}>
          {(ends) => (
            <>
              <text class="chart-end-label" x={x(count() - 1) + 12} y={ends().cost} dy="0.35em">
                Kostnad
              </text>
              <text class="chart-end-label" x={x(count() - 1) + 12} y={ends().avoided} dy="0.35em">
                Undvikna
              </text>
            </>
          )}
        </Show>
      </svg>
      <ChartTable caption={`Ackumulerad kostnad och ackumulerade undvikna kostnader per år (${props.unit})`} testId="cumulative-table">
        <thead>
          <tr>
            <th scope="col">År</th>
            <th scope="col">Ackumulerad kostnad</th>
            <th scope="col">Ackumulerade undvikna kostnader</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.series.cumulative}>
            {(c) => (
              <tr>
                <th scope="row">{c.year}</th>
                <td>{money(c.cost)}</td>
                <td>{money(c.avoided)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </ChartTable>
    </figure>
  );
}

// ---------------------------------------------------------------------------------------------
// Cost per initiative and year

/** Hatchings told apart without colour; an initiative's pattern is its place in the scenario, modulo their number. */
const HATCHES = ['diagonal', 'dots', 'horizontal', 'solid', 'cross', 'vertical', 'plain', 'backdiagonal'] as const;

/** A fill of tone and hatching number `index`, 8 × 8 units, coloured by charts.css. */
function Hatch(props: { id: string; index: number }) {
  const hatch = () => HATCHES[props.index % HATCHES.length]!;
  return (
    <pattern id={props.id} class={`chart-tone chart-tone-${props.index % HATCHES.length}`} width="8" height="8" patternUnits="userSpaceOnUse">
      <rect class={hatch() === 'solid' ? 'chart-hatch-solid' : 'chart-hatch-ground'} width="8" height="8" />
      <Switch>
        <Match when={hatch() === 'diagonal'}>
          <path class="chart-hatch-line" d="M-2,2 l4,-4 M0,8 l8,-8 M6,10 l4,-4" />
        </Match>
        <Match when={hatch() === 'backdiagonal'}>
          <path class="chart-hatch-line" d="M-2,6 l4,4 M0,0 l8,8 M6,-2 l4,4" />
        </Match>
        <Match when={hatch() === 'horizontal'}>
          <path class="chart-hatch-line" d="M0,4 h8" />
        </Match>
        <Match when={hatch() === 'vertical'}>
          <path class="chart-hatch-line" d="M4,0 v8" />
        </Match>
        <Match when={hatch() === 'cross'}>
          <path class="chart-hatch-line" d="M0,4 h8 M4,0 v8" />
        </Match>
        <Match when={hatch() === 'dots'}>
          <circle class="chart-hatch-dot" cx="4" cy="4" r="1.8" />
        </Match>
      </Switch>
    </pattern>
  );
}

function InitiativeCostChart(props: { series: ChartSeries; unit: AmountUnit; name: (id: string) => string; total: Decimal }) {
  const uid = createUniqueId();
  const hatchId = (index: number) => `chart-${uid}-hatch-${index}`;
  const money = (value: Decimal) => formatMoney(value, props.unit);
  const axis = createMemo(() => valueAxis(props.series.stackRange, props.unit));
  const labels = createMemo(() => axis().ticks.map((t) => formatMoney(t, props.unit, axis().decimals)));
  const frame = createMemo(() => frameFor(labels(), BAR_HEIGHT, 16));
  const count = () => props.series.years.length;
  const band = () => (frame().right - frame().left) / Math.max(1, count());
  const barWidth = () => Math.min(72, band() * 0.62);
  const y = (value: Decimal) => yOf(axis(), frame(), value);
  // Each year's total is written above its bar when every total has room (13 px text).
  const showTotals = () => props.series.stacks.every((s) => money(s.total).length * 7.5 + 6 <= band());
  const summary = () => {
    const names = props.series.initiatives.map((i) => props.name(i.id)).join(', ');
    const totals = props.series.stacks.map((s) => `${s.year}: ${money(s.total)}`).join('; ');
    const count = props.series.initiatives.length;
    return (
      `Staplat stapeldiagram över ${period(props.series)} med ${count === 1 ? 'en satsning' : `${count} satsningar`}: ${names}. ` +
      `Kostnad per år för satsningarna tillsammans: ${totals}. Siffrorna per satsning finns i tabellen under diagrammet.`
    );
  };

  return (
    <figure class="chart" data-testid="initiative-chart">
      <figcaption>Kostnad per satsning och år ({props.unit})</figcaption>
      <Show when={props.series.initiatives.length > 0} fallback={<p class="muted">Scenariot har inga satsningar att visa.</p>}>
        <>
          <ul class="chart-legend" aria-hidden="true">
            <Index each={props.series.initiatives}>
              {(initiative, i) => (
                <li>
                  <svg width="28" height="18" viewBox="0 0 28 18">
                    <defs>
                      <Hatch id={`${hatchId(i)}-legend`} index={i} />
                    </defs>
                    <rect class="chart-segment" x="0.5" y="0.5" width="27" height="17" fill={`url(#${hatchId(i)}-legend)`} />
                  </svg>
                  {props.name(initiative().id)}
                </li>
              )}
            </Index>
          </ul>
          <svg class="chart-svg" role="img" aria-label={summary()} width={WIDTH} height={BAR_HEIGHT} viewBox={`0 0 ${WIDTH} ${BAR_HEIGHT}`}>
            <defs>
              <Index each={props.series.initiatives}>{(_, i) => <Hatch id={hatchId(i)} index={i} />}</Index>
            </defs>
            <ValueTicks axis={axis()} frame={frame()} labels={labels()} />
            <YearTicks years={props.series.years} frame={frame()} />
            <Index each={props.series.stacks}>
              {(stack, yearIndex) => {
                const cx = () => xOf(frame(), count(), yearIndex);
                return (
                  <g>
                    <Index each={stack().segments}>
                      {(segment, i) => (
                        <Show when={!segment().cost.isZero()}>
                          <rect
                            class="chart-segment"
                            x={cx() - barWidth() / 2}
                            y={Math.min(y(segment().from), y(segment().to))}
                            width={barWidth()}
                            height={Math.abs(y(segment().from) - y(segment().to))}
                            fill={`url(#${hatchId(i)})`}
                          />
                        </Show>
                      )}
                    </Index>
                    <Show when={showTotals()}>
                      <text class="chart-total" x={cx()} y={y(stack().top) - 6} text-anchor="middle">
                        {money(stack().total)}
                      </text>
                    </Show>
                  </g>
                );
              }}
            </Index>
          </svg>
          <ChartTable caption={`Kostnad per satsning och år (${props.unit})`} testId="initiative-cost-table">
            <thead>
              <tr>
                <th scope="col">Satsning</th>
                <For each={props.series.years}>{(year) => <th scope="col">{year}</th>}</For>
                <th scope="col">Summa</th>
              </tr>
            </thead>
            <tbody>
              <For each={props.series.initiatives}>
                {(initiative) => (
                  <tr>
                    <th scope="row">{props.name(initiative.id)}</th>
                    <For each={initiative.years}>{(y) => <td>{money(y.cost)}</td>}</For>
                    <td>{money(initiative.total)}</td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Summa</th>
                <For each={props.series.stacks}>{(s) => <td>{money(s.total)}</td>}</For>
                <td>{money(props.total)}</td>
              </tr>
            </tfoot>
          </ChartTable>
        </>
      </Show>
    </figure>
  );
}

// ---------------------------------------------------------------------------------------------

/** The charts of a scenario, evaluated from the current data. */
export function ScenarioCharts(props: { document: HemmaplanDocument; scenario: Scenario; unit: AmountUnit }) {
  const result = createMemo(() => evaluateScenario(props.document, props.scenario));
  const series = createMemo(() => chartSeries(result()));
  const initiativeName = (id: string) => props.document.initiatives.find((i) => i.id === id)?.name ?? id;

  return (
    <div class="scenario-charts print-section" data-testid="scenario-charts">
      <h3>Diagram</h3>
      <CumulativeChart series={series()} unit={props.unit} paybackYear={result().paybackYear} />
      <InitiativeCostChart series={series()} unit={props.unit} name={initiativeName} total={result().totals.cost} />
    </div>
  );
}
