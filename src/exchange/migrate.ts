/**
 * Which versions of the exchange format this build reads. Version 1 is the first and current
 * one; when a version 2 comes, the step from 1 to 2 is added to `MIGRATIONS` and older files are
 * upgraded before validation. A newer file than this build knows is refused, never guessed at.
 */
import { fieldPath, type JsonObject, type Reader } from './reader';

export const FORMAT = 'hemmaplan';
export const CURRENT_VERSION = 1;

/** Upgrades from version N to N + 1, keyed by N. */
const MIGRATIONS: Record<number, (document: JsonObject) => JsonObject> = {};

/**
 * Checks "format" and "version" and brings an older document up to the current version.
 * Returns the document to validate, or undefined (with the reason reported) when it cannot be read.
 */
export function checkVersion(document: JsonObject, r: Reader): JsonObject | undefined {
  if (document.format !== FORMAT) {
    const found = typeof document.format === 'string' ? `”${document.format.slice(0, 40)}”` : document.format === undefined ? 'inget' : 'ett annat värde';
    r.report(fieldPath('', 'format'), `ska vara "${FORMAT}" men är ${found}; filen är inte en Hemmaplan-fil`);
    return undefined;
  }
  const version = document.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    r.report('version', 'saknas eller är ogiltig; ska vara ett heltal, till exempel 1');
    return undefined;
  }
  if (version > CURRENT_VERSION) {
    r.report(
      'version',
      `filen har formatversion ${version}, men den här versionen av Hemmaplan läser högst version ${CURRENT_VERSION}. Öppna filen i en nyare version av Hemmaplan.`,
    );
    return undefined;
  }
  let upgraded = document;
  for (let v = version; v < CURRENT_VERSION; v++) {
    const step = MIGRATIONS[v];
    if (!step) throw new Error(`No migration from version ${v}`);
    upgraded = step(upgraded);
  }
  return upgraded;
}
