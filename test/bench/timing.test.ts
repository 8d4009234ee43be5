import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { timeDocument, warmUp, WARM_UP } from './timing';

describe('bench timing', () => {
  it('warms up for at least WARM_UP.runs runs and WARM_UP.milliseconds', () => {
    let count = 0;
    const start = performance.now();
    const reported = warmUp(() => count++);
    expect(reported).toBe(count);
    expect(count).toBeGreaterThanOrEqual(WARM_UP.runs);
    expect(performance.now() - start).toBeGreaterThanOrEqual(WARM_UP.milliseconds);
  });

  it('times a document: its scenarios, the warm-up runs and the timed runs', () => {
    const example = readFileSync(new URL('../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');
    const timings = timeDocument(example, 5);
    expect(timings.scenarios).toBe(2);
    expect(timings.runs).toBe(5);
    expect(timings.warmUpRuns).toBeGreaterThanOrEqual(WARM_UP.runs);
    expect(timings.first.total).toBeGreaterThan(0);
  });
});
