import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { issueLines, parseDocument, serialiseDocument } from '../../src/exchange/document';
import { documentWithScenarios } from '../../src/exchange/subset';
import { evaluateScenario } from '../../src/domain/scenario';
import { resultDocument } from '../../src/exchange/result';
import type { HemmaplanDocument } from '../../src/domain/types';
import { validDocument } from './arbitraries';
import { exampleDocument as example } from '../example';

function expectValid(document: HemmaplanDocument): HemmaplanDocument {
  const parsed = parseDocument(serialiseDocument(document));
  if (!parsed.ok) throw new Error(issueLines(parsed.issues).join('\n'));
  return parsed.document;
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** What the chosen scenarios reach, worked out here on its own, in the document's order. */
function referenced(document: HemmaplanDocument, scenarioIds: readonly string[]) {
  const scenarios = document.scenarios.filter((s) => scenarioIds.includes(s.id));
  const initiativeIds = scenarios.flatMap((s) => [...s.initiativeIds, ...s.effects.flatMap((e) => (e.initiativeId ? [e.initiativeId] : []))]);
  const initiatives = document.initiatives.filter((i) => initiativeIds.includes(i.id));
  const interventionIds = initiatives.flatMap((i) => i.interventionIds ?? []);
  return {
    scenarios: ids(scenarios),
    initiatives: ids(initiatives),
    placementTypes: ids(document.placementTypes),
    interventions: ids(document.interventions.filter((v) => interventionIds.includes(v.id))),
  };
}

describe('documentWithScenarios', () => {
  it('takes one scenario of the example with exactly its initiatives and interventions, and the whole price list', () => {
    const doc = example();
    const part = documentWithScenarios(doc, ['exempel-2026-2028']);
    expectValid(part);
    expect(ids(part.scenarios)).toEqual(['exempel-2026-2028']);
    expect(ids(part.initiatives)).toEqual(['hemma-hosare', 'gron-omsorg', 'steg1-familjebehandlare']);
    expect(ids(part.placementTypes)).toEqual(ids(doc.placementTypes));
    expect(ids(part.interventions)).toEqual(['hemma-hosare', 'gron-omsorg', 'steg-1-terapeutiskt-stod']);
    expect(part.settings).toBe(doc.settings);
  });

  it('keeps the document’s order, not the order asked for', () => {
    const doc = example();
    const part = documentWithScenarios(doc, ['utokad-hemmaplan-2026-2030', 'exempel-2026-2028']);
    expectValid(part);
    expect(ids(part.scenarios)).toEqual(['exempel-2026-2028', 'utokad-hemmaplan-2026-2030']);
    expect(ids(part.initiatives)).toEqual(['hemma-hosare', 'gron-omsorg', 'steg1-familjebehandlare', 'kraftkallan']);
  });

  it('computes the same results from the part as from the whole document, break-even included', () => {
    const doc = example();
    for (const scenario of doc.scenarios) {
      const part = expectValid(documentWithScenarios(doc, [scenario.id]));
      const [fromPart] = resultDocument([evaluateScenario(part, part.scenarios[0]!)]).scenarios;
      const [fromWhole] = resultDocument([evaluateScenario(doc, scenario)]).scenarios;
      expect(fromPart).toEqual(fromWhole);
      expect(fromPart!.breakEven.length).toBe(doc.placementTypes.length);
    }
  });

  it('gives an empty, valid document for no scenarios or unknown ids, and leaves out exportedAt', () => {
    const doc = { ...example(), exportedAt: '2026-11-23T10:00:00Z' };
    for (const chosen of [[], ['finns-inte']]) {
      const part = documentWithScenarios(doc, chosen);
      expectValid(part);
      expect(part).toEqual({ settings: doc.settings, interventions: [], initiatives: [], placementTypes: doc.placementTypes, scenarios: [] });
    }
  });

  it('for random valid documents, passes the validator and holds exactly what the chosen scenarios reference', () => {
    const docAndChoice = validDocument.chain((doc) => fc.tuple(fc.constant(doc), fc.subarray(ids(doc.scenarios))));
    fc.assert(
      fc.property(docAndChoice, ([doc, chosen]) => {
        const part = documentWithScenarios(doc, chosen);
        const parsed = expectValid(part);
        expect(parsed).toEqual(part);
        const expected = referenced(doc, chosen);
        expect(ids(part.scenarios)).toEqual(expected.scenarios);
        expect(ids(part.initiatives)).toEqual(expected.initiatives);
        expect(ids(part.placementTypes)).toEqual(expected.placementTypes);
        expect(ids(part.interventions)).toEqual(expected.interventions);
        // The items themselves are the document's, unchanged.
        for (const list of ['scenarios', 'initiatives', 'placementTypes', 'interventions'] as const) {
          for (const item of part[list]) expect(doc[list] as readonly object[]).toContain(item);
        }
        expect(part.settings).toEqual(doc.settings);
      }),
      { numRuns: 300 },
    );
  });
});
