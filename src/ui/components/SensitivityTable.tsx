import { createMemo, For } from 'solid-js';
import { type AmountUnit, formatMoney } from '../../domain/money';
import { sensitivity, type SensitivityKey } from '../../domain/sensitivity';
import type { HemmaplanDocument, Scenario } from '../../domain/types';
import { paybackText } from '../../exchange/labels';

const CASE_LABELS: Record<SensitivityKey, string> = {
  'effects-50': 'Effekter 50\u00a0%',
  'effects-75': 'Effekter 75\u00a0%',
  'effects-100': 'Effekter 100\u00a0% (beräknat)',
  'effects-125': 'Effekter 125\u00a0%',
  'costs-110': 'Kostnader +10\u00a0%',
};

/** A scenario's net, present value and payback year when the effects or the costs turn out otherwise than estimated. */
export function SensitivityTable(props: { document: HemmaplanDocument; scenario: Scenario; unit: AmountUnit }) {
  const cases = createMemo(() => sensitivity(props.document, props.scenario));
  const kr = (value: Parameters<typeof formatMoney>[0]) => formatMoney(value, props.unit);

  return (
    <table class="figures sensitivity print-section" data-testid="sensitivity-table">
      <caption>Känslighet: om effekterna blir större eller mindre än beräknat</caption>
      <thead>
        <tr>
          <th scope="col">Fall</th>
          <th scope="col">Netto</th>
          <th scope="col">Nuvärde</th>
          <th scope="col">Återbetalningsår</th>
        </tr>
      </thead>
      <tbody>
        <For each={cases()}>
          {(c) => (
            <tr data-key={c.key} classList={{ baseline: c.key === 'effects-100' }}>
              <th scope="row">{CASE_LABELS[c.key]}</th>
              <td classList={{ negative: c.result.totals.net.isNegative() }}>{kr(c.result.totals.net)}</td>
              <td classList={{ negative: c.result.totals.npv.isNegative() }}>{kr(c.result.totals.npv)}</td>
              <td>{paybackText(c.result.paybackYear)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
