/**
 * The browser database. Each list of the document is a table whose rows hold one entity in the
 * exchange format (decimals as strings) and its position in the list; settings and preferences
 * are single rows. Reading assembles an exchange document and passes it through the validator,
 * so the app works only with validated domain values.
 */
import Dexie, { type Table } from 'dexie';
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

export class HemmaplanDatabase extends Dexie {
  interventions!: Table<StoredEntity, string>;
  initiatives!: Table<StoredEntity, string>;
  placementTypes!: Table<StoredEntity, string>;
  scenarios!: Table<StoredEntity, string>;
  /** "settings" (the document's settings) and "seeded" (the example was imported once). */
  values!: Table<StoredValue, string>;

  constructor(name = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      interventions: 'id, position',
      initiatives: 'id, position',
      placementTypes: 'id, position',
      scenarios: 'id, position',
      values: 'key',
    });
  }

  list(name: ListName): Table<StoredEntity, string> {
    return this[name];
  }
}
