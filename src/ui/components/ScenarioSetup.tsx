import { For, Show, createSignal } from 'solid-js';
import { Decimal, type ParseResult } from '../../domain/money';
import type { HemmaplanDocument, Initiative, Scenario, SettingsOverrides } from '../../domain/types';
import { useApp } from '../context';
import { updateScenario } from '../pages/scenarioEditing';
import { NumberField } from './NumberField';
import { type CellParse, parseIntegerCell, parseYearCell } from '../grid/columns';

type OverrideField = 'payrollOverheadPercent' | 'salaryGrowthPercent' | 'priceGrowthPercent' | 'discountRatePercent';

const OVERRIDES: { field: OverrideField; label: string }[] = [
  { field: 'payrollOverheadPercent', label: 'PO-pålägg (%)' },
  { field: 'salaryGrowthPercent', label: 'Löneökning per år (%)' },
  { field: 'priceGrowthPercent', label: 'Prisökning per år (%)' },
  { field: 'discountRatePercent', label: 'Diskonteringsränta (%)' },
];

/** A whole number read by one of the grid's parsers, as the Decimal a NumberField takes (a field that is not optional always gets one). */
function asDecimal(read: CellParse<number | null>, message?: string): ParseResult {
  if (!read.ok) return { ok: false, message: message ?? read.message };
  return { ok: true, value: new Decimal(read.value!) };
}

/** The start year as the grid's year column reads it, with its message ("… som ett årtal"). */
const readYear = (text: string) => asDecimal(parseYearCell(text));

/** A number of years as the grid's integer columns read it, refused in words about years. */
const readYearCount = (text: string) => asDecimal(parseIntegerCell(text), `Kunde inte läsa ”${text.trim().slice(0, 40)}” som ett antal år. Skriv ett heltal från 1 till 50.`);

function period(initiative: Initiative): string {
  return `${initiative.start} – ${initiative.end ?? 'tills vidare'}`;
}

/** A scenario's horizon, its own settings and the initiatives it includes; each change is saved at once. */
export function ScenarioSetup(props: { scenario: Scenario }) {
  const app = useApp();
  const document = () => app.current()!.document;
  const [message, setMessage] = createSignal('');

  /**
   * Saves the scenario as `change` makes it from the stored one (so that quick changes build on each
   * other); a refusal is returned for the field to show, or shown below when `here`.
   */
  async function save(change: (current: Scenario, document: HemmaplanDocument) => Scenario, here = false): Promise<string | undefined> {
    const outcome = await updateScenario(app, props.scenario.id, change);
    const text = outcome.ok ? '' : outcome.message;
    setMessage(here ? text : '');
    return text || undefined;
  }

  const withOverride =
    (field: keyof SettingsOverrides, value: Decimal | number | undefined) =>
    (scenario: Scenario): Scenario => {
      const settings: Record<string, unknown> = { ...(scenario.settings ?? {}) };
      if (value === undefined) delete settings[field];
      else settings[field] = value;
      const { settings: _old, ...rest } = scenario;
      return Object.keys(settings).length ? { ...rest, settings: settings as SettingsOverrides } : rest;
    };

  function toggleInitiative(id: string, included: boolean) {
    void save((scenario, current) => {
      const ids = new Set(scenario.initiativeIds);
      if (included) ids.add(id);
      else ids.delete(id);
      // Keep the document's order, and take the credit away from effects of an initiative left out.
      const initiativeIds = current.initiatives.map((i) => i.id).filter((i) => ids.has(i));
      const effects = scenario.effects.map((effect) => {
        if (effect.initiativeId === undefined || ids.has(effect.initiativeId)) return effect;
        const { initiativeId: _dropped, ...rest } = effect;
        return rest;
      });
      return { ...scenario, initiativeIds, effects };
    }, true);
  }

  return (
    <div class="scenario-setup">
      <fieldset class="setup-group">
        <legend>Period</legend>
        <NumberField
          id="scenario-startYear"
          label="Startår"
          kind="number"
          parse={readYear}
          value={new Decimal(props.scenario.startYear)}
          format={String}
          onCommit={(value) => save((scenario) => ({ ...scenario, startYear: value!.toNumber() }))}
        />
        <NumberField
          id="scenario-years"
          label="Antal år"
          kind="number"
          parse={readYearCount}
          value={new Decimal(props.scenario.years)}
          onCommit={(value) => save((scenario) => ({ ...scenario, years: value!.toNumber() }))}
        />
      </fieldset>
      <fieldset class="setup-group">
        <legend>Egna antaganden (tomt: Inställningarnas värde)</legend>
        <For each={OVERRIDES}>
          {({ field, label }) => (
            <NumberField
              id={`scenario-${field}`}
              label={label}
              kind="percent"
              optional
              value={props.scenario.settings?.[field]}
              placeholder={String(document().settings[field]).replace('.', ',')}
              onCommit={(value) => save(withOverride(field, value))}
            />
          )}
        </For>
      </fieldset>
      <fieldset class="setup-group initiatives-choice">
        <legend>Satsningar i scenariot</legend>
        <For each={document().initiatives}>
          {(initiative) => (
            <label class="checkbox">
              <input
                type="checkbox"
                checked={props.scenario.initiativeIds.includes(initiative.id)}
                onChange={(e) => toggleInitiative(initiative.id, e.currentTarget.checked)}
              />
              <span>
                {initiative.name} <span class="muted">({period(initiative)})</span>
              </span>
            </label>
          )}
        </For>
      </fieldset>
      <Show when={message()}>
        <p class="field-error" role="alert">
          {message()}
        </p>
      </Show>
    </div>
  );
}
