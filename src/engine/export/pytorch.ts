/**
 * A compiled graph as one standalone PyTorch script that trains exactly like the engine: the same
 * initial parameters, the same training data, the same batch order (the engine's RNG, ported), the
 * same losses and the same torch.optim optimizer, in float64. Run with `--steps N`, it prints the
 * JSON line of `neurograph train --steps N --json`.
 */
import type { Plan } from '../compiler/plan';
import { initialParameters } from '../runtime/parameters';
import { pyComment, pyFloatList, pyStr } from './emit';
import { preludeFor } from './prelude';
import {
  describeBlock,
  emitForward,
  type ForwardCode,
  indent,
  Names,
  nameParameters,
  neededNodes,
  requireEmitters,
  rule,
  scriptName,
  tidyBlankLines,
  type ValueRef,
} from './program';
import { PY_RNG, shuffleSeed } from './rng';

export interface PythonScript {
  /** A file name for it, from the document's name. */
  filename: string;
  source: string;
}

export interface PyTorchExportOptions {
  /** The document's name, for the file name and the header. */
  name?: string;
  /** The default of the script's --steps (100, like `neurograph train`). */
  steps?: number;
}

export function exportPyTorch(plan: Plan, options: PyTorchExportOptions = {}): PythonScript {
  const names = new Names();
  const paramNames = nameParameters(plan, names);
  const roots = plan.losses.map((node) => ({ node, port: 'loss' }));
  requireTorchEmitters(plan, roots);
  const forward = emitForward(plan, 'torch', roots, names, paramNames);
  const title = options.name ?? 'Neurograph graph';
  const filename = scriptName(options.name);
  // Kinds that draw random numbers (Dropout) read the step from CLOCK, which train() keeps.
  const usesClock = [...forward.definitions, ...forward.lines].some((l) => l.includes('CLOCK'));
  const out = [
    ...header(title, filename),
    ...(plan.data ? dataSection(plan) : []),
    ...parametersSection(plan, paramNames),
    ...networkSection(plan, forward, usesClock),
    ...trainingSection(plan, usesClock),
    ...mainSection(title, options.steps ?? 100),
  ];
  return { filename, source: tidyBlankLines(out.join('\n')) };
}

/** Every kind that stands in the way, in one error: the network's and the optimizer's. */
function requireTorchEmitters(plan: Plan, roots: ValueRef[]): void {
  const optimizer = plan.optimizer;
  const optimizerNode = optimizer && {
    kind: optimizer.kind,
    label: plan.graph.nodes.find((n) => n.id === optimizer.node)?.label || optimizer.node,
  };
  requireEmitters(
    [...neededNodes(plan, roots), ...(optimizerNode ? [optimizerNode] : [])],
    'torch',
    (kind) => (kind.role === 'optimizer' ? kind.torchOptimizer !== undefined : kind.torch !== undefined),
  );
}

function header(title: string, filename: string): string[] {
  return [
    '#!/usr/bin/env python3',
    `# ${pyComment(`“${title}”`)}, exported from Neurograph to PyTorch.`,
    '#',
    '# Trains the network exactly as `neurograph train --steps N --json` does: the same initial',
    '# parameters, training data, batch order, losses and optimizer, in float64. Prints one JSON line,',
    '#   {"step": N, "loss": <the last batch\'s loss, before its update>, "parameters": {...}}',
    '# with one number per one-number parameter and a list otherwise (a dense W row by row).',
    '#',
    `# Usage: python3 ${filename} [--steps N]    (needs only PyTorch)`,
    'import argparse',
    'import json',
    'import math',
    '',
    'import torch',
    '',
    'torch.set_default_dtype(torch.float64)',
    '',
  ];
}

/** The training split as tensors, the batch settings and the engine's RNG that orders batches. */
function dataSection(plan: Plan): string[] {
  const t = plan.data!.table;
  return [
    '',
    rule('data'),
    `# The training split of the dataset “${pyComment(t.name)}”: ${t.train.count} examples, one row each.`,
    `X = torch.tensor(${pyFloatList(t.train.x, '    ')}, dtype=torch.float64).reshape(${t.train.count}, ${t.nFeatures})`,
    `Y = torch.tensor(${pyFloatList(t.train.y, '    ')}, dtype=torch.float64).reshape(${t.train.count}, ${t.nTargets})`,
    `BATCH_SIZE = ${t.batchSize}`,
    `SHUFFLE = ${t.shuffle ? 'True' : 'False'}`,
    '# The seed of the engine’s batch loader: the graph’s order seed xor a hash of "shuffle".',
    `SHUFFLE_SEED = ${shuffleSeed(plan.orderSeed)}`,
    '',
    '',
    PY_RNG,
    '',
  ];
}

