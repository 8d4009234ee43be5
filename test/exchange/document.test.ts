/**
 * The validation rules of the exchange format (EXCHANGE.md §1). Each case starts from one small
 * valid document and breaks exactly one thing (unless it says otherwise), then checks that the
 * document is refused with an issue at exactly the JSON path of the problem.
 */
import { describe, expect, it } from 'vitest';
import { issueLines, parseDocument, parseDocumentText, serialiseDocument, stringifyDocument, type ParseOutcome } from '../../src/exchange/document';
import type { CostLine, HemmaplanDocument } from '../../src/domain/types';

// ---------------------------------------------------------------------------------------------
// The base document and ways to break it

/** Untrusted JSON as a test builds and breaks it. */
type Json = any;

/**
 * A small valid document: one intervention, two initiatives with every cost-line kind, two
 * placement types of different units and one scenario with one effect.
 *
 * Paths used below:
 *   initiatives[0].costLines[0] staff, [1] perUnit, [2] annual, [3] funding
 *   initiatives[1].costLines[0] oneOff, [1] education
 */
function baseDocument(): Json {
  return {
    format: 'hemmaplan',
    version: 1,
    exportedAt: '2026-11-23T10:00:00Z',
    settings: {
      organisation: 'Borgholms kommun',
      payrollOverheadPercent: '44.53',
      salaryGrowthPercent: '2',
      priceGrowthPercent: '1.5',
      discountRatePercent: '3',
      baseYear: 2026,
    },
    interventions: [
      {
        id: 'mst',
        name: 'MST (multisystemisk terapi)',
        shortName: 'MST',
        description: 'Intensiv familje- och nätverksbaserad behandling.',
        category: 'Behandling',
        targetGroups: ['youth', 'parents'],
        ageMin: 12,
        ageMax: 17,
        unit: 'Barn och unga',
        format: 'family',
        scope: '3–5 månader, flera besök i veckan',
        theory: 'Systemteori',
        evidenceUrl: 'https://www.socialstyrelsen.se/x',
        needsAssessment: 'assessed',
        status: 'planned',
        trainedStaff: 2,
        unitCost: '65000',
        unitCostUnit: 'familj',
        notes: 'Licens krävs.',
        tags: ['familj', 'behandling'],
      },
    ],
    initiatives: [
      {
        id: 'team',
        name: 'Hemmaplansteam',
        description: 'Två behandlare som arbetar med familjer på hemmaplan.',
        scope: '2 heltidstjänster',
        unit: 'IFO',
        interventionIds: ['mst'],
        start: '2026-01',
        end: '2028-12',
        costLines: [
          { id: 'l1', label: 'Behandlare', kind: 'staff', fte: '2', monthlySalary: '42000' },
          { id: 'l2', label: 'Extern handledning', kind: 'perUnit', unit: 'tillfälle', quantityPerYear: '10', unitPrice: '3500' },
          { id: 'l3', label: 'Lokal och bil', kind: 'annual', amountPerYear: '120000' },
          { id: 'l4', label: 'Statsbidrag', kind: 'funding', amountPerYear: '200000' },
        ],
      },
      {
        id: 'utb',
        name: 'Utbildning i MST',
        start: '2026-03',
        costLines: [
          { id: 'u1', label: 'Licens', kind: 'oneOff', amount: '25000', month: '2026-03' },
          {
            id: 'u2',
            label: 'Studietid',
            kind: 'education',
            persons: '2',
            terms: 2,
            monthsPerTerm: 6,
            studyShare: '0.25',
            monthlySalary: '40000',
            payrollOverheadPercent: '40',
            materialPerTerm: '3000',
          },
        ],
      },
    ],
    placementTypes: [
      {
        id: 'hvb',
        name: 'HVB för unga',
        unit: 'day',
        price: '5500',
        priceYear: 2025,
        category: 'children',
        source: 'Kommunens avtal',
        sourceUrl: 'https://www.socialstyrelsen.se/x',
        notes: 'Genomsnitt',
      },
      { id: 'familjehem', name: 'Familjehem', unit: 'month', price: '45000', priceYear: 2025, category: 'children' },
    ],
    scenarios: [
      {
        id: 's1',
        name: 'Bas',
        description: 'Tre år med team och utbildning.',
        startYear: 2026,
        years: 3,
        settings: { discountRatePercent: '2' },
        initiativeIds: ['team', 'utb'],
        effects: [
          {
            id: 'e1',
            label: 'Färre HVB-placeringar',
            fromPlacementTypeId: 'hvb',
            toPlacementTypeId: 'familjehem',
            initiativeId: 'team',
            expectedShare: '0.8',
            perYear: [
              { year: 2026, placements: '1', unitsPerPlacement: '180' },
              { year: 2027, placements: '2', unitsPerPlacement: '200' },
            ],
          },
        ],
      },
    ],
  };
}

/** Marks a field to be removed rather than set. */
const REMOVE = Symbol('remove');

/** "initiatives[0].costLines[1].fte" → ["initiatives", 0, "costLines", 1, "fte"]. */
function pathKeys(path: string): (string | number)[] {
  const keys: (string | number)[] = [];
  for (const match of path.matchAll(/\[(\d+)\]|([^.[\]]+)/g)) keys.push(match[1] !== undefined ? Number(match[1]) : match[2]!);
  return keys;
}

/** Sets (or removes) the value at a JSON path of a document built by this file. */
function change(doc: Json, path: string, value: unknown): Json {
  const keys = pathKeys(path);
  const last = keys.pop();
  if (last === undefined) throw new Error(`empty path: ${path}`);
  let node: Json = doc;
  for (const key of keys) {
    node = node[key];
    if (typeof node !== 'object' || node === null) throw new Error(`the base document has nothing at ${path}`);
  }
  if (value === REMOVE) {
    if (!(last in node)) throw new Error(`the base document has nothing to remove at ${path}`);
    if (Array.isArray(node)) node.splice(Number(last), 1);
    else delete node[last];
  } else {
    node[last] = value;
  }
  return doc;
}

/** The base document with one value changed, parsed. */
function withValue(path: string, value: unknown): ParseOutcome {
  return parseDocument(change(baseDocument(), path, value));
}

/** The base document changed by a function, parsed. */
function withChange(edit: (doc: Json) => void): ParseOutcome {
  const doc = baseDocument();
  edit(doc);
  return parseDocument(doc);
}

function paths(outcome: ParseOutcome): string[] {
  if (outcome.ok) throw new Error('expected the document to be refused, but it was accepted');
  return outcome.issues.map((issue) => issue.path);
}

