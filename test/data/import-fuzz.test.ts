/**
 * The import path under fire: 2 000 generated documents, mutated from valid ones or built hostile
 * (wrong types, junk numbers, huge and tiny values, long strings and lists, deep nesting,
 * __proto__ keys, duplicate ids, dangling references, unknown versions, text that is not JSON,
 * BOMs, truncated text), go through the importer the page uses. None may crash or hang it; each
 * is accepted or refused exactly as the validator says; an accepted one is stored, re-validates
 * and is undone; a refused one leaves the database as it was; nothing pollutes a prototype.
 */
import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { HemmaplanDatabase } from '../../src/data/db';
import { DocumentStore, type StoredDocument } from '../../src/data/store';
import { commitImport, readDocumentText, readImportFile, type ImportFile } from '../../src/data/importer';
import { issueLines, parseDocumentText, serialiseDocument, stringifyDocument } from '../../src/exchange/document';
import type { ImportChoice } from '../../src/exchange/merge';
import type { HemmaplanDocument } from '../../src/domain/types';
import { documentWithScenarios } from '../../src/exchange/subset';
import { validDocument } from '../exchange/arbitraries';
import { issueMessage } from '../../src/exchange/reader';
import { exampleDocument, exampleText } from '../example';

const RUNS = Number(process.env.FUZZ_RUNS ?? 2000);

// ---------------------------------------------------------------------------------------------
// Generating hostile documents

/**
 * A JSON text token that JSON.stringify cannot write (1e999, -0, NaN, 0x10 …): carried through
 * stringify as a marked string and spliced in afterwards.
 */
const RAW_MARK = '\u0000RAW:';
const raw = (token: string) => `${RAW_MARK}${token}\u0000`;
function spliceRaw(text: string): string {
  return text.replace(/"\\u0000RAW:((?:[^"\\]|\\.)*?)\\u0000"/g, (_, token: string) => JSON.parse(`"${token}"`) as string);
}

const ONE_MB = 'x'.repeat(1024 * 1024);
const deepArray = (depth: number) => raw(`${'['.repeat(depth)}${']'.repeat(depth)}`);
const deepObject = (depth: number) => raw(`${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`);

/** Values that are wrong, odd or hostile almost anywhere in a document. */
const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom<unknown>(null, true, false, 0, 1, -1, 1.5, 0.1, 2026, 1899, 2201, 51, 101, 121, 2 ** 31, Number.MAX_SAFE_INTEGER + 2, 1e21, 5e-324, -1e-7) },
  {
    weight: 6,
    arbitrary: fc.constantFrom<unknown>(
      '', ' ', '\t\n', 'NaN', 'Infinity', '-Infinity', '1e999', '-1e999', '1e-999', '1e-9999', '-0', '0x10', '0b11', '1_000', '1,5', '1 000', '12abc',
      '+5', '.5', '5.', '١٢٣', '１２', '1e15', '1000000000000000.01', '-0.0', '0e0', '00012', 'true', 'null', '[]', '{}',
      '2026-13', '2026-00', '2026-1', '1899-12', '2201-01', '2026-02-30', '2026-W01', '2026/01',
      'day', 'month', 'year', 'staff', 'offered', 'children', 'hemmaplan', '__proto__', 'constructor',
    ),
  },
  {
    weight: 4,
    arbitrary: fc.constantFrom<unknown>(
      '<script>window.__pwned=1</script>',
      '<img src=x onerror="window.__pwned=1">',
      '"><svg onload=window.__pwned=1>',
      'javascript:window.__pwned=1',
      'JaVaScRiPt:alert(1)',
      'data:text/html,<script>alert(1)</script>',
      'http://',
      'https://exempel.se/sida',
      'https://exempel.se/\u0000',
      '\u202Eexe.fdp',
      '\uD800',
      '\uDFFF\uD800',
      '=HYPERLINK("http://x")',
      'x'.repeat(10_001),
      'y'.repeat(101),
      ONE_MB,
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(raw('1e999'), raw('-1e999'), raw('-0'), raw('1e-400'), raw('123456789012345678901234567890'), raw('1E+2'), raw('2026.0'), raw('0.1e1')) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(raw('NaN'), raw('Infinity'), raw('0x10'), raw('-.5'), raw('01'), raw('1.'), raw("'text'"), raw('undefined')) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>([], {}, [null], [[]], [{}], ['x', 'x'], Array.from({ length: 10_000 }, (_, i) => `id-${i % 100}`), deepArray(5000), deepObject(5000)) },
  { weight: 2, arbitrary: fc.constantFrom<unknown>(JSON.parse('{"__proto__":{"polluted":"ja"}}'), JSON.parse('{"constructor":{"prototype":{"polluted":"ja"}}}'), JSON.parse('{"prototype":{"polluted":"ja"}}')) },
  { weight: 2, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

type Json = unknown;
type Container = Record<string, Json> | Json[];

/** Every container in a JSON tree, with how to reach it: mutations pick one by index. */
function containers(root: Json): Container[] {
  const out: Container[] = [];
  const visit = (value: Json, depth: number) => {
    if (depth > 12 || value === null || typeof value !== 'object') return;
    out.push(value as Container);
    for (const child of Object.values(value as object)) visit(child, depth + 1);
  };
  visit(root, 0);
  return out;
}

/** Keys worth adding: the format's own (in the wrong place), and those that pollute prototypes when handled naively. */
const extraKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'valueOf', 'id', 'name', 'kind', 'settings', 'effects', 'perYear', 'costLines', 'year', 'okänt-fält', '');

type Mutation =
  | { op: 'replace'; at: number; key: number; value: unknown }
  | { op: 'delete'; at: number; key: number }
  | { op: 'add'; at: number; key: string; value: unknown }
  | { op: 'duplicate'; at: number; key: number }
  | { op: 'dangle'; at: number; key: number }
  | { op: 'wrap'; at: number; key: number };

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ op: fc.constant('replace' as const), at: fc.nat(), key: fc.nat(), value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: fc.nat(), key: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('add' as const), at: fc.nat(), key: extraKey, value: hostileValue }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), key: fc.nat() }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dangle' as const), at: fc.nat(), key: fc.nat() }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('wrap' as const), at: fc.nat(), key: fc.nat() }) },
);

