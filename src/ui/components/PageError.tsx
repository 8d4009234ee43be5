import { A } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';

/** What a developer needs to find an error: what, where, when, in which browser. */
export function technicalDetails(error: unknown, location: string, now = new Date()): string {
  const lines = [
    `Tid: ${now.toISOString()}`,
    `Sida: ${location}`,
    `Webbläsare: ${typeof navigator === 'undefined' ? 'okänd' : navigator.userAgent}`,
    `Fel: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}`,
  ];
  if (error instanceof Error && error.stack) lines.push('', error.stack);
  return lines.join('\n');
}

/**
 * Shown instead of a page that failed while drawing: the data is untouched (a page only reads it),
 * and the user can try again, go to another page, or copy the details for whoever supports them.
 */
export function PageError(props: { error: unknown; location: string; reset: () => void }) {
  const details = () => technicalDetails(props.error, props.location);
  const [copied, setCopied] = createSignal<'yes' | 'no' | ''>('');

  async function copy(): Promise<void> {
    try {
      await navigator.clipboard.writeText(details());
      setCopied('yes');
    } catch {
      setCopied('no');
    }
  }

  return (
    <div class="error-panel" role="alert" data-testid="page-error">
      <h1>Något gick fel på den här sidan</h1>
      <p>
        Hemmaplan kunde inte visa sidan. Dina uppgifter är orörda: felet gällde bara visningen. Försök igen, eller gå till en annan
        sida. Om felet kommer tillbaka, kopiera den tekniska informationen och skicka den till den som ansvarar för Hemmaplan hos er.
      </p>
      <div class="data-actions">
        <button type="button" onClick={() => props.reset()}>
          Försök igen
        </button>
        <A href="/insatser" class="button-link" onClick={() => props.reset()}>
          Gå till Insatser &amp; metoder
        </A>
        <button type="button" onClick={() => void copy()}>
          Kopiera teknisk information
        </button>
        <span role="status">
          {copied() === 'yes' ? 'Kopierat.' : copied() === 'no' ? 'Webbläsaren tillät inte kopiering; markera texten nedan och kopiera den.' : ''}
        </span>
      </div>
      <Show when={copied() === 'no'}>
        <pre class="technical-details">{details()}</pre>
      </Show>
      <details>
        <summary>Visa teknisk information</summary>
        <pre class="technical-details" data-testid="technical-details">
          {details()}
        </pre>
      </details>
    </div>
  );
}
