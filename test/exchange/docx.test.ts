import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { scenarioAppendix } from '../../src/exchange/docx';
import { breakEvenSentence } from '../../src/exchange/labels';
import { evaluateScenario } from '../../src/domain/scenario';
import { type AmountUnit, type Decimal, formatMoney, formatPercent } from '../../src/domain/money';
import { documentFrom } from '../support';
import { exampleDocument as example } from '../example';

interface Unpacked {
  zip: JSZip;
  xml: string;
  /** Every table: rows of cells of text (line breaks as \n). */
  tables: string[][][];
  /** The text of each body paragraph outside tables. */
  paragraphs: string[];
}

async function unpack(bytes: Uint8Array): Promise<Unpacked> {
  const zip = await JSZip.loadAsync(bytes);
  const xml = await zip.file('word/document.xml')!.async('string');
  const tables = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => [...r[1]!.matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)].map((c) => textOf(c[1]!))),
  );
  const outside = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, '');
  const paragraphs = [...outside.matchAll(/<w:p>([\s\S]*?)<\/w:p>/g)].map((p) => textOf(p[1]!));
  return { zip, xml, tables, paragraphs };
}

/** The text of a piece of WordprocessingML: w:t contents, w:br as a line break, entities decoded. */
function textOf(fragment: string): string {
  let text = '';
  for (const m of fragment.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)) text += m[1] === undefined ? '\n' : decode(m[1]);
  return text;
}

function decode(text: string): string {
  return text.replace(/&(lt|gt|amp|quot|apos|#\d+|#x[0-9a-f]+);/gi, (_, e: string) => {
    const named: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
    if (named[e] !== undefined) return named[e]!;
    return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10));
  });
}

/**
 * A small XML 1.0 well-formedness check: one root element, tags that nest and close, quoted
 * attributes, no raw "<" or stray "&" in text or attribute values, only characters XML allows.
 * Returns the problem found, or null.
 */
