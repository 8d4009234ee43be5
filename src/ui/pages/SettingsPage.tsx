import { createSignal, For, Show } from 'solid-js';
import { useApp } from '../context';
import type { AmountUnit } from '../../domain/money';
import { NumberField } from '../components/NumberField';
import type { Settings } from '../../domain/types';
import { fieldIssueMessage } from '../../exchange/reader';
import { confirmFreeText, selectPersonalNumber } from '../components/PersonalDataDialog';

type PercentField = 'payrollOverheadPercent' | 'salaryGrowthPercent' | 'priceGrowthPercent' | 'discountRatePercent';

const PERCENT_FIELDS: { field: PercentField; label: string; help: string }[] = [
  { field: 'payrollOverheadPercent', label: 'PO-pålägg (%)', help: 'Arbetsgivarens kostnader ovanpå lönen. SKR:s pålägg för kommuner 2023: 44,53 % (31,42 % lagstadgade avgifter, 0,13 % avtalsförsäkringar och 12,98 % avtalspension); 2021 var det 40,15 %.' },
  { field: 'salaryGrowthPercent', label: 'Löneökning per år (%)', help: 'Räknar upp lönekostnader från basåret.' },
  { field: 'priceGrowthPercent', label: 'Prisökning per år, PKV (%)', help: 'Räknar upp övriga kostnader och placeringspriser.' },
  { field: 'discountRatePercent', label: 'Diskonteringsränta (%)', help: 'Används för nuvärdet av scenariernas netto.' },
];

const UNITS: { unit: AmountUnit; label: string }[] = [
  { unit: 'kr', label: 'kronor (1 234 567 kr)' },
  { unit: 'tkr', label: 'tusental kronor (1 235 tkr)' },
  { unit: 'mnkr', label: 'miljoner kronor (1,2 mnkr)' },
];

/** Inställningar: the document's settings, each saved when the field is left, and the display unit. */
export function SettingsPage() {
  const app = useApp();
  const settings = () => app.current()!.document.settings;
  const [messages, setMessages] = createSignal<Record<string, string>>({});
  const setMessage = (field: string, message: string) => setMessages((m) => ({ ...m, [field]: message }));

  /** Saves the settings; returns (and shows for the non-number fields) a message when refused. */
  async function save(field: string, change: (current: Settings) => Settings): Promise<string | undefined> {
    let message = '';
    try {
      const outcome = await app.store.saveSettings(change);
      message = outcome.ok ? '' : fieldIssueMessage(outcome.issues[0]!);
    } catch (error) {
      message = `Ändringen kunde inte sparas: ${error instanceof Error ? error.message : String(error)}`;
    } finally {
      app.touchHistory();
    }
    setMessage(field, message);
    return message || undefined;
  }

  function baseYearChanged(text: string, input: HTMLInputElement) {
    const trimmed = text.trim();
    if (trimmed === '') {
      return void save('baseYear', ({ baseYear: _removed, ...rest }) => rest);
    }
    if (!/^\d{4}$/.test(trimmed)) {
      setMessage('baseYear', 'Skriv basåret med fyra siffror, till exempel 2026, eller lämna fältet tomt för scenariots startår.');
      input.focus();
      return;
    }
    void save('baseYear', (current) => ({ ...current, baseYear: Number(trimmed) }));
  }

  const message = (field: string) => messages()[field] ?? '';

  return (
    <>
      <h1>Inställningar</h1>
      <p class="lead">Antaganden som gäller alla scenarier. Ett scenario kan ha egna värden som gäller före dessa.</p>
      <form class="settings" onSubmit={(e) => e.preventDefault()}>
        <div class="form-field">
          <label for="organisation">Organisation</label>
          <input
            id="organisation"
            value={settings().organisation}
            onChange={async (e) => {
              const input = e.currentTarget;
              const organisation = input.value;
              if (!(await confirmFreeText([organisation]))) {
                setMessage('organisation', 'Organisationen sparades inte. Ändra texten och lämna fältet för att spara.');
                selectPersonalNumber(input);
                return;
              }
              void save('organisation', (current) => ({ ...current, organisation }));
            }}
          />
          <p class="help">Visas på exporterna, till exempel ”Borgholms kommun, socialnämnden”.</p>
          <Show when={message('organisation')}>
            <p class="field-error" role="alert">{message('organisation')}</p>
          </Show>
        </div>
        <For each={PERCENT_FIELDS}>
          {({ field, label, help }) => (
            <NumberField
              id={field}
              label={label}
              help={help}
              kind="percent"
              value={settings()[field]}
              onCommit={(value) => save(field, (current) => ({ ...current, [field]: value! }))}
            />
          )}
        </For>
        <div class="form-field">
          <label for="baseYear">Basår</label>
          <input
            id="baseYear"
            inputmode="numeric"
            value={settings().baseYear ?? ''}
            placeholder="scenariots startår"
            aria-invalid={message('baseYear') ? 'true' : 'false'}
            aria-describedby="baseYear-help baseYear-error"
            onChange={(e) => baseYearChanged(e.currentTarget.value, e.currentTarget)}
          />
          <p class="help" id="baseYear-help">Året vars löne- och prisnivå beloppen är angivna i. Tomt: varje scenarios startår.</p>
          <p class="field-error" id="baseYear-error" role="alert">{message('baseYear')}</p>
        </div>
        <fieldset class="form-field">
          <legend>Visa belopp i</legend>
          <For each={UNITS}>
            {({ unit, label }) => (
              <label class="radio">
                <input type="radio" name="amountUnit" value={unit} checked={app.amountUnit() === unit} onChange={() => void app.setAmountUnit(unit)} />
                {label}
              </label>
            )}
          </For>
        </fieldset>
      </form>
    </>
  );
}