/** The document is refused with an issue at exactly `path`, whose message matches `word` when given. */
function expectIssue(outcome: ParseOutcome, path: string, word?: RegExp): void {
  expect(outcome.ok).toBe(false);
  if (outcome.ok) return;
  expect(outcome.issues.map((issue) => issue.path)).toContain(path);
  for (const issue of outcome.issues) {
    expect(typeof issue.message).toBe('string');
    expect(issue.message.length).toBeGreaterThan(0);
  }
  if (word) {
    const messages = outcome.issues.filter((issue) => issue.path === path).map((issue) => issue.message);
    expect(messages.some((message) => word.test(message)), `a message at ${path} matching ${word}; got ${JSON.stringify(messages)}`).toBe(true);
  }
}

/** The document is accepted; on failure the issues are shown. */
function expectValid(outcome: ParseOutcome): HemmaplanDocument {
  if (!outcome.ok) expect.fail(`expected a valid document, got:\n${issueLines(outcome.issues).join('\n')}`);
  return outcome.document;
}

/** A cost line of the parsed document, of the kind the test expects. */
function lineOf<K extends CostLine['kind']>(doc: HemmaplanDocument, initiative: number, line: number, kind: K): Extract<CostLine, { kind: K }> {
  const found = doc.initiatives[initiative]?.costLines[line];
  expect(found?.kind).toBe(kind);
  return found as Extract<CostLine, { kind: K }>;
}

const long = (n: number): string => 'x'.repeat(n);

type Row = [title: string, path: string, value: unknown, at?: string, word?: RegExp];

/** Runs refused rows: set `path` to `value`, expect an issue at `at` (default `path`). */
function refusedRows(rows: Row[]): void {
  it.each<Row>(rows)('%s', (_title, path, value, at, word) => {
    expectIssue(withValue(path, value), at ?? path, word);
  });
}

type AcceptedRow = [title: string, path: string, value: unknown];

function acceptedRows(rows: AcceptedRow[]): void {
  it.each<AcceptedRow>(rows)('%s', (_title, path, value) => {
    expectValid(withValue(path, value));
  });
}

// ---------------------------------------------------------------------------------------------

describe('the base document', () => {
  it('is valid and read as written', () => {
    const doc = expectValid(parseDocument(baseDocument()));
    expect(doc.interventions.map((i) => i.id)).toEqual(['mst']);
    expect(doc.initiatives.map((i) => i.id)).toEqual(['team', 'utb']);
    expect(doc.placementTypes.map((t) => t.id)).toEqual(['hvb', 'familjehem']);
    expect(doc.scenarios.map((s) => s.id)).toEqual(['s1']);
    expect(doc.settings.payrollOverheadPercent.toString()).toBe('44.53');
    expect(doc.settings.baseYear).toBe(2026);
    expect(lineOf(doc, 0, 0, 'staff').monthlySalary.toString()).toBe('42000');
    expect(lineOf(doc, 1, 1, 'education').studyShare.toString()).toBe('0.25');
    expect(doc.scenarios[0]?.effects[0]?.expectedShare.toString()).toBe('0.8');
    expect(doc.scenarios[0]?.effects[0]?.perYear).toHaveLength(2);
  });
});

describe('the document itself', () => {
  it.each<[string, unknown]>([
    ['an array', []],
    ['null', null],
    ['a string', 'hemmaplan'],
    ['a number', 1],
    ['a boolean', true],
  ])('is refused at "$" when the root is %s', (_title, root) => {
    const outcome = parseDocument(root);
    expect(paths(outcome)).toEqual(['$']);
  });

  refusedRows([
    ['format with another string', 'format', 'hemmaplan-result'],
    ['format in other case', 'format', 'Hemmaplan'],
    ['format as a number', 'format', 1],
    ['format missing', 'format', REMOVE],
    ['version missing', 'version', REMOVE],
    ['version as text', 'version', '1'],
    ['version 0', 'version', 0],
    ['version negative', 'version', -1],
    ['version not an integer', 'version', 1.5],
    ['version null', 'version', null],
  ]);

  it('refuses a newer version with a message that names the version', () => {
    const outcome = withValue('version', 2);
    expect(paths(outcome)).toEqual(['version']);
    if (outcome.ok) return;
    const message = outcome.issues[0]?.message ?? '';
    expect(message).toMatch(/\b2\b/);
    expect(message).toMatch(/version/i);
  });

  it('refuses a much newer version too', () => {
    const outcome = withValue('version', 17);
    expect(paths(outcome)).toEqual(['version']);
    if (!outcome.ok) expect(outcome.issues[0]?.message).toMatch(/\b17\b/);
  });

  refusedRows([
    ['exportedAt not a timestamp', 'exportedAt', 'i går'],
    ['exportedAt as a number', 'exportedAt', 20261123],
  ]);

  acceptedRows([
    ['exportedAt absent', 'exportedAt', REMOVE],
    ['settings absent', 'settings', REMOVE],
  ]);

  it('accepts an empty list of interventions', () => {
    const doc = expectValid(
      withChange((d) => {
        d.interventions = [];
        delete d.initiatives[0].interventionIds;
      }),
    );
    expect(doc.interventions).toEqual([]);
  });

  refusedRows([
    ['settings as an array', 'settings', [], 'settings'],
    ['interventions as an object', 'interventions', {}, 'interventions', /lista/],
    ['initiatives as a string', 'initiatives', 'team', 'initiatives'],
    ['placementTypes as an object', 'placementTypes', { hvb: {} }, 'placementTypes'],
    ['scenarios as a number', 'scenarios', 1, 'scenarios'],
    ['an intervention that is not an object', 'interventions[0]', 'mst', 'interventions[0]'],
    ['an initiative that is an array', 'initiatives[1]', [], 'initiatives[1]'],
    ['a placement type that is null', 'placementTypes[1]', null, 'placementTypes[1]'],
    ['a scenario that is a string', 'scenarios[0]', 's1', 'scenarios[0]'],
  ]);
});

describe('parseDocumentText', () => {
  it.each<[string, string]>([
    ['plain text', 'inte json'],
    ['empty text', ''],
    ['a cut-off object', '{"format": "hemmaplan", "version": 1'],
    ['single quotes', "{'format': 'hemmaplan'}"],
    ['a trailing comma', '{"format": "hemmaplan", "version": 1,}'],
  ])('refuses %s with one issue at "$"', (_title, text) => {
    const outcome = parseDocumentText(text);
    expect(paths(outcome)).toEqual(['$']);
    if (!outcome.ok) expect(outcome.issues[0]?.message).toMatch(/JSON/);
  });

  it('accepts a document', () => {
    const doc = expectValid(parseDocumentText(JSON.stringify(baseDocument())));
    expect(doc.scenarios[0]?.id).toBe('s1');
  });

  it('accepts a document that starts with a byte order mark', () => {
    const doc = expectValid(parseDocumentText('\uFEFF' + JSON.stringify(baseDocument(), null, 2)));
    expect(doc.initiatives).toHaveLength(2);
  });

  it('validates what it reads like parseDocument', () => {
    const outcome = parseDocumentText(JSON.stringify(change(baseDocument(), 'initiatives[0].costLines[0].fte', '-1')));
    expectIssue(outcome, 'initiatives[0].costLines[0].fte');
  });
});

