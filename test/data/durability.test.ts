import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { HemmaplanDatabase, SCHEMA_VERSIONS } from '../../src/data/db';
import { DocumentStore, isStorageError, SAFETY_COPY_DAYS, type PendingFailure, type ReadOutcome } from '../../src/data/store';
import { parseDocument } from '../../src/exchange/document';
import { Decimal } from '../../src/domain/money';
import { exampleDocument } from '../example';
import { readOk, testDatabase } from './databases';

let counter = 0;
const database = testDatabase;

/**
 * A database whose writes to the given table can be made to fail as a full disk does (through a
 * Dexie middleware, below everything Hemmaplan's code calls).
 */
function failingDatabase(name: string, table: string): { db: HemmaplanDatabase; setFailing: (on: boolean) => void } {
  const db = database(name);
  let failing = false;
  db.use({
    stack: 'dbcore',
    name: 'full-disk',
    create: (down) => ({
      ...down,
      table: (tableName) => {
        const inner = down.table(tableName);
        return {
          ...inner,
          mutate: (request) =>
            failing && tableName === table ? Promise.reject(new DOMException('Lagringsutrymmet är fullt', 'QuotaExceededError')) : inner.mutate(request),
        };
      },
    }),
  });
  return { db, setFailing: (on) => (failing = on) };
}

describe('database migrations', () => {
  it('upgrades a database that version 1 of Hemmaplan filled, with nothing lost', async () => {
    const name = `migrate-${++counter}`;
    const old = database(name, SCHEMA_VERSIONS.filter((v) => v.version === 1));
    const oldStore = new DocumentStore(old);
    await oldStore.seedOnce(exampleDocument());
    const { document } = await readOk(oldStore);
    await oldStore.save('interventions', [{ ...document.interventions[0]!, name: 'Ändrad i version 1' }]);
    await old.values.put({ key: 'amountUnit', value: 'tkr' });
    const before = await oldStore.readStored();
    const seeded = await old.values.get('seeded');
    old.close();

    const current = database(name);
    const store = new DocumentStore(current);
    expect(await store.readStored()).toEqual(before);
    expect((await readOk(store)).document.interventions[0]!.name).toBe('Ändrad i version 1');
    expect(await current.values.get('amountUnit')).toEqual({ key: 'amountUnit', value: 'tkr' });
    expect(await current.values.get('seeded')).toEqual(seeded);
    // The example is not seeded a second time over the user's data, and the new table works.
    expect(await store.seedOnce(exampleDocument())).toBe(false);
    expect(await store.takeSafetyCopy('2026-11-23')).toBe(true);
    expect(current.verno).toBe(SCHEMA_VERSIONS.at(-1)!.version);
  });

  it('lists its versions in order, each version once', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version);
    expect(versions).toEqual([...versions].sort((a, b) => a - b));
    expect(new Set(versions).size).toBe(versions.length);
  });
});

describe('safety copies', () => {
  it('keeps one copy a day, as the data was at the first opening that day', async () => {
    const store = new DocumentStore(database(`copies-${++counter}`));
    await store.seedOnce(exampleDocument());
    expect(await store.takeSafetyCopy('2026-11-23')).toBe(true);
    const { document } = await readOk(store);
    await store.save('interventions', [{ ...document.interventions[0]!, name: 'Senare samma dag' }]);
    expect(await store.takeSafetyCopy('2026-11-23')).toBe(false);
    const [copy] = await store.safetyCopies();
    const parsed = parseDocument(copy!.data);
    expect(parsed.ok && parsed.document.interventions[0]!.name).toBe(exampleDocument().interventions[0]!.name);
  });

  it('keeps the newest ten days and lets go of older ones', async () => {
    const store = new DocumentStore(database(`copies-${++counter}`));
    await store.seedOnce(exampleDocument());
    const days = Array.from({ length: 14 }, (_, i) => `2026-11-${String(i + 1).padStart(2, '0')}`);
    for (const day of days) await store.takeSafetyCopy(day);
    const kept = (await store.safetyCopies()).map((c) => c.day);
    expect(SAFETY_COPY_DAYS).toBe(10);
    expect(kept).toEqual(days.slice(-10).reverse());
  });

  it('restores a copy in one step that undo takes back', async () => {
    const store = new DocumentStore(database(`copies-${++counter}`));
    await store.seedOnce(exampleDocument());
    await store.takeSafetyCopy('2026-11-22');
    const { stored } = await readOk(store);
    await store.remove('scenarios', stored.lists.scenarios.map((r) => r.id));
    const emptied = await store.readStored();
    const [copy] = await store.safetyCopies();
    const parsed = parseDocument(copy!.data);
    if (!parsed.ok) throw new Error('copy invalid');
    expect((await store.replaceDocument(() => parsed.document)).ok).toBe(true);
    expect((await readOk(store)).document.scenarios.length).toBe(exampleDocument().scenarios.length);
    await store.undo();
    expect(await store.readStored()).toEqual(emptied);
  });
});

