/**
 * A big network's minimap and its overview of edges load apart from the first page: most visits never
 * open a network of hundreds of nodes, and the first load has a budget (test/build/first-load.test.ts).
 * Their code comes once the page is idle, before anyone could open such a network, so that the fit of
 * one just opened finds its minimap there (the fit keeps nodes clear of it).
 */
import { lazyComponent } from '../lazy/lazy-component';

export const OverviewMinimap = lazyComponent(
  'the minimap',
  () => import('./OverviewMinimap').then((m) => m.OverviewMinimap),
  { quiet: true },
);

export const OverviewEdges = lazyComponent(
  'the overview of edges',
  () => import('./OverviewEdges').then((m) => m.OverviewEdges),
  { quiet: true },
);

export function preloadOverviews(): void {
  OverviewMinimap.preload();
  OverviewEdges.preload();
}