describe('required fields', () => {
  const required = [
    // Intervention
    'interventions[0].id',
    'interventions[0].name',
    // Initiative
    'initiatives[0].id',
    'initiatives[0].name',
    'initiatives[0].start',
    'initiatives[0].costLines',
    // Cost lines, by kind
    'initiatives[0].costLines[0].kind',
    'initiatives[0].costLines[0].fte',
    'initiatives[0].costLines[0].monthlySalary',
    'initiatives[0].costLines[1].unit',
    'initiatives[0].costLines[1].quantityPerYear',
    'initiatives[0].costLines[1].unitPrice',
    'initiatives[0].costLines[2].amountPerYear',
    'initiatives[0].costLines[3].amountPerYear',
    'initiatives[1].costLines[0].amount',
    'initiatives[1].costLines[0].month',
    'initiatives[1].costLines[1].persons',
    'initiatives[1].costLines[1].terms',
    'initiatives[1].costLines[1].studyShare',
    'initiatives[1].costLines[1].monthlySalary',
    'initiatives[1].costLines[1].materialPerTerm',
    // Placement type
    'placementTypes[0].id',
    'placementTypes[0].name',
    'placementTypes[0].unit',
    'placementTypes[0].price',
    'placementTypes[0].priceYear',
    // Scenario
    'scenarios[0].id',
    'scenarios[0].name',
    'scenarios[0].startYear',
    'scenarios[0].years',
    // Effect and its per-year entries
    'scenarios[0].effects[0].id',
    'scenarios[0].effects[0].fromPlacementTypeId',
    'scenarios[0].effects[0].perYear',
    'scenarios[0].effects[0].perYear[0].year',
    'scenarios[0].effects[0].perYear[0].placements',
    'scenarios[0].effects[0].perYear[0].unitsPerPlacement',
  ];

  it.each(required)('%s is required', (path) => {
    expectIssue(withValue(path, REMOVE), path, /saknas/i);
  });

  it.each(['interventions[0].name', 'initiatives[1].costLines[1].studyShare', 'scenarios[0].years'])('%s given as null counts as missing', (path) => {
    expectIssue(withValue(path, null), path, /saknas/i);
  });

  acceptedRows([
    ['a cost line without id and label', 'initiatives[0].costLines[2]', { kind: 'annual', amountPerYear: '1' }],
    ['an effect without label, to-type, initiative and expectedShare', 'scenarios[0].effects[0]', { id: 'e1', fromPlacementTypeId: 'hvb', perYear: [] }],
    ['a scenario without settings, initiatives and effects', 'scenarios[0]', { id: 's1', name: 'Tom', startYear: 2026, years: 1 }],
    ['an intervention with only id and name', 'interventions[0]', { id: 'mst', name: 'MST' }],
    ['a placement type with only the required fields', 'placementTypes[0]', { id: 'hvb', name: 'HVB', unit: 'day', price: '5500', priceYear: 2025 }],
    ['an initiative with an empty list of cost lines', 'initiatives[1].costLines', []],
  ]);
});

describe('cost-line kinds', () => {
  refusedRows([
    ['an unknown kind', 'initiatives[0].costLines[0].kind', 'salary', 'initiatives[0].costLines[0].kind', /salary|tillåt/],
    ['a kind in other case', 'initiatives[0].costLines[2].kind', 'Annual'],
    ['a kind that is not text', 'initiatives[0].costLines[2].kind', 1],
  ]);

  it('reads the line own payroll overhead and the education defaults', () => {
    const doc = expectValid(withValue('initiatives[1].costLines[1].monthsPerTerm', REMOVE));
    const education = lineOf(doc, 1, 1, 'education');
    expect(education.monthsPerTerm).toBe(6);
    expect(education.payrollOverheadPercent?.toString()).toBe('40');
    expect(lineOf(doc, 0, 0, 'staff').payrollOverheadPercent).toBeUndefined();
  });
});

describe('wrong types', () => {
  refusedRows([
    ['text where a money amount is expected', 'initiatives[0].costLines[0].monthlySalary', 'fyrtiotvåtusen'],
    ['a boolean where a decimal is expected', 'initiatives[0].costLines[0].fte', true],
    ['an object where a decimal is expected', 'placementTypes[0].price', { value: '5500' }],
    ['an array where a decimal is expected', 'initiatives[0].costLines[2].amountPerYear', ['120000']],
    ['a number where text is expected (name)', 'initiatives[0].name', 42],
    ['a number where text is expected (id)', 'interventions[0].id', 7],
    ['a number where text is expected (unit of a perUnit line)', 'initiatives[0].costLines[1].unit', 1],
    ['an array where text is expected', 'interventions[0].description', ['a', 'b']],
    ['a year as text', 'scenarios[0].startYear', '2026'],
    ['years as text', 'scenarios[0].years', '3'],
    ['a price year as text', 'placementTypes[0].priceYear', '2025'],
    ['a per-year year as text', 'scenarios[0].effects[0].perYear[0].year', '2026'],
    ['a month as a number', 'initiatives[0].start', 202601],
    ['cost lines as an object', 'initiatives[0].costLines', { l1: { kind: 'annual', amountPerYear: '1' } }],
    ['a cost line that is an array', 'initiatives[0].costLines[1]', []],
    ['a cost line that is a string', 'initiatives[1].costLines[0]', 'oneOff'],
    ['effects as an object', 'scenarios[0].effects', {}],
    ['an effect that is a number', 'scenarios[0].effects[0]', 1],
    ['perYear as an object', 'scenarios[0].effects[0].perYear', { 2026: '1' }],
    ['a per-year entry that is a number', 'scenarios[0].effects[0].perYear[1]', 5],
    ['targetGroups as a string', 'interventions[0].targetGroups', 'youth'],
    ['a tag that is not text', 'interventions[0].tags', ['familj', 3], 'interventions[0].tags[1]'],
    ['interventionIds as a string', 'initiatives[0].interventionIds', 'mst'],
    ['an initiative id in a scenario that is a number', 'scenarios[0].initiativeIds', ['team', 2], 'scenarios[0].initiativeIds[1]'],
    ['scenario settings as a string', 'scenarios[0].settings', 'låg ränta'],
    ['a setting as an array', 'settings.payrollOverheadPercent', []],
    ['organisation as a number', 'settings.organisation', 5],
  ]);
});

