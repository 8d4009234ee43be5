/** What chromium-engine.ts runs in the page: the stress document validated and evaluated, timed. */
import { stressDocument } from './stress';
import { type DocumentTimings, timeDocument } from './timing';

export function measureStress(runs: number): DocumentTimings {
  return timeDocument(JSON.stringify(stressDocument()), runs);
}
