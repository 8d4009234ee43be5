import { createResource, createSignal, For, Show } from 'solid-js';
import { useApp } from '../context';
import type { SafetyCopy } from '../../data/db';
import { formatDecimal, Decimal } from '../../domain/money';
import { parseDocument } from '../../exchange/document';
import { downloadFile, FILE_TYPES } from '../files/download';
import { issueMessage } from '../../exchange/reader';

interface StorageState {
  persisted: boolean | undefined;
  usage: number | undefined;
  quota: number | undefined;
}

async function readStorageState(): Promise<StorageState> {
  const storage = navigator.storage;
  const persisted = storage?.persisted ? await storage.persisted().catch(() => undefined) : undefined;
  const estimate = storage?.estimate ? await storage.estimate().catch(() => undefined) : undefined;
  return { persisted, usage: estimate?.usage, quota: estimate?.quota };
}

/** Bytes as people read them: "0,4 MB", "1 950 MB". */
function megabytes(bytes: number): string {
  const mb = new Decimal(bytes).div(1024 * 1024);
  return `${formatDecimal(mb, mb.lt(10) ? 1 : 0)} MB`;
}

function copyContents(copy: SafetyCopy): string {
  const count = (list: string) => (Array.isArray(copy.data[list]) ? (copy.data[list] as unknown[]).length : 0);
  return `${count('interventions')} insatser, ${count('initiatives')} satsningar, ${count('placementTypes')} placeringsformer, ${count('scenarios')} scenarier`;
}

/**
 * Where the data lives and how safe it is: persistent storage and the space used, and the daily
 * safety copies, each of which can be restored (one undoable step) or saved as a file.
 */
export function StoragePanel() {
  const app = useApp();
  const [storage, { refetch: refetchStorage }] = createResource(readStorageState);
  const [copies] = createResource(() => app.store.safetyCopies());
  const [message, setMessage] = createSignal('');
  const [canUndo, setCanUndo] = createSignal(false);

  async function askPersistence(): Promise<void> {
    const granted = await navigator.storage?.persist?.().catch(() => false);
    setMessage(granted ? 'Webbläsaren sparar nu Hemmaplans uppgifter beständigt.' : 'Webbläsaren sa nej. Exportera en säkerhetskopia regelbundet.');
    void refetchStorage();
  }

  async function restore(copy: SafetyCopy): Promise<void> {
    const parsed = parseDocument(copy.data);
    if (!parsed.ok) {
      setMessage(`Kopian från ${copy.day} går inte att läsa: ${issueMessage(parsed.issues[0]!)}`);
      return;
    }
    const outcome = await app.store.replaceDocument(() => parsed.document);
    app.touchHistory();
    setCanUndo(outcome.ok);
    setMessage(outcome.ok ? `Uppgifterna är återställda som de var ${copy.day}.` : `Kopian kunde inte återställas: ${issueMessage(outcome.issues[0]!)}`);
  }

  async function undoRestore(): Promise<void> {
    const outcome = await app.store.undo();
    app.touchHistory();
    setCanUndo(false);
    setMessage(outcome?.ok ? 'Återställningen är ångrad.' : 'Återställningen kunde inte ångras, eftersom uppgifterna har ändrats efter den.');
  }

  function download(copy: SafetyCopy): void {
    downloadFile(JSON.stringify({ ...copy.data, exportedAt: copy.savedAt }, null, 2) + '\n', `hemmaplan-kopia-${copy.day}.hemmaplan.json`, FILE_TYPES.json);
  }

  return (
    <section aria-labelledby="lagring-rubrik" class="detail-section" data-testid="storage-panel">
      <h2 id="lagring-rubrik">Lagring och säkerhetskopior</h2>
      <Show when={storage()}>
        {(state) => (
          <ul class="storage-facts">
            <li data-testid="storage-persisted">
              {state().persisted === true
                ? 'Beständig lagring: ja. Webbläsaren rensar inte uppgifterna när utrymmet börjar ta slut.'
                : state().persisted === false
                  ? 'Beständig lagring: nej. Webbläsaren kan rensa uppgifterna om datorn får ont om utrymme; exportera en säkerhetskopia då och då.'
                  : 'Webbläsaren berättar inte om lagringen är beständig.'}
              <Show when={state().persisted === false}>
                {' '}
                <button type="button" onClick={() => void askPersistence()}>
                  Be om beständig lagring
                </button>
              </Show>
            </li>
            <Show when={state().usage !== undefined && state().quota !== undefined}>
              <li data-testid="storage-usage">
                Använt utrymme: {megabytes(state().usage!)} av {megabytes(state().quota!)} som webbläsaren ger Hemmaplan.
              </li>
            </Show>
          </ul>
        )}
      </Show>
      <p class="help">
        Hemmaplan sparar automatiskt en kopia av alla uppgifter första gången du öppnar den varje dag, och behåller de tio senaste
        dagarnas kopior här i webbläsaren.
      </p>
      <Show when={(copies() ?? []).length > 0} fallback={<p>Det finns ingen säkerhetskopia ännu.</p>}>
        <table class="figures" data-testid="safety-copies">
          <caption>Säkerhetskopior</caption>
          <thead>
            <tr>
              <th scope="col">Dag</th>
              <th scope="col">Innehåll</th>
              <th scope="col">
                <span class="hp-visually-hidden">Åtgärder</span>
              </th>
            </tr>
          </thead>
          <tbody>
            <For each={copies()}>
              {(copy) => (
                <tr>
                  <th scope="row">{copy.day}</th>
                  <td>{copyContents(copy)}</td>
                  <td class="actions">
                    <button type="button" onClick={() => void restore(copy)} aria-label={`Återställ kopian från ${copy.day}`}>
                      Återställ
                    </button>{' '}
                    <button type="button" onClick={() => download(copy)} aria-label={`Ladda ner kopian från ${copy.day}`}>
                      Ladda ner
                    </button>
                  </td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </Show>
      <p role="status">
        {message()}
        <Show when={canUndo()}>
          {' '}
          <button type="button" onClick={() => void undoRestore()}>
            Ångra återställningen
          </button>
        </Show>
      </p>
    </section>
  );
}