describe('decimal values', () => {
  refusedRows([
    ['a decimal comma', 'settings.payrollOverheadPercent', '44,53', 'settings.payrollOverheadPercent', /komma|punkt/],
    ['letters', 'initiatives[0].costLines[0].fte', 'abc'],
    ['an empty string', 'initiatives[0].costLines[0].monthlySalary', ''],
    ['only spaces', 'initiatives[0].costLines[1].unitPrice', '   '],
    ['"Infinity"', 'initiatives[0].costLines[2].amountPerYear', 'Infinity'],
    ['"-Infinity"', 'settings.salaryGrowthPercent', '-Infinity'],
    ['"NaN"', 'placementTypes[0].price', 'NaN'],
    ['"∞"', 'initiatives[1].costLines[0].amount', '∞'],
    ['a JS Infinity', 'initiatives[0].costLines[3].amountPerYear', Number.POSITIVE_INFINITY],
    ['a JS NaN', 'scenarios[0].effects[0].perYear[0].placements', Number.NaN],
    ['a hexadecimal number', 'initiatives[0].costLines[1].quantityPerYear', '0x10'],
    ['spaces between thousands', 'initiatives[0].costLines[0].monthlySalary', '42 000'],
    ['a currency suffix', 'initiatives[0].costLines[2].amountPerYear', '120000 kr'],
    ['a percent sign', 'settings.payrollOverheadPercent', '44.53%'],
    ['two decimal points', 'placementTypes[1].price', '45.000.00'],
  ]);

  it.each<[string, string, string]>([
    ['5e3', 'initiatives[0].costLines[2].amountPerYear', '5000'],
    ['2.5E2', 'placementTypes[0].price', '250'],
    ['1e-2', 'initiatives[1].costLines[1].studyShare', '0.01'],
  ])('accepts the exponent form %s', (text, path, expected) => {
    const doc = expectValid(withValue(path, text));
    const serialised = JSON.stringify(serialiseDocument(doc));
    expect(serialised).toContain(`"${expected}"`);
  });

  it('accepts the exponent form for an annual amount and reads its value', () => {
    const doc = expectValid(withValue('initiatives[0].costLines[2].amountPerYear', '5e3'));
    expect(lineOf(doc, 0, 2, 'annual').amountPerYear.toString()).toBe('5000');
  });

  it('accepts JSON numbers and reads them through their decimal text (0.1 is exactly 0.1)', () => {
    const doc = expectValid(
      withChange((d) => {
        d.initiatives[0].costLines[2].amountPerYear = 0.1;
        d.initiatives[0].costLines[0].fte = 2;
        d.settings.payrollOverheadPercent = 44.53;
        d.initiatives[1].costLines[1].studyShare = 0.3;
        d.scenarios[0].effects[0].expectedShare = 1e-7;
      }),
    );
    const annual = lineOf(doc, 0, 2, 'annual').amountPerYear;
    expect(annual.toString()).toBe('0.1');
    expect(annual.equals('0.1')).toBe(true);
    // 0.1 read through a binary double would be 0.1000000000000000055511151231257827…
    expect(annual.times(3).toString()).toBe('0.3');
    expect(lineOf(doc, 0, 0, 'staff').fte.toString()).toBe('2');
    expect(doc.settings.payrollOverheadPercent.toString()).toBe('44.53');
    expect(lineOf(doc, 1, 1, 'education').studyShare.toString()).toBe('0.3');
    expect(doc.scenarios[0]?.effects[0]?.expectedShare.equals('0.0000001')).toBe(true);
  });

  it('refuses more than 40 decimal places, so that what is read can be written back and read again', () => {
    // "1e-999" is a valid decimal, but written out without an exponent it is a thousand digits.
    expectIssue(withValue('scenarios[0].effects[0].perYear[0].placements', '1e-999'), 'scenarios[0].effects[0].perYear[0].placements', /decimaler/);
    expectIssue(withValue('placementTypes[0].price', `0.${'0'.repeat(40)}1`), 'placementTypes[0].price', /högst 40/);
    expectIssue(withValue('settings.discountRatePercent', 1e-41), 'settings.discountRatePercent', /decimaler/);
    const finest = expectValid(withValue('placementTypes[0].price', `999999999999999.${'9'.repeat(40)}`));
    const again = parseDocumentText(stringifyDocument(finest));
    expect(again.ok).toBe(true);
    expect(expectValid(withValue('placementTypes[0].price', '1e-40')).placementTypes[0]!.price.toFixed()).toBe(`0.${'0'.repeat(39)}1`);
  });

  it('writes decimals read from JSON numbers back as strings', () => {
    const doc = expectValid(withValue('initiatives[0].costLines[2].amountPerYear', 0.1));
    const json: Json = serialiseDocument(doc);
    expect(json.initiatives[0].costLines[2].amountPerYear).toBe('0.1');
    expect(json.settings.payrollOverheadPercent).toBe('44.53');
    expect(json.placementTypes[0].price).toBe('5500');
  });
});

describe('amounts are ≥ 0', () => {
  const amounts = [
    'initiatives[0].costLines[0].fte',
    'initiatives[0].costLines[0].monthlySalary',
    'initiatives[0].costLines[1].quantityPerYear',
    'initiatives[0].costLines[1].unitPrice',
    'initiatives[0].costLines[2].amountPerYear',
    'initiatives[0].costLines[3].amountPerYear',
    'initiatives[1].costLines[0].amount',
    'initiatives[1].costLines[1].persons',
    'initiatives[1].costLines[1].monthlySalary',
    'initiatives[1].costLines[1].materialPerTerm',
    'placementTypes[0].price',
    'interventions[0].unitCost',
    'scenarios[0].effects[0].perYear[0].placements',
    'scenarios[0].effects[0].perYear[1].unitsPerPlacement',
  ];

  it.each(amounts)('%s = "-1" is refused', (path) => {
    expectIssue(withValue(path, '-1'), path);
  });

  it.each(amounts)('%s = -0.01 (a JSON number) is refused', (path) => {
    expectIssue(withValue(path, -0.01), path);
  });

  it.each(amounts)('%s = "0" is accepted', (path) => {
    expectValid(withValue(path, '0'));
  });
});

