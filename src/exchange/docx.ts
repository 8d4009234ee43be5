/**
 * The Word appendix of a scenario, for a tjänsteskrivelse: assumptions, the cost of each initiative
 * in the shape of the cost tables managers already write (Satsning | Omfattning | Kostnad), the
 * avoided placements, the year table, key figures, what the cost equals in care days, and the
 * sources of the placement prices. Real Word tables, A4, Swedish number format; every figure is
 * the evaluator's, formatted by domain/money. Loaded on demand by the UI (the docx library is big).
 */
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
  type ParagraphChild,
} from 'docx';
import { type AmountUnit, type Decimal, formatMoney, formatPercent, formatShare } from '../domain/money';
import { monthIndex } from '../domain/months';
import { evaluateScenario, type ScenarioResult } from '../domain/scenario';
import type { HemmaplanDocument, Initiative, Scenario } from '../domain/types';
import { breakEvenSentence, effectName, paybackText, PLACEMENT_UNIT_LABELS } from './labels';
import { xmlSafeText } from './xml-text';

export interface AppendixOptions {
  /** The date printed on the appendix, "YYYY-MM-DD". */
  date: string;
  /** The unit amounts are shown in; tkr unless told, as budgets are read in tkr. */
  unit?: AmountUnit;
}

/** A4 in twips (1/20 pt), with 2,5 cm margins. */
const PAGE = { width: 11906, height: 16838, margin: 1418 } as const;
const TEXT_WIDTH = PAGE.width - 2 * PAGE.margin;

const MONTH_NAMES = ['januari', 'februari', 'mars', 'april', 'maj', 'juni', 'juli', 'augusti', 'september', 'oktober', 'november', 'december'];

/** Builds the appendix of one scenario as a .docx file. Works in the browser and in Node. */
export async function scenarioAppendix(document: HemmaplanDocument, scenarioId: string, options: AppendixOptions): Promise<Uint8Array> {
  const scenario = document.scenarios.find((s) => s.id === scenarioId);
  if (!scenario) throw new Error(`Unknown scenario ${scenarioId}`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new RangeError(`Not a date: ${options.date}`);
  const result = evaluateScenario(document, scenario);
  const title = `Bilaga: ${scenario.name}`;

  const word = new Document({
    creator: 'Hemmaplan',
    lastModifiedBy: 'Hemmaplan',
    title: plainText(title),
    styles: { default: { document: { run: { language: { value: 'sv-SE' }, font: 'Calibri', size: 22 } } } },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.margin, right: PAGE.margin, bottom: PAGE.margin, left: PAGE.margin },
          },
        },
        children: appendixBody(document, scenario, result, options.unit ?? 'tkr', options.date, title),
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(word));
}