function wellFormednessProblem(xml: string): string | null {
  if (/[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u.test(xml)) return 'a character XML does not allow';
  const entity = /&(?!(?:lt|gt|amp|quot|apos|#\d+|#x[0-9a-fA-F]+);)/;
  const name = '[A-Za-z_][\\w.:-]*';
  const tag = new RegExp(`^<(/?)(${name})((?:\\s+${name}\\s*=\\s*(?:"[^"<]*"|'[^'<]*'))*)\\s*(/?)>`);
  const stack: string[] = [];
  let roots = 0;
  let pos = 0;
  if (xml.startsWith('<?xml')) pos = xml.indexOf('?>') + 2;
  while (pos < xml.length) {
    const lt = xml.indexOf('<', pos);
    const text = xml.slice(pos, lt < 0 ? xml.length : lt);
    if (entity.test(text)) return `a stray & in text at ${pos}`;
    if (stack.length === 0 && text.trim() !== '') return `text outside the root at ${pos}`;
    if (lt < 0) break;
    const match = tag.exec(xml.slice(lt));
    if (!match) return `a malformed tag at ${lt}: ${xml.slice(lt, lt + 40)}`;
    const [whole, closing, tagName, attributes, selfClosing] = match;
    if (entity.test(attributes!)) return `a stray & in an attribute at ${lt}`;
    const names = [...attributes!.matchAll(new RegExp(`(${name})\\s*=`, 'g'))].map((a) => a[1]);
    if (new Set(names).size !== names.length) return `a repeated attribute at ${lt}`;
    if (closing) {
      if (selfClosing || attributes!.trim() !== '') return `a malformed end tag at ${lt}`;
      if (stack.pop() !== tagName) return `</${tagName}> closes the wrong element at ${lt}`;
    } else if (!selfClosing) {
      if (stack.length === 0) roots++;
      stack.push(tagName!);
    } else if (stack.length === 0) {
      roots++;
    }
    pos = lt + whole!.length;
  }
  if (stack.length > 0) return `unclosed <${stack.at(-1)}>`;
  if (roots !== 1) return `${roots} root elements`;
  return null;
}

describe('the well-formedness check itself', () => {
  it('accepts well-formed XML and finds each kind of fault', () => {
    expect(wellFormednessProblem('<?xml version="1.0"?><a x="1&amp;2"><b/>t &lt; &#x41;</a>')).toBeNull();
    expect(wellFormednessProblem('<a><b></a></b>')).not.toBeNull();
    expect(wellFormednessProblem('<a>x & y</a>')).not.toBeNull();
    expect(wellFormednessProblem('<a>x < y</a>')).not.toBeNull();
    expect(wellFormednessProblem('<a x="1" x="2"/>')).not.toBeNull();
    expect(wellFormednessProblem('<a x=1/>')).not.toBeNull();
    expect(wellFormednessProblem('<a>\u0001</a>')).not.toBeNull();
    expect(wellFormednessProblem('<a/><b/>')).not.toBeNull();
    expect(wellFormednessProblem('<a>')).not.toBeNull();
  });
});

describe('scenarioAppendix: the Word appendix of a scenario', () => {
  const date = '2026-11-23';

  it('is a Word file with title, organisation, date and A4 pages', async () => {
    const document = example();
    const { zip, xml, paragraphs } = await unpack(await scenarioAppendix(document, 'exempel-2026-2028', { date }));
    expect(zip.file('[Content_Types].xml')).not.toBeNull();
    expect(wellFormednessProblem(xml)).toBeNull();
    const title = /<w:p>(?:(?!<\/w:p>)[\s\S])*?<w:pStyle w:val="Title"\/>([\s\S]*?)<\/w:p>/.exec(xml);
    expect(textOf(title![1]!)).toBe('Bilaga: Hemmaplan 2026–2028');
    expect(paragraphs).toContain('Exempelkommun');
    expect(paragraphs).toContain('Datum: 2026-11-23');
    expect(xml).toMatch(/<w:pgSz[^>]*w:w="11906"[^>]*w:h="16838"|<w:pgSz[^>]*w:h="16838"[^>]*w:w="11906"/);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dc:title>Bilaga: Hemmaplan 2026–2028</dc:title>');
    const styles = await zip.file('word/styles.xml')!.async('string');
    expect(styles).toContain('<w:lang w:val="sv-SE"/>');
  });

  it('has real tables whose header rows repeat on every page', async () => {
    const { xml, tables } = await unpack(await scenarioAppendix(example(), 'utokad-hemmaplan-2026-2030', { date }));
    expect(tables.map((t) => t[0])).toEqual([
      ['Antagande', 'Värde'],
      ['Satsning', 'Omfattning', 'Kostnad'],
      ['Effekt', 'Avser', 'Undviken kostnad'],
      ['År', 'Kostnad', 'Undviken kostnad', 'Netto', 'Ackumulerat netto'],
      ['Nyckeltal', 'Värde'],
    ]);
    const tableXml = [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((m) => m[1]!);
    for (const t of tableXml) {
      const rows = [...t.matchAll(/<w:tr>([\s\S]*?)<\/w:tr>/g)].map((r) => r[1]!);
      expect(rows[0]).toContain('<w:tblHeader/>');
      for (const row of rows.slice(1)) expect(row).not.toContain('<w:tblHeader/>');
    }
    expect(xml).not.toContain('<w:drawing');
  });

  it.each<[string, AmountUnit | undefined]>([
    ['utokad-hemmaplan-2026-2030', undefined],
    ['utokad-hemmaplan-2026-2030', 'kr'],
    ['exempel-2026-2028', 'mnkr'],
  ])('shows every figure of %s as the evaluator gives it, formatted (unit %s)', async (scenarioId, unit) => {
    const document = example();
    const scenario = document.scenarios.find((s) => s.id === scenarioId)!;
    const result = evaluateScenario(document, scenario);
    const money = (value: Decimal) => formatMoney(value, unit ?? 'tkr');
    const { tables, paragraphs } = await unpack(await scenarioAppendix(document, scenarioId, unit ? { date, unit } : { date }));
    const byHeader = (first: string) => tables.find((t) => t[0]![0] === first)!;

    const settings = result.settings;
    expect(byHeader('Antagande').slice(1)).toEqual([
      ['Period', `${result.startYear}–${result.endYear} (${result.years.length} år)`],
      ['Personalomkostnadspålägg (PO)', formatPercent(settings.payrollOverheadPercent)],
      ['Löneökning', `${formatPercent(settings.salaryGrowthPercent)} per år`],
      ['Prisökning', `${formatPercent(settings.priceGrowthPercent)} per år`],
      ['Kalkylränta', formatPercent(settings.discountRatePercent)],
      ['Basår (löne- och prisnivå)', String(settings.baseYear)],
    ]);

    const initiatives = byHeader('Satsning');
    result.initiatives.forEach((r, i) => {
      const initiative = document.initiatives.find((x) => x.id === r.id)!;
      const [name, scope, cost] = initiatives[1 + i]!;
      expect(name).toBe(initiative.name);
      expect(scope!.startsWith(initiative.scope!)).toBe(true);
      const steady = r.years.every((y) => y.cost.eq(r.years[0]!.cost));
      expect(cost).toBe(steady ? `${money(r.total)} (${money(r.years[0]!.cost)}/år)` : money(r.total));
    });
    expect(initiatives.at(-1)).toEqual(['Summa', '', money(result.totals.cost)]);
    expect(initiatives).toHaveLength(result.initiatives.length + 2);

    expect(byHeader('År').slice(1)).toEqual([
      ...result.years.map((y) => [String(y.year), money(y.cost), money(y.avoided), money(y.net), money(y.cumulativeNet)]),
      ['Summa', money(result.totals.cost), money(result.totals.avoided), money(result.totals.net), ''],
    ]);

    const effects = byHeader('Effekt');
    expect(effects.slice(1, -1).map((r) => [r[0], r[2]])).toEqual(result.effects.map((r, i) => [scenario.effects[i]!.label, money(r.total)]));
    expect(effects.at(-1)).toEqual(['Summa', '', money(result.totals.avoided)]);

    expect(byHeader('Nyckeltal').slice(1)).toEqual([
      ['Total kostnad', money(result.totals.cost)],
      ['Undviken kostnad', money(result.totals.avoided)],
      ['Netto', money(result.totals.net)],
      [`Nuvärde av netto (kalkylränta ${formatPercent(settings.discountRatePercent)})`, money(result.totals.npv)],
      ['Återbetalningsår', result.paybackYear === null ? 'Ingen inom perioden' : String(result.paybackYear)],
    ]);

    // Break-even sentences for the placement types the effects avoid, as on the screen.
    const avoidedTypes = new Set(scenario.effects.map((e) => e.fromPlacementTypeId));
    const sentences = result.breakEven
      .filter((b) => avoidedTypes.has(b.placementTypeId))
      .flatMap((b) => b.years.map((y) => breakEvenSentence(y.year, y.units, b.unit, document.placementTypes.find((t) => t.id === b.placementTypeId)!.name)));
    expect(sentences.length).toBeGreaterThan(0);
    expect(paragraphs.filter((p) => p.startsWith('Kostnaden '))).toEqual(sentences);
  });

  it('describes scope and period in Omfattning, and gives the yearly cost only when it is the same every year', async () => {
    const document = example();
    const { tables } = await unpack(await scenarioAppendix(document, 'exempel-2026-2028', { date }));
    const rows = tables.find((t) => t[0]![0] === 'Satsning')!;
    expect(rows[1]).toEqual(['Hemma-hosare', '1 heltidstjänst\nFrån januari 2026, tills vidare', '1\u00a0561\u00a0tkr (520\u00a0tkr/år)']);
    const steg1 = rows.find((r) => r[0]!.startsWith('Steg 1'))!;
    expect(steg1[1]).toBe('1 familjebehandlare, 3 terminer på 50 % studietakt\nAugusti 2026–januari 2028');
    expect(steg1[2]).not.toContain('/år');
  });

  it('lists the sources of the placement types it names, with the address as a link', async () => {
    const document = documentFrom({
      initiatives: [{ id: 'i', name: 'Satsning', start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '100000' }] }],
      placementTypes: [
        { id: 'hvb', name: 'HVB', unit: 'day', price: '4728', priceYear: 2025, source: 'Prislista 2025', sourceUrl: 'https://example.se/pris?a=1&b=2' },
        { id: 'fh', name: 'Familjehem', unit: 'month', price: '10866', priceYear: 2021 },
        { id: 'oanvand', name: 'Används inte', unit: 'day', price: '1', priceYear: 2021, source: 'Ingen' },
      ],
      scenarios: [
        {
          id: 's',
          name: 'S',
          startYear: 2026,
          years: 1,
          initiativeIds: ['i'],
          effects: [{ id: 'e', fromPlacementTypeId: 'hvb', toPlacementTypeId: 'fh', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '10' }] }],
        },
      ],
    });
    const { zip, xml, paragraphs } = await unpack(await scenarioAppendix(document, 's', { date }));
    expect(paragraphs).toContain('Källor för placeringskostnader');
    expect(paragraphs).toContain('HVB: 4\u00a0728\u00a0kr per dygn i 2025 års prisnivå. Källa: Prislista 2025. https://example.se/pris?a=1&b=2');
    expect(paragraphs).toContain('Familjehem: 10\u00a0866\u00a0kr per månad i 2021 års prisnivå.');
    expect(paragraphs.some((p) => p.includes('Används inte'))).toBe(false);
    expect(xml).toMatch(/<w:hyperlink [^>]*r:id="([\w-]+)"/);
    const id = /<w:hyperlink [^>]*r:id="([\w-]+)"/.exec(xml)![1]!;
    const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
    expect(rels).toMatch(new RegExp(`Id="${id}"[^>]*Target="https://example.se/pris\\?a=1&amp;b=2"[^>]*TargetMode="External"`));
    expect(wellFormednessProblem(rels)).toBeNull();
  });

  it('keeps hostile text as text and stays well-formed XML', async () => {
    const hostile = '<script>alert(1)</script> & "citat" \'enkla\' \u202Eslut\u0001';
    const document = documentFrom({
      settings: { organisation: `Kommun ${hostile}` },
      initiatives: [{ id: 'i', name: hostile, scope: `rad 1\nrad 2 ${hostile}`, start: '2026-01', costLines: [{ kind: 'annual', amountPerYear: '1000' }] }],
      placementTypes: [{ id: 't', name: `Typ ${hostile}`, unit: 'day', price: '100', priceYear: 2026, source: hostile }],
      scenarios: [
        {
          id: 's',
          name: hostile,
          description: hostile,
          startYear: 2026,
          years: 1,
          initiativeIds: ['i'],
          effects: [{ id: 'e', label: hostile, fromPlacementTypeId: 't', perYear: [{ year: 2026, placements: '1', unitsPerPlacement: '1' }] }],
        },
      ],
    });
    const { zip, xml, tables, paragraphs } = await unpack(await scenarioAppendix(document, 's', { date }));
    for (const part of ['word/document.xml', 'docProps/core.xml', 'word/styles.xml', 'word/_rels/document.xml.rels', '[Content_Types].xml']) {
      expect(wellFormednessProblem(await zip.file(part)!.async('string')), part).toBeNull();
    }
    expect(xml).not.toContain('<script>');
    expect(xml).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    // The text reads back as written: the control character XML cannot hold becomes U+FFFD, and the
    // direction override is closed (U+202C) at the end of the user's text so it cannot turn ours.
    const shown = '<script>alert(1)</script> & "citat" \'enkla\' \u202Eslut\ufffd\u202C';
    expect(paragraphs[0]).toBe(`Bilaga: ${shown}`);
    expect(paragraphs).toContain(`Kommun ${shown}`);
    expect(paragraphs).toContain(shown);
    const initiativeRow = tables.find((t) => t[0]![0] === 'Satsning')![1]!;
    expect(initiativeRow[0]).toBe(shown);
    expect(initiativeRow[1]).toBe(`rad 1\nrad 2 ${shown}\nFrån januari 2026, tills vidare`);
    const effectRow = tables.find((t) => t[0]![0] === 'Effekt')![1]!;
    expect(effectRow[0]).toBe(shown);
    expect(effectRow[1]).toBe(`Från Typ ${shown} till hemmaplan`);
    expect(paragraphs).toContain(`Kostnaden 2026 motsvarar 10 vårddygn på Typ ${shown}.`);
    expect(paragraphs.find((p) => p.startsWith(`Typ ${shown}:`))).toBe(`Typ ${shown}: 100\u00a0kr per dygn i 2026 års prisnivå. Källa: ${shown}.`);
  });

  it('refuses an unknown scenario and a malformed date', async () => {
    await expect(scenarioAppendix(example(), 'finns-inte', { date })).rejects.toThrow();
    await expect(scenarioAppendix(example(), 'exempel-2026-2028', { date: '23/11/2026' })).rejects.toThrow(RangeError);
  });
});
