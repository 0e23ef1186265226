/**
 * Fuses a node with the node feeding it where its kind asks to (`fuses` in kind.ts): today a
 * categorical cross-entropy reading a softmax's probabilities. Apart, the loss's gradient −y/p goes
 * through the softmax's Jacobian and overflows once a probability underflows (logit gaps past ~700);
 * fused, the loss reads the softmax's own input, the logits, and writes ∂L/∂z = p − y there itself.
 *
 * Only an edge that is its source's one consumer is fused: with fan-out the source's backward must
 * add the other consumers' shares, so both nodes then run apart, as before. The pass marks the plan
 * (the consumer's input gets `sourceInput`, the source `fusedIntoConsumer`); the kinds' builds do
 * the rest. Costs nothing on graphs without such a consumer.
 */
import type { Plan, PlanInput, PlanNode } from './plan';

export function fuse(plan: Plan): void {
  let candidates: { node: PlanNode; input: PlanInput }[] | undefined;
  for (const node of plan.order) {
    const fusion = node.kind.fuses;
    if (!fusion || (fusion.when && !fusion.when(node.params))) continue;
    const inputs = node.inputs[fusion.port];
    if (inputs?.length !== 1 || inputs[0].sourceKind !== fusion.source) continue;
    candidates ??= [];
    candidates.push({ node, input: inputs[0] });
  }
  if (!candidates) return;
  const consumers = new Map<string, number>();
  for (const edge of plan.edges.values()) consumers.set(edge.source, (consumers.get(edge.source) ?? 0) + 1);
  for (const { input } of candidates) {
    const source = plan.nodes.get(input.sourceNode);
    if (!source || consumers.get(source.id) !== 1) continue;
    const own = Object.values(source.inputs).flat();
    if (own.length !== 1) continue;
    input.sourceInput = own[0].slot;
    source.fusedIntoConsumer = true;
  }
}
