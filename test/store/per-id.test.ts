import { describe, expect, it } from 'vitest';
import { selectNodeDiagnostics } from '../../src/store';
import { perId } from '../../src/store/per-id';
import { selectNodeWave } from '../../src/store/training';

describe('per-id selectors', () => {
  it('make one selector per id, once, and hand back that same function after', () => {
    const made: string[] = [];
    const select = perId((id) => {
      made.push(id);
      return (s: { values: Map<string, number> }) => s.values.get(id) ?? 0;
    });
    const a = select('a');
    expect(select('a')).toBe(a);
    const b = select('b');
    expect(b).not.toBe(a);
    expect(select('b')).toBe(b);
    expect(made).toEqual(['a', 'b']);
    const state = { values: new Map([['a', 1]]) };
    expect([a(state), b(state)]).toEqual([1, 0]);
  });

  it('the stores’ selectors are made that way (a stable function per id)', () => {
    expect(selectNodeDiagnostics('n1')).toBe(selectNodeDiagnostics('n1'));
    expect(selectNodeDiagnostics('n1')).not.toBe(selectNodeDiagnostics('n2'));
    expect(selectNodeWave('n1')).toBe(selectNodeWave('n1'));
  });
});
