/** What chromium-engine.ts runs in the page: the stress document validated and evaluated, timed. */
import { evaluateDocument } from '../../src/domain/scenario';
import { parseDocumentText } from '../../src/exchange/document';
import { median } from './median';
import { stressDocument } from './stress';

export interface StressTimings {
  validate: number;
  evaluate: number;
  total: number;
}

export function measureStress(runs: number): StressTimings {
  const text = JSON.stringify(stressDocument());
  const run = () => {
    const t0 = performance.now();
    const parsed = parseDocumentText(text);
    const t1 = performance.now();
    if (!parsed.ok) throw new Error(`invalid stress document: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
    evaluateDocument(parsed.document);
    const t2 = performance.now();
    return { validate: t1 - t0, evaluate: t2 - t1, total: t2 - t0 };
  };
  for (let i = 0; i < 3; i++) run(); // warm-up
  const timings = Array.from({ length: runs }, run);
  return { validate: median(timings.map((t) => t.validate)), evaluate: median(timings.map((t) => t.evaluate)), total: median(timings.map((t) => t.total)) };
}
