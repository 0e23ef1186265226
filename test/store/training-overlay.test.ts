// @vitest-environment jsdom
import { act, createElement, memo } from 'react';
import { createRoot } from 'react-dom/client';
import { describe, expect, it } from 'vitest';
import { findExample } from '../../src/engine';
import { TrainingSession, type TrainingSnapshot } from '../../src/engine/training';
import {
  buildOverlay,
  createOverlayStore,
  emptyOverlay,
  type OverlayState,
  type OverlayStore,
  selectEdgeOverlay,
  selectNodeOverlay,
} from '../../src/store/training-overlay';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

/** Render counts by id, of components that each select their own overlay entry (as the canvas does). */
const renders = new Map<string, number>();
let current: OverlayStore = createOverlayStore();

const Edge = memo(function Edge({ id }: { id: string }) {
  const entry = current(selectEdgeOverlay(id));
  renders.set(id, (renders.get(id) ?? 0) + 1);
  return createElement('span', null, entry?.param?.value[0] ?? '');
});

const Node = memo(function Node({ id }: { id: string }) {
  const entry = current(selectNodeOverlay(id));
  renders.set(`node:${id}`, (renders.get(`node:${id}`) ?? 0) + 1);
  return createElement('span', null, entry?.outputs[0]?.values[0] ?? '');
});

function session(id: string) {
  const s = new TrainingSession();
  s.load(findExample(id)!.build());
  return s;
}

/** A copy of a snapshot with θ_index changed (as if only that weight had moved). */
function nudged(snapshot: TrainingSnapshot, index: number): TrainingSnapshot {
  const copy = structuredClone(snapshot);
  copy.theta[index] += 0.25;
  return copy;
}

describe('the overlay', () => {
  it('rebuilds only the entries whose numbers changed', () => {
    const s = session('circle');
    s.step();
    const layout = s.layout!;
    const first = buildOverlay(emptyOverlay(), layout, s.snapshot()!);
    expect(first.edges.size).toBe(layout.edges.length);
    expect(first.nodes.size).toBe(layout.nodes.length);

    // The same numbers again: the very same state.
    expect(buildOverlay(first, layout, s.snapshot()!)).toBe(first);

    // One weight moves: its edge gets a new entry, every other edge and node keeps its own.
    const edge = layout.edges.find((e) => e.block !== undefined)!;
    const index = layout.blocks[edge.block!].offset;
    const second = buildOverlay(first, layout, nudged(s.snapshot()!, index));
    expect(second).not.toBe(first);
    expect(second.edges.get(edge.id)).not.toBe(first.edges.get(edge.id));
    expect(second.edges.get(edge.id)!.param!.value[0]).toBeCloseTo(
      first.edges.get(edge.id)!.param!.value[0] + 0.25,
    );
    // …and within it, the unchanged parts keep theirs too.
    expect(second.edges.get(edge.id)!.param!.grad).toBe(first.edges.get(edge.id)!.param!.grad);
    expect(second.edges.get(edge.id)!.x).toBe(first.edges.get(edge.id)!.x);
    for (const e of layout.edges)
      if (e.id !== edge.id) expect(second.edges.get(e.id)).toBe(first.edges.get(e.id));
    expect(second.nodes).toBe(first.nodes);
    expect(second.rebuilt - first.rebuilt).toBe(1);

    // A real step changes every weight.
    s.step();
    const third = buildOverlay(second, layout, s.snapshot()!);
    for (const e of layout.edges)
      if (e.block !== undefined) expect(third.edges.get(e.id)).not.toBe(second.edges.get(e.id));
  });

  it('shows one example or the batch mean', () => {
    const s = session('circle');
    s.step();
    const layout = s.layout!;
    const snap = s.snapshot()!;
    const example = buildOverlay(emptyOverlay(), layout, snap);
    const mean = buildOverlay(example, layout, snap, { mean: true });
    const hidden = layout.nodes.find((n) => n.kind === 'neuron')!;
    const slot = hidden.outputs.out;
    expect(example.nodes.get(hidden.id)!.outputs[0].values).toEqual([snap.values.example[slot.base]]);
    expect(mean.nodes.get(hidden.id)!.outputs[0].values).toEqual([snap.values.mean[slot.base]]);
    // Weights do not depend on the example: the edges' parameter entries are the same objects.
    const weighted = layout.edges.find((e) => e.block !== undefined)!;
    expect(mean.edges.get(weighted.id)!.param).toBe(example.edges.get(weighted.id)!.param);
  });

  it('a reload with the same numbers keeps every entry (nothing re-renders)', () => {
    const s = session('border-at-3');
    const first = buildOverlay(emptyOverlay(), s.layout!, s.snapshot()!);
    s.load(findExample('border-at-3')!.build());
    const second = buildOverlay(first, s.layout!, s.snapshot()!);
    expect(second.loadId).toBe(first.loadId + 1);
    expect(second.edges).toBe(first.edges);
    expect(second.nodes).toBe(first.nodes);
    // Once the new run steps, the numbers move.
    s.step();
    const third = buildOverlay(second, s.layout!, s.snapshot()!);
    expect(third.edges.get('e1')).not.toBe(first.edges.get('e1'));
  });

  it('re-renders only the edge whose numbers changed', async () => {
    const s = session('circle');
    s.step();
    const layout = s.layout!;
    const overlay = createOverlayStore();
    overlay.setState(buildOverlay(overlay.getState(), layout, s.snapshot()!), true);

    renders.clear();
    current = overlay;
    const container = document.createElement('div');
    const root = createRoot(container);
    await act(async () => {
      root.render(
        createElement(
          'div',
          null,
          ...layout.edges.map((e) => createElement(Edge, { key: e.id, id: e.id })),
          ...layout.nodes.map((n) => createElement(Node, { key: n.id, id: n.id })),
        ),
      );
    });
    for (const e of layout.edges) expect(renders.get(e.id)).toBe(1);

    const edge = layout.edges.filter((e) => e.block !== undefined)[2];
    const apply = (snapshot: TrainingSnapshot) =>
      act(async () => {
        overlay.setState((prev: OverlayState) => buildOverlay(prev, layout, snapshot), true);
      });
    await apply(nudged(s.snapshot()!, layout.blocks[edge.block!].offset));
    for (const e of layout.edges) expect(renders.get(e.id)).toBe(e.id === edge.id ? 2 : 1);
    for (const n of layout.nodes) expect(renders.get(`node:${n.id}`)).toBe(1);

    // A full step: every edge with a weight, and every node whose numbers moved, renders once more.
    s.step();
    await apply(s.snapshot()!);
    for (const e of layout.edges)
      if (e.block !== undefined) expect(renders.get(e.id)).toBeGreaterThanOrEqual(2);
    await act(async () => root.unmount());
  });
});
