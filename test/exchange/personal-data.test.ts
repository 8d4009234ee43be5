import { describe, expect, it } from 'vitest';
import { personalDataWarnings, personalNumberWords } from '../../src/exchange/personal-data';
import { documentFrom } from '../support';
import { exampleDocument } from '../example';

const PNR = '121212-1212';
const SAMNR = '701063-2144';

/** A document with the number in every free-text field the format has. */
function everywhere(n: string) {
  return documentFrom({
    settings: { organisation: `Org ${n}` },
    interventions: [
      {
        id: 'ins',
        name: `Insats ${n}`,
        shortName: n,
        category: n,
        unit: n,
        scope: n,
        unitCostUnit: n,
        theory: n,
        evidenceUrl: `https://example.se/?pnr=${encodeURIComponent(n)}`,
        description: `Beskrivning ${n}`,
        notes: n,
        status: 'offered',
        tags: ['barn', n],
      },
    ],
    initiatives: [
      {
        id: 'sats',
        name: 'Hemma-hosare',
        scope: n,
        unit: n,
        description: `Barnet ${n} bor hemma`,
        start: '2026-01',
        costLines: [
          { kind: 'annual', label: n, amountPerYear: '1000' },
          { kind: 'perUnit', label: 'Köp', unit: n, quantityPerYear: '1', unitPrice: '1' },
        ],
      },
    ],
    placementTypes: [{ id: 'hvb', name: 'HVB', unit: 'day', price: '5000', priceYear: 2025, source: n, sourceUrl: `https://example.se/${encodeURIComponent(n)}`, notes: n }],
    scenarios: [
      {
        id: 'sc',
        name: `Plan ${n}`,
        description: n,
        startYear: 2026,
        years: 3,
        settings: { organisation: n },
        initiativeIds: ['sats'],
        effects: [{ id: 'e', label: n, fromPlacementTypeId: 'hvb', expectedShare: '1', perYear: [] }],
      },
    ],
  });
}

describe('personalDataWarnings', () => {
  it('finds nothing in the example document', () => {
    expect(personalDataWarnings(exampleDocument())).toEqual([]);
  });

  it('searches every free-text field and names each with a Swedish location and its JSON path', () => {
    const warnings = personalDataWarnings(everywhere(PNR));
    expect(warnings.map((w) => [w.path, w.location])).toEqual([
      ['settings.organisation', 'Inställningar › Organisation'],
      ['interventions[0].name', `Insatser och metoder › Insats ${PNR} › Namn`],
      ['interventions[0].shortName', `Insatser och metoder › Insats ${PNR} › Kortnamn`],
      ['interventions[0].category', `Insatser och metoder › Insats ${PNR} › Kategori`],
      ['interventions[0].unit', `Insatser och metoder › Insats ${PNR} › Enhet`],
      ['interventions[0].scope', `Insatser och metoder › Insats ${PNR} › Omfattning`],
      ['interventions[0].unitCostUnit', `Insatser och metoder › Insats ${PNR} › Kostnad per`],
      ['interventions[0].theory', `Insatser och metoder › Insats ${PNR} › Teori`],
      ['interventions[0].evidenceUrl', `Insatser och metoder › Insats ${PNR} › Kunskapsstöd (länk)`],
      ['interventions[0].description', `Insatser och metoder › Insats ${PNR} › Beskrivning`],
      ['interventions[0].notes', `Insatser och metoder › Insats ${PNR} › Anteckningar`],
      ['interventions[0].tags[1]', `Insatser och metoder › Insats ${PNR} › Taggar`],
      ['initiatives[0].scope', 'Satsningar › Hemma-hosare › Omfattning'],
      ['initiatives[0].unit', 'Satsningar › Hemma-hosare › Enhet'],
      ['initiatives[0].description', 'Satsningar › Hemma-hosare › Beskrivning'],
      ['initiatives[0].costLines[0].label', 'Satsningar › Hemma-hosare › Kostnadsrad 1 › Benämning'],
      ['initiatives[0].costLines[1].unit', 'Satsningar › Hemma-hosare › Kostnadsrad 2 › Enhet'],
      ['placementTypes[0].source', 'Placeringskostnader › HVB › Källa'],
      ['placementTypes[0].sourceUrl', 'Placeringskostnader › HVB › Källa (länk)'],
      ['placementTypes[0].notes', 'Placeringskostnader › HVB › Anteckningar'],
      ['scenarios[0].name', `Scenarier › Plan ${PNR} › Namn`],
      ['scenarios[0].description', `Scenarier › Plan ${PNR} › Beskrivning`],
      ['scenarios[0].settings.organisation', `Scenarier › Plan ${PNR} › Organisation`],
      ['scenarios[0].effects[0].label', `Scenarier › Plan ${PNR} › Effekt 1 › Benämning`],
    ]);
    expect(warnings.find((w) => w.path === 'initiatives[0].description')?.matches).toEqual([{ text: PNR, index: 7, kind: 'personnummer' }]);
  });

  it('leaves the settings out when asked (a table brings none of its own)', () => {
    const paths = personalDataWarnings(everywhere(PNR), { settings: false }).map((w) => w.path);
    expect(paths).not.toContain('settings.organisation');
    expect(paths).toContain('scenarios[0].settings.organisation');
  });

  it('reports samordningsnummer too, and nothing for look-alikes in the same fields', () => {
    expect(personalDataWarnings(everywhere(SAMNR)).every((w) => w.matches[0]?.kind === 'samordningsnummer')).toBe(true);
    expect(personalDataWarnings(everywhere(SAMNR))).toHaveLength(24);
    for (const lookAlike of ['070-123 45 67', '212000-0142', '2026-01-01', '121212-1213', '19121212121212']) {
      expect(personalDataWarnings(everywhere(lookAlike))).toEqual([]);
    }
  });

  it('shortens a long name in a location', () => {
    const long = 'Ett mycket långt namn på en satsning som fortsätter och fortsätter utan slut';
    const document = documentFrom({ initiatives: [{ id: 'x', name: long, description: PNR, start: '2026-01', costLines: [] }] });
    const [warning] = personalDataWarnings(document);
    expect(warning?.location).toBe(`Satsningar › ${long.slice(0, 59)}… › Beskrivning`);
  });
});

describe('personalNumberWords', () => {
  it('says what was found, in Swedish', () => {
    const p = { text: PNR, index: 0, kind: 'personnummer' } as const;
    const s = { text: SAMNR, index: 0, kind: 'samordningsnummer' } as const;
    expect(personalNumberWords([p])).toBe('ett personnummer');
    expect(personalNumberWords([s])).toBe('ett samordningsnummer');
    expect(personalNumberWords([p, p])).toBe('flera personnummer');
    expect(personalNumberWords([p, s])).toBe('personnummer eller samordningsnummer');
  });
});
