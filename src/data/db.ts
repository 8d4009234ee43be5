/**
 * The browser database. Each list of the document is a table whose rows hold one entity in the
 * exchange format (decimals as strings) and its position in the list; settings and preferences
 * are single rows. Reading assembles an exchange document and passes it through the validator,
 * so the app works only with validated domain values.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import type { JsonObject } from '../exchange/reader';

/** One entity of a list, as stored. */
export interface StoredEntity {
  id: string;
  /** Order within the list; new rows go last, a duplicate goes right after its original. */
  position: number;
  data: JsonObject;
}

export interface StoredValue {
  key: string;
  value: unknown;
}

/** The lists of a document, by their names in the exchange format. */
export const LISTS = ['interventions', 'initiatives', 'placementTypes', 'scenarios'] as const;
export type ListName = (typeof LISTS)[number];

export const DATABASE_NAME = 'hemmaplan';

/** A copy of the whole document as it was when first opened on a day, kept for the last days. */
export interface SafetyCopy {
  /** YYYY-MM-DD, local time: one copy per day. */
  day: string;
  savedAt: string;
  /** The document in the exchange format, as stored that day. */
  data: JsonObject;
}

/**
 * One version of the database schema: the tables it adds or changes (Dexie's syntax; null drops a
 * table) and, when rows must change shape, an upgrade that rewrites them. Versions are appended,
 * never edited: a browser holding an older version upgrades through each newer one in order.
 */
export interface SchemaVersion {
  version: number;
  stores: Record<string, string | null>;
  upgrade?: (transaction: Transaction) => Promise<void>;
}

export const SCHEMA_VERSIONS: readonly SchemaVersion[] = [
  {
    version: 1,
    stores: {
      interventions: 'id, position',
      initiatives: 'id, position',
      placementTypes: 'id, position',
      scenarios: 'id, position',
      values: 'key',
    },
  },
  // Daily safety copies: a new table, nothing to rewrite.
  { version: 2, stores: { safetyCopies: 'day' } },
];

export class HemmaplanDatabase extends Dexie {
  interventions!: Table<StoredEntity, string>;
  initiatives!: Table<StoredEntity, string>;
  placementTypes!: Table<StoredEntity, string>;
  scenarios!: Table<StoredEntity, string>;
  /** "settings" (the document's settings) and "seeded" (the example was imported once). */
  values!: Table<StoredValue, string>;
  safetyCopies!: Table<SafetyCopy, string>;

  /** `versions` is for tests that build a database as an older release of Hemmaplan did. */
  constructor(name = DATABASE_NAME, versions: readonly SchemaVersion[] = SCHEMA_VERSIONS) {
    super(name);
    for (const schema of versions) {
      const version = this.version(schema.version).stores(schema.stores);
      if (schema.upgrade) version.upgrade(schema.upgrade);
    }
  }

  list(name: ListName): Table<StoredEntity, string> {
    return this[name];
  }
}
