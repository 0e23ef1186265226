import { describe, expect, it } from 'vitest';
import { stackEquations } from '../../src/ui/inspector/stack-equations';

describe('equations side by side are stacked for the narrow inspector', () => {
  it('puts each equation on its own line', () => {
    expect(stackEquations('y = \\sum_i x_i \\qquad \\frac{\\partial y}{\\partial x_i} = 1')).toBe(
      '\\begin{gathered}y = \\sum_i x_i \\\\ \\frac{\\partial y}{\\partial x_i} = 1\\end{gathered}',
    );
  });

  it('leaves a single equation alone', () => {
    expect(stackEquations('y = \\max(0, x)')).toBe('y = \\max(0, x)');
  });

  it('splits only between equations, never inside braces or an environment', () => {
    const huber =
      '\\ell = \\begin{cases} a & b \\qquad c \\\\ d & e \\end{cases} \\qquad d_j = \\hat y_j - y_j';
    expect(stackEquations(huber)).toBe(
      '\\begin{gathered}\\ell = \\begin{cases} a & b \\qquad c \\\\ d & e \\end{cases} \\\\ d_j = \\hat y_j - y_j\\end{gathered}',
    );
    expect(stackEquations('\\text{a \\qquad b}')).toBe('\\text{a \\qquad b}');
  });

  it('does not take \\qquadx-like commands for the separator', () => {
    expect(stackEquations('a \\qquadx b')).toBe('a \\qquadx b');
  });
});
