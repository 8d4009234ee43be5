import { createSignal, Show } from 'solid-js';
import { type Decimal, formatDecimal, type InputKind, parseAmount, type ParseResult } from '../../domain/money';

/**
 * A labelled text field for a decimal (a percentage, an amount, a count): parsed by the money
 * module when the user leaves it, saved through `onCommit`, and refused with a Swedish message
 * under the field, keeping what was typed. An empty field means "not set" when `optional`.
 */
export function NumberField(props: {
  id: string;
  label: string;
  help?: string;
  value: Decimal | undefined;
  kind: InputKind;
  optional?: boolean;
  placeholder?: string;
  /** Reads what was typed, when the money module's reading of `kind` does not fit (a year, a count). */
  parse?: (text: string) => ParseResult;
  /** How the value is shown; default sv-SE with grouping and up to four decimals. */
  format?: (value: Decimal) => string;
  /** Saves the value; returns a message when it was refused. */
  onCommit: (value: Decimal | undefined) => Promise<string | undefined>;
}) {
  const [message, setMessage] = createSignal('');
  const shown = () => (props.value === undefined ? '' : (props.format ?? ((v: Decimal) => formatDecimal(v, 4)))(props.value));

  async function commit(input: HTMLInputElement) {
    const text = input.value;
    if (text.trim() === '' && props.optional) {
      if (props.value !== undefined) setMessage((await props.onCommit(undefined)) ?? '');
      else setMessage('');
      return;
    }
    const parsed = props.parse ? props.parse(text) : parseAmount(text, props.kind);
    if (!parsed.ok) {
      setMessage(parsed.message);
      return;
    }
    if (props.value !== undefined && parsed.value.eq(props.value)) {
      setMessage('');
      input.value = shown();
      return;
    }
    setMessage((await props.onCommit(parsed.value)) ?? '');
  }

  return (
    <div class="form-field">
      <label for={props.id}>{props.label}</label>
      <input
        id={props.id}
        inputmode="decimal"
        value={shown()}
        placeholder={props.placeholder}
        aria-invalid={message() ? 'true' : 'false'}
        aria-describedby={`${props.help ? `${props.id}-help ` : ''}${props.id}-error`}
        onChange={(e) => void commit(e.currentTarget)}
      />
      <Show when={props.help}>
        <p class="help" id={`${props.id}-help`}>
          {props.help}
        </p>
      </Show>
      <p class="field-error" id={`${props.id}-error`} role="alert">
        {message()}
      </p>
    </div>
  );
}
