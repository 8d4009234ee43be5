/**
 * Browser databases for Node tests (fake-indexeddb): each test file gets fresh, uniquely named
 * databases that are closed and deleted after every test.
 */
import 'fake-indexeddb/auto';
import { afterEach } from 'vitest';
import { HemmaplanDatabase, SCHEMA_VERSIONS, type SchemaVersion } from '../../src/data/db';
import { DocumentStore, type ReadOutcome } from '../../src/data/store';

const open: HemmaplanDatabase[] = [];
let counter = 0;

afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

/** A new database; give a name to open the same one twice (two tabs), versions for an older schema. */
export function testDatabase(name = `test-${++counter}-${Math.random().toString(36).slice(2)}`, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS): HemmaplanDatabase {
  const db = new HemmaplanDatabase(name, versions);
  open.push(db);
  return db;
}

/** A store over a new database (or the named one). */
export function testStore(name?: string): DocumentStore {
  return new DocumentStore(testDatabase(name));
}

/** The stored document, which must be valid. */
export async function readOk(store: DocumentStore): Promise<Extract<ReadOutcome, { ok: true }>> {
  const outcome = await store.read();
  if (!outcome.ok) throw new Error(outcome.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
  return outcome;
}
