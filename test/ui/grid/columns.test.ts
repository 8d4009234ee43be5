import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from '../../../src/domain/money';
import {
  column,
  computedType,
  enumerationType,
  integerType,
  linkType,
  listType,
  longTextType,
  moneyColumn,
  moneyType,
  monthType,
  parseEnumerationCell,
  parseIntegerCell,
  parseLinkCell,
  parseListCell,
  parseMoneyCell,
  parseMonthCell,
  parsePercentCell,
  parseShareCell,
  parseTextCell,
  parseYearCell,
  percentType,
  quantityType,
  safeUrl,
  shareType,
  textType,
  toColDef,
  toColumnDefs,
  type CellParse,
} from '../../../src/ui/grid/columns';

/** Formatted text with the no-break spaces shown as ordinary spaces, for readable expectations. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');

function ok<V>(result: CellParse<V>): V {
  if (!result.ok) throw new Error(`expected a value, got: ${result.message}`);
  return result.value;
}

function refused(result: CellParse<unknown>): string {
  if (result.ok) throw new Error(`expected a refusal, got ${String(result.value)}`);
  return result.message;
}

const decimalText = (result: CellParse<Decimal | null>) => ok(result)?.toFixed() ?? null;

describe('money cells', () => {
  it.each([
    ['520000', 'kr', '520000'],
    ['520 000 kr', 'kr', '520000'],
    ['520 tkr', 'kr', '520000'],
    ['=25*800', 'kr', '20000'],
    ['520', 'tkr', '520000'],
    ['520,5', 'tkr', '520500'],
    ['520 000 kr', 'tkr', '520000'],
    ['1,5', 'mnkr', '1500000'],
    ['1,5 mnkr', 'tkr', '1500000'],
    ['300 tkr', 'mnkr', '300000'],
    ['−4 728', 'kr', '-4728'],
  ] as const)('"%s" in a %s column is %s kr', (text, unit, expected) => {
    expect(decimalText(parseMoneyCell(text, unit))).toBe(expected);
  });

  it('refuses text that is no amount, with the Swedish message of parseAmount', () => {
    expect(refused(parseMoneyCell('abc'))).toBe('Kunde inte läsa ”abc” som ett belopp. Skriv till exempel 520 000, 520 tkr, 1,5 mnkr eller =25*800.');
  });

  it('refuses an empty required cell and reads an empty optional one as null', () => {
    expect(refused(parseMoneyCell('  '))).toMatch(/^Fältet är tomt/);
    expect(ok(parseMoneyCell('', 'kr', false))).toBeNull();
  });

  it('shows the amount with formatMoney in the column’s unit, right-aligned', () => {
    expect(plain(moneyType().format(new Decimal(520000)))).toBe('520 000 kr');
    expect(plain(moneyType({ unit: 'tkr' }).format(new Decimal(520499)))).toBe('520 tkr');
    expect(plain(moneyType({ unit: 'mnkr' }).format(new Decimal(1500000)))).toBe('1,5 mnkr');
    expect(moneyType().format(null)).toBe('');
    expect(moneyType().colDef.cellClass).toContain('hp-cell-number');
    expect(moneyType().colDef.headerClass).toContain('ag-right-aligned-header');
  });

  it('edits the exact value in the column’s unit, so nothing is lost to display rounding', () => {
    const type = moneyType({ unit: 'tkr' });
    const value = new Decimal('520499.5');
    expect(type.editText(value)).toBe('520,4995');
    expect(ok(type.parse(type.editText(value)))).toEqual(value);
  });

  it('round-trips any amount through its edit text in every unit', () => {
    const amount = fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }).map((n) => new Decimal(n.toString()).div(100));
    fc.assert(
      fc.property(amount, fc.constantFrom('kr', 'tkr', 'mnkr' as const), (value, unit) => {
        const type = moneyType({ unit });
        expect((ok(type.parse(type.editText(value))) as Decimal).eq(value)).toBe(true);
      }),
    );
  });
});

describe('percent and share cells', () => {
  it('reads a percentage as a number of percent', () => {
    expect(decimalText(parsePercentCell('44,53'))).toBe('44.53');
    expect(decimalText(parsePercentCell('44,53 %'))).toBe('44.53');
    expect(plain(percentType().format(new Decimal('44.53')))).toBe('44,53 %');
    expect(refused(parsePercentCell('x'))).toMatch(/som en procentsats/);
  });

  it('reads a share from "50 %" or "0,5" and shows it as "50 %"', () => {
    expect(decimalText(parseShareCell('50 %'))).toBe('0.5');
    expect(decimalText(parseShareCell('0,5'))).toBe('0.5');
    expect(decimalText(parseShareCell('100%'))).toBe('1');
    expect(plain(shareType().format(new Decimal('0.5')))).toBe('50 %');
    expect(shareType().editText(new Decimal('0.125'))).toBe('12,5 %');
  });

  it('refuses a share outside 0–100 % instead of reading "50" as 5 000 %', () => {
    expect(refused(parseShareCell('50'))).toMatch(/^En andel ligger mellan 0 och 100 %/);
    expect(refused(parseShareCell('-10 %'))).toMatch(/^En andel ligger mellan/);
  });

  it('round-trips percentages and shares through their edit text', () => {
    for (const [type, value] of [
      [percentType(), new Decimal('40.15')],
      [shareType(), new Decimal('0.3333')],
      [quantityType(), new Decimal('1.25')],
    ] as const) {
      expect((ok(type.parse(type.editText(value))) as Decimal).eq(value)).toBe(true);
    }
  });
});

describe('integer and year cells', () => {
  it('reads whole numbers as JavaScript numbers', () => {
    expect(ok(parseIntegerCell('12'))).toBe(12);
    expect(ok(parseIntegerCell('2 000'))).toBe(2000);
    expect(ok(parseIntegerCell('=3*4'))).toBe(12);
    expect(plain(integerType().format(2000))).toBe('2 000');
  });

  it('refuses decimals, text and values outside the limits', () => {
    expect(refused(parseIntegerCell('1,5'))).toBe('”1,5” är inget heltal. Skriv ett heltal, till exempel 12.');
    expect(refused(parseIntegerCell('tolv'))).toBe('Kunde inte läsa ”tolv” som ett heltal. Skriv ett heltal, till exempel 12.');
    expect(refused(parseIntegerCell('130', { min: 0, max: 120 }))).toBe('Värdet ska vara mellan 0 och 120, men är 130.');
    expect(refused(parseIntegerCell('-1', { min: 0 }))).toBe('Värdet ska vara minst 0, men är -1.');
  });

  it('reads a year of four digits', () => {
    expect(ok(parseYearCell('2026'))).toBe(2026);
    expect(refused(parseYearCell('26'))).toMatch(/som ett årtal/);
  });
});

describe('month cells', () => {
  it.each([
    ['2026-08', '2026-08'],
    ['2026-8', '2026-08'],
    ['2026/8', '2026-08'],
    ['202608', '2026-08'],
    ['8/2026', '2026-08'],
    ['aug 2026', '2026-08'],
    ['Aug 2026', '2026-08'],
    ['augusti 2026', '2026-08'],
    ['maj 2027', '2027-05'],
    ['okt. 2026', '2026-10'],
    ['2026-08-01', '2026-08'],
    [' 2026 - 12 ', '2026-12'],
  ])('"%s" is %s', (text, expected) => {
    expect(ok(parseMonthCell(text))).toBe(expected);
  });

  it.each(['2026-13', '2026-0', 'augusti', 'foo 2026', '26-08'])('refuses "%s" with an example', (text) => {
    expect(refused(parseMonthCell(text))).toMatch(/som en månad\. Skriv till exempel 2026-08, 2026-8 eller aug 2026\./);
  });

  it('reads an empty optional month as null', () => {
    expect(ok(parseMonthCell('', false))).toBeNull();
    expect(refused(parseMonthCell(''))).toMatch(/^Fältet är tomt/);
    expect(monthType().format('2026-08')).toBe('2026-08');
  });
});

describe('enumeration cells', () => {
  const labels = { individual: 'Individuell', group: 'Grupp', family: 'Familj' } as const;

  it('reads a label or a code, in any case', () => {
    expect(ok(parseEnumerationCell('Grupp', labels))).toBe('group');
    expect(ok(parseEnumerationCell('  familj ', labels))).toBe('family');
    expect(ok(parseEnumerationCell('individual', labels))).toBe('individual');
  });

  it('refuses anything else and lists the choices', () => {
    expect(refused(parseEnumerationCell('Par', labels))).toBe('”Par” finns inte bland valen. Välj en av: Individuell, Grupp, Familj.');
  });

  it('shows the label and offers the codes in a select editor', () => {
    const type = enumerationType(labels);
    expect(type.format('group')).toBe('Grupp');
    expect(type.colDef.cellEditor).toBe('agSelectCellEditor');
    expect(type.colDef.cellEditorParams).toEqual({ values: ['individual', 'group', 'family'] });
    expect(enumerationType(labels, { required: false }).colDef.cellEditorParams).toEqual({ values: [null, 'individual', 'group', 'family'] });
  });
});

describe('text and link cells', () => {
  it('trims text and refuses an empty required text', () => {
    expect(ok(parseTextCell('  Hemma-hosare '))).toBe('Hemma-hosare');
    expect(ok(parseTextCell(''))).toBe('');
    expect(refused(parseTextCell(' ', true))).toMatch(/får inte vara tomt/);
  });

  it('keeps line breaks in long text and uses the popup editor', () => {
    const type = longTextType();
    expect(ok(type.parse('rad ett\r\nrad två\n'))).toBe('rad ett\nrad två');
    expect(type.colDef.cellEditor).toBe('agLargeTextCellEditor');
    expect(type.colDef.cellEditorPopup).toBe(true);
  });

  it('accepts only http and https addresses', () => {
    expect(ok(parseLinkCell('https://www.socialstyrelsen.se/metodguiden'))).toBe('https://www.socialstyrelsen.se/metodguiden');
    expect(ok(parseLinkCell('www.mfof.se'))).toBe('https://www.mfof.se');
    expect(ok(parseLinkCell(''))).toBe('');
    expect(refused(parseLinkCell('javascript:alert(1)'))).toMatch(/som en webbadress/);
    expect(refused(parseLinkCell('data:text/html,hej'))).toMatch(/som en webbadress/);
    expect(refused(parseLinkCell('inte en länk'))).toMatch(/som en webbadress/);
  });

  it('gives a URL only for http and https', () => {
    expect(safeUrl('https://example.se/a')?.href).toBe('https://example.se/a');
    expect(safeUrl('http://example.se')?.protocol).toBe('http:');
    expect(safeUrl('javascript:alert(1)')).toBeNull();
    expect(safeUrl(' JavaScript:alert(1)')).toBeNull();
    expect(safeUrl('data:text/html,<b>x</b>')).toBeNull();
    expect(safeUrl('vbscript:x')).toBeNull();
    expect(safeUrl('/relativ')).toBeNull();
    expect(linkType().colDef.cellRenderer).toBeTypeOf('function');
  });
});

describe('computed cells', () => {
  it('are read-only, look different and format like the type they are shown as', () => {
    const type = computedType(moneyType({ unit: 'tkr' }));
    expect(type.editable).toBe(false);
    expect(type.colDef.cellClass).toEqual(['hp-cell-number', 'hp-cell-computed']);
    expect(type.colDef.cellEditor).toBeUndefined();
    expect(plain(type.format(new Decimal(520000)))).toBe('520 tkr');
    expect(refused(type.parse('1'))).toMatch(/räknas fram/);
  });
});

describe('toColDef', () => {
  interface Row {
    id: string;
    cost: { amount: Decimal };
    locked: boolean;
  }
  const row: Row = { id: 'a', cost: { amount: new Decimal('1500.5') }, locked: false };

  it('reads nested values, formats them, and never lets AG Grid infer a data type', () => {
    const col = moneyColumn<Row>({ field: 'amount', header: 'Belopp', value: (r) => r.cost.amount });
    const def = toColDef(col);
    expect(def.colId).toBe('amount');
    expect(def.headerName).toBe('Belopp');
    expect(def.cellDataType).toBe(false);
    const valueGetter = def.valueGetter as (p: { data: Row }) => unknown;
    expect(valueGetter({ data: row })).toBe(row.cost.amount);
    const valueFormatter = def.valueFormatter as (p: { value: unknown }) => string;
    expect(plain(valueFormatter({ value: row.cost.amount }))).toBe('1 501 kr');
    const params = def.cellEditorParams as (p: { value: unknown }) => { value: string };
    expect(params({ value: row.cost.amount }).value).toBe('1500,5');
  });

  it('filters money as numbers and reads the filter text with the column’s parser', () => {
    const def = toColDef(moneyColumn<Row>({ field: 'amount', header: 'Belopp', unit: 'tkr', value: (r) => r.cost.amount }));
    expect(def.filter).toBe('agNumberColumnFilter');
    const { numberParser } = def.filterParams as { numberParser: (text: string | null) => number | null };
    expect(numberParser('1,5')).toBe(1500);
    expect(numberParser('500 kr')).toBe(500);
    expect(numberParser('x')).toBeNull();
    const filterValueGetter = def.filterValueGetter as (p: { data: Row }) => unknown;
    expect(filterValueGetter({ data: row })).toBe(1500.5);
  });

  it('asks the column whether a row may be edited', () => {
    const col = { ...moneyColumn<Row>({ field: 'amount', header: 'Belopp', value: (r) => r.cost.amount }), editable: (r: Row) => !r.locked };
    const editable = toColDef(col).editable as (p: { data: Row }) => boolean;
    expect(editable({ data: row })).toBe(true);
    expect(editable({ data: { ...row, locked: true } })).toBe(false);
    expect(toColDef({ field: 'x', header: 'X', type: computedType(textType()) }).editable).toBe(false);
  });
});

describe('list cells', () => {
  const labels = { children: 'Barn', parents: 'Föräldrar', youth: 'Unga' } as const;

  it('reads labels or codes separated by commas or semicolons, without repeats', () => {
    expect(parseListCell('Barn, föräldrar; Barn', labels)).toEqual({ ok: true, value: ['children', 'parents'] });
    expect(parseListCell('youth', labels)).toEqual({ ok: true, value: ['youth'] });
    expect(parseListCell('  ', labels)).toEqual({ ok: true, value: null });
  });

  it('refuses an unknown item with the choices', () => {
    const parsed = parseListCell('Barn, Katter', labels);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toMatch(/”Katter” finns inte bland valen\. Välj en av: Barn, Föräldrar, Unga/);
  });

  it('keeps free text items as typed, and formats lists back', () => {
    expect(parseListCell('föräldragrupp, KBT')).toEqual({ ok: true, value: ['föräldragrupp', 'KBT'] });
    expect(listType(labels).format(['children', 'youth'])).toBe('Barn, Unga');
    expect(listType().format(['a', 'b'])).toBe('a, b');
  });
});

describe('column groups', () => {
  it('puts consecutive columns of one group under one header, and leaves the others alone', () => {
    const defs = toColumnDefs<{ a?: string }>([
      column(textType(), { field: 'name', header: 'Namn' }),
      column(textType(), { field: 'p:2026', header: 'Placeringar', group: '2026' }),
      column(textType(), { field: 'u:2026', header: 'Per placering', group: '2026' }),
      column(textType(), { field: 'p:2027', header: 'Placeringar', group: '2027' }),
    ]);
    expect(defs.map((d) => ('children' in d ? [d.headerName, d.children.map((c) => (c as { colId?: string }).colId)] : (d as { colId?: string }).colId))).toEqual([
      'name',
      ['2026', ['p:2026', 'u:2026']],
      ['2027', ['p:2027']],
    ]);
  });
});

describe('values for a CSV file', () => {
  it('writes money to the öre in the unit the column shows, so that Excel reads a number', () => {
    const exact = new Decimal('1234567.125');
    expect(moneyType({ unit: 'kr' }).exportValue!(exact)!.toString()).toBe('1234567.13');
    expect(moneyType({ unit: 'tkr' }).exportValue!(exact)!.toString()).toBe('1234.56713');
    expect(computedType(moneyType({ unit: 'mnkr' })).exportValue!(new Decimal('-2500000'))!.toString()).toBe('-2.5');
  });

  it('writes percentages and quantities exactly, and an empty cell as empty', () => {
    expect(percentType().exportValue!(new Decimal('44.53'))!.toString()).toBe('44.53');
    expect(quantityType().exportValue!(new Decimal('0.333333'))!.toString()).toBe('0.333333');
    expect(moneyType({ required: false }).exportValue!(null)).toBeNull();
  });

  it('leaves text columns to their shown text', () => {
    expect(textType().exportValue).toBeUndefined();
  });
});
