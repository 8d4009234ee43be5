/**
 * The evaluator against the exact reading of EXCHANGE.md §2 (test/domain/exact.ts: month by month,
 * line by line, in exact fractions, with none of the evaluator's sharing, caching or regrouping),
 * on the benchmark's stress document and variants of it: every figure of the result document,
 * rounded to öre, must agree, so the evaluator's shortcuts change no figure that is shown.
 */
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../src/domain/scenario';
import type { HemmaplanDocument } from '../../src/domain/types';
import { stressDocument, type StressSize } from '../bench/stress';
import { documentFrom } from '../support';
import { compareWithExact, exactScenarios, newCounts } from './exact';

/** A generated document with its scenarios' settings replaced, to reach base years, deflation and zero growth. */
function variant(size: StressSize, seed: number, settings: (s: number) => Record<string, string | number>, baseYear = 2026): HemmaplanDocument {
  const json = stressDocument(size, seed) as { settings: Record<string, unknown>; scenarios: { settings: unknown }[] };
  json.settings = { ...json.settings, baseYear };
  json.scenarios.forEach((scenario, s) => (scenario.settings = settings(s)));
  const { format: _f, version: _v, ...rest } = json as Record<string, unknown>;
  return documentFrom(rest);
}

const SMALL: StressSize = { initiatives: 40, linesPerInitiative: 5, placementTypes: 40, scenarios: 10, years: 10, effectsPerScenario: 20 };

describe('the evaluator agrees with the exact computation of EXCHANGE.md §2', () => {
  const agree = (document: HemmaplanDocument) => {
    const counts = newCounts();
    const actual = evaluateDocument(document);
    exactScenarios(document).forEach((exact, s) => compareWithExact(actual[s]!, exact, 'stress', counts));
    expect(counts.figures).toBeGreaterThan(1000);
  };

  it('on the stress document of the benchmark', () => {
    agree(documentFrom((({ format: _f, version: _v, ...rest }) => rest)(stressDocument())));
  }, 60_000);

  it('with growth, deflation before the base year and discounting', () => {
    for (const seed of [1, 2, 3]) {
      agree(
        variant(SMALL, seed, (s) => ({ salaryGrowthPercent: `${s - 3}.${s}5`, priceGrowthPercent: `${(s % 3) * 1.25 - 1}`, discountRatePercent: `${s}.5` }), 2030),
      );
    }
  }, 60_000);

  it('without growth', () => {
    for (const seed of [4, 5]) agree(variant(SMALL, seed, () => ({ salaryGrowthPercent: '0', priceGrowthPercent: '0', discountRatePercent: '0' })));
  }, 60_000);
});
