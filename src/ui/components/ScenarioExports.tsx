import { createSignal, Show } from 'solid-js';
import type { HemmaplanDocument, Scenario } from '../../domain/types';
import { downloadFile, fileNamePart, FILE_TYPES, localDate } from '../files/download';

type Format = 'xlsx' | 'docx' | 'csv';

const FORMAT_NAMES: Record<Format, string> = { xlsx: 'Excel-filen', docx: 'Word-bilagan', csv: 'CSV-filen' };

/**
 * A scenario's files for a tjänsteskrivelse. The writers (and ExcelJS / docx behind them) load
 * only when the user asks for a file.
 */
export function ScenarioExports(props: { document: HemmaplanDocument; scenario: Scenario }) {
  const [busy, setBusy] = createSignal<Format | null>(null);
  const [status, setStatus] = createSignal('');
  const [failure, setFailure] = createSignal('');

  async function write(format: Format): Promise<void> {
    if (busy()) return;
    setBusy(format);
    setFailure('');
    setStatus(`Skapar ${FORMAT_NAMES[format]} …`);
    const document = props.document;
    const scenario = props.scenario;
    const date = localDate();
    const name = `${fileNamePart(scenario.name)}-${date}.${format}`;
    try {
      if (format === 'xlsx') {
        const { scenarioWorkbook } = await import('../../exchange/xlsx');
        downloadFile(await scenarioWorkbook(document, scenario.id, { date }), name, FILE_TYPES.xlsx);
      } else if (format === 'docx') {
        const { scenarioAppendix } = await import('../../exchange/docx');
        downloadFile(await scenarioAppendix(document, scenario.id, { date }), name, FILE_TYPES.docx);
      } else {
        const { scenarioResultCsv } = await import('../../exchange/csv');
        downloadFile(scenarioResultCsv(document, scenario.id), name, FILE_TYPES.csv);
      }
      setStatus(`${FORMAT_NAMES[format]} ${name} är sparad i din mapp för hämtade filer.`);
    } catch (error) {
      setStatus('');
      setFailure(
        `Det gick inte att skapa ${FORMAT_NAMES[format]} (${error instanceof Error ? error.message : String(error)}). Försök igen; om det inte hjälper, ladda om sidan.`,
      );
    } finally {
      setBusy(null);
    }
  }

  return (
    <div class="exports no-print" role="group" aria-label={`Exportera ${props.scenario.name}`}>
      <span class="exports__label">Exportera scenariot:</span>
      <button type="button" disabled={busy() !== null} onClick={() => void write('xlsx')}>
        Excel (XLSX)
      </button>
      <button type="button" disabled={busy() !== null} onClick={() => void write('docx')}>
        Word-bilaga (DOCX)
      </button>
      <button type="button" disabled={busy() !== null} onClick={() => void write('csv')}>
        Årstabell (CSV)
      </button>
      <button type="button" onClick={() => window.print()}>
        Skriv ut
      </button>
      <span role="status" class="muted">
        {status()}
      </span>
      <Show when={failure()}>
        <p role="alert" class="error">
          {failure()}
        </p>
      </Show>
    </div>
  );
}