describe('a write the browser refuses', () => {
  it('tells storage errors from programming errors', () => {
    expect(isStorageError(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isStorageError({ name: 'AbortError', inner: { name: 'QuotaExceededError' } })).toBe(true);
    expect(isStorageError(new TypeError('undefined is not a function'))).toBe(false);
  });

  it('keeps the edit on screen, says so, writes it on retry, and then it can be undone', async () => {
    const { db, setFailing } = failingDatabase(`pending-${++counter}`, 'interventions');
    const store = new DocumentStore(db);
    await store.seedOnce(exampleDocument());
    const seen: ReadOutcome[] = [];
    const failures: (PendingFailure | null)[] = [];
    const stopWatching = store.watch((o) => seen.push(o));
    store.watchFailure((f) => failures.push(f));
    await expect.poll(() => seen.length).toBeGreaterThan(0);
    const { document } = await readOk(store);
    const first = document.interventions[0]!;

    setFailing(true);
    const outcome = await store.save('interventions', [{ ...first, name: 'Inte sparad än' }]);
    expect(outcome).toEqual({ ok: true, pending: true });
    // Shown as if saved, but not stored.
    const shown = seen.at(-1)!;
    expect(shown.ok && shown.document.interventions[0]!.name).toBe('Inte sparad än');
    expect((await readOk(store)).document.interventions[0]!.name).toBe(first.name);
    expect(store.pendingFailure?.changes).toBe(1);
    expect(failures.at(-1)?.changes).toBe(1);
    expect(store.pendingDocument()!.interventions[0]!.name).toBe('Inte sparad än');

    // A second edit while the disk is still full builds on the first one.
    await store.save('interventions', (doc) => [{ ...doc.interventions[0]!, description: 'Också osparad' }]);
    expect(store.pendingFailure?.changes).toBe(2);
    expect(await store.retryPending()).toBe(false);

    setFailing(false);
    expect(await store.retryPending()).toBe(true);
    expect(store.pendingFailure).toBeNull();
    expect(failures.at(-1)).toBeNull();
    const saved = (await readOk(store)).document.interventions[0]!;
    expect([saved.name, saved.description]).toEqual(['Inte sparad än', 'Också osparad']);
    await store.undo();
    expect((await readOk(store)).document.interventions[0]!.description).toBe(first.description);
    stopWatching();
  });

  it('still refuses an invalid edit while writes are failing, and keeps nothing of it', async () => {
    const { db, setFailing } = failingDatabase(`pending-${++counter}`, 'values');
    const store = new DocumentStore(db);
    await store.seedOnce(exampleDocument());
    await store.read();
    setFailing(true);
    const outcome = await store.saveSettings((s) => ({ ...s, payrollOverheadPercent: new Decimal(-5) }));
    expect(outcome.ok).toBe(false);
    expect(store.pendingFailure).toBeNull();
  });

  it('lets a programming error through instead of keeping it as a pending change', async () => {
    const store = new DocumentStore(database(`pending-${++counter}`));
    await store.seedOnce(exampleDocument());
    await expect(store.apply(() => { throw new TypeError('fel i koden'); })).rejects.toThrow('fel i koden');
    expect(store.pendingFailure).toBeNull();
  });
});
