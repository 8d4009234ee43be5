/** Saving a changed scenario, with the validator's answer as a message. */
import type { Scenario } from '../../domain/types';
import type { AppState } from '../state';
import { toGridOutcome } from './editing';
import type { GridOutcome } from '../grid/DataGrid';

export async function saveScenario(app: AppState, scenario: Scenario): Promise<GridOutcome> {
  try {
    const current = app.current();
    if (!current) return { ok: false, message: 'Uppgifterna är inte inlästa ännu.' };
    const outcome = await app.store.save('scenarios', [scenario], current.stored);
    const result = toGridOutcome(outcome);
    // A problem in an effect is shown at the effect's row of the effects grid.
    const effect = outcome.ok ? null : /\.effects\[(\d+)\](?:\.(\w+))?/.exec(outcome.issues[0]?.path ?? '');
    if (!result.ok && effect) {
      const id = scenario.effects[Number(effect[1])]?.id;
      return id ? { ok: false, message: result.message, rowId: id, ...(effect[2] ? { field: effect[2] } : {}) } : result;
    }
    return result;
  } catch (error) {
    return { ok: false, message: `Ändringen kunde inte sparas: ${error instanceof Error ? error.message : String(error)}` };
  } finally {
    app.touchHistory();
  }
}
