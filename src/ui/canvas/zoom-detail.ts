/**
 * How much detail the canvas draws, by zoom bucket. Components subscribe to the bucket, not to the
 * zoom, so they re-render when the view crosses a threshold, never on each step of a zoom or pan.
 */
import { create } from 'zustand';
import { NODE_OVERVIEW_FROM } from './big-network';

/**
 * Below this zoom a big network draws plain cards (no text, no ports): its text is a few pixels
 * high and drawing a thousand cards' worth of it is what makes panning slow.
 */
export const FAR_ZOOM = 0.4;

/**
 * A small network keeps its text further out: a learner fitting a 20-node network on a laptop
 * screen lands near 0.2 (the spiral at 1280 × 720) and must still see the numbers on the edges
 * while it trains (they keep their size on screen, see number-blocks.ts) and focus a neuron.
 */
export const FAR_ZOOM_SMALL = 0.15;

export type ZoomBucket = 'near' | 'mid' | 'far';

interface ZoomDetail {
  /** near: at or above FAR_ZOOM; mid: between FAR_ZOOM_SMALL and FAR_ZOOM; far: below FAR_ZOOM_SMALL. */
  bucket: ZoomBucket;
  showZoom(zoom: number): void;
}

export function zoomBucket(zoom: number): ZoomBucket {
  if (zoom >= FAR_ZOOM) return 'near';
  return zoom >= FAR_ZOOM_SMALL ? 'mid' : 'far';
}

/** Whether a network of this size, seen in this bucket, is drawn as plain cards. */
export function drawsPlainCards(bucket: ZoomBucket, big: boolean): boolean {
  return big ? bucket !== 'near' : bucket === 'far';
}

/** Whether a network of this many nodes, seen in this bucket, is drawn as an overview of nodes (OverviewNodes). */
export function drawsNodeOverview(bucket: ZoomBucket, nodeCount: number): boolean {
  return bucket !== 'near' && nodeCount > NODE_OVERVIEW_FROM;
}

export const useZoomDetail = create<ZoomDetail>()((set, get) => ({
  bucket: 'near',
  showZoom(zoom) {
    const bucket = zoomBucket(zoom);
    if (bucket !== get().bucket) set({ bucket });
  },
}));

export const selectZoomBucket = (s: ZoomDetail) => s.bucket;
