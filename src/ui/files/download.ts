import type { HemmaplanDocument } from '../../domain/types';
import { stringifyDocument } from '../../exchange/serialise';

/** Hands a file to the browser's download, without any network request. */
export function downloadFile(content: Uint8Array | string, fileName: string, type: string): void {
  const blob = new Blob([typeof content === 'string' ? content : content.slice().buffer], { type });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started from the object URL by now; free it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Today's date as YYYY-MM-DD in the user's time zone: what a file name and a report date show. */
export function localDate(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** A file name part from a user's text: letters, digits and hyphens, å ä ö kept. */
export function fileNamePart(text: string): string {
  const part = text
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return part || 'hemmaplan';
}

export const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv;charset=utf-8',
  json: 'application/json',
} as const;

/** A document as a `.hemmaplan.json` file, stamped with the time of export; `name` without the ending. */
export function downloadDocument(document: HemmaplanDocument, name: string): void {
  downloadFile(stringifyDocument(document, new Date().toISOString()), `${name}.hemmaplan.json`, FILE_TYPES.json);
}
