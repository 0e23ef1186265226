import { getBezierPath, Position } from '@xyflow/system';
import { describe, expect, it } from 'vitest';
import { pointAlongEdge } from '../../src/ui/canvas/edge-geometry';
import {
  type Box,
  DEFAULT_LABEL_T,
  type EdgeEnds,
  type LabelSize,
  placeLabelSlots,
  placeLabels,
  placeMostLabelSlots,
} from '../../src/ui/canvas/label-placement';

const SIZE: LabelSize = { width: 64, height: 30 };

function labelBox(e: EdgeEnds, t: number): Box {
  const p = pointAlongEdge(e.sx, e.sy, e.tx, e.ty, t);
  return { x: p.x - SIZE.width / 2, y: p.y - SIZE.height / 2, ...SIZE };
}

const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/** Pairs of shown labels (t not null) that overlap. */
function overlappingPairs(edges: EdgeEnds[], t: Map<string, number | null>): string[] {
  const shown = edges.filter((e) => t.get(e.id) != null);
  const boxes = shown.map((e) => labelBox(e, t.get(e.id)!));
  const pairs: string[] = [];
  for (let i = 0; i < boxes.length; i++)
    for (let j = i + 1; j < boxes.length; j++)
      if (overlaps(boxes[i], boxes[j])) pairs.push(`${shown[i].id}/${shown[j].id}`);
  return pairs;
}

const hidden = (t: Map<string, number | null>) => [...t].filter(([, v]) => v === null).map(([id]) => id);

/**
 * XOR 2-2-1 as auto-layout draws it: a dataset whose ports x1, x2 are 14 px apart, two hidden
 * neurons in the next column, one output neuron after them.
 */
function xor(gap: number) {
  const data: Box = { x: 0, y: 0, width: 130, height: 140 };
  const h1: Box = { x: 130 + gap, y: -20, width: 130, height: 60 };
  const h2: Box = { x: 130 + gap, y: 110, width: 130, height: 60 };
  const out: Box = { x: 260 + 2 * gap, y: 40, width: 130, height: 60 };
  const x1 = { x: 130, y: 50 };
  const x2 = { x: 130, y: 64 };
  const in1 = { x: h1.x, y: 10 };
  const in2 = { x: h2.x, y: 140 };
  const e = (id: string, s: { x: number; y: number }, t: { x: number; y: number }): EdgeEnds => ({
    id,
    sx: s.x,
    sy: s.y,
    tx: t.x,
    ty: t.y,
  });
  const edges = [
    e('x1-h1', x1, in1),
    e('x2-h1', x2, in1),
    e('x1-h2', x1, in2),
    e('x2-h2', x2, in2),
    e('h1-out', { x: h1.x + 130, y: 10 }, { x: out.x, y: 70 }),
    e('h2-out', { x: h2.x + 130, y: 140 }, { x: out.x, y: 70 }),
  ];
  return { edges, nodes: [data, h1, h2, out] };
}

describe('pointAlongEdge', () => {
  it('runs from the source (t = 0) to the target (t = 1)', () => {
    expect(pointAlongEdge(10, 20, 300, 80, 0)).toEqual({ x: 10, y: 20 });
    const end = pointAlongEdge(10, 20, 300, 80, 1);
    expect(end.x).toBeCloseTo(300, 9);
    expect(end.y).toBeCloseTo(80, 9);
  });

  it('lies on the curve React Flow draws (its midpoint is React Flow’s label point)', () => {
    for (const [sx, sy, tx, ty] of [
      [0, 0, 200, 100],
      [50, 300, 120, -40],
      [400, 0, 100, 50], // a backward edge: the controls bulge out of both ports
    ]) {
      const [, labelX, labelY] = getBezierPath({
        sourceX: sx,
        sourceY: sy,
        targetX: tx,
        targetY: ty,
        sourcePosition: Position.Right,
        targetPosition: Position.Left,
      });
      const mid = pointAlongEdge(sx, sy, tx, ty, 0.5);
      expect(mid.x).toBeCloseTo(labelX, 6);
      expect(mid.y).toBeCloseTo(labelY, 6);
    }
  });
});

