import { describe, expect, it } from 'vitest';
import { drawsPlainCards, FAR_ZOOM, FAR_ZOOM_SMALL, zoomBucket } from '../../src/ui/canvas/zoom-detail';

describe('level of detail by zoom', () => {
  it('puts a zoom in its bucket at the thresholds', () => {
    expect(zoomBucket(1)).toBe('near');
    expect(zoomBucket(FAR_ZOOM)).toBe('near');
    expect(zoomBucket(FAR_ZOOM - 0.01)).toBe('mid');
    expect(zoomBucket(FAR_ZOOM_SMALL)).toBe('mid');
    expect(zoomBucket(FAR_ZOOM_SMALL - 0.01)).toBe('far');
  });

  it('keeps a small network readable further out than a big one', () => {
    expect(drawsPlainCards('mid', true)).toBe(true);
    expect(drawsPlainCards('mid', false)).toBe(false);
    expect(drawsPlainCards('far', false)).toBe(true);
    expect(drawsPlainCards('near', true)).toBe(false);
  });
});
