/** The scenario charts, loaded on demand: mount inside <Suspense>. */
import { lazy } from 'solid-js';

export const LazyScenarioCharts = lazy(() => import('./ScenarioCharts').then((m) => ({ default: m.ScenarioCharts })));