describe('ranges', () => {
  refusedRows([
    ['payrollOverheadPercent below 0', 'settings.payrollOverheadPercent', '-0.01'],
    ['payrollOverheadPercent above 100', 'settings.payrollOverheadPercent', '100.01'],
    ["a staff line's own payrollOverheadPercent above 100", 'initiatives[0].costLines[0]', { kind: 'staff', fte: '1', monthlySalary: '1', payrollOverheadPercent: '101' }, 'initiatives[0].costLines[0].payrollOverheadPercent'],
    ["an education line's own payrollOverheadPercent below 0", 'initiatives[1].costLines[1].payrollOverheadPercent', '-1'],
    ['salaryGrowthPercent below -50', 'settings.salaryGrowthPercent', '-50.01'],
    ['salaryGrowthPercent above 50', 'settings.salaryGrowthPercent', '50.01'],
    ['priceGrowthPercent below -50', 'settings.priceGrowthPercent', '-51'],
    ['priceGrowthPercent above 50', 'settings.priceGrowthPercent', '50.5'],
    ['discountRatePercent below 0', 'settings.discountRatePercent', '-1'],
    ['discountRatePercent above 100', 'settings.discountRatePercent', '100.5'],
    ['studyShare above 1', 'initiatives[1].costLines[1].studyShare', '1.01'],
    ['studyShare below 0', 'initiatives[1].costLines[1].studyShare', '-0.01'],
    ['expectedShare above 1', 'scenarios[0].effects[0].expectedShare', '1.5'],
    ['expectedShare below 0', 'scenarios[0].effects[0].expectedShare', '-0.1'],
    ['terms 0', 'initiatives[1].costLines[1].terms', 0],
    ['terms negative', 'initiatives[1].costLines[1].terms', -1],
    ['terms not an integer', 'initiatives[1].costLines[1].terms', 1.5],
    ['monthsPerTerm 0', 'initiatives[1].costLines[1].monthsPerTerm', 0],
    ['monthsPerTerm 13', 'initiatives[1].costLines[1].monthsPerTerm', 13],
    ['monthsPerTerm not an integer', 'initiatives[1].costLines[1].monthsPerTerm', 2.5],
    ['years 0', 'scenarios[0].years', 0],
    ['years 51', 'scenarios[0].years', 51],
    ['years not an integer', 'scenarios[0].years', 2.5],
    ['startYear 1899', 'scenarios[0].startYear', 1899],
    ['startYear 2201', 'scenarios[0].startYear', 2201],
    ['startYear not an integer', 'scenarios[0].startYear', 2026.5],
    ['ageMin below 0', 'interventions[0].ageMin', -1],
    ['ageMin above 120', 'interventions[0].ageMin', 121, 'interventions[0].ageMin'],
    ['ageMax above 120', 'interventions[0].ageMax', 121],
    ['ageMin not an integer', 'interventions[0].ageMin', 12.5],
    ['ageMax as text', 'interventions[0].ageMax', '17'],
    ['trainedStaff negative', 'interventions[0].trainedStaff', -1],
    ['trainedStaff not an integer', 'interventions[0].trainedStaff', 1.5],
  ]);

  it('refuses ageMin above ageMax (reported at ageMax)', () => {
    expectIssue(withValue('interventions[0].ageMin', 18), 'interventions[0].ageMax', /^högsta åldern \(17\) är lägre än lägsta åldern \(18\)/);
  });

  acceptedRows([
    ['payrollOverheadPercent 0', 'settings.payrollOverheadPercent', '0'],
    ['payrollOverheadPercent 100', 'settings.payrollOverheadPercent', '100'],
    ['salaryGrowthPercent -50', 'settings.salaryGrowthPercent', '-50'],
    ['salaryGrowthPercent 50', 'settings.salaryGrowthPercent', '50'],
    ['priceGrowthPercent -50', 'settings.priceGrowthPercent', '-50'],
    ['priceGrowthPercent 50', 'settings.priceGrowthPercent', '50'],
    ['discountRatePercent 0', 'settings.discountRatePercent', '0'],
    ['discountRatePercent 100', 'settings.discountRatePercent', '100'],
    ['studyShare 0', 'initiatives[1].costLines[1].studyShare', '0'],
    ['studyShare 1', 'initiatives[1].costLines[1].studyShare', '1'],
    ['expectedShare 0', 'scenarios[0].effects[0].expectedShare', '0'],
    ['expectedShare 1', 'scenarios[0].effects[0].expectedShare', '1'],
    ['terms 1', 'initiatives[1].costLines[1].terms', 1],
    ['monthsPerTerm 1', 'initiatives[1].costLines[1].monthsPerTerm', 1],
    ['monthsPerTerm 12', 'initiatives[1].costLines[1].monthsPerTerm', 12],
    ['years 1', 'scenarios[0].years', 1],
    ['years 50', 'scenarios[0].years', 50],
    ['startYear 1900', 'scenarios[0].startYear', 1900],
    ['startYear 2200', 'scenarios[0].startYear', 2200],
    ['ageMin 0', 'interventions[0].ageMin', 0],
    ['ageMax 120', 'interventions[0].ageMax', 120],
    ['ageMin equal to ageMax', 'interventions[0].ageMin', 17],
    ['trainedStaff 0', 'interventions[0].trainedStaff', 0],
  ]);

  it('defaults expectedShare to 1 and monthsPerTerm to 6', () => {
    const doc = expectValid(
      withChange((d) => {
        delete d.scenarios[0].effects[0].expectedShare;
        delete d.initiatives[1].costLines[1].monthsPerTerm;
      }),
    );
    expect(doc.scenarios[0]?.effects[0]?.expectedShare.toString()).toBe('1');
    expect(lineOf(doc, 1, 1, 'education').monthsPerTerm).toBe(6);
  });
});

describe('months', () => {
  refusedRows([
    ['month 13', 'initiatives[0].start', '2026-13'],
    ['month 00', 'initiatives[0].start', '2026-00'],
    ['a month without a leading zero', 'initiatives[0].start', '2026-1'],
    ['a month without a dash', 'initiatives[0].start', '202601'],
    ['a month as a number', 'initiatives[0].start', 2026],
    ['a month with a slash', 'initiatives[0].start', '2026/01'],
    ['a two-digit year', 'initiatives[0].start', '26-01'],
    ['a full date', 'initiatives[0].start', '2026-01-01'],
    ['an invalid end month', 'initiatives[0].end', '2026-13'],
    ['an invalid one-off month', 'initiatives[1].costLines[0].month', '2026-1'],
    ['an end month before the start month', 'initiatives[0].end', '2025-12', 'initiatives[0].end'],
  ]);

  it('accepts an end month equal to the start month', () => {
    const doc = expectValid(withValue('initiatives[0].end', '2026-01'));
    expect(doc.initiatives[0]?.end).toBe('2026-01');
  });

  it('reads an end of null as open-ended', () => {
    const doc = expectValid(withValue('initiatives[0].end', null));
    expect(doc.initiatives[0]?.end).toBeUndefined();
    expect(doc.initiatives[0]?.start).toBe('2026-01');
  });

  it('reads an absent end as open-ended', () => {
    const doc = expectValid(withValue('initiatives[0].end', REMOVE));
    expect(doc.initiatives[0]?.end).toBeUndefined();
  });
});

