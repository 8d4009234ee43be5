/**
 * A generated stress document in the exchange format: 200 initiatives × 5 cost lines, 40 placement
 * types, 10 scenarios × 10 years × 20 effects. Deterministic, so runs compare.
 */
export interface StressSize {
  initiatives: number;
  linesPerInitiative: number;
  placementTypes: number;
  scenarios: number;
  years: number;
  effectsPerScenario: number;
}

export const STRESS: StressSize = { initiatives: 200, linesPerInitiative: 5, placementTypes: 40, scenarios: 10, years: 10, effectsPerScenario: 20 };

/** A small linear congruential generator: the same sequence on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

export function stressDocument(size: StressSize = STRESS, seed = 42): Record<string, unknown> {
  const rnd = random(seed);
  const int = (min: number, max: number) => min + Math.floor(rnd() * (max - min + 1));
  const money = (min: number, max: number) => `${int(min, max)}.${String(int(0, 99)).padStart(2, '0')}`;
  const month = (year: number) => `${year}-${String(int(1, 12)).padStart(2, '0')}`;
  const kinds = ['staff', 'perUnit', 'annual', 'funding', 'oneOff', 'education'] as const;

  const line = (i: number, k: number) => {
    const kind = kinds[(i + k) % kinds.length]!;
    const base = { id: `l${k}`, label: `Rad ${k + 1}`, kind };
    switch (kind) {
      case 'staff':
        return { ...base, fte: `${int(1, 30) / 10}`, monthlySalary: money(25000, 60000) };
      case 'perUnit':
        return { ...base, unit: 'tillfälle', quantityPerYear: `${int(1, 200)}`, unitPrice: money(100, 5000) };
      case 'annual':
      case 'funding':
        return { ...base, amountPerYear: money(10000, 2000000) };
      case 'oneOff':
        return { ...base, amount: money(1000, 500000), month: month(int(2026, 2034)) };
      case 'education':
        return { ...base, persons: `${int(1, 5)}`, terms: int(1, 6), monthsPerTerm: 6, studyShare: '0.5', monthlySalary: money(30000, 45000), materialPerTerm: money(0, 5000) };
    }
  };

  const initiatives = Array.from({ length: size.initiatives }, (_, i) => {
    const startYear = int(2024, 2030);
    const open = rnd() < 0.5;
    return {
      id: `satsning-${i}`,
      name: `Satsning ${i + 1}`,
      start: month(startYear),
      ...(open ? {} : { end: month(startYear + int(1, 6)) }),
      costLines: Array.from({ length: size.linesPerInitiative }, (_, k) => line(i, k)),
    };
  });

  const units = ['day', 'month', 'year'] as const;
  const placementTypes = Array.from({ length: size.placementTypes }, (_, t) => ({
    id: `placering-${t}`,
    name: `Placeringsform ${t + 1}`,
    unit: units[t % 3]!,
    price: t % 3 === 0 ? money(1000, 13000) : t % 3 === 1 ? money(8000, 150000) : money(100000, 1500000),
    priceYear: int(2018, 2026),
  }));

  const scenarios = Array.from({ length: size.scenarios }, (_, s) => ({
    id: `scenario-${s}`,
    name: `Scenario ${s + 1}`,
    startYear: 2026,
    years: size.years,
    settings: { salaryGrowthPercent: `${(s % 5) * 0.5 + 1}`, priceGrowthPercent: `${(s % 4) * 0.5 + 1}`, discountRatePercent: `${s % 4}` },
    initiativeIds: initiatives.map((i) => i.id),
    effects: Array.from({ length: size.effectsPerScenario }, (_, e) => ({
      id: `effekt-${e}`,
      fromPlacementTypeId: `placering-${int(0, size.placementTypes - 1)}`,
      ...(rnd() < 0.5 ? { toPlacementTypeId: `placering-${int(0, size.placementTypes - 1)}` } : {}),
      initiativeId: `satsning-${int(0, size.initiatives - 1)}`,
      expectedShare: `${int(25, 100) / 100}`,
      perYear: Array.from({ length: size.years }, (_, y) => ({ year: 2026 + y, placements: `${int(0, 5)}`, unitsPerPlacement: `${int(1, 365)}` })),
    })),
  }));

  return {
    format: 'hemmaplan',
    version: 1,
    settings: { organisation: 'Stresskommun', payrollOverheadPercent: '44.53', baseYear: 2026 },
    interventions: [],
    initiatives,
    placementTypes,
    scenarios,
  };
}
