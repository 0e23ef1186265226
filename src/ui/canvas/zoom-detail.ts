/**
 * How much detail the canvas draws, by zoom bucket. Components subscribe to the bucket, not to the
 * zoom, so they re-render when the view crosses the threshold, never on each step of a zoom or pan.
 */
import { create } from 'zustand';

/** Below this zoom, text on nodes and edges is a few pixels high: it is not drawn. */
export const FAR_ZOOM = 0.4;

interface ZoomDetail {
  /** Zoomed out below FAR_ZOOM. */
  far: boolean;
  showZoom(zoom: number): void;
}

export const useZoomDetail = create<ZoomDetail>()((set, get) => ({
  far: false,
  showZoom(zoom) {
    const far = zoom < FAR_ZOOM;
    if (far !== get().far) set({ far });
  },
}));

export const selectFar = (s: ZoomDetail) => s.far;