describe('ids', () => {
  refusedRows([
    ['an empty intervention id', 'interventions[0].id', ''],
    ['an empty initiative id', 'initiatives[0].id', ''],
    ['an empty cost-line id', 'initiatives[0].costLines[0].id', ''],
    ['an empty placement type id', 'placementTypes[0].id', ''],
    ['an empty scenario id', 'scenarios[0].id', ''],
    ['an empty effect id', 'scenarios[0].effects[0].id', ''],
    ['an intervention id of 101 characters', 'interventions[0].id', long(101), 'interventions[0].id', /101|100/],
    ['an initiative id of 101 characters', 'initiatives[1].id', long(101)],
    ['a cost-line id of 101 characters', 'initiatives[1].costLines[0].id', long(101)],
    ['a placement type id of 101 characters', 'placementTypes[1].id', long(101)],
    ['a scenario id of 101 characters', 'scenarios[0].id', long(101)],
    ['an effect id of 101 characters', 'scenarios[0].effects[0].id', long(101)],
  ]);

  acceptedRows([
    ['a scenario id of 100 characters', 'scenarios[0].id', long(100)],
    ['an effect id of 100 characters', 'scenarios[0].effects[0].id', long(100)],
    ['a cost-line id of 100 characters', 'initiatives[0].costLines[3].id', long(100)],
  ]);

  it('reports an overlong id once, where it is, and never quotes it in full', () => {
    const id = long(1_000_000);
    const outcome = withChange((d) => {
      d.interventions.push({ id, name: 'A' }, { id, name: 'B' });
      d.initiatives[0].interventionIds = [id];
      d.scenarios[0].initiativeIds.push(id, id);
      d.scenarios[0].effects[0].fromPlacementTypeId = id;
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const lines = issueLines(outcome.issues);
    for (const line of lines) expect(line.length).toBeLessThan(200);
    const n = outcome.issues.filter((i) => /^scenarios\[0\]\.initiativeIds\[\d+\]$/.test(i.path)).length;
    expect(n).toBe(2);
    expect(outcome.issues).toHaveLength(6);
    expect(outcome.issues.every((i) => /för lång/.test(i.message))).toBe(true);
  });

  it('accepts an id of 100 characters that is referred to', () => {
    const id = long(100);
    const doc = expectValid(
      withChange((d) => {
        d.interventions[0].id = id;
        d.initiatives[0].interventionIds = [id];
      }),
    );
    expect(doc.interventions[0]?.id).toBe(id);
  });

  it.each<[string, (d: Json) => void, string]>([
    ['interventions', (d) => d.interventions.push({ id: 'mst', name: 'MST igen' }), 'interventions[1].id'],
    ['initiatives', (d) => d.initiatives.push({ id: 'utb', name: 'Annan utbildning', start: '2027-01', costLines: [] }), 'initiatives[2].id'],
    ['placementTypes', (d) => d.placementTypes.push({ id: 'hvb', name: 'HVB igen', unit: 'day', price: '6000', priceYear: 2026 }), 'placementTypes[2].id'],
    ['scenarios', (d) => d.scenarios.push({ id: 's1', name: 'Kopia', startYear: 2027, years: 2 }), 'scenarios[1].id'],
    ["a scenario's effects", (d) => d.scenarios[0].effects.push({ id: 'e1', fromPlacementTypeId: 'hvb', perYear: [] }), 'scenarios[0].effects[1].id'],
    ["an initiative's costLines", (d) => (d.initiatives[0].costLines[3].id = 'l2'), 'initiatives[0].costLines[3].id'],
  ])('refuses a duplicate id within %s (reported at the later one)', (_list, edit, at) => {
    expectIssue(withChange(edit), at, /unik|finns redan/);
  });

  it('accepts the same id in different lists and in different scenarios', () => {
    expectValid(
      withChange((d) => {
        d.scenarios[0].effects[0].id = 'team';
        d.initiatives[1].costLines[0].id = 'l1';
        d.scenarios.push({ id: 's2', name: 'Andra', startYear: 2027, years: 2, effects: [{ id: 'e1', fromPlacementTypeId: 'hvb', perYear: [] }] });
      }),
    );
  });
});

describe('free text', () => {
  const texts = [
    'settings.organisation',
    'interventions[0].name',
    'interventions[0].description',
    'interventions[0].notes',
    'interventions[0].scope',
    'initiatives[0].description',
    'initiatives[0].costLines[0].label',
    'initiatives[0].costLines[1].unit',
    'placementTypes[0].source',
    'placementTypes[0].notes',
    'scenarios[0].description',
    'scenarios[0].effects[0].label',
  ];

  it.each(texts)('%s of 10 001 characters is refused', (path) => {
    expectIssue(withValue(path, long(10_001)), path);
  });

  it.each(texts)('%s of exactly 10 000 characters is accepted', (path) => {
    expectValid(withValue(path, long(10_000)));
  });

  it('keeps text of 10 000 characters whole', () => {
    const doc = expectValid(withValue('initiatives[0].description', long(10_000)));
    expect(doc.initiatives[0]?.description).toHaveLength(10_000);
  });
});

describe('references', () => {
  refusedRows([
    // Said in Swedish, not by the lists' keys in the file (interventions, initiatives, placementTypes).
    ['an initiative refers to a missing intervention', 'initiatives[0].interventionIds', ['okand'], 'initiatives[0].interventionIds[0]', /^hänvisar till insatsen ”okand”, som inte finns bland insatserna och metoderna$/],
    ['a scenario includes a missing initiative', 'scenarios[0].initiativeIds', ['team', 'utb', 'okand'], 'scenarios[0].initiativeIds[2]', /^hänvisar till satsningen ”okand”, som inte finns bland satsningarna$/],
    ['an effect from a missing placement type', 'scenarios[0].effects[0].fromPlacementTypeId', 'okand', 'scenarios[0].effects[0].fromPlacementTypeId', /^hänvisar till placeringsformen ”okand”, som inte finns bland placeringsformerna$/],
    ['an effect to a missing placement type', 'scenarios[0].effects[0].toPlacementTypeId', 'okand', 'scenarios[0].effects[0].toPlacementTypeId', /^hänvisar till placeringsformen ”okand”, som inte finns bland placeringsformerna$/],
    ['an effect credited to a missing initiative', 'scenarios[0].effects[0].initiativeId', 'okand', 'scenarios[0].effects[0].initiativeId', /okand/],
  ]);

  it('refuses an effect credited to an existing initiative that is not in the scenario', () => {
    const outcome = withChange((d) => {
      d.scenarios[0].initiativeIds = ['team'];
      d.scenarios[0].effects[0].initiativeId = 'utb';
    });
    expect(paths(outcome)).toEqual(['scenarios[0].effects[0].initiativeId']);
    expect(outcome.ok ? [] : outcome.issues.map((issue) => issue.message)).toEqual(['hänvisar till satsningen ”utb”, som inte ingår i scenariot']);
  });

  it('accepts an effect without a to-type (null or absent) and without an initiative', () => {
    const doc = expectValid(
      withChange((d) => {
        d.scenarios[0].effects[0].toPlacementTypeId = null;
        delete d.scenarios[0].effects[0].initiativeId;
      }),
    );
    expect(doc.scenarios[0]?.effects[0]?.toPlacementTypeId).toBeUndefined();
    expect(doc.scenarios[0]?.effects[0]?.initiativeId).toBeUndefined();
    expectValid(withValue('scenarios[0].effects[0].toPlacementTypeId', REMOVE));
  });

  it('accepts an effect whose from- and to-type are the same', () => {
    expectValid(withValue('scenarios[0].effects[0].toPlacementTypeId', 'hvb'));
  });
});

describe('web addresses', () => {
  const bad = ['javascript:alert(1)', 'ftp://x', 'www.example.se', 'https://', 'http://exa mple.se', 'mailto:a@b.se', '/relativ/sida'];
  const fields = ['interventions[0].evidenceUrl', 'placementTypes[0].sourceUrl'];
  const cases = fields.flatMap((field) => bad.map((url) => [field, url] as [string, string]));

  it.each(cases)('%s = %j is refused', (path, url) => {
    expectIssue(withValue(path, url), path, /http/);
  });

  it.each(fields.flatMap((field) => ['https://www.socialstyrelsen.se/x', 'http://example.se', 'HTTPS://WWW.MFOF.SE/'].map((url) => [field, url] as [string, string])))(
    '%s = %j is accepted',
    (path, url) => {
      const doc = expectValid(withValue(path, url));
      expect(JSON.stringify(serialiseDocument(doc))).toContain(url);
    },
  );
});

describe('enumerations', () => {
  refusedRows([
    ['an unknown target group', 'interventions[0].targetGroups', ['youth', 'teenagers'], 'interventions[0].targetGroups[1]', /teenagers|tillåt/],
    ['a target group in other case', 'interventions[0].targetGroups', ['Children'], 'interventions[0].targetGroups[0]'],
    ['an unknown intervention format', 'interventions[0].format', 'online'],
    ['an unknown needsAssessment', 'interventions[0].needsAssessment', 'yes'],
    ['an unknown status', 'interventions[0].status', 'active'],
    ['an unknown placement unit', 'placementTypes[0].unit', 'week'],
    ['a plural placement unit', 'placementTypes[1].unit', 'months'],
    ['an unknown placement category', 'placementTypes[0].category', 'elderly'],
    ['a placement category that is not text', 'placementTypes[1].category', 1],
  ]);

  it.each(['children', 'youth', 'parents', 'adults', 'relatives'])('accepts the target group %s', (group) => {
    expectValid(withValue('interventions[0].targetGroups', [group]));
  });

  it.each(['individual', 'group', 'family', 'network'])('accepts the format %s', (format) => {
    expectValid(withValue('interventions[0].format', format));
  });

  it.each(['assessed', 'without-assessment', 'both'])('accepts needsAssessment %s', (value) => {
    expectValid(withValue('interventions[0].needsAssessment', value));
  });

  it.each(['offered', 'planned', 'proposed', 'discontinued'])('accepts the status %s', (status) => {
    const doc = expectValid(withValue('interventions[0].status', status));
    expect(doc.interventions[0]?.status).toBe(status);
  });

  it.each(['day', 'month', 'year'])('accepts the placement unit %s', (unit) => {
    expectValid(withValue('placementTypes[0].unit', unit));
  });

  it.each(['children', 'adults'])('accepts the placement category %s', (category) => {
    expectValid(withValue('placementTypes[0].category', category));
  });

  it('defaults the status of an intervention to "offered"', () => {
    const doc = expectValid(withValue('interventions[0].status', REMOVE));
    expect(doc.interventions[0]?.status).toBe('offered');
  });
});

describe('per-year entries', () => {
  it('refuses two entries for the same year (reported at the later one)', () => {
    const outcome = withValue('scenarios[0].effects[0].perYear[1].year', 2026);
    expect(paths(outcome)).toEqual(['scenarios[0].effects[0].perYear[1].year']);
    if (!outcome.ok) expect(outcome.issues[0]?.message).toMatch(/2026/);
  });

  it('accepts entries for years outside the horizon (they are ignored by the computation)', () => {
    const doc = expectValid(withValue('scenarios[0].effects[0].perYear[1].year', 2040));
    expect(doc.scenarios[0]?.effects[0]?.perYear.map((e) => e.year)).toEqual([2026, 2040]);
  });
});

describe('unknown fields', () => {
  it('are ignored at every level', () => {
    const outcome = withChange((d) => {
      d.comment = 'från workshopen';
      d.settings.theme = 'mörkt';
      d.interventions[0].color = 'grön';
      d.initiatives[0].owner = { name: 'Anna' };
      d.initiatives[0].costLines[0].note = 123;
      d.placementTypes[0].extra = [1, 2];
      d.scenarios[0].pinned = true;
      d.scenarios[0].settings.futureSetting = '1';
      d.scenarios[0].effects[0].confidence = 'hög';
      d.scenarios[0].effects[0].perYear[0].comment = 'uppskattning';
    });
    const doc = expectValid(outcome);
    const written = JSON.stringify(serialiseDocument(doc));
    for (const key of ['comment', 'theme', 'color', 'owner', 'note', 'extra', 'pinned', 'futureSetting', 'confidence']) {
      expect(written).not.toContain(`"${key}"`);
    }
  });
});

describe('scenario settings', () => {
  refusedRows([
    ['discountRatePercent above 100', 'scenarios[0].settings.discountRatePercent', '101'],
    ['discountRatePercent negative', 'scenarios[0].settings.discountRatePercent', '-1'],
    ['payrollOverheadPercent not a number', 'scenarios[0].settings.payrollOverheadPercent', 'abc'],
    ['payrollOverheadPercent above 100', 'scenarios[0].settings.payrollOverheadPercent', '120'],
    ['salaryGrowthPercent above 50', 'scenarios[0].settings.salaryGrowthPercent', '60'],
    ['priceGrowthPercent below -50', 'scenarios[0].settings.priceGrowthPercent', '-51'],
    ['priceGrowthPercent with a decimal comma', 'scenarios[0].settings.priceGrowthPercent', '1,5'],
    ['baseYear as text', 'scenarios[0].settings.baseYear', '2026'],
    ['organisation as a number', 'scenarios[0].settings.organisation', 1],
  ]);

  it('keeps the overrides given, and only those', () => {
    const doc = expectValid(withValue('scenarios[0].settings', { discountRatePercent: '2', salaryGrowthPercent: '-1.5' }));
    const settings = doc.scenarios[0]?.settings;
    expect(settings?.discountRatePercent?.toString()).toBe('2');
    expect(settings?.salaryGrowthPercent?.toString()).toBe('-1.5');
    expect(settings?.payrollOverheadPercent).toBeUndefined();
    expect(settings?.priceGrowthPercent).toBeUndefined();
  });

  it('uses the defaults when the document has no settings', () => {
    const doc = expectValid(withValue('settings', REMOVE));
    expect(doc.settings.organisation).toBe('');
    expect(doc.settings.payrollOverheadPercent.toString()).toBe('44.53');
    expect(doc.settings.salaryGrowthPercent.isZero()).toBe(true);
    expect(doc.settings.priceGrowthPercent.isZero()).toBe(true);
    expect(doc.settings.discountRatePercent.isZero()).toBe(true);
    expect(doc.settings.baseYear).toBeUndefined();
  });
});

describe('several problems', () => {
  it('give one issue per problem, each at its own path', () => {
    const outcome = withChange((d) => {
      d.settings.discountRatePercent = '200';
      d.scenarios[0].years = 0;
      d.scenarios[0].effects[0].expectedShare = '2';
      d.scenarios[0].effects[0].perYear[1].unitsPerPlacement = 'många';
      d.placementTypes[1].sourceUrl = 'www.example.se';
    });
    expect(paths(outcome).sort()).toEqual(
      [
        'settings.discountRatePercent',
        'scenarios[0].years',
        'scenarios[0].effects[0].expectedShare',
        'scenarios[0].effects[0].perYear[1].unitsPerPlacement',
        'placementTypes[1].sourceUrl',
      ].sort(),
    );
  });

  it('report several problems within one cost line separately', () => {
    const outcome = withValue('initiatives[1].costLines[1]', {
      kind: 'education',
      persons: '-2',
      terms: 0,
      monthsPerTerm: 13,
      studyShare: '1.5',
      monthlySalary: 'abc',
      materialPerTerm: '3000',
    });
    const found = paths(outcome);
    for (const field of ['persons', 'terms', 'monthsPerTerm', 'studyShare', 'monthlySalary']) {
      expect(found).toContain(`initiatives[1].costLines[1].${field}`);
    }
    expect(found.filter((p) => p.startsWith('initiatives[1].costLines[1].'))).toHaveLength(5);
  });

  // One problem gives one message (EXCHANGE.md §4): an entity that has a problem of its own still
  // exists, so the references to it are not reported as missing.
  it.each<[string, string, unknown]>([
    ['a placement type used by an effect', 'placementTypes[0].price', '-1'],
    ['a placement type used as a to-type', 'placementTypes[1].unit', 'week'],
    ['an initiative included in a scenario and credited with an effect', 'initiatives[0].costLines[0].fte', 'två'],
    ['an initiative included in a scenario', 'initiatives[1].costLines[1].studyShare', '2'],
    ['an intervention used by an initiative', 'interventions[0].ageMin', -1],
  ])('a problem in %s gives exactly one issue', (_title, path, value) => {
    expect(paths(withValue(path, value))).toEqual([path]);
  });

  // The path of a problem points at the item where it is, even when an earlier item in the same
  // list has a problem of its own.
  it.each<[string, (d: Json) => void, string[]]>([
    [
      'a missing intervention after an invalid initiative',
      (d) => {
        d.scenarios[0].initiativeIds = [];
        delete d.scenarios[0].effects[0].initiativeId;
        d.initiatives[0].name = '';
        d.initiatives[1].interventionIds = ['okand'];
      },
      ['initiatives[0].name', 'initiatives[1].interventionIds[0]'],
    ],
    [
      'a duplicate cost-line id after an invalid cost line',
      (d) => {
        d.scenarios[0].initiativeIds = [];
        delete d.scenarios[0].effects[0].initiativeId;
        d.initiatives[0].costLines[0].fte = 'x';
        d.initiatives[0].costLines[2].id = 'l2';
      },
      ['initiatives[0].costLines[0].fte', 'initiatives[0].costLines[2].id'],
    ],
    [
      'a duplicate placement type id after an invalid placement type',
      (d) => {
        d.scenarios[0].effects = [];
        d.placementTypes.push({ id: 'familjehem', name: 'Familjehem igen', unit: 'month', price: '1', priceYear: 2025 });
        d.placementTypes[0].priceYear = '2025';
      },
      ['placementTypes[0].priceYear', 'placementTypes[2].id'],
    ],
    [
      'a missing initiative in a later scenario after an invalid scenario',
      (d) => {
        d.scenarios.push({ id: 's2', name: 'Andra', startYear: 2027, years: 2, initiativeIds: ['okand'] });
        d.scenarios[0].years = 0;
      },
      ['scenarios[0].years', 'scenarios[1].initiativeIds[0]'],
    ],
  ])('%s is reported at the right index', (_title, edit, expected) => {
    expect(paths(withChange(edit)).sort()).toEqual([...expected].sort());
  });

  // A broken reference is a problem of its own and is reported even when the item that holds it
  // has another problem too.
  it.each<[string, (d: Json) => void, string[]]>([
    [
      'an initiative with an empty name and a missing intervention',
      (d) => {
        d.scenarios[0].initiativeIds = [];
        delete d.scenarios[0].effects[0].initiativeId;
        d.initiatives[1].name = '';
        d.initiatives[1].interventionIds = ['okand'];
      },
      ['initiatives[1].name', 'initiatives[1].interventionIds[0]'],
    ],
    [
      'a scenario with 0 years and a missing initiative',
      (d) => {
        d.scenarios[0].years = 0;
        d.scenarios[0].initiativeIds = ['team', 'utb', 'okand'];
      },
      ['scenarios[0].years', 'scenarios[0].initiativeIds[2]'],
    ],
    [
      'an invalid effect and a later effect from a missing placement type',
      (d) => {
        d.scenarios[0].effects = [
          { id: 'e0', fromPlacementTypeId: 'hvb', expectedShare: '7', perYear: [] },
          { id: 'e1', fromPlacementTypeId: 'okand', perYear: [] },
        ];
      },
      ['scenarios[0].effects[0].expectedShare', 'scenarios[0].effects[1].fromPlacementTypeId'],
    ],
  ])('%s give both issues', (_title, edit, expected) => {
    expect(paths(withChange(edit)).sort()).toEqual([...expected].sort());
  });
});

describe('issueLines', () => {
  it('gives "path: message" lines', () => {
    expect(issueLines([{ path: 'initiatives[0].costLines[1].fte', message: 'saknas men måste anges' }])).toEqual([
      'initiatives[0].costLines[1].fte: saknas men måste anges',
    ]);
    expect(issueLines([])).toEqual([]);
  });

  it('gives one line per issue of a refused document, in order', () => {
    const outcome = withChange((d) => {
      d.initiatives[0].costLines[1].unitPrice = '-5';
      d.scenarios[0].effects[0].expectedShare = '3';
    });
    if (outcome.ok) expect.fail('expected the document to be refused');
    const lines = issueLines(outcome.issues);
    expect(lines).toHaveLength(outcome.issues.length);
    outcome.issues.forEach((issue, i) => expect(lines[i]).toBe(`${issue.path}: ${issue.message}`));
    expect(lines.some((line) => line.startsWith('initiatives[0].costLines[1].unitPrice: '))).toBe(true);
    expect(lines.some((line) => line.startsWith('scenarios[0].effects[0].expectedShare: '))).toBe(true);
  });
});

describe('writing', () => {
  it('writes a document that reads back to the same document', () => {
    const doc = expectValid(parseDocument(baseDocument()));
    const text = stringifyDocument(doc);
    const again = expectValid(parseDocumentText(text));
    expect(serialiseDocument(again)).toEqual(serialiseDocument(doc));
    const json = JSON.parse(text);
    expect(json.format).toBe('hemmaplan');
    expect(json.version).toBe(1);
    expect(json.initiatives[0].costLines[0].fte).toBe('2');
  });
});
