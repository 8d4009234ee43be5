/**
 * `npm run bench`: median time to validate and evaluate the example document and a generated
 * stress document, and for the stress document what its decimal.js arithmetic costs on its own,
 * a lower bound for any evaluator on decimal.js (issue #2's 50 ms target is measured against these)
 * and the same validation and evaluation in Chromium, where the app runs.
 * Not a test: it prints figures and asserts nothing about time.
 */
import { readFileSync } from 'node:fs';
import { CostCache, type IndexSeries } from '../../src/domain/costs';
import { Decimal, ONE, ZERO } from '../../src/domain/money';
import { horizonYears } from '../../src/domain/scenario';
import { effectiveSettings } from '../../src/domain/settings';
import { parseDocumentText } from '../../src/exchange/document';
import { measureInChromium } from './chromium-engine';
import { ARITHMETIC, recordOperations } from './operations';
import { STRESS, stressDocument } from './stress';
import { type DocumentTimings, formatTimings, medianTime, timeDocument } from './timing';

/** One document's line of figures. */
function timingLine(label: string, text: string, timings: DocumentTimings): string {
  return `${label.padEnd(28)} ${String(Math.round(text.length / 1024)).padStart(6)} KiB  scenarios ${String(timings.scenarios).padStart(3)}  ${formatTimings(timings)}`;
}

/**
 * How long the decimal.js arithmetic of one evaluation takes on its own: the recorded operations
 * replayed on the same operands, without the evaluator around them. No arrangement of the
 * evaluator that does these operations can be faster than this.
 */
function measureArithmetic(label: string, text: string, runs: number): void {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(`${label}: invalid document`);
  const operations = recordOperations(parsed.document);
  const replay = () => {
    for (const { method, value, argument } of operations) (value[method] as (argument: Decimal | number) => Decimal)(argument);
  };
  const time = medianTime(replay, runs);
  const counts = ARITHMETIC.map((method) => `${method} ${operations.filter((o) => o.method === method).length}`).join(', ');
  console.log(`${label.padEnd(28)} decimal.js alone: ${operations.length} operations (${counts}) replayed in ${time.toFixed(2)} ms (median of ${runs})`);
}

/** a + b, skipping the addition when one of them is zero. */
const add = (a: Decimal, b: Decimal): Decimal => (b.isZero() ? a : a.isZero() ? b : a.plus(b));

/**
 * A lower bound for any evaluator built on decimal.js: only the operations that the figures of the
 * result need, with all the sharing the numbers allow and none of the evaluator's bookkeeping.
 * Given (not timed): each initiative's cost per year before indexation, the index factors and the
 * placement prices. Timed: the salary and price parts times their index, once per distinct index;
 * per scenario, each initiative's yearly cost (one addition) and total; the scenario's yearly cost
 * from sums over the initiatives made once (two products a year); break-even units as one product
 * each by a reciprocal price made once per price index, type and year (cheaper than the division
 * the rules ask for, so still a bound). Effects, NPV and validation are left out.
 */
function measureLowerBound(label: string, text: string, runs: number): void {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(`${label}: invalid document`);
  const document = parsed.document;
  const cache = new CostCache();
  const initiativesById = new Map(document.initiatives.map((i) => [i.id, i]));
  const scenarios = document.scenarios.map((scenario) => {
    const factors = cache.factors(effectiveSettings(document.settings, scenario));
    const years = horizonYears(scenario);
    const bases = scenario.initiativeIds.map((id) => years.map((year) => cache.get(initiativesById.get(id)!, factors.settings.payrollOverheadPercent).cost(year)));
    const prices = document.placementTypes.filter((type) => type.price.gt(ZERO)).map((type) => years.map((year) => factors.placementPrice(type, year)));
    // What the base costs depend on: payroll overhead, horizon and initiatives; the indexed parts also on the index.
    const key = `${factors.settings.payrollOverheadPercent.toString()}|${scenario.startYear}+${scenario.years}|${scenario.initiativeIds.join(',')}`;
    return { factors, years, bases, prices, key };
  });

  const run = () => {
    const salaryParts = new Map<string, Decimal[][]>();
    const priceParts = new Map<string, Decimal[][]>();
    const baseSums = new Map<string, { salary: Decimal; price: Decimal }[]>();
    const reciprocals = new Map<string, Decimal[][]>();
    const ids = new Map<IndexSeries, number>();
    const idOf = (index: IndexSeries) => ids.get(index) ?? (ids.set(index, ids.size), ids.size - 1);
    for (const { factors, years, bases, prices, key } of scenarios) {
      const indexed = (parts: Map<string, Decimal[][]>, index: IndexSeries, part: 'salary' | 'price') => {
        const partKey = `${idOf(index)}|${key}`;
        let values = parts.get(partKey);
        if (!values) parts.set(partKey, (values = bases.map((base) => years.map((year, k) => (base[k]![part].isZero() ? ZERO : base[k]![part].times(index.at(year)))))));
        return values;
      };
      const salary = indexed(salaryParts, factors.salaryIndex, 'salary');
      const price = indexed(priceParts, factors.priceIndex, 'price');
      for (let i = 0; i < bases.length; i++) {
        let total = ZERO;
        for (let k = 0; k < years.length; k++) total = add(total, add(salary[i]![k]!, price[i]![k]!));
      }
      let sums = baseSums.get(key);
      if (!sums) {
        sums = years.map((_, k) => bases.reduce((sum, base) => ({ salary: add(sum.salary, base[k]!.salary), price: add(sum.price, base[k]!.price) }), { salary: ZERO, price: ZERO }));
        baseSums.set(key, sums);
      }
      const costs = years.map((year, k) => add(sums[k]!.salary.times(factors.salaryIndex.at(year)), sums[k]!.price.times(factors.priceIndex.at(year))));
      const inverseKey = `${idOf(factors.priceIndex)}|${years[0]}+${years.length}`;
      let inverse = reciprocals.get(inverseKey);
      if (!inverse) reciprocals.set(inverseKey, (inverse = prices.map((perYear) => perYear.map((p) => ONE.div(p)))));
      for (const perYear of inverse) costs.forEach((cost, k) => cost.times(perYear[k]!));
    }
  };
  const time = medianTime(run, runs);
  console.log(`${label.padEnd(28)} lower bound for any decimal.js evaluator (see measureLowerBound): ${time.toFixed(2)} ms (median of ${runs})`);
}

const example = readFileSync(new URL('../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');
const stress = JSON.stringify(stressDocument());

console.log(`Node ${process.version}; stress: ${JSON.stringify(STRESS)}`);
// The stress document first, so that its first run is the process's first, as in Chromium's fresh page.
const stressTimings = timeDocument(stress, 21);
console.log(timingLine('exempel.hemmaplan.json', example, timeDocument(example, 51)));
console.log(timingLine('stress document', stress, stressTimings));
measureArithmetic('stress document', stress, 21);
measureLowerBound('stress document', stress, 21);
await measureInChromium('stress document', 21);