function appendixBody(
  document: HemmaplanDocument,
  scenario: Scenario,
  result: ScenarioResult,
  unit: AmountUnit,
  date: string,
  title: string,
): (Paragraph | Table)[] {
  const money = (value: Decimal) => formatMoney(value, unit);
  const period = `${result.startYear}–${result.endYear}`;
  const settings = result.settings;
  const body: (Paragraph | Table)[] = [];

  body.push(new Paragraph({ heading: HeadingLevel.TITLE, children: userRuns(title) }));
  const organisation = settings.organisation.trim();
  if (organisation !== '') body.push(new Paragraph({ children: userRuns(organisation, { bold: true }) }));
  body.push(new Paragraph({ children: [new TextRun(`Datum: ${date}`)] }));
  if (scenario.description && scenario.description.trim() !== '') body.push(new Paragraph({ children: userRuns(scenario.description) }));

  body.push(heading('Antaganden'));
  body.push(
    table(
      ['Antagande', 'Värde'],
      [
        [text('Period'), text(`${period} (${result.years.length} år)`)],
        [text('Personalomkostnadspålägg (PO)'), text(formatPercent(settings.payrollOverheadPercent))],
        [text('Löneökning'), text(`${formatPercent(settings.salaryGrowthPercent)} per år`)],
        [text('Prisökning'), text(`${formatPercent(settings.priceGrowthPercent)} per år`)],
        [text('Kalkylränta'), text(formatPercent(settings.discountRatePercent))],
        [text('Basår (löne- och prisnivå)'), text(String(settings.baseYear))],
      ],
      [3, 2],
    ),
  );

  body.push(heading('Satsningar'));
  body.push(paragraph(`Kostnad avser hela perioden ${period}. När kostnaden är lika stor varje år anges även kostnaden per år.`));
  const initiativeRows = result.initiatives.map((r) => {
    const initiative = document.initiatives.find((i) => i.id === r.id);
    const firstCost = r.years[0]?.cost;
    const steady = firstCost !== undefined && !firstCost.isZero() && r.years.every((y) => y.cost.eq(firstCost));
    const cost = steady && r.years.length > 1 ? `${money(r.total)} (${money(firstCost)}/år)` : money(r.total);
    return [user(initiative?.name ?? r.id), scopeCell(initiative), number(cost)];
  });
  body.push(table(['Satsning', 'Omfattning', 'Kostnad'], initiativeRows, [3, 4, 2], [text('Summa', true), text(''), number(money(result.totals.cost), true)]));

  if (result.effects.length > 0) {
    body.push(heading('Undvikna placeringar'));
    body.push(paragraph(`Undviken kostnad är hur mycket lägre placeringskostnaderna beräknas bli under perioden ${period}.`));
    const effectRows = result.effects.map((r, i) => {
      const effect = scenario.effects[i]!;
      const from = isolated(typeName(document, effect.fromPlacementTypeId));
      const to = effect.toPlacementTypeId === undefined ? 'hemmaplan' : isolated(typeName(document, effect.toPlacementTypeId));
      const share = effect.expectedShare.eq(1) ? '' : `, förväntat utfall ${formatShare(effect.expectedShare)}`;
      return [user(effectName(document, effect)), user(`Från ${from} till ${to}${share}`), number(money(r.total))];
    });
    body.push(
      table(['Effekt', 'Avser', 'Undviken kostnad'], effectRows, [3, 4, 2], [text('Summa', true), text(''), number(money(result.totals.avoided), true)]),
    );
  }

  body.push(heading('Resultat per år'));
  body.push(
    table(
      ['År', 'Kostnad', 'Undviken kostnad', 'Netto', 'Ackumulerat netto'],
      result.years.map((y) => [text(String(y.year)), number(money(y.cost)), number(money(y.avoided)), number(money(y.net)), number(money(y.cumulativeNet))]),
      [1, 2, 2, 2, 2],
      [text('Summa', true), number(money(result.totals.cost), true), number(money(result.totals.avoided), true), number(money(result.totals.net), true), text('')],
    ),
  );

  body.push(heading('Nyckeltal'));
  body.push(
    table(
      ['Nyckeltal', 'Värde'],
      [
        [text('Total kostnad'), number(money(result.totals.cost))],
        [text('Undviken kostnad'), number(money(result.totals.avoided))],
        [text('Netto'), number(money(result.totals.net))],
        [text(`Nuvärde av netto (kalkylränta ${formatPercent(settings.discountRatePercent)})`), number(money(result.totals.npv))],
        [text('Återbetalningsår'), number(paybackText(result.paybackYear))],
      ],
      [3, 2],
    ),
  );

  // The same placement types as the screen: those the effects avoid, or all when there are none.
  const effectTypes = new Set(scenario.effects.map((e) => e.fromPlacementTypeId));
  const breakEven = result.breakEven.filter((b) => effectTypes.size === 0 || effectTypes.has(b.placementTypeId));
  if (breakEven.length > 0) {
    body.push(heading('Vad kostnaden motsvarar'));
    for (const b of breakEven) {
      for (const y of b.years) {
        const sentence = breakEvenSentence(y.year, y.units, b.unit, isolated(typeName(document, b.placementTypeId)));
        body.push(new Paragraph({ bullet: { level: 0 }, children: userRuns(sentence) }));
      }
    }
  }

  // Sources of every placement type the appendix names.
  const named = new Set([...breakEven.map((b) => b.placementTypeId), ...scenario.effects.flatMap((e) => [e.fromPlacementTypeId, e.toPlacementTypeId ?? ''])]);
  const sourced = document.placementTypes.filter((t) => named.has(t.id));
  if (sourced.length > 0) {
    body.push(heading('Källor för placeringskostnader'));
    for (const type of sourced) {
      const price = `${formatMoney(type.price, 'kr')} per ${PLACEMENT_UNIT_LABELS[type.unit].toLowerCase()} i ${type.priceYear} års prisnivå`;
      const children: ParagraphChild[] = [...userRuns(type.name, { bold: true }), new TextRun(`: ${price}.`)];
      if (type.source && type.source.trim() !== '') children.push(new TextRun(' Källa: '), ...userRuns(type.source), new TextRun('.'));
      if (type.sourceUrl && /^https?:\/\//i.test(type.sourceUrl)) {
        children.push(
          new TextRun(' '),
          new ExternalHyperlink({ link: plainText(type.sourceUrl), children: [new TextRun({ text: plainText(type.sourceUrl), style: 'Hyperlink' })] }),
        );
      } else if (type.sourceUrl) {
        children.push(new TextRun(' '), ...userRuns(type.sourceUrl));
      }
      body.push(new Paragraph({ bullet: { level: 0 }, children }));
    }
  }
  return body;
}

