/**
 * `npm run bench`: median time to validate and evaluate the example document and a generated
 * stress document. Not a test: it prints figures and asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import { parseDocumentText } from '../../src/exchange/document';
import { evaluateDocument } from '../../src/domain/scenario';
import { resultDocument } from '../../src/exchange/result';
import { STRESS, stressDocument } from './stress';

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function measure(label: string, text: string, runs: number): void {
  const run = () => {
    const parsed = parseDocumentText(text);
    if (!parsed.ok) throw new Error(`${label}: invalid document: ${parsed.issues[0]?.path}: ${parsed.issues[0]?.message}`);
    const t1 = performance.now();
    const results = evaluateDocument(parsed.document);
    const t2 = performance.now();
    return { results, evaluate: t2 - t1 };
  };
  for (let i = 0; i < 3; i++) run(); // warm-up
  const totals: number[] = [];
  const validates: number[] = [];
  const evaluates: number[] = [];
  let scenarios = 0;
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    const parsed = parseDocumentText(text);
    const t1 = performance.now();
    if (!parsed.ok) throw new Error('invalid');
    const results = evaluateDocument(parsed.document);
    const t2 = performance.now();
    resultDocument(results);
    validates.push(t1 - t0);
    evaluates.push(t2 - t1);
    totals.push(t2 - t0);
    scenarios = results.length;
  }
  const f = (ms: number) => ms.toFixed(2).padStart(8);
  console.log(
    `${label.padEnd(28)} ${String(Math.round(text.length / 1024)).padStart(6)} KiB  scenarios ${String(scenarios).padStart(3)}  ` +
      `validate ${f(median(validates))} ms  evaluate ${f(median(evaluates))} ms  total ${f(median(totals))} ms  (median of ${runs})`,
  );
}

const example = readFileSync(new URL('../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');
const stress = JSON.stringify(stressDocument());

console.log(`Node ${process.version}; stress: ${JSON.stringify(STRESS)}`);
measure('exempel.hemmaplan.json', example, 51);
measure('stress document', stress, 21);
