/** The example document the app seeds, read through the validator: a fresh copy for each call. */
import { readFileSync } from 'node:fs';
import { issueLines, parseDocumentText } from '../src/exchange/document';
import type { HemmaplanDocument } from '../src/domain/types';

export const exampleText = readFileSync(new URL('../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');

export function exampleDocument(): HemmaplanDocument {
  const parsed = parseDocumentText(exampleText);
  if (!parsed.ok) throw new Error(`The example document is invalid:\n${issueLines(parsed.issues).join('\n')}`);
  return parsed.document;
}
