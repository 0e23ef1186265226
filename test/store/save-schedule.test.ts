import { describe, expect, it } from 'vitest';
import { decodeSaved } from '../../src/store/autosave-restore';
import { describeError, retryDelay, saveWait } from '../../src/store/save-schedule';

describe('save schedule', () => {
  it('waits the delay after a change, but never past the longest wait since the first unsaved one', () => {
    // First change at t=0, delay 500, max 5000: at t=0 wait 500; at t=4800 only 200 are left.
    expect(saveWait(0, 0, 500, 5000)).toBe(500);
    expect(saveWait(4800, 0, 500, 5000)).toBe(200);
    expect(saveWait(6000, 0, 500, 5000)).toBe(0);
  });

  it('tries again after 2, 5, 15 then every 30 seconds', () => {
    expect([0, 1, 2, 3, 4, 10].map(retryDelay)).toEqual([2000, 5000, 15_000, 30_000, 30_000, 30_000]);
  });

  it('says a full storage in words', () => {
    const full = new Error('quota');
    full.name = 'QuotaExceededError';
    expect(describeError(full)).toBe('the browser’s storage is full');
    expect(describeError(new Error('disk gone'))).toBe('disk gone');
    expect(describeError('plain')).toBe('plain');
  });
});

describe('decodeSaved', () => {
  it('does not open a stored value that is not text', () => {
    const decoded = decodeSaved({ nodes: [] });
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.problems[0].message).toBe('the saved value is not text');
  });

  it('reports where a stored text is not a document', () => {
    expect(decodeSaved('{not json').ok).toBe(false);
  });
});