/** Sets a property as JSON.parse would: an own data property, even for "__proto__". */
function setOwn(target: Record<string, Json>, key: string, value: Json): void {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

/**
 * A fresh copy of a generated value: the constants of `hostileValue` are single objects, and one
 * inserted twice (or into itself) would be changed by later mutations in every place, or made circular.
 */
function fresh(value: unknown): Json {
  return (value !== null && typeof value === 'object' ? JSON.parse(JSON.stringify(value)) : value) as Json;
}

function mutate(root: Json, m: Mutation): void {
  const all = containers(root);
  const target = all[m.at % all.length]!;
  const keys = Array.isArray(target) ? target.map((_, i) => i) : Object.keys(target);
  if (m.op === 'add') {
    if (Array.isArray(target)) target.push(fresh(m.value));
    else setOwn(target, m.key, fresh(m.value));
    return;
  }
  if (keys.length === 0) return;
  const key = keys[m.key % keys.length]!;
  const get = () => (target as Record<string | number, Json>)[key];
  const set = (value: Json) => {
    if (Array.isArray(target)) target[key as number] = value;
    else setOwn(target, key as string, value);
  };
  switch (m.op) {
    case 'replace':
      set(fresh(m.value));
      break;
    case 'delete':
      if (Array.isArray(target)) target.splice(key as number, 1);
      else delete target[key as string];
      break;
    case 'duplicate':
      if (Array.isArray(target)) target.push(structuredClone(get()));
      else set([get(), get()]);
      break;
    case 'dangle':
      set(typeof get() === 'string' ? `${get() as string}-finns-inte` : 'finns-inte');
      break;
    case 'wrap':
      set(Array.isArray(target) ? { value: get() } : [get()]);
      break;
  }
}

/** Ids the code might look up in a plain object, given to a valid document: it must stay valid and importable. */
const TRICKY_IDS: Record<string, string> = {
  '"insats-0"': '"__proto__"',
  '"satsning-0"': '"constructor"',
  '"placering-0"': '"toString"',
  '"scenario-0"': '"hasOwnProperty"',
  '"e0"': '"prototype"',
};

/** A document's text changed as a text: cut short, a BOM or garbage added, a character swapped. */
const textDamage = fc.oneof(
  fc.record({ kind: fc.constant('truncate' as const), at: fc.double({ min: 0, max: 1, noNaN: true }) }),
  fc.record({ kind: fc.constantFrom('bom' as const, 'double-bom' as const, 'trailing' as const, 'utf16' as const) }),
  fc.record({ kind: fc.constant('swap' as const), at: fc.double({ min: 0, max: 1, noNaN: true }), char: fc.constantFrom('"', '{', '}', ',', ':', '\\', '\u0000', '\uFEFF', 'ä') }),
);

function damage(text: string, d: { kind: string; at?: number; char?: string }): string {
  const at = Math.floor((d.at ?? 0) * text.length);
  switch (d.kind) {
    case 'truncate':
      return text.slice(0, at);
    case 'bom':
      return `\uFEFF${text}`;
    case 'double-bom':
      return `\uFEFF\uFEFF${text}`;
    case 'trailing':
      return `${text}\n}garbage`;
    case 'utf16':
      // The bytes of UTF-16 read as if they were UTF-8 text: every other character a NUL.
      return [...text.slice(0, 2000)].map((c) => `${c}\u0000`).join('');
    default:
      return text.slice(0, at) + (d.char ?? '') + text.slice(at + 1);
  }
}

/**
 * What the database holds while the fuzzing runs: one of the example's scenarios with what it uses
 * (small, so that reading and resetting it stay cheap), which many generated documents overlap.
 */
const example = exampleDocument();
const baseDocument = documentWithScenarios(example, [example.scenarios[0]!.id]);
const baseText = stringifyDocument(baseDocument);

const validJson = validDocument.map((doc) => JSON.parse(stringifyDocument(doc)) as Json);
const exampleJson = fc.oneof(
  { weight: 3, arbitrary: fc.constant(null).map(() => JSON.parse(baseText) as Json) },
  { weight: 1, arbitrary: fc.constant(null).map(() => JSON.parse(exampleText) as Json) },
);

/** A valid document with some fields mutated: mostly invalid, sometimes still valid (a new name is fine). */
const mutatedDocument = fc
  .tuple(fc.oneof(validJson, exampleJson), fc.array(mutation, { minLength: 1, maxLength: 4 }))
  .map(([json, mutations]) => {
    for (const m of mutations) mutate(json, m);
    return spliceRaw(JSON.stringify(json));
  });

/** A valid document whose ids are names that live on Object.prototype. */
const trickyIdsDocument = validDocument.map((doc) => {
  let text = stringifyDocument(doc);
  for (const [from, to] of Object.entries(TRICKY_IDS)) text = text.split(from).join(to);
  return text;
});

/** A document whose top level is wrong: format, version, lists. */
const wrongTopLevel = fc
  .record({
    format: fc.constantFrom<unknown>('hemmaplan', 'Hemmaplan', 'hemmaplan-result', '', null, 1, undefined, raw('NaN')),
    version: fc.constantFrom<unknown>(1, 0, 2, 999, -1, 1.5, '1', null, undefined, raw('1e999'), raw('1.0'), raw('-0')),
    interventions: fc.option(hostileValue, { nil: undefined }),
    initiatives: fc.option(hostileValue, { nil: undefined }),
    placementTypes: fc.option(hostileValue, { nil: undefined }),
    scenarios: fc.option(hostileValue, { nil: undefined }),
    settings: fc.option(hostileValue, { nil: undefined }),
    exportedAt: fc.option(fc.constantFrom<unknown>('2026-11-23T10:00:00Z', '2026-02-30', 'igår', 'x'.repeat(200), 20261123), { nil: undefined }),
  })
  .map((json) => spliceRaw(JSON.stringify(json)));

/** Text that is not a Hemmaplan document at all. */
const notADocument = fc.oneof(
  fc.constantFrom('', ' ', '\uFEFF', 'null', 'true', '0', '"hemmaplan"', '[]', '[{"format":"hemmaplan","version":1}]', '{', '{"format":"hemmaplan","version":1,', 'NaN', '<html><script>window.__pwned=1</script></html>', 'Namn;Enhet;Pris\r\n'),
  fc.constantFrom(deepArray(200_000), deepObject(200_000)).map(spliceRaw),
  fc.string({ maxLength: 200 }),
  fc.jsonValue().map((v) => JSON.stringify(v) ?? 'null'),
);

const hostileText = fc.oneof(
  { weight: 10, arbitrary: mutatedDocument },
  { weight: 3, arbitrary: fc.tuple(fc.oneof(mutatedDocument, validDocument.map((d) => stringifyDocument(d))), textDamage).map(([text, d]) => damage(text, d)) },
  { weight: 1, arbitrary: trickyIdsDocument },
  { weight: 2, arbitrary: wrongTopLevel },
  { weight: 2, arbitrary: notADocument },
  { weight: 1, arbitrary: validDocument.map((d) => stringifyDocument(d)) },
);

// ---------------------------------------------------------------------------------------------
// The database, shared by all runs and reset by undo

let db: HemmaplanDatabase;
let store: DocumentStore;
let base: StoredDocument;
let current: HemmaplanDocument;

beforeAll(async () => {
  db = new HemmaplanDatabase('import-fuzz');
  store = new DocumentStore(db);
  await store.seedOnce(baseDocument);
  base = await store.readStored();
  const read = await store.read();
  if (!read.ok) throw new Error('the base document does not validate');
  current = read.document;
});

afterAll(async () => {
  db.close();
  await db.delete();
});

function file(text: string): ImportFile {
  return { name: 'fuzz.hemmaplan.json', size: text.length, text: async () => text, arrayBuffer: async () => new TextEncoder().encode(text).buffer as ArrayBuffer };
}

const CHOICES: { choice: ImportChoice; settings: 'current' | 'incoming' }[] = [
  { choice: 'copies', settings: 'current' },
  { choice: 'replace', settings: 'incoming' },
  { choice: 'replace-all', settings: 'current' },
  { choice: 'copies', settings: 'incoming' },
  { choice: 'replace', settings: 'current' },
];

/** The stored rows and settings as JSON, for comparing the database before and after. */
const snapshot = (stored: StoredDocument) => JSON.stringify(stored);

const prototypeKeys = () => [Object.prototype, Array.prototype, Function.prototype, String.prototype].map((p) => Object.getOwnPropertyNames(p).sort().join(','));

describe('the importer under 2 000 generated malformed and hostile documents', () => {
  const protoBefore = prototypeKeys();
  const counts = { accepted: 0, refused: 0 };

  it(
    'never crashes, agrees with the validator, stores only what it accepts and leaves the database unchanged otherwise',
    async () => {
      const baseSnapshot = snapshot(base);
      let run = 0;
      await fc.assert(
        fc.asyncProperty(hostileText, async (text) => {
          const n = run++;
          const parsed = parseDocumentText(text);
          // The page's path: the file's text, or the whole file reading for every third one.
          const reading = n % 3 === 0 ? await readImportFile(file(text), 'placementTypes', current) : readDocumentText(text, current);
          expect(reading.ok).toBe(parsed.ok);

          if (!reading.ok) {
            counts.refused++;
            if (parsed.ok) throw new Error('unreachable');
            expect(reading.messages).toEqual(parsed.issues.map(issueMessage));
            expect(reading.messages.length).toBeGreaterThan(0);
            for (const message of reading.messages) {
              // A sentence, its path (if any) in brackets at the end, not in front.
              expect(message).toMatch(/^\S/);
              expect(message).not.toMatch(/^[\w$.[\]]+: /);
              // A message quotes at most a short piece of what it refers to, never a megabyte.
              expect(message.length).toBeLessThan(500);
            }
            expect(snapshot(await store.readStored())).toBe(baseSnapshot);
            return;
          }

          counts.accepted++;
          if (!parsed.ok) throw new Error('unreachable');
          // What was accepted can be written back out and read again as the same document.
          const again = parseDocumentText(stringifyDocument(reading.incoming));
          if (!again.ok) throw new Error(`accepted, but its export is refused:\n${issueLines(again.issues).slice(0, 5).join('\n')}`);
          expect(serialiseDocument(again.document)).toEqual(serialiseDocument(reading.incoming));

          const { choice, settings } = CHOICES[n % CHOICES.length]!;
          const outcome = await commitImport(store, reading.incoming, choice, settings);
          if (!outcome.ok) throw new Error(`commit (${choice}) refused:\n${issueLines(outcome.issues).slice(0, 5).join('\n')}`);
          const stored = await store.read();
          if (!stored.ok) throw new Error(`the stored document does not validate:\n${issueLines(stored.issues).slice(0, 5).join('\n')}`);
          const { exportedAt: _ignored, ...incoming } = reading.incoming;
          if (choice === 'replace-all') {
            expect(serialiseDocument(stored.document)).toEqual(serialiseDocument(incoming));
          } else {
            for (const list of ['interventions', 'initiatives', 'placementTypes', 'scenarios'] as const) {
              const ids = new Set(stored.document[list].map((item) => item.id));
              // Nothing of the user's is lost in a merge, and everything incoming is there.
              for (const item of current[list]) expect(ids.has(item.id)).toBe(true);
              for (const item of incoming[list]) expect(ids.has(item.id)).toBe(true);
            }
          }
          expect(await store.undo()).toEqual({ ok: true });
          expect(snapshot(await store.readStored())).toBe(baseSnapshot);
        }),
        { numRuns: RUNS },
      );
      // Both sides were exercised, in earnest.
      expect(counts.accepted).toBeGreaterThan(RUNS / 20);
      expect(counts.refused).toBeGreaterThan(RUNS / 2);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(prototypeKeys()).toEqual(protoBefore);
    },
    240_000,
  );

  it('refuses a commit whose result would be invalid, and changes nothing', async () => {
    const before = snapshot(await store.readStored());
    const valid = parseDocumentText(baseText);
    if (!valid.ok) throw new Error('base invalid');
    const doc = valid.document;
    const scenario = doc.scenarios[0]!;
    const type = doc.placementTypes[0]!;
    // Documents that did not come through the validator (a bug in a table reader, say): the store's
    // whole-document check is the last gate, whatever the choice.
    const broken: HemmaplanDocument[] = [
      // A scenario that refers to an initiative that is nowhere.
      { ...doc, scenarios: [{ ...scenario, id: 'ny', initiativeIds: ['finns-inte'] }] },
      // A new placement type with a name of a megabyte and a negative price.
      { ...doc, placementTypes: [{ ...type, id: 'ny-typ', name: 'x'.repeat(1024 * 1024), price: type.price.negated().minus(1) }] },
      // Two scenarios with the same new id.
      { ...doc, scenarios: [{ ...scenario, id: 'dubbel' }, { ...scenario, id: 'dubbel', name: 'Annan' }] },
      // An effect of a changed scenario whose placement type does not exist.
      { ...doc, scenarios: [{ ...scenario, effects: [{ ...scenario.effects[0]!, fromPlacementTypeId: 'finns-inte' }] }] },
    ];
    for (const incoming of broken) {
      for (const { choice, settings } of CHOICES) {
        const outcome = await commitImport(store, incoming, choice, settings);
        expect(outcome.ok, `document ${broken.indexOf(incoming)}, ${choice}`).toBe(false);
        if (!outcome.ok) expect(outcome.issues.length).toBeGreaterThan(0);
        expect(snapshot(await store.readStored())).toBe(before);
      }
    }
    // Nothing refused was recorded as a step to undo.
    expect(store.canUndo).toBe(false);
  });

  it('imports ids that are names of Object.prototype’s properties as ordinary ids', async () => {
    const before = snapshot(await store.readStored());
    let text = baseText;
    const renames: [string, string][] = baseDocument.initiatives.slice(0, 2).map((initiative, i) => [`"${initiative.id}"`, i === 0 ? '"__proto__"' : '"constructor"']);
    for (const [from, to] of renames) text = text.split(from).join(to);
    const reading = readDocumentText(text, current);
    if (!reading.ok) throw new Error(reading.messages.join('\n'));
    expect(reading.incoming.initiatives.map((i) => i.id).slice(0, 2)).toEqual(['__proto__', 'constructor']);
    expect(await commitImport(store, reading.incoming, 'copies')).toEqual({ ok: true });
    const stored = await store.read();
    if (!stored.ok) throw new Error('invalid after import');
    const ids = stored.document.initiatives.map((i) => i.id);
    expect(ids).toContain('__proto__');
    expect(ids).toContain('constructor');
    // The scenario imported as a copy points at them.
    const copy = stored.document.scenarios.find((s) => s.id !== baseDocument.scenarios[0]!.id)!;
    expect(copy.initiativeIds).toEqual(expect.arrayContaining(['__proto__', 'constructor']));
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(await store.undo()).toEqual({ ok: true });
    expect(snapshot(await store.readStored())).toBe(before);
  });
});
