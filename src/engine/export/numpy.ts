/**
 * A compiled graph's forward pass as a NumPy-only script, for inference: the parameters (trained or
 * initial) embedded, `predict(x)` from features to the network's output, and, run as a script, the
 * predictions for the embedded training and test examples printed as JSON.
 *
 * The network's output is what its trained losses judge: the input of each loss other than the
 * target. `predict` returns that array (n × width), or a dict by label when there are several.
 */
import type { Plan, PlanNode } from '../compiler/plan';
import { initialParameters } from '../runtime/parameters';
import { pyComment, pyFloatList, pyStr } from './emit';
import { preludeFor } from './prelude';
import {
  describeBlock,
  ExportError,
  emitForward,
  indent,
  Names,
  nameParameters,
  rule,
  scriptName,
  tidyBlankLines,
  type ValueRef,
} from './program';
import type { PythonScript } from './pytorch';

export interface NumpyExportOptions {
  /** The document's name, for the file name and the header. */
  name?: string;
  /** Parameters to embed (e.g. a trainer's θ after training); the initial ones by default. */
  theta?: Float64Array;
}

/** The values the trained losses compare with their targets (or minimise), once each. */
export function predictionRefs(plan: Plan): ValueRef[] {
  const refs: ValueRef[] = [];
  // A loss that adds to another (an L1/L2 penalty) predicts what the loss wired into it predicts;
  // its other inputs only say which weights it covers.
  const underlying = (l: PlanNode): PlanNode => {
    const from = l.inputs.loss?.[0];
    return from ? underlying(plan.nodes.get(from.sourceNode)!) : l;
  };
  for (const loss of plan.losses.map(underlying)) {
    for (const [port, list] of Object.entries(loss.inputs)) {
      if (port === 'target') continue;
      for (const i of list) {
        if (refs.some((r) => r.node.id === i.sourceNode && r.port === i.sourcePort)) continue;
        refs.push({ node: plan.nodes.get(i.sourceNode)!, port: i.sourcePort });
      }
    }
  }
  return refs;
}

export function exportNumpy(plan: Plan, options: NumpyExportOptions = {}): PythonScript {
  const roots = predictionRefs(plan);
  if (roots.length === 0) {
    throw new ExportError('cannot export to NumPy: the graph has no loss, so no output to predict');
  }
  const theta = options.theta ?? initialParameters(plan);
  if (theta.length !== plan.paramCount) {
    throw new Error(`θ has ${theta.length} numbers but the graph has ${plan.paramCount} parameters`);
  }
  const names = new Names();
  const paramNames = nameParameters(plan, names);
  const forward = emitForward(plan, 'numpy', roots, names, paramNames);
  const used = plan.blocks.filter((b) =>
    forward.lines.some((l) => new RegExp(`\\b${paramNames.get(b.key)}\\b`).test(l)),
  );
  const data = plan.data;
  const title = options.name ?? 'Neurograph graph';
  const filename = scriptName(options.name, '-numpy');
  const label = (r: ValueRef) => (r.port === 'out' ? r.node.label : `${r.node.label}.${r.port}`);
  const result =
    roots.length === 1
      ? forward.roots[0]
      : `{${roots.map((r, i) => `${pyStr(label(r))}: ${forward.roots[i]}`).join(', ')}}`;
  const body = [
    ...(data
      ? [`x = np.asarray(x, dtype=np.float64).reshape(-1, ${data.table.nFeatures})`, 'n = x.shape[0]']
      : ['n = 1']),
    ...forward.lines,
    `return ${result}`,
  ];
  const helpers = [
    ...preludeFor('numpy', [...forward.definitions, ...body].join('\n')),
    ...forward.definitions,
  ];

  const out: string[] = [];
  const add = (...lines: string[]) => out.push(...lines);
  add(
    '#!/usr/bin/env python3',
    `# ${pyComment(`“${title}”`)}, exported from Neurograph: its forward pass in NumPy, for inference.`,
    '#',
    data
      ? `# predict(x) maps features (n × ${data.table.nFeatures}) to the network's output (n × width)${roots.length > 1 ? ', a dict by output' : ''}.`
      : `# predict() computes the network's output (1 × width)${roots.length > 1 ? ', a dict by output' : ''}.`,
    data
      ? '# Run as a script, it prints the predictions for the embedded examples: {"train": [...], "test": [...]}.'
      : '# Run as a script, it prints it: {"value": [[...]]}.',
    '#',
    `# Usage: python3 ${filename}    (needs only NumPy)`,
    'import json',
    '',
    'import numpy as np',
    '',
    '',
    rule('parameters'),
    `# ${options.theta ? 'The values given at export (e.g. after training)' : 'Initial values as the engine draws them'}; flat like θ (a dense W is units × inputs, row-major).`,
  );
  for (const b of used) {
    add(
      `# ${describeBlock(plan, b.key)}`,
      `${paramNames.get(b.key)} = np.array(${pyFloatList(theta.subarray(b.offset, b.offset + b.size), '    ')})`,
    );
  }
  add('', '', rule('network'));
  for (const h of helpers) add('', h, '');
  add(
    '',
    `def predict(${data ? 'x' : ''}):`,
    `    """The network's output${data ? ' for features x (one row per example)' : ''}, node by node in the engine's order."""`,
    '    with np.errstate(all="ignore"):',
    ...indent(body, '        '),
    '',
  );
  if (data) {
    const t = data.table;
    add(
      '',
      rule('data'),
      `# The features of the dataset “${pyComment(t.name)}”: ${t.train.count} training and ${t.test.count} test examples.`,
      `X_TRAIN = np.array(${pyFloatList(t.train.x, '    ')}).reshape(${t.train.count}, ${t.nFeatures})`,
      `X_TEST = np.array(${pyFloatList(t.test.x, '    ')}).reshape(${t.test.count}, ${t.nFeatures})`,
      '',
    );
  }
  add(
    '',
    'def _rows(a):',
    '    """Nested lists for JSON, with null for NaN and infinities (as JSON.stringify writes them)."""',
    '    if isinstance(a, dict):',
    '        return {k: _rows(v) for k, v in a.items()}',
    '    return [[v if np.isfinite(v) else None for v in row] for row in np.asarray(a).tolist()]',
    '',
    '',
    'def main():',
    data
      ? '    print(json.dumps({"train": _rows(predict(X_TRAIN)), "test": _rows(predict(X_TEST))}))'
      : '    print(json.dumps({"value": _rows(predict())}))',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
  );
  return { filename, source: tidyBlankLines(out.join('\n')) };
}