describe('placeLabels', () => {
  it('leaves a lone edge’s label near its target', () => {
    const t = placeLabels([{ id: 'a', sx: 0, sy: 0, tx: 300, ty: 40 }], [], SIZE);
    expect(t.get('a')).toBe(DEFAULT_LABEL_T);
  });

  it('pulls apart the labels of two edges from neighbouring ports into one input', () => {
    const edges: EdgeEnds[] = [
      { id: 'a', sx: 0, sy: 50, tx: 200, ty: 10 },
      { id: 'b', sx: 0, sy: 64, tx: 200, ty: 10 },
    ];
    // At one shared t they stack: the edges are never more than 14 px apart.
    expect(overlaps(labelBox(edges[0], DEFAULT_LABEL_T), labelBox(edges[1], DEFAULT_LABEL_T))).toBe(true);
    const t = placeLabels(edges, [], SIZE);
    expect(t.get('a')).not.toBe(t.get('b'));
    expect(overlappingPairs(edges, t)).toEqual([]);
  });

  it('places XOR’s six labels with no two overlapping and none on a node, given room', () => {
    const { edges, nodes } = xor(120);
    const t = placeLabels(edges, nodes, SIZE);
    expect(hidden(t)).toEqual([]);
    expect(overlappingPairs(edges, t)).toEqual([]);
    for (const e of edges) {
      const box = labelBox(e, t.get(e.id)!);
      expect(
        nodes.filter((n) => overlaps(box, n)),
        e.id,
      ).toEqual([]);
    }
  });

  it('still keeps XOR’s labels apart when the columns are close (labels may touch a node then)', () => {
    const { edges, nodes } = xor(72);
    const t = placeLabels(edges, nodes, SIZE);
    expect(hidden(t)).toEqual([]);
    expect(overlappingPairs(edges, t)).toEqual([]);
  });

  it('gives every edge a point on its own curve, the same one for the same input', () => {
    const { edges, nodes } = xor(72);
    const a = placeLabels(edges, nodes, SIZE);
    const b = placeLabels(edges, nodes, SIZE);
    expect([...a]).toEqual([...b]);
    expect([...a.keys()]).toEqual(edges.map((e) => e.id));
    for (const t of a.values()) expect(t !== null && t > 0 && t < 1).toBe(true);
  });

  it('in a layer too dense for all its labels, shows those that fit and leaves out the rest', () => {
    const edges: EdgeEnds[] = [];
    for (let i = 0; i < 16; i++)
      for (let j = 0; j < 16; j++) edges.push({ id: `${i}-${j}`, sx: 0, sy: i * 90, tx: 72, ty: j * 90 });
    const t = placeLabels(edges, [], SIZE);
    expect(overlappingPairs(edges, t)).toEqual([]);
    const shown = edges.length - hidden(t).length;
    expect(shown).toBeGreaterThan(16);
    expect(shown).toBeLessThan(edges.length);
  });

  it('places a dense 16 → 16 layer in well under a frame’s budget', () => {
    const edges: EdgeEnds[] = [];
    for (let i = 0; i < 16; i++)
      for (let j = 0; j < 16; j++) edges.push({ id: `${i}-${j}`, sx: 0, sy: i * 90, tx: 120, ty: j * 90 });
    const started = performance.now();
    for (let k = 0; k < 4; k++) placeLabels(edges, [], SIZE);
    expect((performance.now() - started) / 4).toBeLessThan(50);
  });

  it('finishes for nodes at any finite place (1e20, −1e308, beyond 2^53 a cell index no longer advances)', () => {
    for (const far of [1e17, 1e20, -1e308, Number.MAX_VALUE]) {
      const { edges, nodes } = xor(72);
      // The output neuron is moved far away, as a hand-edited file can put it.
      const moved = nodes.map((n, i) => (i === nodes.length - 1 ? { ...n, y: far } : n));
      const reach = edges.map((e) => (e.id.endsWith('-out') ? { ...e, ty: far } : e));
      const t = placeLabels(reach, moved, SIZE);
      expect([...t.keys()]).toEqual(edges.map((e) => e.id));
    }
  });

  it('still keeps labels apart around a box too large to grid (a node as wide as 1e300)', () => {
    const { edges, nodes } = xor(72);
    const huge: Box = { x: -1e300, y: 5000, width: 2e300, height: 10 };
    const t = placeLabels(edges, [...nodes, huge], SIZE);
    expect(overlappingPairs(edges, t)).toEqual([]);
    expect([...t]).toEqual([...placeLabels(edges, nodes, SIZE)]);
  });
});

describe('a small network finds room for every label an early edge would take', () => {
  // A long edge and a short one over its middle, both straight along y = 0. Tried in document
  // order, the long edge takes its middle (x = 50), the short edge's only two points (x = 50 and
  // x ≈ 45) both fall on it; the long edge had another free point (t = 0.2, x ≈ 25).
  const size: LabelSize = { width: 10, height: 10 };
  const edges: EdgeEnds[] = [
    { id: 'long', sx: 0, sy: 0, tx: 100, ty: 0 },
    { id: 'short', sx: 40, sy: 0, tx: 60, ty: 0 },
  ];
  const options = { candidates: [0.5, 0.2], beside: { ts: [], distances: [] } };

  it('one greedy pass leaves the short edge without a label', () => {
    expect(placeLabelSlots(edges, [], size, options).get('short')).toBeNull();
  });

  it('placed for the most labels, both show, apart', () => {
    const slots = placeMostLabelSlots(edges, [], size, options);
    expect(slots.get('short')).toEqual({ t: 0.5, dy: 0 });
    expect(slots.get('long')).toEqual({ t: 0.2, dy: 0 });
    // In the order the edges were given.
    expect([...slots.keys()]).toEqual(['long', 'short']);
  });
});
