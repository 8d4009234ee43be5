import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { GRID_LOCALE_TEXT } from '../../../src/ui/grid/locale';

/** Names in AG Grid's code that start like a screen-reader text's key but are services and properties. */
const NOT_TEXTS = new Set(['ariaAnnounce', 'ariaDescription']);

describe('the grid’s Swedish texts', () => {
  it('cover every screen-reader text of the installed AG Grid, so none is read out in English', () => {
    const require = createRequire(import.meta.url);
    const code = readFileSync(require.resolve('ag-grid-community'), 'utf8');
    const keys = [...new Set([...code.matchAll(/"(aria[A-Z]\w*)"/g)].map((match) => match[1]!))].filter((key) => !NOT_TEXTS.has(key));
    expect(keys.length).toBeGreaterThan(30);
    expect(keys.filter((key) => !(key in GRID_LOCALE_TEXT))).toEqual([]);
  });
});
