import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { issueLines, parseDocument, serialiseDocument } from '../../src/exchange/document';
import { applyImport, conflictCount, COPY_NAME_SUFFIX, type ImportChoice, LIST_NAMES, type ListName, planImport } from '../../src/exchange/merge';
import { documentWithScenarios } from '../../src/exchange/subset';
import { type Json, type JsonRecord, type ListItem, serialiseListItem } from '../../src/exchange/serialise';
import { MAX_ID_LENGTH, MAX_TEXT_LENGTH } from '../../src/exchange/reader';
import { Decimal } from '../../src/domain/money';
import type { HemmaplanDocument, Initiative, Scenario } from '../../src/domain/types';
import { validDocument } from './arbitraries';
import { exampleDocument as example } from '../example';

function expectValid(document: HemmaplanDocument): void {
  const parsed = parseDocument(serialiseDocument(document));
  if (!parsed.ok) throw new Error(issueLines(parsed.issues).join('\n'));
  expect(parsed.document).toEqual(document);
}

const ids = (items: readonly { id: string }[]) => items.map((item) => item.id);

/** A small document: one intervention, initiative, placement type and scenario that refer to each other. */
function small(): HemmaplanDocument {
  const parsed = parseDocument({
    format: 'hemmaplan',
    version: 1,
    settings: { organisation: 'Kommun A' },
    interventions: [{ id: 'abc', name: 'ABC' }],
    initiatives: [{ id: 'hosare', name: 'Hemma-hosare', start: '2026-01', interventionIds: ['abc'], costLines: [{ kind: 'annual', amountPerYear: '100000' }] }],
    placementTypes: [{ id: 'hvb', name: 'HVB', unit: 'day', price: '4728', priceYear: 2025 }],
    scenarios: [
      {
        id: 's',
        name: 'Scenario',
        startYear: 2026,
        years: 3,
        initiativeIds: ['hosare'],
        effects: [{ id: 'e', fromPlacementTypeId: 'hvb', initiativeId: 'hosare', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '100' }] }],
      },
    ],
  });
  if (!parsed.ok) throw new Error(issueLines(parsed.issues).join('\n'));
  return parsed.document;
}

