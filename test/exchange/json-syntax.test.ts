import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDocumentText } from '../../src/exchange/document';
import { jsonSyntaxError } from '../../src/exchange/json-syntax';

const parses = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};

/** Characters that JSON's grammar turns on, and a few that break it. */
const JSON_CHARACTER = fc.constantFrom('{', '}', '[', ']', ',', ':', '"', '\\', ' ', '\n', '\t', '0', '1', '5', '-', '.', 'e', '+', 't', 'u', 'n', 'l', "'", 'a', 'ö', '\u0001');

describe('jsonSyntaxError', () => {
  it('finds nothing wrong with any JSON text, compact or indented', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 4 }), (text) => {
        expect(jsonSyntaxError(text)).toBeNull();
        expect(jsonSyntaxError(JSON.stringify(JSON.parse(text), null, 2))).toBeNull();
      }),
      { numRuns: 400 },
    );
  });

  it('says a text is wrong exactly when JSON.parse refuses it: JSON with a character inserted, replaced or removed', () => {
    fc.assert(
      fc.property(fc.json({ maxDepth: 3 }), fc.nat(), JSON_CHARACTER, fc.constantFrom('insert', 'replace', 'remove'), (json, where, character, edit) => {
        const at = json.length === 0 ? 0 : where % json.length;
        const text =
          edit === 'insert' ? json.slice(0, at) + character + json.slice(at) : edit === 'replace' ? json.slice(0, at) + character + json.slice(at + 1) : json.slice(0, at) + json.slice(at + 1);
        expect(jsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it('says a text is wrong exactly when JSON.parse refuses it: short texts of JSON characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: JSON_CHARACTER, maxLength: 12 }), (text) => {
        expect(jsonSyntaxError(text) === null).toBe(parses(text));
      }),
      { numRuns: 3000 },
    );
  });

  it.each([
    ['', 'den är tom'],
    ['{"a": 1,}', 'rad 1, tecken 8: ett kommatecken för mycket: efter det avslutas objektet med ”}”'],
    ['[1,\n 2,\n]', 'rad 2, tecken 3: ett kommatecken för mycket: efter det avslutas listan med ”]”'],
    ["{'a': 1}", 'rad 1, tecken 2: texter och namn ska stå inom dubbla citattecken ("), inte enkla'],
    ['{”a”: 1}', 'rad 1, tecken 2: här står ett typografiskt citattecken (”); i JSON står texter och namn inom raka dubbla citattecken (")'],
    ['{"a": "x”, "b": "y"}', 'rad 1, tecken 13: här ska ett kommatecken eller ”}” stå, men här står ”b” (texten före innehåller ett typografiskt citattecken (”); ska det vara ett rakt "?)'],
    ['{"a" 1}', 'rad 1, tecken 6: efter ett namn ska ett kolon (:) stå, men här står ”1”'],
    ['{"a": 1\n "b": 2}', 'rad 2, tecken 2: här ska ett kommatecken eller ”}” stå, men här står ”"” (saknas ett kommatecken?)'],
    ['{"fte": 1,5}', 'rad 1, tecken 11: här ska ett namn inom dubbla citattecken stå, men här står ”5” (ett decimaltal skrivs med punkt, till exempel 1.5, eller som text: "1.5")'],
    ['{"belopp": 30 000}', 'rad 1, tecken 15: här ska ett kommatecken eller ”}” stå, men här står ”0” (tal skrivs utan mellanrum i JSON, till exempel 30000)'],
    ['{"a": 01}', 'rad 1, tecken 7: ett tal är felskrivet (skriv till exempel 1200 eller 44.53: punkt som decimaltecken, ingen inledande nolla)'],
    ['{"a": 1 // en kommentar\n}', 'rad 1, tecken 9: kommentarer (// eller /* */) är inte tillåtna i JSON'],
    ['{\n  "namn": "Hemtjänst,\n  "b": 1\n}', 'rad 2, tecken 22: texten tar slut på raden utan avslutande citattecken ("); en radbrytning inne i en text skrivs \\n'],
    ['{"a": "x\ty"}', 'rad 1, tecken 9: ett tabbtecken får inte stå inne i en text (skriv \\t)'],
    ['{"a": "C:\\temp\\x"}', 'rad 1, tecken 15: ”\\x” är ingen giltig teckenkod i en text (ett omvänt snedstreck skrivs \\\\)'],
    ['{"a": "abc”', 'rad 1, tecken 7: texten som börjar här tar aldrig slut: det saknas ett avslutande " (den innehåller ett typografiskt citattecken (”); ska det vara ett rakt "?)'],
    ['{\n  "a": [1, 2\n', 'rad 3, tecken 1: texten tar slut innan JSON-värdet är färdigt (det saknas minst ett avslutande ])'],
    ['{"a": 1}}', 'rad 1, tecken 9: efter JSON-värdet står mer text, från ”}”'],
    ['{\n\u00a0 "a": 1\n}', 'rad 2, tecken 1: här ska ett namn inom dubbla citattecken stå, men här står ett hårt mellanslag (U+00A0)'],
    ['{"😀😀": 1 x}', 'rad 1, tecken 10: här ska ett kommatecken eller ”}” stå, men här står ”x”'],
    ['{"a": 1 😀}', 'rad 1, tecken 9: här ska ett kommatecken eller ”}” stå, men här står ”😀”'],
    ['not json {', 'rad 1, tecken 1: här ska ett värde stå (en text inom dubbla citattecken, ett tal, true, false, null, { eller [), men här står ”n”'],
  ])('%j: %s', (text, message) => {
    expect(jsonSyntaxError(text)).toBe(message);
  });

  it('reads a file nested deeper than the call stack reaches without overflowing', () => {
    expect(jsonSyntaxError('['.repeat(200_000))).toBe('rad 1, tecken 200001: texten tar slut innan JSON-värdet är färdigt (det saknas minst ett avslutande ])');
  });
});

describe('parseDocumentText on text that is not JSON', () => {
  it('gives one issue at $ that says in Swedish where and why, with no English from the engine', () => {
    const outcome = parseDocumentText('\ufeff{\n  "format": "hemmaplan",\n  "version": 1,\n}');
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.issues).toEqual([{ path: '$', message: 'filen är inte giltig JSON och kan inte läsas: rad 3, tecken 15: ett kommatecken för mycket: efter det avslutas objektet med ”}”' }]);
  });
});
