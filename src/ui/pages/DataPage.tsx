import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js';
import { useApp } from '../context';
import type { HemmaplanDocument } from '../../domain/types';
import { documentWithScenarios } from '../../exchange/subset';
import { conflictCount, LIST_NAMES, type ImportChoice, type ImportPlan, type ListName } from '../../exchange/merge';
import type { TableTarget } from '../../exchange/table-import';
import { commitImport, readImportFile } from '../../data/importer';
import { downloadDocument, fileNamePart, localDate } from '../files/download';
import { issueMessage } from '../../exchange/reader';
import { LIST_LABELS } from '../../exchange/labels';
import { StoragePanel } from '../components/StoragePanel';
import type { PersonalDataWarning } from '../../exchange/personal-data';
import { PersonalDataList } from '../components/PersonalDataList';


type ImportState =
  | { step: 'idle' }
  | { step: 'reading'; fileName: string }
  | { step: 'invalid'; fileName: string; messages: string[] }
  | { step: 'preview'; fileName: string; incoming: HemmaplanDocument; plan: ImportPlan; table: boolean; notices: string[]; personalData: PersonalDataWarning[] }
  | { step: 'done'; message: string };

/** Export och data: backups and workshop files out, documents, price lists and catalogues in. */
export function DataPage() {
  const app = useApp();
  const document = () => app.current()!.document;

  // -------------------------------------------------------------------------------------------
  // Export

  const [chosen, setChosen] = createSignal<ReadonlySet<string>>(new Set());
  const chosenIds = createMemo(() => document().scenarios.filter((s) => chosen().has(s.id)).map((s) => s.id));

  function exportAll(): void {
    downloadDocument(document(), `hemmaplan-${localDate()}`);
  }

  function exportChosen(): void {
    const ids = chosenIds();
    if (ids.length === 0) return;
    const subset = documentWithScenarios(document(), ids);
    const name = ids.length === 1 ? fileNamePart(subset.scenarios[0]!.name) : `hemmaplan-${ids.length}-scenarier`;
    downloadDocument(subset, `${name}-${localDate()}`);
  }

  function toggle(id: string, on: boolean): void {
    setChosen((set) => {
      const next = new Set(set);
      if (on) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  // -------------------------------------------------------------------------------------------
  // Import

  const [state, setState] = createSignal<ImportState>({ step: 'idle' });
  const [target, setTarget] = createSignal<TableTarget>('placementTypes');
  const [choice, setChoice] = createSignal<ImportChoice>('copies');
  const [takeSettings, setTakeSettings] = createSignal(false);
  const [importing, setImporting] = createSignal(false);
  const [dragging, setDragging] = createSignal(false);
  let fileInput!: HTMLInputElement;

  async function readFile(file: File): Promise<void> {
    setState({ step: 'reading', fileName: file.name });
    const reading = await readImportFile(file, target(), document());
    if (!reading.ok) {
      setState({ step: 'invalid', fileName: file.name, messages: reading.messages });
      return;
    }
    setChoice('copies');
    setTakeSettings(false);
    setState({ step: 'preview', fileName: file.name, incoming: reading.incoming, plan: reading.plan, table: reading.table, notices: reading.notices, personalData: reading.personalData });
  }

  function pickFiles(files: FileList | null | undefined): void {
    const file = files?.[0];
    if (file) void readFile(file);
  }

  async function confirmImport(preview: Extract<ImportState, { step: 'preview' }>): Promise<void> {
    if (importing()) return;
    setImporting(true);
    try {
      const how = choice();
      const outcome = await commitImport(app.store, preview.incoming, how, takeSettings() ? 'incoming' : 'current');
      app.touchHistory();
      if (!outcome.ok) {
        setState({
          step: 'invalid',
          fileName: preview.fileName,
          messages: ['Importen skulle ge ogiltiga uppgifter och gjordes inte. Inget har ändrats.', ...outcome.issues.slice(0, 20).map(issueMessage)],
        });
        return;
      }
      setState({ step: 'done', message: `${preview.fileName} är importerad. Du kan ångra importen med knappen nedan eller Ctrl+Z i en tabell.` });
    } catch (error) {
      setState({
        step: 'invalid',
        fileName: preview.fileName,
        messages: [`Importen kunde inte sparas (${error instanceof Error ? error.message : String(error)}). Inget har ändrats; försök igen.`],
      });
    } finally {
      setImporting(false);
      fileInput.value = '';
    }
  }

  function cancel(): void {
    setState({ step: 'idle' });
    fileInput.value = '';
  }

  async function undoImport(): Promise<void> {
    const outcome = await app.store.undo();
    app.touchHistory();
    setState({ step: 'done', message: outcome?.ok ? 'Importen är ångrad.' : 'Importen kunde inte ångras, eftersom uppgifterna har ändrats efter den.' });
  }

  return (
    <>
      <h1>Export och data</h1>
      <p class="lead">
        Allt du matar in finns bara i den här webbläsaren. Spara en säkerhetskopia då och då, och använd filer för att dela scenarier med
        andra, till exempel mellan datorer i en workshop utan nätverk.
      </p>

      <section aria-labelledby="export-rubrik" class="detail-section">
        <h2 id="export-rubrik">Exportera</h2>
        <div class="data-actions">
          <button type="button" onClick={exportAll}>
            Exportera allt (säkerhetskopia)
          </button>
          <p class="help">En .hemmaplan.json-fil med alla insatser, satsningar, placeringsformer, scenarier och inställningar.</p>
        </div>
        <fieldset class="form-field scenario-choice">
          <legend>Exportera valda scenarier</legend>
          <p class="help" id="valda-hjalp">
            Filen får med allt scenarierna använder: satsningar, placeringsformer, insatser och inställningar.
          </p>
          <For each={document().scenarios}>
            {(scenario) => (
              <label class="checkbox">
                <input type="checkbox" checked={chosen().has(scenario.id)} onChange={(e) => toggle(scenario.id, e.currentTarget.checked)} />
                {scenario.name}
              </label>
            )}
          </For>
          <button type="button" disabled={chosenIds().length === 0} aria-describedby="valda-hjalp" onClick={exportChosen}>
            Exportera {chosenIds().length === 1 ? 'valt scenario' : `${chosenIds().length} valda scenarier`}
          </button>
        </fieldset>
      </section>

      <StoragePanel />

      <section aria-labelledby="import-rubrik" class="detail-section">
        <h2 id="import-rubrik">Importera</h2>
        <p class="help">
          En .hemmaplan.json-fil från Hemmaplan, eller en prislista eller katalog som .csv eller .xlsx med rubriker på första raden (till
          exempel Namn, Enhet, Pris, Prisår, Källa). Du ser vad som läggs till eller ändras innan något sparas.
        </p>
        <div class="form-field">
          <label for="tabell-innehall">En tabell (.csv, .xlsx) innehåller</label>
          <select id="tabell-innehall" value={target()} onChange={(e) => setTarget(e.currentTarget.value as TableTarget)}>
            <option value="placementTypes">Placeringskostnader (prislista)</option>
            <option value="interventions">Insatser och metoder (katalog)</option>
          </select>
        </div>
        <div
          class="drop-zone"
          classList={{ 'drop-zone--active': dragging() }}
          data-testid="drop-zone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={(e) => {
            e.preventDefault();
            setDragging(false);
            pickFiles(e.dataTransfer?.files);
          }}
        >
          <label for="importfil">Välj en fil att importera</label>
          <input
            id="importfil"
            ref={fileInput}
            type="file"
            accept=".json,.csv,.txt,.xlsx,application/json,text/csv"
            onChange={(e) => pickFiles(e.currentTarget.files)}
          />
          <p class="muted">… eller dra och släpp filen här.</p>
        </div>

        <div aria-live="polite" data-testid="import-state">
          <Switch>
            <Match when={state().step === 'reading' && (state() as Extract<ImportState, { step: 'reading' }>)}>
              {(s) => <p role="status">Läser {s().fileName} …</p>}
            </Match>
            <Match when={state().step === 'invalid' && (state() as Extract<ImportState, { step: 'invalid' }>)}>
              {(s) => (
                <div class="error-panel" role="alert" data-testid="import-errors">
                  <h3>{s().fileName} kan inte importeras</h3>
                  <p>Inget har ändrats. Det här behöver rättas i filen:</p>
                  <ul>
                    <For each={s().messages.slice(0, 50)}>{(line) => <li>{line}</li>}</For>
                  </ul>
                  <Show when={s().messages.length > 50}>
                    <p>… och {s().messages.length - 50} fel till.</p>
                  </Show>
                </div>
              )}
            </Match>
            <Match when={state().step === 'preview' && (state() as Extract<ImportState, { step: 'preview' }>)}>
              {(preview) => <ImportPreview preview={preview()} />}
            </Match>
            <Match when={state().step === 'done' && (state() as Extract<ImportState, { step: 'done' }>)}>
              {(s) => (
                <div class="import-done">
                  <p role="status">{s().message}</p>
                  <Show when={app.history() >= 0 && app.store.canUndo}>
                    <button type="button" onClick={() => void undoImport()}>
                      Ångra importen
                    </button>
                  </Show>
                </div>
              )}
            </Match>
          </Switch>
        </div>
      </section>
    </>
  );

  function ImportPreview(props: { preview: Extract<ImportState, { step: 'preview' }> }) {
    const plan = () => props.preview.plan;
    const conflicts = () => conflictCount(plan());
    const nothingNew = () => LIST_NAMES.every((list) => plan().lists[list].new.length === 0) && conflicts() === 0 && !plan().settings.differ;
    return (
      <div class="import-preview" data-testid="import-preview">
        <h3>Förhandsvisning av {props.preview.fileName}</h3>
        <For each={props.preview.notices}>{(notice) => <p class="help">{notice}</p>}</For>
        <PersonalDataList warnings={props.preview.personalData} />
        <table class="figures">
          <caption>Vad importen innehåller</caption>
          <thead>
            <tr>
              <th scope="col">Lista</th>
              <th scope="col">Nya</th>
              <th scope="col">Finns redan, likadana</th>
              <th scope="col">Finns redan, med annat innehåll</th>
            </tr>
          </thead>
          <tbody>
            <For each={LIST_NAMES.filter((list) => !props.preview.table || props.preview.incoming[list].length > 0)}>
              {(list) => (
                <tr data-testid={`preview-${list}`}>
                  <th scope="row">{LIST_LABELS[list]}</th>
                  <td>{plan().lists[list].new.length}</td>
                  <td>{plan().lists[list].identical.length}</td>
                  <td>{plan().lists[list].conflicts.length}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
        <Show when={conflicts() > 0}>
          <h4>Finns redan med annat innehåll</h4>
          <ul data-testid="preview-conflicts">
            <For each={LIST_NAMES.flatMap((list) => plan().lists[list].conflicts.map((c) => ({ list, c })))}>
              {({ list, c }) => (
                <li>
                  {LIST_LABELS[list]}: {c.current.name}
                  {c.incoming.name !== c.current.name ? ` (i filen: ${c.incoming.name})` : ''}
                  {c.contentDiffers ? '' : ' – likadan, men använder poster som skiljer sig'}
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={plan().settings.differ && !props.preview.table}>
          <label class="checkbox">
            <input type="checkbox" checked={takeSettings()} onChange={(e) => setTakeSettings(e.currentTarget.checked)} />
            Filens inställningar skiljer sig från dina (till exempel PO-pålägg eller uppräkning). Använd filens inställningar.
          </label>
        </Show>
        <Show when={nothingNew()}>
          <p>Allt i filen finns redan här. En import ändrar ingenting.</p>
        </Show>
        <fieldset class="form-field">
          <legend>Hur ska filen importeras?</legend>
          <label class="radio">
            <input type="radio" name="import-choice" checked={choice() === 'copies'} onChange={() => setChoice('copies')} />
            Lägg till det nya; det som skiljer sig läggs till som kopior märkta ”(importerad)”
          </label>
          <label class="radio">
            <input type="radio" name="import-choice" checked={choice() === 'replace'} onChange={() => setChoice('replace')} />
            Lägg till det nya; det som skiljer sig ersätts av filens version
          </label>
          <Show when={!props.preview.table}>
            <label class="radio">
              <input type="radio" name="import-choice" checked={choice() === 'replace-all'} onChange={() => setChoice('replace-all')} />
              Ersätt allt: det som finns här nu tas bort och ersätts av filens innehåll
            </label>
          </Show>
        </fieldset>
        <div class="data-actions">
          <button type="button" class="primary" disabled={importing()} onClick={() => void confirmImport(props.preview)}>
            Importera
          </button>
          <button type="button" disabled={importing()} onClick={cancel}>
            Avbryt
          </button>
        </div>
      </div>
    );
  }
}
