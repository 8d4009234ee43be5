import { For, Show } from 'solid-js';
import type { PersonalDataWarning } from '../../exchange/personal-data';

const SHOWN = 50;

/** The import preview's warning: where a file's free text seems to hold a personnummer or samordningsnummer. */
export function PersonalDataList(props: { warnings: readonly PersonalDataWarning[] }) {
  return (
    <Show when={props.warnings.length > 0}>
      <div class="personal-data-list" data-testid="personal-data-warnings">
        <h4>Filen ser ut att innehålla personnummer</h4>
        <p>
          Hemmaplan är till för planer, inte för uppgifter om enskilda personer. De här texterna i filen ser ut att innehålla ett
          personnummer eller samordningsnummer. Ta bort numren i filen innan du importerar, eller importera ändå om det inte är
          personnummer.
        </p>
        <ul>
          <For each={props.warnings.slice(0, SHOWN)}>
            {(warning) => (
              <li>
                {warning.location}: {[...new Set(warning.matches.map((m) => m.text))].join(', ')}
              </li>
            )}
          </For>
        </ul>
        <Show when={props.warnings.length > SHOWN}>
          <p>… och {props.warnings.length - SHOWN} texter till.</p>
        </Show>
      </div>
    </Show>
  );
}
