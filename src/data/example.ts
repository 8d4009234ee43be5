/**
 * The example document the app starts with. It enters through the exchange validator like any
 * file a user imports, so the rest of the app trusts it for the same reason.
 */
import exampleText from '../defaults/exempel.hemmaplan.json?raw';
import { issueLines, parseDocumentText } from '../exchange/document';
import type { HemmaplanDocument } from '../domain/types';

export function loadExampleDocument(): HemmaplanDocument {
  const parsed = parseDocumentText(exampleText);
  if (!parsed.ok) throw new Error(`Exempeldata är ogiltig:\n${issueLines(parsed.issues).join('\n')}`);
  return parsed.document;
}
