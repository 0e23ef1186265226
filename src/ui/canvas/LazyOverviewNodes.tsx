import { useDocument } from '../../store';
import { lazyComponent } from '../lazy/lazy-component';
import { NODE_OVERVIEW_FROM } from './big-network';

/**
 * The overview of a very big network's nodes (OverviewNodes.tsx) loads the first time such a network
 * opens: most visits never see one, and the first load stays under its budget.
 */
const LazyLayer = lazyComponent(
  'overview of nodes',
  () => import('./OverviewNodes').then((m) => m.OverviewNodesLayer),
  {
    quiet: true,
  },
);

const selectVeryBig = (s: { nodes: readonly unknown[] }) => s.nodes.length > NODE_OVERVIEW_FROM;

/** Mounted once on the canvas; for a very big network only. It draws nothing while React Flow holds every node. */
export function OverviewNodes() {
  return useDocument(selectVeryBig) ? <LazyLayer /> : null;
}
