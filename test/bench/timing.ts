/**
 * How `npm run bench` times the validation and evaluation of a document, the same in Node and in
 * Chromium: the first run on its own, then warm-up runs, then the median of the timed runs.
 */
import { evaluateDocument } from '../../src/domain/scenario';
import { parseDocumentText } from '../../src/exchange/document';
import { median } from './median';

export interface Timings {
  validate: number;
  evaluate: number;
  total: number;
}

export interface DocumentTimings {
  scenarios: number;
  /** The document's first run, before its warm-up; when nothing ran before it, with nothing compiled and the heap not yet grown. */
  first: Timings;
  /** Medians of the timed runs. */
  median: Timings;
  warmUpRuns: number;
  runs: number;
}

/**
 * Runs before the timed ones, by count and by time, whichever ends later. In Node 20 the stress
 * document's first run takes 100–270 ms and the next few 50–100 ms (the optimising compiler is still
 * at work and the young generation still growing); it takes some 20 runs, about a second, to settle
 * near 40–45 ms on a quiet machine. Three warm-up runs, as this bench had before, left several of
 * those in the median of 21 (0–4 ms of about 45 in five trials on a quiet machine).
 */
export const WARM_UP = { runs: 20, milliseconds: 1500 };

function run(text: string): Timings & { scenarios: number } {
  const t0 = performance.now();
  const parsed = parseDocumentText(text);
  const t1 = performance.now();
  if (!parsed.ok) throw new Error(`invalid document: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
  const results = evaluateDocument(parsed.document);
  const t2 = performance.now();
  return { validate: t1 - t0, evaluate: t2 - t1, total: t2 - t0, scenarios: results.length };
}

/** Runs a piece of work for WARM_UP's count and time, whichever ends later, and says how many times. */
export function warmUp(work: () => unknown): number {
  const start = performance.now();
  let count = 0;
  while (count < WARM_UP.runs || performance.now() - start < WARM_UP.milliseconds) {
    work();
    count++;
  }
  return count;
}

/** The median time of some runs of a piece of work, after warm-up. */
export function medianTime(work: () => unknown, runs: number): number {
  warmUp(work);
  const times = Array.from({ length: runs }, () => {
    const t0 = performance.now();
    work();
    return performance.now() - t0;
  });
  return median(times);
}

export function timeDocument(text: string, runs: number): DocumentTimings {
  const first = run(text);
  const warmUpRuns = warmUp(() => run(text));
  const timed = Array.from({ length: runs }, () => run(text));
  return {
    scenarios: first.scenarios,
    first,
    median: { validate: median(timed.map((t) => t.validate)), evaluate: median(timed.map((t) => t.evaluate)), total: median(timed.map((t) => t.total)) },
    warmUpRuns,
    runs,
  };
}

/** One line of figures: validate, evaluate and total medians, and the first run's total. */
export function formatTimings(t: DocumentTimings): string {
  const f = (ms: number) => ms.toFixed(2).padStart(8);
  return `validate ${f(t.median.validate)} ms  evaluate ${f(t.median.evaluate)} ms  total ${f(t.median.total)} ms  (median of ${t.runs} after ${t.warmUpRuns} warm-up runs; first run ${t.first.total.toFixed(0)} ms)`;
}
