/**
 * The app's view of the data: one DocumentStore over the browser database, the validated document
 * as a Solid signal that follows every change (from this tab or another), and the user's display
 * preferences. Components derive every figure from `current()` through the evaluator.
 */
import { createRoot, createSignal } from 'solid-js';
import { HemmaplanDatabase } from '../data/db';
import { DocumentStore, errorNames, type EditOutcome, type PendingFailure, type ReadOutcome } from '../data/store';
import { localDate } from './files/download';
import { loadExampleDocument } from '../data/example';
import type { AmountUnit } from '../domain/money';

export type LoadState =
  | { status: 'loading' }
  | { status: 'ready'; outcome: Extract<ReadOutcome, { ok: true }> }
  | { status: 'invalid'; outcome: Extract<ReadOutcome, { ok: false }> }
  | { status: 'failed'; message: string };

export interface AppState {
  store: DocumentStore;
  load: () => LoadState;
  /** The ready document and its stored form, or undefined while loading or after a failure. */
  current: () => Extract<ReadOutcome, { ok: true }> | undefined;
  amountUnit: () => AmountUnit;
  setAmountUnit: (unit: AmountUnit) => Promise<void>;
  /** Changes whenever this tab's undo history may have changed, so that undo buttons follow it. */
  history: () => number;
  touchHistory: () => void;
  /** Changes the browser refused to store (kept on screen until a retry writes them), or null. */
  writeFailure: () => PendingFailure | null;
}

/** How often an open tab checks whether a new day needs its safety copy. */
const SAFETY_COPY_CHECK_MS = 30 * 60 * 1000;

const UNIT_KEY = 'amountUnit';

export function storageFailureMessage(error: unknown): string {
  // Dexie wraps the browser's error (an AbortError around a QuotaExceededError): look inside.
  const names = errorNames(error);
  const name = names.includes('QuotaExceededError') ? 'QuotaExceededError' : (names.find((n) => n !== 'AbortError') ?? names[0] ?? '');
  if (name === 'QuotaExceededError') return 'Webbläsarens lagringsutrymme är fullt. Frigör utrymme eller exportera dina data och försök igen.';
  if (name === 'InvalidStateError' || name === 'SecurityError' || name === 'MissingAPIError' || name === 'OpenFailedError') {
    return 'Webbläsaren tillåter inte att Hemmaplan sparar data här (till exempel i privat läge). Öppna Hemmaplan i ett vanligt fönster.';
  }
  return `Det gick inte att läsa eller spara data i webbläsaren (${error instanceof Error ? error.message : String(error)}).`;
}

export function createAppState(databaseName?: string): AppState {
  return createRoot(() => {
    const store = new DocumentStore(new HemmaplanDatabase(databaseName));
    const [load, setLoad] = createSignal<LoadState>({ status: 'loading' });
    const [amountUnit, setUnit] = createSignal<AmountUnit>('kr');
    const [history, setHistory] = createSignal(0);
    const [writeFailure, setWriteFailure] = createSignal<PendingFailure | null>(null);
    store.watchFailure(setWriteFailure);
    const takeSafetyCopy = () => store.takeSafetyCopy(localDate()).catch((error: unknown) => console.warn('Säkerhetskopian kunde inte sparas', error));

    const fail = (error: unknown) => setLoad({ status: 'failed', message: storageFailureMessage(error) });
    store
      .seedOnce(loadExampleDocument())
      .then(async () => {
        const unit = (await store.db.values.get(UNIT_KEY))?.value;
        if (unit === 'kr' || unit === 'tkr' || unit === 'mnkr') setUnit(unit);
        store.watch((outcome) => setLoad(outcome.ok ? { status: 'ready', outcome } : { status: 'invalid', outcome }), fail);
        await takeSafetyCopy();
        setInterval(() => void takeSafetyCopy(), SAFETY_COPY_CHECK_MS);
        // Ask the browser not to clear Hemmaplan's data under storage pressure; Export och data
        // shows the answer. Browsers that decide by themselves answer without asking the user.
        await navigator.storage?.persist?.().catch(() => false);
      })
      .catch(fail);

    return {
      store,
      load,
      current: () => {
        const state = load();
        return state.status === 'ready' ? state.outcome : undefined;
      },
      history,
      writeFailure,
      touchHistory: () => setHistory((n) => n + 1),
      amountUnit,
      setAmountUnit: async (unit) => {
        setUnit(unit);
        await store.db.values.put({ key: UNIT_KEY, value: unit });
      },
    };
  });
}

export type { EditOutcome };
