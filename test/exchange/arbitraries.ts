/** fast-check generators of valid Hemmaplan documents (domain values), for property tests. */
import fc from 'fast-check';
import { Decimal } from '../../src/domain/money';
import {
  COST_LINE_KINDS,
  INTERVENTION_FORMATS,
  INTERVENTION_STATUSES,
  NEEDS_ASSESSMENTS,
  PLACEMENT_CATEGORIES,
  PLACEMENT_UNITS,
  TARGET_GROUPS,
  type CostLine,
  type Effect,
  type HemmaplanDocument,
  type Initiative,
  type Intervention,
  type PlacementType,
  type Scenario,
  type Settings,
} from '../../src/domain/types';

const opt = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** An exact decimal between min and max with up to `scale` decimals. */
export const decimal = (min: number, max: number, scale = 2) =>
  fc.bigInt({ min: BigInt(min) * 10n ** BigInt(scale), max: BigInt(max) * 10n ** BigInt(scale) }).map((n) => new Decimal(n.toString()).div(10 ** scale));

const money = decimal(0, 10_000_000);
const text = fc.string({ unit: 'grapheme', maxLength: 30 });
const name = text.filter((s) => s.trim() !== '');
const year = fc.integer({ min: 1990, max: 2100 });
const monthIndex = fc.integer({ min: 1990 * 12, max: 2100 * 12 + 11 });
const month = (index: number) => `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
const url = fc.webUrl({ validSchemes: ['http', 'https'] });

const settingsFields = {
  organisation: text,
  payrollOverheadPercent: decimal(0, 100),
  salaryGrowthPercent: decimal(-50, 50),
  priceGrowthPercent: decimal(-50, 50),
  discountRatePercent: decimal(0, 100),
};

const settings: fc.Arbitrary<Settings> = fc.record({ ...settingsFields, baseYear: year }, { requiredKeys: Object.keys(settingsFields) as (keyof typeof settingsFields)[] });

const intervention = (id: string): fc.Arbitrary<Intervention> =>
  fc
    .record({
      name,
      shortName: opt(text),
      description: opt(fc.string({ maxLength: 200 })),
      category: opt(text),
      targetGroups: opt(fc.subarray([...TARGET_GROUPS])),
      ages: opt(fc.tuple(fc.integer({ min: 0, max: 120 }), fc.integer({ min: 0, max: 120 }))),
      unit: opt(text),
      format: opt(fc.constantFrom(...INTERVENTION_FORMATS)),
      scope: opt(text),
      theory: opt(text),
      evidenceUrl: opt(url),
      needsAssessment: opt(fc.constantFrom(...NEEDS_ASSESSMENTS)),
      status: fc.constantFrom(...INTERVENTION_STATUSES),
      trainedStaff: opt(fc.nat(500)),
      unitCost: opt(money),
      unitCostUnit: opt(text),
      notes: opt(text),
      tags: opt(fc.array(text, { maxLength: 4 })),
    })
    .map(({ ages, ...rest }) => ({
      id,
      ...rest,
      ...(ages ? { ageMin: Math.min(...ages), ageMax: Math.max(...ages) } : {}),
    }));

const costLine: fc.Arbitrary<CostLine> = fc.constantFrom(...COST_LINE_KINDS).chain((kind): fc.Arbitrary<CostLine> => {
  const base = { id: opt(fc.uuid()), label: opt(text) };
  switch (kind) {
    case 'staff':
      return fc.record({ ...base, kind: fc.constant(kind), fte: decimal(0, 20, 2), monthlySalary: money, payrollOverheadPercent: opt(decimal(0, 100)) });
    case 'perUnit':
      return fc.record({ ...base, kind: fc.constant(kind), unit: text, quantityPerYear: decimal(0, 10_000, 1), unitPrice: money });
    case 'annual':
    case 'funding':
      return fc.record({ ...base, kind: fc.constant(kind), amountPerYear: money });
    case 'oneOff':
      return fc.record({ ...base, kind: fc.constant(kind), amount: money, month: monthIndex.map(month) });
    case 'education':
      return fc.record({
        ...base,
        kind: fc.constant(kind),
        persons: decimal(0, 10, 0),
        terms: fc.integer({ min: 1, max: 10 }),
        monthsPerTerm: fc.integer({ min: 1, max: 12 }),
        studyShare: decimal(0, 1, 2),
        monthlySalary: money,
        payrollOverheadPercent: opt(decimal(0, 100)),
        materialPerTerm: money,
      });
  }
});

/** Cost-line ids made unique within their initiative, as the format requires. */
const uniqueLineIds = (lines: CostLine[]): CostLine[] => lines.map((line, i) => (line.id === undefined ? line : { ...line, id: `${line.id}-${i}` }));

const initiative = (id: string, interventionIds: string[]): fc.Arbitrary<Initiative> =>
  fc
    .record({
      name,
      description: opt(text),
      scope: opt(text),
      unit: opt(text),
      interventionIds: opt(fc.subarray(interventionIds)),
      start: monthIndex,
      length: opt(fc.integer({ min: 0, max: 120 })),
      costLines: fc.array(costLine, { maxLength: 5 }).map(uniqueLineIds),
    })
    .map(({ start, length, ...rest }) => ({
      id,
      ...rest,
      start: month(start),
      ...(length === undefined ? {} : { end: month(start + length) }),
    }));

const placementType = (id: string): fc.Arbitrary<PlacementType> =>
  fc.record({
    id: fc.constant(id),
    name,
    unit: fc.constantFrom(...PLACEMENT_UNITS),
    price: money,
    priceYear: year,
    category: opt(fc.constantFrom(...PLACEMENT_CATEGORIES)),
    source: opt(text),
    sourceUrl: opt(url),
    notes: opt(text),
  });

const effect = (id: string, typeIds: string[], initiativeIds: string[]): fc.Arbitrary<Effect> =>
  fc.record({
    id: fc.constant(id),
    label: opt(text),
    fromPlacementTypeId: fc.constantFrom(...typeIds),
    toPlacementTypeId: opt(fc.constantFrom(...typeIds)),
    initiativeId: initiativeIds.length ? opt(fc.constantFrom(...initiativeIds)) : fc.constant(undefined),
    expectedShare: decimal(0, 1, 2),
    perYear: fc.uniqueArray(
      fc.record({ year, placements: decimal(0, 50, 1), unitsPerPlacement: decimal(0, 365, 0) }),
      { selector: (e) => e.year, maxLength: 6 },
    ),
  });

const scenario = (id: string, initiativeIds: string[], typeIds: string[]): fc.Arbitrary<Scenario> =>
  fc.subarray(initiativeIds).chain((included) =>
    fc.record({
      id: fc.constant(id),
      name,
      description: opt(text),
      startYear: year,
      years: fc.integer({ min: 1, max: 15 }),
      settings: opt(fc.record(settingsFields, { requiredKeys: [] })),
      initiativeIds: fc.constant(included),
      effects: typeIds.length
        ? fc.integer({ min: 0, max: 4 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => effect(`e${i}`, typeIds, included))))
        : fc.constant([]),
    }),
  );

const ids = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);

/** A random valid document: every id unique, every reference resolvable. */
export const validDocument: fc.Arbitrary<HemmaplanDocument> = fc
  .record({
    interventions: fc.nat(4),
    initiatives: fc.nat(4),
    placementTypes: fc.nat(3),
    scenarios: fc.nat(3),
  })
  .chain((n) => {
    const interventionIds = ids('insats', n.interventions);
    const initiativeIds = ids('satsning', n.initiatives);
    const typeIds = ids('placering', n.placementTypes);
    return fc.record({
      exportedAt: opt(fc.constant('2026-11-23T10:00:00Z')),
      settings,
      interventions: fc.tuple(...interventionIds.map(intervention)),
      initiatives: fc.tuple(...initiativeIds.map((id) => initiative(id, interventionIds))),
      placementTypes: fc.tuple(...typeIds.map(placementType)),
      scenarios: fc.tuple(...ids('scenario', n.scenarios).map((id) => scenario(id, initiativeIds, typeIds))),
    });
  });
