/**
 * Marks the inputs whose gradient training never needs, so that backward may skip it.
 *
 * ∂L/∂x of a dataset's pixels is a number nobody trains with: nothing upstream of the data learns.
 * Yet a dense layer fed by 64 pixels spends a third of its work on it (a 64 × 32 product per
 * example, as much as its forward pass). The canvas does show it (the gradient on the dataset's
 * edges), but only for the step it shows, a few times a second while training at full speed: the
 * runtime then runs that step's backward again with every gradient (Runtime.completeGradients).
 *
 * An input is marked `gradientOnDemand` when its node's kind can skip it
 * (`inputGradientsOnDemand` in kind.ts) and its source has no inputs and nothing trained (a
 * dataset, a constant): its numbers do not depend on θ.
 */
import type { Plan, PlanNode } from './plan';

export function markOnDemandGradients(plan: Plan): void {
  for (const node of plan.order) {
    if (node.kind.inputGradientsOnDemand !== true) continue;
    for (const port in node.inputs) {
      for (const input of node.inputs[port]) {
        const source = plan.nodes.get(input.sourceNode);
        if (source && isConstantSource(source, plan.trainableCount)) input.gradientOnDemand = true;
      }
    }
  }
}

/** A node nothing flows into and with nothing trained: its outputs do not depend on θ. */
function isConstantSource(node: PlanNode, trainableCount: number): boolean {
  for (const port in node.inputs) if (node.inputs[port].length > 0) return false;
  for (const name in node.blocks) if (node.blocks[name].offset < trainableCount) return false;
  return true;
}
