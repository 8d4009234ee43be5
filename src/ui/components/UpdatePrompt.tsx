/**
 * Registers the service worker that keeps Hemmaplan working offline, and says what it does:
 * once, that the app now works without a network; and, when a new version has been downloaded,
 * offers it with a button. Nothing is swapped in by itself: the new version waits until the user
 * presses "Uppdatera nu", so no edit is ever interrupted by a reload.
 *
 * A tab may stay open for days. The browser looks for a new version only when a page is loaded, so
 * Hemmaplan also looks when the tab comes back into view and when the network returns, at most
 * once every ten minutes.
 */
import { createSignal, onCleanup, Show } from 'solid-js';
import { useRegisterSW } from 'virtual:pwa-register/solid';

/** The least time between two looks for a new version while the tab stays open. */
const UPDATE_CHECK_INTERVAL_MS = 10 * 60 * 1000;

/** Looks for a new version when the tab comes back into view or the network returns; gives back what stops it. */
function checkForUpdates(registration: ServiceWorkerRegistration): () => void {
  let lastCheck = 0;
  const check = () => {
    if (document.visibilityState !== 'visible' || !navigator.onLine) return;
    const now = Date.now();
    if (now - lastCheck < UPDATE_CHECK_INTERVAL_MS) return;
    lastCheck = now;
    // Without a server the look fails; the next one tries again.
    registration.update().catch(() => undefined);
  };
  document.addEventListener('visibilitychange', check);
  window.addEventListener('online', check);
  return () => {
    document.removeEventListener('visibilitychange', check);
    window.removeEventListener('online', check);
  };
}

export function UpdatePrompt() {
  /** Set when this tab asked for the new version; only then does it reload itself. */
  let updateRequested = false;
  const [updatedElsewhere, setUpdatedElsewhere] = createSignal(false);
  let stopChecking: (() => void) | undefined;
  onCleanup(() => stopChecking?.());
  const {
    needRefresh: [needRefresh, setNeedRefresh],
    offlineReady: [offlineReady, setOfflineReady],
    updateServiceWorker,
  } = useRegisterSW({
    onRegisteredSW(_url, registration) {
      if (registration) stopChecking = checkForUpdates(registration);
    },
    // The new version took over because this tab or another one asked for it. Another tab may be
    // in the middle of an edit: it is told, and reloads when its user says so.
    onNeedReload() {
      if (updateRequested) window.location.reload();
      else {
        setNeedRefresh(false);
        setUpdatedElsewhere(true);
      }
    },
  });

  const update = () => {
    updateRequested = true;
    void updateServiceWorker();
  };

  return (
    <Show when={needRefresh() || updatedElsewhere() || offlineReady()}>
      <div class="app-notice no-print" classList={{ 'app-notice-update': needRefresh() || updatedElsewhere() }} role="status" aria-live="polite" data-testid="app-notice">
        <Show
          when={needRefresh() || updatedElsewhere()}
          fallback={
            <>
              <p>Hemmaplan fungerar nu även utan nätverk.</p>
              <button type="button" onClick={() => setOfflineReady(false)}>
                Stäng
              </button>
            </>
          }
        >
          <Show
            when={updatedElsewhere()}
            fallback={
              <>
                <p>En ny version av Hemmaplan finns.</p>
                <button type="button" class="primary" onClick={update}>
                  Uppdatera nu
                </button>
                <button type="button" onClick={() => setNeedRefresh(false)}>
                  Senare
                </button>
              </>
            }
          >
            <p>Hemmaplan har uppdaterats i en annan flik. Ladda om sidan när det passar.</p>
            <button type="button" class="primary" onClick={() => window.location.reload()}>
              Ladda om
            </button>
          </Show>
        </Show>
      </div>
    </Show>
  );
}