// ---------------------------------------------------------------------------------------------
// Text from users

/**
 * Characters XML 1.0 forbids (most C0 controls, U+FFFE, U+FFFF, unpaired surrogates): a single one
 * would make Word refuse the file, so each is replaced by U+FFFD. Tabs become spaces.
 */
function plainText(value: string): string {
  return xmlSafeText(value).replace(/\t/g, ' ');
}

/**
 * Closes every bidirectional embedding, override (U+202A–U+202E) and isolate (U+2066–U+2068) a
 * text leaves open, so that a direction override in a name (a "Trojan Source" trick) cannot turn
 * the text that follows it around; the characters themselves are kept.
 */
function isolated(value: string): string {
  let embeddings = 0;
  let isolates = 0;
  for (const ch of value) {
    if (/[\u202a\u202b\u202d\u202e]/.test(ch)) embeddings++;
    else if (ch === '\u202c') embeddings = Math.max(0, embeddings - 1);
    else if (/[\u2066-\u2068]/.test(ch)) isolates++;
    else if (ch === '\u2069') isolates = Math.max(0, isolates - 1);
  }
  return value + '\u202c'.repeat(embeddings) + '\u2069'.repeat(isolates);
}

/** User text as runs, a line break in the text becoming a line break in Word. */
function userRuns(value: string, style: { bold?: boolean } = {}): TextRun[] {
  const lines = isolated(plainText(value)).split(/\r\n|\r|\n/);
  return lines.map((line, i) => new TextRun({ text: line, break: i > 0 ? 1 : 0, bold: style.bold ?? false }));
}

// ---------------------------------------------------------------------------------------------
// Building blocks

function heading(value: string): Paragraph {
  return new Paragraph({ heading: HeadingLevel.HEADING_1, spacing: { before: 240 }, children: [new TextRun(value)] });
}

function paragraph(value: string): Paragraph {
  return new Paragraph({ children: [new TextRun(value)] });
}

type Cell = { runs: TextRun[]; right: boolean };

/** Our own words or a formatted figure, left-aligned. */
function text(value: string, bold = false): Cell {
  return { runs: [new TextRun({ text: value, bold })], right: false };
}

/** A formatted figure, right-aligned so that digits line up. */
function number(value: string, bold = false): Cell {
  return { runs: [new TextRun({ text: value, bold })], right: true };
}

function user(value: string): Cell {
  return { runs: userRuns(value), right: false };
}

function typeName(document: HemmaplanDocument, id: string): string {
  return document.placementTypes.find((t) => t.id === id)?.name ?? id;
}

/** Omfattning: the initiative's scope text and its period ("augusti 2026–januari 2028"). */
function scopeCell(initiative: Initiative | undefined): Cell {
  if (!initiative) return text('');
  const start = monthName(initiative.start);
  const period = initiative.end === undefined ? `Från ${start}, tills vidare` : `${capitalised(start)}–${monthName(initiative.end)}`;
  const scope = initiative.scope?.trim() ?? '';
  const runs = scope === '' ? [] : userRuns(scope);
  runs.push(new TextRun({ text: period, break: runs.length > 0 ? 1 : 0 }));
  return { runs, right: false };
}

function monthName(month: string): string {
  const index = monthIndex(month);
  return `${MONTH_NAMES[index % 12]} ${Math.floor(index / 12)}`;
}

function capitalised(value: string): string {
  return value.charAt(0).toUpperCase() + value.slice(1);
}

/**
 * A Word table over the text width: a bold header row that Word repeats on every page, rows that
 * are not split across pages, and an optional bold sum row. `weights` share out the column widths.
 */
function table(headers: string[], rows: Cell[][], weights: number[], sumRow?: Cell[]): Table {
  const total = weights.reduce((a, b) => a + b, 0);
  const widths = weights.map((w) => Math.floor((TEXT_WIDTH * w) / total));
  const cell = (c: Cell, i: number) =>
    new TableCell({
      width: { size: widths[i] ?? 0, type: WidthType.DXA },
      children: [new Paragraph({ alignment: c.right ? AlignmentType.RIGHT : AlignmentType.LEFT, children: c.runs })],
    });
  const headerCells: Cell[] = headers.map((h, i) => ({ runs: [new TextRun({ text: h, bold: true })], right: i > 0 && rows.some((r) => r[i]?.right) }));
  const allRows = [headerCells, ...rows, ...(sumRow ? [sumRow] : [])];
  return new Table({
    width: { size: TEXT_WIDTH, type: WidthType.DXA },
    columnWidths: widths,
    rows: allRows.map((r, i) => new TableRow({ tableHeader: i === 0, cantSplit: true, children: r.map(cell) })),
  });
}
