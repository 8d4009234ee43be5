import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatClipboardTable, parseClipboardTable } from '../../src/exchange/tsv';

describe('parseClipboardTable: what spreadsheets put on the clipboard', () => {
  it('reads Excel’s CRLF rows with the trailing line break', () => {
    expect(parseClipboardTable('Hemma-hosare\t520000\r\nGrön omsorg\t20000\r\n')).toEqual([
      ['Hemma-hosare', '520000'],
      ['Grön omsorg', '20000'],
    ]);
  });

  it('reads LF rows from LibreOffice and Google Sheets, with or without a trailing line break', () => {
    expect(parseClipboardTable('a\tb\nc\td\n')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(parseClipboardTable('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('ignores only one trailing line break, so a last empty row survives', () => {
    expect(parseClipboardTable('a\n\n')).toEqual([['a'], ['']]);
  });

  it('reads one cell, one empty cell and nothing', () => {
    expect(parseClipboardTable('520 tkr')).toEqual([['520 tkr']]);
    expect(parseClipboardTable('520 tkr\r\n')).toEqual([['520 tkr']]);
    expect(parseClipboardTable('\r\n')).toEqual([['']]);
    expect(parseClipboardTable('')).toEqual([]);
  });

  it('keeps empty cells between and at the ends of rows', () => {
    expect(parseClipboardTable('\ta\t\r\n\t\t')).toEqual([
      ['', 'a', ''],
      ['', '', ''],
    ]);
  });

  it('reads quoted cells holding tabs, line breaks and doubled quotes', () => {
    const text = '"rad ett\r\nrad två"\t"med\ttabb"\t"hon sa ""hej"""\r\nx\t""\ty\r\n';
    expect(parseClipboardTable(text)).toEqual([
      ['rad ett\r\nrad två', 'med\ttabb', 'hon sa "hej"'],
      ['x', '', 'y'],
    ]);
  });

  it('reads a quoted cell with a line break at the end of the text', () => {
    expect(parseClipboardTable('"a\nb"')).toEqual([['a\nb']]);
    expect(parseClipboardTable('"a\nb"\n')).toEqual([['a\nb']]);
  });

  it('reads quotes that do not open a quoted cell literally', () => {
    expect(parseClipboardTable('5" skärm\tx')).toEqual([['5" skärm', 'x']]);
    expect(parseClipboardTable('"5" skärm\tx')).toEqual([['"5" skärm', 'x']]);
    expect(parseClipboardTable('"öppen\tx\ny')).toEqual([['"öppen', 'x'], ['y']]);
  });

  it('reads a lone CR as a line break', () => {
    expect(parseClipboardTable('a\rb\r')).toEqual([['a'], ['b']]);
  });

  it('keeps rows of different lengths as they are', () => {
    expect(parseClipboardTable('a\tb\tc\nd')).toEqual([['a', 'b', 'c'], ['d']]);
  });
});

describe('formatClipboardTable', () => {
  it('writes tabs and CRLF without a trailing line break', () => {
    expect(
      formatClipboardTable([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a\tb\r\nc\td');
  });

  it('quotes cells that need it and doubles their quotes', () => {
    expect(formatClipboardTable([['rad\nbrytning', 'tab\there', 'citat "x"', 'vanlig']])).toBe(
      '"rad\nbrytning"\t"tab\there"\t"citat ""x"""\tvanlig',
    );
  });

  it('quotes a last row of one empty cell so that it is not read as the trailing line break', () => {
    expect(formatClipboardTable([['a'], ['']])).toBe('a\r\n""');
    expect(parseClipboardTable(formatClipboardTable([['a'], ['']]))).toEqual([['a'], ['']]);
  });

  it('round-trips any table of at least one row', () => {
    const cell = fc.string({ unit: fc.constantFrom('a', 'ö', ' ', '\t', '\n', '\r', '"', '1', ',') , maxLength: 6 });
    const table = fc.array(fc.array(cell, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 });
    fc.assert(
      fc.property(table, (rows) => {
        expect(parseClipboardTable(formatClipboardTable(rows))).toEqual(rows);
      }),
      { numRuns: 500 },
    );
  });
});
