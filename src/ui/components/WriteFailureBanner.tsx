import { createSignal, Show } from 'solid-js';
import { useApp } from '../context';
import { storageFailureMessage } from '../state';
import { downloadDocument, localDate } from '../files/download';

/**
 * Shown while the browser refuses to store changes: what happened, that the changes are still on
 * screen, and the two ways not to lose them: try again, or save everything as a file.
 */
export function WriteFailureBanner() {
  const app = useApp();
  const [busy, setBusy] = createSignal(false);
  const [note, setNote] = createSignal('');

  async function retry(): Promise<void> {
    setBusy(true);
    setNote('');
    try {
      const saved = await app.store.retryPending();
      app.touchHistory();
      if (!saved) setNote('Det gick fortfarande inte att spara. Frigör utrymme eller exportera till en fil.');
    } finally {
      setBusy(false);
    }
  }

  function exportAll(): void {
    const document = app.store.pendingDocument();
    if (!document) {
      setNote('Det finns inget att exportera ännu.');
      return;
    }
    downloadDocument(document, `hemmaplan-osparat-${localDate()}`);
    setNote('Filen med alla uppgifter, de osparade ändringarna medräknade, finns i din mapp för hämtade filer.');
  }

  return (
    <Show when={app.writeFailure()}>
      {(failure) => (
        <div class="write-failure" role="alert" data-testid="write-failure">
          <p>
            <strong>{failure().changes === 1 ? 'En ändring är inte sparad.' : `${failure().changes} ändringar är inte sparade.`}</strong>{' '}
            {storageFailureMessage(failure().error)} Ändringarna syns här men finns bara i den här fliken tills de har sparats.
          </p>
          <div class="data-actions">
            <button type="button" disabled={busy()} onClick={() => void retry()}>
              Försök spara igen
            </button>
            <button type="button" onClick={exportAll}>
              Exportera allt till en fil
            </button>
            <span role="status">{note()}</span>
          </div>
        </div>
      )}
    </Show>
  );
}