describe('planImport', () => {
  it('finds everything identical when a document is imported into itself', () => {
    const doc = example();
    const plan = planImport(doc, doc);
    for (const list of LIST_NAMES) {
      expect(plan.lists[list]).toEqual({ new: [], identical: doc[list], conflicts: [] });
    }
    expect(plan.settings.differ).toBe(false);
    expect(conflictCount(plan)).toBe(0);
  });

  it('sorts incoming items into new, identical and conflicts, keeping both versions of a conflict', () => {
    const current = example();
    const incoming = documentWithScenarios(current, ['exempel-2026-2028']);
    const changedType = { ...incoming.placementTypes[0]!, price: new Decimal('5000') };
    const newType = { id: 'jourhem', name: 'Jourhem', unit: 'day' as const, price: new Decimal('1800'), priceYear: 2025 };
    incoming.placementTypes = [changedType, newType];
    const plan = planImport(current, incoming);
    expect(ids(plan.lists.placementTypes.new)).toEqual(['jourhem']);
    expect(plan.lists.placementTypes.identical).toEqual([]);
    expect(plan.lists.placementTypes.conflicts).toEqual([
      {
        id: 'hvb-barn-unga',
        current: current.placementTypes[0],
        incoming: changedType,
        contentDiffers: true,
        copyId: 'hvb-barn-unga-kopia',
        copyName: `${changedType.name} (importerad)`,
      },
    ]);
    expect(ids(plan.lists.interventions.identical)).toEqual(['hemma-hosare', 'gron-omsorg', 'steg-1-terapeutiskt-stod']);
    expect(ids(plan.lists.initiatives.identical)).toEqual(['hemma-hosare', 'gron-omsorg', 'steg1-familjebehandlare']);
    // The scenario is written the same but its effect's placement type differs: a conflict through its reference.
    expect(plan.lists.scenarios.identical).toEqual([]);
    expect(plan.lists.scenarios.conflicts.map((c) => [c.id, c.contentDiffers])).toEqual([['exempel-2026-2028', false]]);
    expect(conflictCount(plan)).toBe(2);
  });

  it('carries a conflict through initiatives to scenarios', () => {
    const current = small();
    const incoming = small();
    incoming.interventions = [{ ...incoming.interventions[0]!, description: 'Ändrad' }];
    const plan = planImport(current, incoming);
    expect(plan.lists.interventions.conflicts.map((c) => c.contentDiffers)).toEqual([true]);
    expect(plan.lists.initiatives.conflicts.map((c) => c.contentDiffers)).toEqual([false]);
    expect(plan.lists.scenarios.conflicts.map((c) => c.contentDiffers)).toEqual([false]);
    expect(plan.lists.placementTypes.identical).toHaveLength(1);
  });

  it('compares decimals by value, as written, not by how they were typed', () => {
    const current = small();
    const incoming = small();
    incoming.placementTypes = [{ ...incoming.placementTypes[0]!, price: new Decimal('4728.00') }];
    expect(planImport(current, incoming).lists.placementTypes.identical).toHaveLength(1);
  });

  it('tells whether the settings differ', () => {
    const current = small();
    const incoming = { ...small(), settings: { ...current.settings, organisation: 'Kommun B' } };
    const plan = planImport(current, incoming);
    expect(plan.settings).toEqual({ differ: true, current: current.settings, incoming: incoming.settings });
    const sameValue = { ...small(), settings: { ...current.settings, payrollOverheadPercent: new Decimal('44.530') } };
    expect(planImport(current, sameValue).settings.differ).toBe(false);
  });

  it('gives copy ids that are unique in both documents and fit the id limit', () => {
    const current = small();
    current.placementTypes.push({ ...current.placementTypes[0]!, id: 'hvb-kopia', name: 'En tidigare kopia' });
    const incoming = small();
    incoming.placementTypes = [
      { ...incoming.placementTypes[0]!, price: new Decimal(1) },
      { ...incoming.placementTypes[0]!, id: 'hvb-kopia-2', name: 'Ny i filen' },
      { ...incoming.placementTypes[0]!, id: 'hvb-kopia', price: new Decimal(2) },
    ];
    incoming.scenarios = [];
    const plan = planImport(current, incoming);
    // hvb-kopia is taken by the current document and hvb-kopia-2 by the incoming one; a copy of a copy counts on.
    expect(plan.lists.placementTypes.conflicts.map((c) => [c.id, c.copyId])).toEqual([
      ['hvb', 'hvb-kopia-3'],
      ['hvb-kopia', 'hvb-kopia-4'],
    ]);
    expect(ids(plan.lists.placementTypes.new)).toEqual(['hvb-kopia-2']);
  });

  it('shortens a long id and a long name so that the copy stays within the limits', () => {
    const current = small();
    current.placementTypes = [{ ...current.placementTypes[0]!, id: 'a'.repeat(MAX_ID_LENGTH) }, { ...current.placementTypes[0]!, id: 'x' + '😀'.repeat(49) }];
    current.scenarios = [];
    const incoming = { ...current, placementTypes: current.placementTypes.map((t) => ({ ...t, name: 'n'.repeat(MAX_TEXT_LENGTH), price: new Decimal(9) })) };
    const plan = planImport(current, incoming);
    const [first, second] = plan.lists.placementTypes.conflicts;
    expect(first!.copyId).toBe('a'.repeat(MAX_ID_LENGTH - 6) + '-kopia');
    // 94 units would split the 47th emoji: it is left out whole.
    expect(second!.copyId).toBe('x' + '😀'.repeat(46) + '-kopia');
    expect(first!.copyName).toHaveLength(MAX_TEXT_LENGTH);
    expect(first!.copyName.endsWith(' (importerad)')).toBe(true);
    expectValid(applyImport(current, incoming, 'copies'));
  });
});

