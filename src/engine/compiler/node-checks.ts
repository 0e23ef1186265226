/**
 * The compiler's checks of nodes in their place: loops, inputs left unconnected, sizes that do
 * not fit, and wiring that is valid but wrong (an input fed numbers it cannot use).
 */
import { ShapeError } from '../kind';
import { describeRange, violates } from '../value-range';
import type { EdgeEnds } from './connect-edges';
import type { NodeInfo } from './node-info';
import { STEP, type Steps } from './pace';
import type { Report } from './report';
import { shapeOf } from './shape-memo';
import { findCycle, topoSort } from './topo-sort';

/** The nodes' positions in an order where every edge points forward; a loop is reported. */
export function orderNodes(list: readonly NodeInfo[], edges: EdgeEnds, report: Report): number[] {
  const { order, blocked } = topoSort(list.length, edges.from, edges.to);
  if (blocked.length > 0) {
    const cycle = findCycle(blocked, edges.from, edges.to).map((i) => list[i]);
    const names = [...cycle, cycle[0]].map((c) => `“${c.name}”`).join(' → ');
    for (const c of cycle) {
      report.error({
        code: 'cycle',
        nodeId: c.node.id,
        message: `These nodes form a loop: ${names}. Values must flow one way, from data to loss.`,
      });
    }
  }
  return order;
}

/** Every input that needs a connection and has none. */
export function* checkMissingInputs(list: readonly NodeInfo[], report: Report): Steps<void> {
  let work = 0;
  for (const info of list) {
    if (++work % STEP === 0) yield;
    const inputs = info.ports.inputs;
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[k];
      if (input.optional || info.incoming[k].length > 0) continue;
      const isTarget = input.accepts.includes('target');
      report.error({
        code: isTarget ? 'no-target' : 'missing-input',
        nodeId: info.node.id,
        message: isTarget
          ? `A loss needs a target: ${input.hint}.`
          : `${info.kind.label} “${info.name}” has nothing connected to “${input.label}”: ${input.hint}.`,
      });
    }
  }
}

/**
 * Sizes, in order (remembered per node: see shape-memo.ts); a node whose inputs failed is skipped
 * (its cause is already reported).
 */
export function* checkShapes(
  list: readonly NodeInfo[],
  order: readonly number[],
  report: Report,
): Steps<void> {
  let work = 0;
  for (const i of order) {
    if (++work % STEP === 0) yield;
    const info = list[i];
    if (info.kind.role === 'optimizer' || !info.kind.shape) continue;
    try {
      info.shape = shapeOf(info);
    } catch (e) {
      if (!(e instanceof ShapeError)) throw e;
      report.error({
        code: 'size-mismatch',
        nodeId: info.node.id,
        message: `${info.kind.label} “${info.name}”: ${e.message}.`,
      });
    }
  }
}

/**
 * Wiring that is valid but wrong: an input fed numbers it cannot use (a probability loss reading
 * an unbounded output). The kinds say what they give and need (see value-range.ts).
 */
export function* checkSuitedInputs(list: readonly NodeInfo[], report: Report): Steps<void> {
  let work = 0;
  for (const info of list) {
    if (++work % STEP === 0) yield;
    const needs = info.kind.needs?.(info.params);
    if (!needs) continue;
    for (let k = 0; k < info.ports.inputs.length; k++) {
      const input = info.ports.inputs[k];
      const need = needs[input.id];
      if (!need) continue;
      for (const { edge, src, out } of info.incoming[k]) {
        const range = src.kind.outputRange?.(src.params, out.id);
        if (!range || !violates(range, need)) continue;
        report.warn({
          code: 'unsuited-input',
          nodeId: info.node.id,
          edgeId: edge.id,
          message: `${info.kind.label} “${info.name}” reads ${need.what} at “${input.label}”, but “${src.name}” gives ${describeRange(range)}: ${need.fix}.`,
        });
      }
    }
  }
}
