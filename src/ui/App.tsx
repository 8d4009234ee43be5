import { A, Navigate, Router, type RouteSectionProps } from '@solidjs/router';
import { createEffect, ErrorBoundary, For, lazy, Match, on, Suspense, Switch, type Component } from 'solid-js';
import { AppContext, useApp } from './context';
import type { AppState } from './state';
import { SettingsPage } from './pages/SettingsPage';
import { WriteFailureBanner } from './components/WriteFailureBanner';
import { PageError } from './components/PageError';
import { PersonalDataDialog } from './components/PersonalDataDialog';

// The spreadsheet pages carry AG Grid; they load when first opened, not at start-up.
const InterventionsPage = lazy(() => import('./pages/InterventionsPage').then((m) => ({ default: m.InterventionsPage })));
const InitiativesPage = lazy(() => import('./pages/InitiativesPage').then((m) => ({ default: m.InitiativesPage })));
const ScenariosPage = lazy(() => import('./pages/ScenariosPage').then((m) => ({ default: m.ScenariosPage })));
const ComparePage = lazy(() => import('./pages/ComparePage').then((m) => ({ default: m.ComparePage })));
const WorkshopPage = lazy(() => import('./pages/WorkshopPage').then((m) => ({ default: m.WorkshopPage })));
const DataPage = lazy(() => import('./pages/DataPage').then((m) => ({ default: m.DataPage })));
const PlacementTypesPage = lazy(() => import('./pages/PlacementTypesPage').then((m) => ({ default: m.PlacementTypesPage })));
import { issueMessage } from '../exchange/reader';
import { UpdatePrompt } from './components/UpdatePrompt';

/** The pages, in the order a user meets the work. */
export const PAGES: { path: string; label: string; component: Component }[] = [
  { path: '/insatser', label: 'Insatser & metoder', component: InterventionsPage },
  { path: '/satsningar', label: 'Satsningar', component: InitiativesPage },
  { path: '/placeringskostnader', label: 'Placeringskostnader', component: PlacementTypesPage },
  { path: '/scenarier', label: 'Scenarier', component: ScenariosPage },
  { path: '/jamfor', label: 'Jämför', component: ComparePage },
  { path: '/data', label: 'Export och data', component: DataPage },
  { path: '/installningar', label: 'Inställningar', component: SettingsPage },
];

function Layout(props: RouteSectionProps) {
  const app = useApp();
  /** The workshop view fills the screen: no menu, no footer. */
  const workshop = () => props.location.pathname.startsWith('/workshop/');
  const failure = () => {
    const state = app.load();
    return state.status === 'failed' ? state.message : undefined;
  };
  // A page that failed is tried again when the user goes to another page.
  let resetPageError: (() => void) | undefined;
  createEffect(
    on(
      () => props.location.pathname,
      () => {
        const reset = resetPageError;
        resetPageError = undefined;
        reset?.();
      },
      { defer: true },
    ),
  );
  const invalidIssues = () => {
    const state = app.load();
    return state.status === 'invalid' ? state.outcome.issues : undefined;
  };
  return (
    <>
      {/* The router takes over a click on an in-page link, so the focus is moved here: past the menu. */}
      <a
        class="skip-link"
        href="#innehall"
        onClick={(event) => {
          event.preventDefault();
          document.getElementById('innehall')?.focus();
        }}
      >
        Hoppa till innehållet
      </a>
      <header class="app-header" classList={{ 'workshop-hidden': workshop() }}>
        <A href="/insatser" class="brand" aria-label="Hemmaplan, startsida">
          <img src="/favicon.svg" alt="" width="28" height="28" />
          <span>Hemmaplan</span>
        </A>
        <nav aria-label="Huvudmeny">
          <ul>
            <For each={PAGES}>
              {(page) => (
                <li>
                  <A href={page.path} activeClass="active">
                    {page.label}
                  </A>
                </li>
              )}
            </For>
          </ul>
        </nav>
      </header>
      <main id="innehall" tabindex="-1" classList={{ 'workshop-main': workshop() }}>
        <WriteFailureBanner />
        <Switch>
          <Match when={app.load().status === 'loading'}>
            <p role="status">Hämtar dina uppgifter …</p>
          </Match>
          <Match when={failure()}>
            {(message) => (
              <div class="error-panel" role="alert">
                <h1>Hemmaplan kan inte läsa sina uppgifter</h1>
                <p>{message()}</p>
              </div>
            )}
          </Match>
          <Match when={invalidIssues()}>
            {(issues) => (
              <div class="error-panel" role="alert">
                <h1>Uppgifterna i webbläsaren är skadade</h1>
                <p>Hemmaplan hittade fel i de sparade uppgifterna och visar dem inte, så att inget räknas fel:</p>
                <ul>
                  <For each={issues().slice(0, 20)}>{(issue) => <li>{issueMessage(issue)}</li>}</For>
                </ul>
              </div>
            )}
          </Match>
          <Match when={app.current()}>
            <ErrorBoundary
              fallback={(error, reset) => {
                resetPageError = reset;
                return <PageError error={error} location={props.location.pathname} reset={reset} />;
              }}
            >
              <Suspense fallback={<p role="status">Öppnar sidan …</p>}>{props.children}</Suspense>
            </ErrorBoundary>
          </Match>
        </Switch>
      </main>
      <UpdatePrompt />
      <footer class="app-footer" classList={{ 'workshop-hidden': workshop() }}>Hemmaplan sparar allt i den här webbläsaren på den här datorn. Inget skickas över nätet.</footer>
    </>
  );
}

export function App(props: { state: AppState }) {
  return (
    <AppContext.Provider value={props.state}>
      <Router root={Layout}>
        {[
          { path: '/', component: () => <Navigate href={PAGES[0]!.path} /> },
          ...PAGES.map(({ path, component }) => ({ path, component })),
          { path: '/workshop/:id', component: WorkshopPage },
          { path: '*', component: NotFound },
        ]}
      </Router>
      <PersonalDataDialog />
    </AppContext.Provider>
  );
}

function NotFound() {
  return (
    <>
      <h1>Sidan finns inte</h1>
      <p>
        Adressen leder inte till någon sida i Hemmaplan. Gå till <A href="/insatser">Insatser &amp; metoder</A>.
      </p>
    </>
  );
}
