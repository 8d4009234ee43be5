import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseDocument, parseDocumentText, stringifyDocument, serialiseDocument } from '../../src/exchange/document';
import { validDocument } from './arbitraries';
import { Decimal } from '../../src/domain/money';

describe('serialise and parse', () => {
  it('parse(serialise(doc)) equals doc for random valid documents', () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        const parsed = parseDocumentText(stringifyDocument(doc));
        if (!parsed.ok) throw new Error(parsed.issues.map((i) => `${i.path}: ${i.message}`).join('\n'));
        expect(parsed.document).toEqual(doc);
      }),
      { numRuns: 300 },
    );
  });

  it('writes every decimal as a plain string and years as integers', () => {
    fc.assert(
      fc.property(validDocument, (doc) => {
        const text = JSON.stringify(serialiseDocument(doc));
        // No decimal is written as a JSON number or in exponent form.
        expect(text).not.toMatch(/"(price|amount|amountPerYear|fte|monthlySalary|unitPrice|placements|expectedShare)":\s*-?\d/);
        expect(text).not.toMatch(/"\d+(\.\d+)?e[+-]?\d+"/i);
      }),
      { numRuns: 100 },
    );
  });

  it('reads JSON numbers through their decimal text and writes strings', () => {
    const parsed = parseDocument({
      format: 'hemmaplan',
      version: 1,
      placementTypes: [{ id: 'p', name: 'P', unit: 'day', price: 0.1, priceYear: 2025 }],
    });
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.document.placementTypes[0]!.price.eq(new Decimal('0.1'))).toBe(true);
    expect(serialiseDocument(parsed.document).placementTypes).toEqual([{ id: 'p', name: 'P', unit: 'day', price: '0.1', priceYear: 2025 }]);
  });
});
