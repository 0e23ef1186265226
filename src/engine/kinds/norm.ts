/**
 * What BatchNorm and LayerNorm share: their ε, and the normalisation as the NumPy scripts write it.
 * They differ in what they average over (the batch, per unit; or the layer, per example).
 */
import { pyFloat } from '../export/emit';
import { num } from '../params';

/** ε, added to the variance before its square root (PyTorch's default 1e-5). */
export const epsParam = () =>
  num('ε', 1e-5, {
    min: 0,
    max: 1,
    log: true,
    help: 'Added to the variance before its square root, so numbers that are all equal do not divide by 0.',
  });

/** Export: (x − mean) / √(variance + ε) · γ + β, each argument a Python expression but ε. */
export function normalisePython(
  x: string,
  mean: string,
  variance: string,
  eps: number,
  gamma: string,
  beta: string,
): string {
  return `(${x} - ${mean}) / np.sqrt(${variance} + ${pyFloat(eps)}) * ${gamma} + ${beta}`;
}
