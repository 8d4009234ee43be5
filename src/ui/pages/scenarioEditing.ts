/** Saving a changed scenario, with the validator's answer as a message. */
import type { HemmaplanDocument, Scenario } from '../../domain/types';
import type { AppState } from '../state';
import { toGridOutcome } from './editing';
import type { GridOutcome } from '../grid/DataGrid';

/**
 * Saves a scenario as `change` makes it from the scenario stored when the change is written, so
 * that quick successive changes (ticking two initiatives, typing two cells) build on each other
 * rather than each on the scenario shown when it was made.
 */
export async function updateScenario(
  app: AppState,
  id: string,
  change: (current: Scenario, document: HemmaplanDocument) => Scenario,
): Promise<GridOutcome> {
  let written: Scenario | undefined;
  try {
    if (!app.current()) return { ok: false, message: 'Uppgifterna är inte inlästa ännu.' };
    const outcome = await app.store.save('scenarios', (document) => {
      const current = document.scenarios.find((s) => s.id === id);
      if (!current) return { ok: false, issues: [{ path: '$', message: 'scenariot finns inte längre; det kan ha tagits bort i en annan flik' }] };
      written = change(current, document);
      return [written];
    });
    const result = toGridOutcome(outcome);
    // A problem in an effect is shown at the effect's row of the effects grid.
    const effect = outcome.ok ? null : /\.effects\[(\d+)\](?:\.(\w+))?/.exec(outcome.issues[0]?.path ?? '');
    if (!result.ok && effect) {
      const effectId = written?.effects[Number(effect[1])]?.id;
      return effectId ? { ok: false, message: result.message, rowId: effectId, ...(effect[2] ? { field: effect[2] } : {}) } : result;
    }
    return result;
  } catch (error) {
    return { ok: false, message: `Ändringen kunde inte sparas: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    app.touchHistory();
  }
}
