import { describe, expect, it } from 'vitest';
import { curve, type NodeBox, overviewPaths, portPoint } from '../../src/ui/canvas/overview-paths';

const box = (x: number, y: number, extra: Partial<NodeBox> = {}): NodeBox => ({
  x,
  y,
  width: 200,
  height: 100,
  ...extra,
});

describe('overview edges', () => {
  it('leaves from a measured output port on the right and enters a measured input on the left', () => {
    const n = box(10, 20, {
      outputs: [{ id: 'out', x: 190, y: 40, width: 10, height: 10 }],
      inputs: [
        { id: 'a', x: 0, y: 30, width: 10, height: 10 },
        { id: 'b', x: 0, y: 60, width: 10, height: 10 },
      ],
    });
    expect(portPoint(n, 'out', 'out')).toEqual({ x: 210, y: 65 });
    expect(portPoint(n, 'in', 'b')).toEqual({ x: 10, y: 85 });
  });

  it('uses the middle of the side while the ports are not measured', () => {
    expect(portPoint(box(0, 0), 'out', 'out')).toEqual({ x: 200, y: 50 });
    expect(portPoint(box(0, 0), 'in', 'in')).toEqual({ x: 0, y: 50 });
  });

  it('draws a left-to-right curve between the two points, in whole pixels', () => {
    expect(curve(0, 0, 100.4, 50.6)).toBe('M0 0C50 0 50 51 100 51');
    // Short or backwards edges still bulge out of their ports.
    expect(curve(0, 0, 10, 0)).toBe('M0 0C24 0 -14 0 10 0');
  });

  it('groups edges by style, skipping edges whose nodes are unknown', () => {
    const nodes = new Map([
      ['a', box(0, 0)],
      ['b', box(400, 0)],
      ['c', box(400, 200)],
    ]);
    const edges = [
      { id: 'e1', source: 'a', sourceHandle: 'out', target: 'b', targetHandle: 'in', style: 'x' },
      { id: 'e2', source: 'a', sourceHandle: 'out', target: 'c', targetHandle: 'in', style: 'y' },
      { id: 'e3', source: 'a', sourceHandle: 'out', target: 'c', targetHandle: 'in', style: 'x' },
      { id: 'e4', source: 'a', sourceHandle: 'out', target: 'gone', targetHandle: 'in', style: 'x' },
    ];
    const { paths, drawn } = overviewPaths(
      edges,
      (id) => nodes.get(id),
      (e) => e.style,
    );
    expect(drawn).toBe(3);
    expect([...paths.keys()]).toEqual(['x', 'y']);
    expect(paths.get('x')).toBe('M200 50C300 50 300 50 400 50M200 50C300 50 300 250 400 250');
    expect(paths.get('y')).toBe('M200 50C300 50 300 250 400 250');
  });
});
