/**
 * Reading a file a user imports, and storing it: every byte goes through the validator (or the
 * table reader, which ends in the validator) before anything is shown, and the chosen import is
 * one transaction that changes nothing when it fails. The Export och data page calls these.
 */
import type { HemmaplanDocument } from '../domain/types';
import { parseDocumentText } from '../exchange/document';
import { issueMessage } from '../exchange/reader';
import { applyImport, planImport, type ImportChoice, type ImportPlan } from '../exchange/merge';
import { personalDataWarnings, type PersonalDataWarning } from '../exchange/personal-data';
import type { TableTarget } from '../exchange/table-import';
import type { DocumentStore, EditOutcome } from './store';

/** The largest file Hemmaplan reads: far above any real catalogue, low enough not to freeze the tab. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type FileKind = 'document' | 'csv' | 'xlsx';

/** What a file holds, by its name: a Hemmaplan document, a CSV table or an XLSX workbook. */
export function fileKind(fileName: string): FileKind | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'document';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  if (name.endsWith('.xlsx')) return 'xlsx';
  return undefined;
}

/** The file as the importer needs it; a browser File fits. */
export interface ImportFile {
  name: string;
  size: number;
  text(): Promise<string>;
  arrayBuffer(): Promise<ArrayBuffer>;
}

export type ImportReading =
  | { ok: false; messages: string[] }
  | {
      ok: true;
      incoming: HemmaplanDocument;
      plan: ImportPlan;
      /** True for a price list or catalogue: only one list, so "replace all" is not offered. */
      table: boolean;
      notices: string[];
      /** Free text in the file that looks like a personnummer or samordningsnummer, shown before importing. */
      personalData: PersonalDataWarning[];
    };

/**
 * Reads and checks a file against the current document: the validator's messages when it cannot
 * be imported, else the incoming document and the plan of what importing it would do. Never
 * throws for a bad file; nothing is stored.
 */
export async function readImportFile(file: ImportFile, target: TableTarget, current: HemmaplanDocument): Promise<ImportReading> {
  const kind = fileKind(file.name);
  if (!kind) return { ok: false, messages: ['Hemmaplan kan läsa .hemmaplan.json (en export från Hemmaplan), .csv, .txt (tabbavgränsad text) och .xlsx. Välj en fil av någon av de typerna.'] };
  if (file.size > MAX_IMPORT_BYTES) {
    return { ok: false, messages: ['Filen är större än 50 MB och kan inte vara en Hemmaplan-fil eller en prislista. Kontrollera att du valt rätt fil.'] };
  }
  try {
    if (kind === 'document') return readDocumentText(await file.text(), current);
    const { decodeTableText, parseCsvRows, readXlsxRows, tableToDocument, WINDOWS_1252_NOTICE } = await import('../exchange/table-import');
    const bytes = new Uint8Array(await file.arrayBuffer());
    // A CSV file's encoding is decided from its bytes: Excel's own "CSV" is Windows-1252, not UTF-8.
    const decoded = kind === 'csv' ? decodeTableText(bytes) : undefined;
    const rows = decoded ? parseCsvRows(decoded.text) : await readXlsxRows(bytes);
    const outcome = tableToDocument(rows, target, current, decoded?.encoding === 'windows-1252' ? [WINDOWS_1252_NOTICE] : []);
    if (!outcome.ok) return { ok: false, messages: outcome.errors };
    // A table brings one list; its document's settings are the current ones, not the file's.
    const personalData = personalDataWarnings(outcome.document, { settings: false });
    return { ok: true, incoming: outcome.document, plan: planImport(current, outcome.document), table: true, notices: outcome.notices, personalData };
  } catch (error) {
    // The table reader's own message already says what is wrong and what to do.
    if (error instanceof Error && error.name === 'TableReadError') return { ok: false, messages: [error.message] };
    return {
      ok: false,
      messages: [`Filen gick inte att läsa (${error instanceof Error ? error.message : String(error)}). Kontrollera att den inte är skadad eller öppen i ett annat program.`],
    };
  }
}

/** A Hemmaplan document's text, checked by the validator and planned against the current document. */
export function readDocumentText(text: string, current: HemmaplanDocument): ImportReading {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) return { ok: false, messages: parsed.issues.map(issueMessage) };
  return { ok: true, incoming: parsed.document, plan: planImport(current, parsed.document), table: false, notices: [], personalData: personalDataWarnings(parsed.document) };
}

/**
 * Stores an import as the user chose, merged with the document as it is stored at that moment,
 * in one transaction and one undo step. A refused or failed import changes nothing.
 */
export function commitImport(
  store: DocumentStore,
  incoming: HemmaplanDocument,
  choice: ImportChoice,
  settings: 'current' | 'incoming' = 'current',
): Promise<EditOutcome> {
  return store.replaceDocument((current) => applyImport(current, incoming, choice, { settings }));
}
