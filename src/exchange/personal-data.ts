/**
 * The personal data check of a whole document: every free-text field (names, descriptions, scope,
 * notes, sources, labels, links, tags, the organisation) searched for personnummer and
 * samordningsnummer, each hit reported with its JSON path and a Swedish location a user can follow
 * ("Satsningar › Hemma-hosare › Beskrivning"). Ids and codes are not free text and are not searched.
 */
import { findPersonalNumbers, type PersonalNumberMatch } from '../domain/personal-data';
import type { HemmaplanDocument, Settings } from '../domain/types';
import { LIST_LABELS } from './labels';

export interface PersonalDataWarning {
  /** Where the text is, as the pages name it: "Satsningar › Hemma-hosare › Beskrivning". */
  location: string;
  /** The JSON path of the field in the exchange format: "initiatives[2].description". */
  path: string;
  /** The numbers found in the field. */
  matches: PersonalNumberMatch[];
}

/** One free-text field: its path, its Swedish location and its text. */
interface FreeText {
  path: string;
  location: string[];
  text: string | undefined;
}

/** An item's name as a step of a location, cut short so that a long name does not fill the line. */
function named(name: string): string {
  const trimmed = name.trim().replace(/\s+/g, ' ');
  return trimmed.length > 60 ? `${trimmed.slice(0, 59)}…` : trimmed;
}

function settingsTexts(settings: Partial<Settings> | undefined, path: string, location: string[]): FreeText[] {
  return [{ path: `${path}.organisation`, location: [...location, 'Organisation'], text: settings?.organisation }];
}

/** Every free-text field of the document, in document order. */
function freeTexts(document: HemmaplanDocument, options: { settings: boolean }): FreeText[] {
  const texts: FreeText[] = options.settings ? settingsTexts(document.settings, 'settings', ['Inställningar']) : [];

  document.interventions.forEach((item, i) => {
    const path = `interventions[${i}]`;
    const at = [LIST_LABELS.interventions, named(item.name)];
    const fields: [keyof typeof item, string][] = [
      ['name', 'Namn'],
      ['shortName', 'Kortnamn'],
      ['category', 'Kategori'],
      ['unit', 'Enhet'],
      ['scope', 'Omfattning'],
      ['unitCostUnit', 'Kostnad per'],
      ['theory', 'Teori'],
      ['evidenceUrl', 'Kunskapsstöd (länk)'],
      ['description', 'Beskrivning'],
      ['notes', 'Anteckningar'],
    ];
    for (const [field, label] of fields) texts.push({ path: `${path}.${field}`, location: [...at, label], text: item[field] as string | undefined });
    (item.tags ?? []).forEach((tag, t) => texts.push({ path: `${path}.tags[${t}]`, location: [...at, 'Taggar'], text: tag }));
  });

  document.initiatives.forEach((item, i) => {
    const path = `initiatives[${i}]`;
    const at = [LIST_LABELS.initiatives, named(item.name)];
    texts.push(
      { path: `${path}.name`, location: [...at, 'Namn'], text: item.name },
      { path: `${path}.scope`, location: [...at, 'Omfattning'], text: item.scope },
      { path: `${path}.unit`, location: [...at, 'Enhet'], text: item.unit },
      { path: `${path}.description`, location: [...at, 'Beskrivning'], text: item.description },
    );
    item.costLines.forEach((line, l) => {
      const lineAt = [...at, `Kostnadsrad ${l + 1}`];
      texts.push({ path: `${path}.costLines[${l}].label`, location: [...lineAt, 'Benämning'], text: line.label });
      if (line.kind === 'perUnit') texts.push({ path: `${path}.costLines[${l}].unit`, location: [...lineAt, 'Enhet'], text: line.unit });
    });
  });

  document.placementTypes.forEach((item, i) => {
    const path = `placementTypes[${i}]`;
    const at = [LIST_LABELS.placementTypes, named(item.name)];
    texts.push(
      { path: `${path}.name`, location: [...at, 'Namn'], text: item.name },
      { path: `${path}.source`, location: [...at, 'Källa'], text: item.source },
      { path: `${path}.sourceUrl`, location: [...at, 'Källa (länk)'], text: item.sourceUrl },
      { path: `${path}.notes`, location: [...at, 'Anteckningar'], text: item.notes },
    );
  });

  document.scenarios.forEach((item, i) => {
    const path = `scenarios[${i}]`;
    const at = [LIST_LABELS.scenarios, named(item.name)];
    texts.push(
      { path: `${path}.name`, location: [...at, 'Namn'], text: item.name },
      { path: `${path}.description`, location: [...at, 'Beskrivning'], text: item.description },
      ...(item.settings ? settingsTexts(item.settings, `${path}.settings`, at) : []),
    );
    item.effects.forEach((effect, e) => texts.push({ path: `${path}.effects[${e}].label`, location: [...at, `Effekt ${e + 1}`, 'Benämning'], text: effect.label }));
  });

  return texts;
}

/**
 * The fields of a document that seem to hold a personnummer or samordningsnummer, in document
 * order. `settings: false` leaves the settings out (a price list read from a table brings none).
 */
export function personalDataWarnings(document: HemmaplanDocument, options: { settings?: boolean } = {}): PersonalDataWarning[] {
  const warnings: PersonalDataWarning[] = [];
  for (const { path, location, text } of freeTexts(document, { settings: options.settings ?? true })) {
    if (typeof text !== 'string' || text === '') continue;
    const matches = findPersonalNumbers(text);
    if (matches.length > 0) warnings.push({ location: location.join(' › '), path, matches });
  }
  return warnings;
}

/** "ett personnummer", "ett samordningsnummer" or "personnummer eller samordningsnummer", for a sentence. */
export function personalNumberWords(matches: readonly PersonalNumberMatch[]): string {
  const kinds = new Set(matches.map((m) => m.kind));
  if (kinds.size > 1) return 'personnummer eller samordningsnummer';
  const kind = kinds.has('samordningsnummer') ? 'samordningsnummer' : 'personnummer';
  return matches.length > 1 ? `flera ${kind}` : `ett ${kind}`;
}
