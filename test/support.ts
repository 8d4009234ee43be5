/** Shared test helpers: build documents from plain JSON through the one validator. */
import { parseDocument, issueLines } from '../src/exchange/document';
import type { HemmaplanDocument } from '../src/domain/types';
import { evaluateDocument } from '../src/domain/scenario';
import { resultDocument } from '../src/exchange/result';

export type JsonDoc = Record<string, unknown>;

export function documentFrom(json: JsonDoc): HemmaplanDocument {
  const parsed = parseDocument({ format: 'hemmaplan', version: 1, ...json });
  if (!parsed.ok) throw new Error(`test document is invalid:\n${issueLines(parsed.issues).join('\n')}`);
  return parsed.document;
}

/** The rounded result document of every scenario of a JSON document. */
export function resultsOf(json: JsonDoc) {
  return resultDocument(evaluateDocument(documentFrom(json))).scenarios;
}

/** The one scenario's result. */
export function resultOf(json: JsonDoc) {
  const [first] = resultsOf(json);
  if (!first) throw new Error('no scenario');
  return first;
}

/** A document with one initiative of the given lines in one scenario over `years` years from 2026. */
export function singleInitiative(lines: unknown[], options: { start?: string; end?: string; years?: number; settings?: JsonDoc; scenarioSettings?: JsonDoc } = {}): JsonDoc {
  return {
    settings: options.settings ?? {},
    initiatives: [{ id: 'i', name: 'Satsning', start: options.start ?? '2026-01', end: options.end ?? null, costLines: lines }],
    placementTypes: [],
    scenarios: [
      {
        id: 's',
        name: 'Scenario',
        startYear: 2026,
        years: options.years ?? 3,
        initiativeIds: ['i'],
        ...(options.scenarioSettings ? { settings: options.scenarioSettings } : {}),
      },
    ],
  };
}

/** Yearly costs of the single scenario, as rounded strings. */
export function yearlyCosts(json: JsonDoc): string[] {
  return resultOf(json).years.map((y) => y.cost);
}
