/**
 * Linear interpolation exactly as torch.lerp rounds it. PyTorch keeps its running averages with
 * `avg.lerp_(x, 1 - β)`; computing them the same way keeps exported runs in step up to rounding.
 */
export function lerp(from: number, to: number, weight: number): number {
  return Math.abs(weight) < 0.5 ? from + weight * (to - from) : to - (to - from) * (1 - weight);
}