/** Each parameter block's initial values, and the blocks by label. */
function parametersSection(plan: Plan, paramNames: ReadonlyMap<string, string>): string[] {
  const theta = initialParameters(plan);
  const trained = plan.blocks.filter((b) => !b.buffer);
  return [
    '',
    rule('parameters'),
    '# Initial values as the engine draws them; flat like θ (a dense W is units × inputs, row-major).',
    ...plan.blocks.flatMap((b) => [
      `# ${describeBlock(plan, b.key)}${b.buffer ? ' (a running statistic, not trained)' : ''}`,
      `${paramNames.get(b.key)} = torch.tensor(${pyFloatList(theta.subarray(b.offset, b.offset + b.size), '    ')}, dtype=torch.float64${b.buffer ? '' : ', requires_grad=True'})`,
    ]),
    '# By label, as `neurograph train` names them.',
    `PARAMETERS = {${plan.blocks.map((b) => `${pyStr(b.label)}: ${paramNames.get(b.key)}`).join(', ')}}`,
    ...(trained.length < plan.blocks.length
      ? [
          '# What the optimizer trains: the running statistics are updated by forward, as in PyTorch.',
          `TRAINED = [${trained.map((b) => paramNames.get(b.key)).join(', ')}]`,
        ]
      : ['TRAINED = list(PARAMETERS.values())']),
    '',
  ];
}

/** The helpers the forward pass needs, then forward(x, y): the loss L on one batch. */
function networkSection(plan: Plan, forward: ForwardCode, usesClock: boolean): string[] {
  const data = plan.data;
  const body = [
    data ? 'n = x.shape[0]' : 'n = 1',
    ...forward.lines,
    '# L: the sum over the trained losses of their mean over the batch.',
    forward.roots.length > 0
      ? `L = ${forward.roots.map((r) => `${r}.mean()`).join(' + ')}`
      : 'L = torch.zeros(())',
    'return L',
  ];
  const helpers = [
    ...preludeFor('torch', [...forward.definitions, ...body].join('\n')),
    ...forward.definitions,
  ];
  return [
    '',
    rule('network'),
    ...(usesClock
      ? [
          '# The training step being run: step t draws the engine’s random numbers of step t.',
          'CLOCK = {"step": 0}',
        ]
      : []),
    ...helpers.flatMap((h) => ['', h, '']),
    '',
    `def forward(${data ? 'x, y' : 'x=None, y=None'}):`,
    `    """The loss L on one batch${data ? ' (features x, targets y)' : ''}, node by node in the engine's order."""`,
    ...indent(body),
    '',
  ];
}

/** make_optimizer() and train(steps), which steps as the engine does. */
function trainingSection(plan: Plan, usesClock: boolean): string[] {
  const { optimizer, data } = plan;
  return [
    '',
    rule('training'),
    ...(optimizer
      ? [
          'def make_optimizer():',
          `    return ${optimizer.kind.torchOptimizer!(optimizer.params, 'TRAINED')}`,
          '',
        ]
      : []),
    '',
    'def train(steps):',
    '    """Runs `steps` training steps; returns the last batch loss, measured before its update."""',
    optimizer && plan.trainableCount > 0 ? '    optimizer = make_optimizer()' : '    optimizer = None',
    ...(data ? ['    batches = batch_rows(X.shape[0], BATCH_SIZE, SHUFFLE, SHUFFLE_SEED)'] : []),
    "    loss = float('nan')",
    usesClock ? '    for step in range(steps):' : '    for _ in range(steps):',
    ...(usesClock ? ['        CLOCK["step"] = step'] : []),
    ...(data
      ? ['        rows = next(batches)', '        L = forward(X[rows], Y[rows])']
      : ['        L = forward()']),
    '        loss = L.item()',
    '        for p in TRAINED:',
    '            p.grad = None',
    '        if L.requires_grad:',
    '            L.backward()',
    '        if optimizer is not None:',
    '            # A parameter the loss does not reach has gradient 0 (the optimizer still steps it).',
    '            for p in TRAINED:',
    '                if p.grad is None:',
    '                    p.grad = torch.zeros_like(p)',
    '            optimizer.step()',
    '    return loss',
    '',
  ];
}

/** The JSON printing and the command line. */
function mainSection(title: string, steps: number): string[] {
  return [
    '',
    'def _number(v):',
    '    return v if math.isfinite(v) else None  # JSON has no NaN or infinity: null, like JSON.stringify',
    '',
    '',
    'def _value(p):',
    '    values = [_number(v) for v in p.detach().flatten().tolist()]',
    '    return values[0] if len(values) == 1 else values',
    '',
    '',
    'def main(argv=None):',
    `    parser = argparse.ArgumentParser(description=${pyStr(`Trains “${title}” as neurograph train does.`)})`,
    `    parser.add_argument("--steps", type=int, default=${steps}, help="training steps")`,
    '    args = parser.parse_args(argv)',
    '    if args.steps < 0:',
    '        parser.error("--steps must be a whole number >= 0")',
    '    loss = train(args.steps)',
    '    parameters = {label: _value(p) for label, p in PARAMETERS.items()}',
    '    print(json.dumps({"step": args.steps, "loss": _number(loss), "parameters": parameters}))',
    '',
    '',
    'if __name__ == "__main__":',
    '    main()',
    '',
  ];
}