describe('applyImport', () => {
  /** current: the small document; incoming: the same with a changed initiative and a new placement type. */
  function changed() {
    const current = small();
    const incoming = small();
    incoming.settings = { ...incoming.settings, organisation: 'Kommun B' };
    incoming.initiatives = [{ ...incoming.initiatives[0]!, costLines: [{ kind: 'annual', amountPerYear: new Decimal('250000') }] }];
    incoming.placementTypes.push({ id: 'sis', name: 'SiS', unit: 'day', price: new Decimal('13000'), priceYear: 2023 });
    incoming.scenarios[0] = { ...incoming.scenarios[0]!, effects: [{ ...incoming.scenarios[0]!.effects[0]!, fromPlacementTypeId: 'sis' }] };
    return { current, incoming };
  }

  it('copies: adds conflicting items as copies whose references point at the copies', () => {
    const { current, incoming } = changed();
    const merged = applyImport(current, incoming, 'copies');
    expectValid(merged);
    expect(merged.settings).toBe(current.settings);
    expect(ids(merged.interventions)).toEqual(['abc']);
    expect(ids(merged.placementTypes)).toEqual(['hvb', 'sis']);
    expect(ids(merged.initiatives)).toEqual(['hosare', 'hosare-kopia']);
    expect(merged.initiatives[0]).toBe(current.initiatives[0]);
    expect(merged.initiatives[1]).toEqual({ ...incoming.initiatives[0], id: 'hosare-kopia', name: 'Hemma-hosare (importerad)' });
    expect(ids(merged.scenarios)).toEqual(['s', 's-kopia']);
    const copy = merged.scenarios[1]!;
    expect(copy.name).toBe('Scenario (importerad)');
    expect(copy.initiativeIds).toEqual(['hosare-kopia']);
    expect(copy.effects[0]).toMatchObject({ fromPlacementTypeId: 'sis', initiativeId: 'hosare-kopia' });
    expect(merged.scenarios[0]).toBe(current.scenarios[0]);
  });

  it('copies: rewrites references in new items too, and an intervention copy reaches initiatives', () => {
    const current = small();
    const incoming = small();
    incoming.interventions = [{ ...incoming.interventions[0]!, name: 'ABC, ny version' }];
    const newInitiative: Initiative = { ...incoming.initiatives[0]!, id: 'ny-satsning', name: 'Ny satsning' };
    incoming.initiatives.push(newInitiative);
    const merged = applyImport(current, incoming, 'copies');
    expectValid(merged);
    expect(ids(merged.interventions)).toEqual(['abc', 'abc-kopia']);
    expect(merged.initiatives.map((i) => [i.id, i.interventionIds])).toEqual([
      ['hosare', ['abc']],
      ['hosare-kopia', ['abc-kopia']],
      ['ny-satsning', ['abc-kopia']],
    ]);
    expect(merged.scenarios.map((s) => [s.id, s.initiativeIds])).toEqual([
      ['s', ['hosare']],
      ['s-kopia', ['hosare-kopia']],
    ]);
  });

  it('replace: puts the incoming version in place of the current one and appends new items', () => {
    const { current, incoming } = changed();
    current.initiatives.push({ ...current.initiatives[0]!, id: 'sist', name: 'Sist' });
    const merged = applyImport(current, incoming, 'replace');
    expectValid(merged);
    expect(ids(merged.initiatives)).toEqual(['hosare', 'sist']);
    expect(merged.initiatives[0]).toBe(incoming.initiatives[0]);
    expect(ids(merged.placementTypes)).toEqual(['hvb', 'sis']);
    expect(merged.scenarios).toEqual(incoming.scenarios);
    expect(merged.settings).toBe(current.settings);
  });

  it('takes the incoming settings when asked to', () => {
    const { current, incoming } = changed();
    for (const choice of ['copies', 'replace'] as const) {
      expect(applyImport(current, incoming, choice, { settings: 'incoming' }).settings).toBe(incoming.settings);
      expect(applyImport(current, incoming, choice, { settings: 'current' }).settings).toBe(current.settings);
    }
  });

  it('replace-all: the result is the incoming document', () => {
    const { current, incoming } = changed();
    expect(applyImport(current, incoming, 'replace-all')).toBe(incoming);
  });

  it('does not add a copy of a copy’s name suffix twice', () => {
    const current = small();
    current.placementTypes = [{ ...current.placementTypes[0]!, name: 'HVB (importerad)' }];
    const incoming = { ...current, scenarios: [], placementTypes: [{ ...current.placementTypes[0]!, price: new Decimal(1) }] };
    expect(applyImport(current, incoming, 'copies').placementTypes[1]!.name).toBe('HVB (importerad)');
  });

  it('imports the example into an empty document as it is', () => {
    const empty: HemmaplanDocument = { settings: small().settings, interventions: [], initiatives: [], placementTypes: [], scenarios: [] };
    const doc = example();
    for (const choice of ['copies', 'replace'] as const) {
      const merged = applyImport(empty, doc, choice);
      expect(merged).toEqual({ ...doc, settings: empty.settings, exportedAt: undefined });
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Properties over random pairs of valid documents that share ids.

/** The arbitraries name items "insats-0", "satsning-1" …, so two random documents share many ids. */
const masks = fc.record({
  interventions: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  initiatives: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  placementTypes: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
  scenarios: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
});
type Masks = { [L in ListName]: boolean[] };

/** `b` with, where a mask says so, the item of `a` with the same id instead of its own. */
function mix(a: HemmaplanDocument, b: HemmaplanDocument, mask: Masks): HemmaplanDocument {
  const out = { ...b };
  for (const list of LIST_NAMES) {
    const theirs = new Map((a[list] as { id: string }[]).map((item) => [item.id, item]));
    (out as Record<ListName, unknown[]>)[list] = (b[list] as { id: string }[]).map((item, i) => (mask[list][i] && theirs.get(item.id)) || item);
  }
  return out;
}

/** `a` with the names of the items a mask picks changed: conflicts that reach what refers to them. */
function tweak(a: HemmaplanDocument, mask: Masks): HemmaplanDocument {
  const out = { ...a };
  for (const list of LIST_NAMES) {
    (out as Record<ListName, unknown[]>)[list] = (a[list] as { id: string; name: string }[]).map((item, i) => (mask[list][i] ? { ...item, name: `${item.name}!` } : item));
  }
  return out;
}

const isValid = (doc: HemmaplanDocument) => parseDocument(serialiseDocument(doc)).ok;

const pairs: fc.Arbitrary<[HemmaplanDocument, HemmaplanDocument]> = fc.oneof(
  fc.tuple(validDocument, validDocument),
  fc.tuple(validDocument, validDocument, masks).map(([a, b, m]) => [a, mix(a, b, m)] as [HemmaplanDocument, HemmaplanDocument]).filter(([, b]) => isValid(b)),
  fc.tuple(validDocument, masks).map(([a, m]) => [a, tweak(a, m)] as [HemmaplanDocument, HemmaplanDocument]),
  validDocument.chain((a) => fc.subarray(ids(a.scenarios)).map((chosen) => [a, documentWithScenarios(a, chosen)] as [HemmaplanDocument, HemmaplanDocument])),
);

const stripSuffix = (name: string) => (name.endsWith(COPY_NAME_SUFFIX) ? name.slice(0, -COPY_NAME_SUFFIX.length) : name);

/**
 * What an item means, whatever ids it and the items it refers to carry: the item as written,
 * without its id, with its name as before any copy suffix, and each reference replaced by what
 * the referenced item means.
 */
function meaning<L extends ListName>(doc: HemmaplanDocument, list: L, item: ListItem<L>): Json {
  const find = <K extends ListName>(k: K, id: string): Json => {
    const found = (doc[k] as ListItem<K>[]).find((x) => x.id === id);
    if (!found) throw new Error(`${k} ${id} is missing`);
    return meaning(doc, k, found);
  };
  const { id: _id, ...written } = serialiseListItem(list, item);
  written.name = stripSuffix(item.name);
  if (list === 'initiatives') {
    const initiative = item as Initiative;
    if (initiative.interventionIds) written.interventionIds = initiative.interventionIds.map((id) => find('interventions', id));
  }
  if (list === 'scenarios') {
    const scenario = item as Scenario;
    written.initiativeIds = scenario.initiativeIds.map((id) => find('initiatives', id));
    written.effects = (written.effects as JsonRecord[]).map((e, k) => {
      const effect = scenario.effects[k]!;
      return {
        ...e,
        fromPlacementTypeId: find('placementTypes', effect.fromPlacementTypeId),
        toPlacementTypeId: effect.toPlacementTypeId === undefined ? null : find('placementTypes', effect.toPlacementTypeId),
        initiativeId: effect.initiativeId === undefined ? null : find('initiatives', effect.initiativeId),
      };
    });
  }
  return written;
}

const same = (a: Json, b: Json) => JSON.stringify(a) === JSON.stringify(b);

describe('applyImport on random pairs of documents', () => {
  it('the pairs do share ids, with both identical and conflicting items', () => {
    let identical = 0;
    let conflicts = 0;
    let throughReferences = 0;
    fc.assert(
      fc.property(pairs, ([current, incoming]) => {
        const plan = planImport(current, incoming);
        for (const list of LIST_NAMES) {
          identical += plan.lists[list].identical.length;
          conflicts += plan.lists[list].conflicts.length;
          throughReferences += plan.lists[list].conflicts.filter((c) => !c.contentDiffers).length;
        }
      }),
      { numRuns: 200 },
    );
    expect(identical).toBeGreaterThan(50);
    expect(conflicts).toBeGreaterThan(50);
    expect(throughReferences).toBeGreaterThan(5);
  });

  for (const choice of ['copies', 'replace'] as const) {
    it(`${choice}: the result is valid, keeps all of current and holds every incoming item`, () => {
      fc.assert(
        fc.property(pairs, ([current, incoming]) => {
          const plan = planImport(current, incoming);
          const merged = applyImport(current, incoming, choice);
          expectValid(merged);
          expect(merged.settings).toBe(current.settings);
          for (const list of LIST_NAMES) {
            const before = current[list] as ListItem<typeof list>[];
            const after = merged[list] as ListItem<typeof list>[];
            const { new: added, conflicts } = plan.lists[list];
            const conflictIds = new Set(conflicts.map((c) => c.id));
            // Nothing of current is lost: each current item keeps its place (replaced, under 'replace', when in conflict).
            expect(ids(after.slice(0, before.length))).toEqual(ids(before));
            before.forEach((item, i) => {
              if (choice === 'replace' && conflictIds.has(item.id)) expect(after[i]).toBe(conflicts.find((c) => c.id === item.id)!.incoming);
              else expect(after[i]).toBe(item);
            });
            expect(after).toHaveLength(before.length + added.length + (choice === 'copies' ? conflicts.length : 0));
            // Every incoming item is there, as itself or (under 'copies') as a copy that means the same.
            for (const item of incoming[list] as ListItem<typeof list>[]) {
              const wanted = meaning(incoming, list, item);
              const sameId = after.find((x) => x.id === item.id)!;
              if (choice === 'replace' || !conflictIds.has(item.id)) {
                expect(same(meaning(merged, list, sameId), wanted)).toBe(true);
              } else {
                const copy = after.find((x) => x.id === conflicts.find((c) => c.id === item.id)!.copyId)!;
                expect(copy.name).toBe(item.name.endsWith(COPY_NAME_SUFFIX) ? item.name : item.name + COPY_NAME_SUFFIX);
                expect(same(meaning(merged, list, copy), wanted)).toBe(true);
                expect(ids(before)).not.toContain(copy.id);
                expect(ids(incoming[list])).not.toContain(copy.id);
              }
            }
          }
        }),
        { numRuns: 300 },
      );
    });
  }

  it('replace-all: the result equals the incoming document', () => {
    fc.assert(
      fc.property(pairs, ([current, incoming]) => {
        expect(applyImport(current, incoming, 'replace-all')).toEqual(incoming);
      }),
      { numRuns: 50 },
    );
  });

  it('importing the same file again with replace changes nothing, and leaves nothing new or in conflict', () => {
    fc.assert(
      fc.property(pairs, ([current, incoming]) => {
        const once = applyImport(current, incoming, 'replace');
        expect(applyImport(once, incoming, 'replace')).toEqual(once);
        const plan = planImport(once, incoming);
        expect(conflictCount(plan) + LIST_NAMES.reduce((n, list) => n + plan.lists[list].new.length, 0)).toBe(0);
      }),
      { numRuns: 200 },
    );
  });

  it('every choice gives a valid document, with incoming settings when asked', () => {
    const choices: ImportChoice[] = ['copies', 'replace', 'replace-all'];
    fc.assert(
      fc.property(pairs, fc.constantFrom(...choices), ([current, incoming], choice) => {
        const merged = applyImport(current, incoming, choice, { settings: 'incoming' });
        expect(isValid(merged)).toBe(true);
        expect(merged.settings).toBe(incoming.settings);
      }),
      { numRuns: 100 },
    );
  });
});
