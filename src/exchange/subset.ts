/**
 * A part of a document that stands on its own: the scenarios a user chose to pass on, with
 * everything they need to be read and computed elsewhere.
 */
import type { HemmaplanDocument } from '../domain/types';

/**
 * The chosen scenarios with everything they reference, as a document that is valid on its own:
 * - the scenarios whose id is in `scenarioIds` (ids that match no scenario are ignored);
 * - the initiatives those scenarios include (an effect's `initiativeId` is always among them);
 * - every placement type: the price list the scenarios are read against (break-even, EXCHANGE.md
 *   §2.6, is worked out for every placement type of a document, so a part with fewer types would
 *   say less than the whole);
 * - the interventions those initiatives refer to;
 * - the document's settings.
 *
 * Every list keeps the order of `document`, not the order of `scenarioIds`, and apart from the
 * placement types holds nothing the chosen scenarios do not reach. The scenarios compute exactly
 * the same results from the part as from the whole document. The items are the document's own objects, not copies: treat them,
 * like every domain value, as read-only. `exportedAt` is left out, since the part is a new document
 * whose export time is set when it is written (stringifyDocument's second argument).
 */
export function documentWithScenarios(document: HemmaplanDocument, scenarioIds: readonly string[]): HemmaplanDocument {
  const chosen = new Set(scenarioIds);
  const scenarios = document.scenarios.filter((scenario) => chosen.has(scenario.id));

  const initiativeIds = new Set<string>();
  for (const scenario of scenarios) {
    for (const id of scenario.initiativeIds) initiativeIds.add(id);
    for (const effect of scenario.effects) if (effect.initiativeId !== undefined) initiativeIds.add(effect.initiativeId);
  }
  const initiatives = document.initiatives.filter((initiative) => initiativeIds.has(initiative.id));

  const interventionIds = new Set<string>();
  for (const initiative of initiatives) for (const id of initiative.interventionIds ?? []) interventionIds.add(id);

  return {
    settings: document.settings,
    interventions: document.interventions.filter((intervention) => interventionIds.has(intervention.id)),
    initiatives,
    placementTypes: document.placementTypes,
    scenarios,
  };
}
