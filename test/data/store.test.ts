import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { applyToStored, replacementChange, type ReadOutcome, type StoredDocument } from '../../src/data/store';
import { serialiseDocument, stringifyDocument } from '../../src/exchange/serialise';
import type { JsonObject } from '../../src/exchange/reader';
import { evaluateScenario } from '../../src/domain/scenario';
import { Decimal } from '../../src/domain/money';
import type { StaffLine } from '../../src/domain/types';
import { exampleDocument as example } from '../example';
import { readOk, testStore } from './databases';

const newStore = testStore;
let counter = 0;

describe('the document store', () => {
  it('seeds the example once, and reads back exactly the example', async () => {
    const store = newStore();
    expect(await store.seedOnce(example())).toBe(true);
    const { document } = await readOk(store);
    const { exportedAt: _ignored, ...expected } = example();
    expect(document).toEqual(expected);
    expect(document.interventions.length).toBeGreaterThanOrEqual(35);
  });

  it('never seeds again, even after the user emptied a list', async () => {
    const store = newStore();
    await store.seedOnce(example());
    const { stored } = await readOk(store);
    const scenarioIds = stored.lists.scenarios.map((r) => r.id);
    expect((await store.remove('scenarios', scenarioIds)).ok).toBe(true);
    expect(await store.seedOnce(example())).toBe(false);
    expect((await readOk(store)).document.scenarios).toEqual([]);
  });

  it('saves an edit, and the evaluator sees it', async () => {
    const store = newStore();
    await store.seedOnce(example());
    const { document, stored } = await readOk(store);
    const hosare = document.initiatives.find((i) => i.id === 'hemma-hosare')!;
    const line = hosare.costLines[0] as StaffLine;
    const edited = { ...hosare, costLines: [{ ...line, monthlySalary: new Decimal(32000) }] };
    expect(await store.save('initiatives', [edited])).toEqual({ ok: true });

    const after = await readOk(store);
    const scenario = after.document.scenarios.find((s) => s.id === 'exempel-2026-2028')!;
    const cost = evaluateScenario(after.document, scenario).initiatives[0]!.years[0]!.cost;
    expect(cost.toFixed(2)).toBe('554995.20'); // 32000 × 12 × 1.4453
    // The edited initiative keeps its place in the list.
    expect(after.document.initiatives.map((i) => i.id)).toEqual(document.initiatives.map((i) => i.id));
  });

  it('refuses an edit that would make the document invalid, and changes nothing', async () => {
    const store = newStore();
    await store.seedOnce(example());
    const { document, stored } = await readOk(store);
    const broken = { ...document.initiatives[0]!, interventionIds: ['finns-inte'] };
    const outcome = await store.save('initiatives', [broken]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) {
      expect(outcome.issues[0]!.path).toBe('initiatives[0].interventionIds[0]');
      expect(outcome.at).toEqual({ list: 'initiatives', id: document.initiatives[0]!.id, field: 'interventionIds' });
    }
    expect((await readOk(store)).document).toEqual(document);
    expect(store.canUndo).toBe(false);
  });

  it('refuses to delete a placement type that a scenario uses', async () => {
    const store = newStore();
    await store.seedOnce(example());
    const { stored } = await readOk(store);
    const outcome = await store.remove('placementTypes', ['hvb-barn-unga']);
    expect(outcome.ok).toBe(false);
  });

  it('adds a new row last, a duplicate right after its original', async () => {
    const store = newStore();
    await store.seedOnce(example());
    let { document, stored } = await readOk(store);
    const first = document.placementTypes[0]!;
    await store.save('placementTypes', [{ ...first, id: 'ny-sist', name: 'Ny' }]);
    ({ document, stored } = await readOk(store));
    await store.save('placementTypes', [{ ...first, id: 'kopia', name: 'Kopia' }], { after: first.id });
    ({ document } = await readOk(store));
    const ids = document.placementTypes.map((t) => t.id);
    expect(ids[1]).toBe('kopia');
    expect(ids.at(-1)).toBe('ny-sist');
  });

  it('undoes and redoes a delete', async () => {
    const store = newStore();
    await store.seedOnce(example());
    const before = await readOk(store);
    await store.remove('interventions', [before.document.interventions[2]!.id]);
    expect((await readOk(store)).document.interventions).toHaveLength(before.document.interventions.length - 1);
    expect(await store.undo()).toEqual({ ok: true });
    expect((await readOk(store)).document).toEqual(before.document);
    expect(await store.redo()).toEqual({ ok: true });
    expect((await readOk(store)).document.interventions).toHaveLength(before.document.interventions.length - 1);
  });

  it('builds quick successive edits on each other, not on what was read before them', async () => {
    const store = newStore();
    await store.seedOnce(example());
    const id = (await readOk(store)).document.interventions[0]!.id;
    // Two edits started together, as when a user types in two cells before the first is saved.
    await Promise.all([
      store.save('interventions', (document) => [{ ...document.interventions.find((i) => i.id === id)!, name: 'Nytt namn' }]),
      store.save('interventions', (document) => [{ ...document.interventions.find((i) => i.id === id)!, trainedStaff: 7 }]),
    ]);
    const edited = (await readOk(store)).document.interventions.find((i) => i.id === id)!;
    expect([edited.name, edited.trainedStaff]).toEqual(['Nytt namn', 7]);
    // Undo takes back the second edit only: it restores what was really stored before it.
    await store.undo();
    const undone = (await readOk(store)).document.interventions.find((i) => i.id === id)!;
    expect(undone.name).toBe('Nytt namn');
    expect(undone.trainedStaff).toBeUndefined();
  });

  it('saves settings and undoes them', async () => {
    const store = newStore();
    await store.seedOnce(example());
    const { document, stored } = await readOk(store);
    await store.saveSettings({ ...document.settings, salaryGrowthPercent: new Decimal('2.5') });
    expect((await readOk(store)).document.settings.salaryGrowthPercent.toFixed()).toBe('2.5');
    await store.undo();
    expect((await readOk(store)).document.settings.salaryGrowthPercent.toFixed()).toBe('0');
  });

  it('tells a second store on the same database (another tab) about a change', async () => {
    const name = `shared-${++counter}`;
    const tabA = newStore(name);
    const tabB = newStore(name);
    await tabA.seedOnce(example());
    const seen: ReadOutcome[] = [];
    const stop = tabB.watch((outcome) => seen.push(outcome));
    try {
      await expect.poll(() => seen.length).toBeGreaterThan(0);
      const { document, stored } = await readOk(tabA);
      await tabA.save('interventions', [{ ...document.interventions[0]!, name: 'Nytt namn' }]);
      await expect.poll(() => {
        const last = seen.at(-1);
        return last?.ok ? last.document.interventions[0]!.name : undefined;
      }).toBe('Nytt namn');
    } finally {
      stop();
    }
  });

  describe('replacing the whole document (an import)', () => {
    it('imports into an empty database: the same data, and an export byte-identical to the file apart from the time stamp', async () => {
      const store = newStore();
      const outcome = await store.replaceDocument(() => example());
      expect(outcome).toEqual({ ok: true });
      const { document } = await readOk(store);
      const { exportedAt: _ignored, ...expected } = example();
      expect(document).toEqual(expected);
      expect(stringifyDocument(document, '2026-11-23T10:00:00Z')).toBe(stringifyDocument(example(), '2026-11-23T10:00:00Z'));
    });

    it('merges from the current document, and one undo restores what was there', async () => {
      const store = newStore();
      await store.seedOnce(example());
      const before = (await readOk(store)).document;
      const outcome = await store.replaceDocument((current) => ({
        ...current,
        placementTypes: [...current.placementTypes, { ...current.placementTypes[0]!, id: 'importerad', name: 'Importerad' }],
        interventions: current.interventions.slice(1),
      }));
      expect(outcome.ok).toBe(true);
      const after = (await readOk(store)).document;
      expect(after.placementTypes.at(-1)!.id).toBe('importerad');
      expect(after.interventions).toEqual(before.interventions.slice(1));
      await store.undo();
      expect((await readOk(store)).document).toEqual(before);
    });

    it('changes nothing when the result would be invalid or the import is refused', async () => {
      const store = newStore();
      await store.seedOnce(example());
      const stored = await store.readStored();
      const invalid = await store.replaceDocument((current) => ({ ...current, placementTypes: [] }));
      expect(invalid.ok).toBe(false);
      const refused = await store.replaceDocument(() => ({ ok: false, issues: [{ path: '', message: 'avbruten' }] }));
      expect(refused.ok).toBe(false);
      await expect(store.replaceDocument(() => { throw new Error('trasig fil'); })).rejects.toThrow('trasig fil');
      expect(await store.readStored()).toEqual(stored);
      expect(store.canUndo).toBe(false);
    });

    it('refuses a document with an id twice in a list instead of storing one of the two', async () => {
      const store = newStore();
      await store.seedOnce(example());
      const stored = await store.readStored();
      const outcome = await store.replaceDocument((current) => ({
        ...current,
        scenarios: [...current.scenarios, { ...current.scenarios[0]!, name: 'Samma id' }],
      }));
      expect(outcome).toEqual({
        ok: false,
        issues: [{ path: `scenarios[${stored.lists.scenarios.length}].id`, message: expect.stringMatching(/finns redan i scenarios\[0\]/) }],
      });
      expect(await store.readStored()).toEqual(stored);
      expect(store.canUndo).toBe(false);
    });

    it('writes only the rows that changed', () => {
      const document = example();
      const stored = { settings: serialiseDocument(document).settings as JsonObject, lists: { interventions: [], initiatives: [], placementTypes: [], scenarios: [] } } as StoredDocument;
      const full = replacementChange(stored, document);
      const again = applyToStored(stored, full);
      expect(replacementChange(again, document)).toEqual({ rows: [] });
      const renamed = { ...document, interventions: [{ ...document.interventions[0]!, name: 'Nytt' }, ...document.interventions.slice(1)] };
      expect(replacementChange(again, renamed).rows.map((r) => r.id)).toEqual([document.interventions[0]!.id]);
    });
  });
});

