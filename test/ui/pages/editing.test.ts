import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { HemmaplanDatabase } from '../../../src/data/db';
import { DocumentStore } from '../../../src/data/store';
import { parseDocumentText } from '../../../src/exchange/document';
import type { Intervention } from '../../../src/domain/types';
import type { AppState } from '../../../src/ui/state';
import { listCallbacks, newId, withValues } from '../../../src/ui/pages/editing';

const exampleText = readFileSync(new URL('../../../src/defaults/exempel.hemmaplan.json', import.meta.url), 'utf8');
const databases: HemmaplanDatabase[] = [];

afterEach(async () => {
  for (const db of databases.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** The parts of the app state the list callbacks use, over a seeded store. */
async function seededApp(): Promise<AppState> {
  const db = new HemmaplanDatabase(`editing-${databases.length}-${Math.random()}`);
  databases.push(db);
  const store = new DocumentStore(db);
  const parsed = parseDocumentText(exampleText);
  if (!parsed.ok) throw new Error('example invalid');
  await store.seedOnce(parsed.document);
  return { store, history: () => 0, touchHistory: () => {} } as unknown as AppState;
}

const catalogue = (app: AppState) =>
  listCallbacks(app, 'interventions', {
    newName: 'Ny insats',
    create: (id, values) => withValues<Intervention>({ id, name: 'Ny insats', status: 'offered' }, values),
    merge: (item, values) => withValues(item, values),
  });

async function interventions(app: AppState): Promise<Intervention[]> {
  const outcome = await app.store.read();
  if (!outcome.ok) throw new Error('invalid');
  return outcome.document.interventions;
}

describe('grid edits of a list', () => {
  it('refuses an edit of a row that no longer exists instead of creating a new one', async () => {
    const app = await seededApp();
    const before = await interventions(app);
    const outcome = await catalogue(app).onEdit([{ rowId: 'borttagen-i-annan-flik', values: { name: 'X' } }]);
    expect(outcome.ok).toBe(false);
    if (!outcome.ok) expect(outcome.message).toMatch(/finns inte längre/);
    expect(await interventions(app)).toEqual(before);
  });

  it('merges edited values into the row as stored, and adds new rows with readable unique ids', async () => {
    const app = await seededApp();
    const first = (await interventions(app))[0]!;
    const callbacks = catalogue(app);
    await Promise.all([
      callbacks.onEdit([{ rowId: first.id, values: { shortName: 'Kort' } }]),
      callbacks.onEdit([{ rowId: first.id, values: { trainedStaff: 3 } }]),
      callbacks.onEdit([{ rowId: null, values: { name: 'Grön omsorg' } }]),
    ]);
    const after = await interventions(app);
    const edited = after.find((i) => i.id === first.id)!;
    expect([edited.name, edited.shortName, edited.trainedStaff]).toEqual([first.name, 'Kort', 3]);
    expect(after.at(-1)!.id).toBe('gron-omsorg-2');
  });

  it('makes ids from names', () => {
    expect(newId('Grön omsorg för 12–18 år', new Set())).toBe('gron-omsorg-for-12-18-ar');
    expect(newId('', new Set(['rad']))).toBe('rad-2');
  });
});
