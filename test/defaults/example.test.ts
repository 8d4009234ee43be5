import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocumentText, issueLines } from '../../src/exchange/document';
import { evaluateInitiative, evaluateScenario } from '../../src/domain/scenario';
import { IndexFactors } from '../../src/domain/costs';
import { effectiveSettings } from '../../src/domain/settings';
import { formatMoney } from '../../src/domain/money';
import type { HemmaplanDocument } from '../../src/domain/types';

const text = readFileSync(new URL('../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');

function load(): HemmaplanDocument {
  const parsed = parseDocumentText(text);
  if (!parsed.ok) throw new Error(issueLines(parsed.issues).join('\n'));
  return parsed.document;
}

const tkr = (s: string) => s.replace(/\u00a0/g, ' ');

/** An initiative's cost per calendar year over 2026–2030 with the document's settings, in tkr. */
function yearlyTkr(doc: HemmaplanDocument, id: string): { years: string[]; total: string } {
  const initiative = doc.initiatives.find((i) => i.id === id);
  if (!initiative) throw new Error(`no initiative ${id}`);
  const horizon = { startYear: 2026, years: 5 };
  const result = evaluateInitiative(initiative, horizon, new IndexFactors(effectiveSettings(doc.settings, horizon)));
  return { years: result.years.map((y) => tkr(formatMoney(y.cost, 'tkr'))), total: tkr(formatMoney(result.total, 'tkr')) };
}

describe('the example document', () => {
  const doc = load();

  it('is valid under the validator', () => {
    expect(doc.interventions.length).toBeGreaterThan(0);
  });

  it('catalogues at least 35 insatser och metoder, each described', () => {
    expect(doc.interventions.length).toBeGreaterThanOrEqual(35);
    for (const i of doc.interventions) {
      expect(i.description?.length, i.id).toBeGreaterThan(40);
      expect(i.targetGroups?.length, i.id).toBeGreaterThan(0);
      expect(i.unit, i.id).toBeTruthy();
      expect(i.format, i.id).toBeTruthy();
      expect(i.needsAssessment, i.id).toBeTruthy();
    }
    const names = doc.interventions.map((i) => i.name).join(' | ');
    for (const method of ['ABC', 'COPE', 'Komet', 'Trygghetscirkeln', 'SSPF', 'MI', 'CRA', 'IKB', 'United Sisters']) {
      expect(names).toContain(method);
    }
    expect(doc.interventions.filter((i) => i.evidenceUrl).length).toBeGreaterThanOrEqual(15);
  });

  it('reproduces the six figures of DOMAIN.md', () => {
    expect(yearlyTkr(doc, 'hemma-hosare').years).toEqual(['520 tkr', '520 tkr', '520 tkr', '520 tkr', '520 tkr']);
    expect(yearlyTkr(doc, 'gron-omsorg').years[0]).toBe('20 tkr');
    expect(yearlyTkr(doc, 'steg1-familjebehandlare').total).toBe('470 tkr');
    expect(yearlyTkr(doc, 'kraftkallan').years[0]).toBe('1 500 tkr');
    expect(yearlyTkr(doc, 'gransattning-vaxhuset')).toEqual({ years: ['420 tkr', '0 tkr', '0 tkr', '0 tkr', '0 tkr'], total: '420 tkr' });
    expect(yearlyTkr(doc, 'samkraft').years[0]).toBe('3 000 tkr');
  });

  it('has placement types with reference prices, price years and sources', () => {
    const hvb = doc.placementTypes.find((t) => t.id === 'hvb-barn-unga');
    expect(hvb?.price.toFixed()).toBe('4728');
    expect(hvb?.priceYear).toBe(2025);
    for (const type of doc.placementTypes) expect(type.source, type.id).toBeTruthy();
  });

  it('has an example scenario over 2026–2028 with hemma-hosare, grön omsorg, steg 1 and an avoided HVB placement each year', () => {
    const scenario = doc.scenarios.find((s) => s.id === 'exempel-2026-2028');
    expect(scenario).toBeDefined();
    expect([scenario!.startYear, scenario!.years]).toEqual([2026, 3]);
    expect(scenario!.initiativeIds).toEqual(['hemma-hosare', 'gron-omsorg', 'steg1-familjebehandlare']);
    const hvbYears = scenario!.effects.filter((e) => e.fromPlacementTypeId.startsWith('hvb')).flatMap((e) => e.perYear.map((p) => p.year));
    expect(new Set(hvbYears)).toEqual(new Set([2026, 2027, 2028]));
    const result = evaluateScenario(doc, scenario!);
    // 520 308 + 20 000 + 130 993,025 (five study months and one term's material)
    expect(result.years[0]!.cost.toFixed(3)).toBe('671301.025');
    expect(result.years[0]!.avoided.toFixed()).toBe('425520');
  });
});
