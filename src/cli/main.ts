/**
 * `neurograph <command>`: the same engine as the app, headless. Errors are one line on stderr and a
 * non-zero exit, never a stack trace (unless NEUROGRAPH_DEBUG is set).
 */

import { DEFAULT_STEPS } from '../engine/compare/limits';
import { csvSupport } from '../engine/datasets/csv';
import { digitsSupport } from '../engine/datasets/digits';
import { formulaSupport } from '../engine/formula';
import { loadAll } from '../engine/lazy';
import { documentJsonSchema } from '../format';
import { parseArgs, positiveInt, UsageError } from './args';
import { check } from './commands/check';
import { compare } from './commands/compare';
import { exportGraph, listExamples } from './commands/examples';
import { grad } from './commands/grad';
import { landscape } from './commands/landscape';
import { train } from './commands/train';
import { InputError } from './load';

const USAGE = `usage: neurograph <command> [options]

commands:
  check <graph.json>                        print the graph's diagnostics; exit 1 on an error
  train <graph.json | example:NAME> [--steps N] [--json]
                                            train with the document's data, loss and optimizer
  grad <graph.json | example:NAME>          one forward/backward pass: loss, values and gradients
  export <graph.json | example:NAME> [--to json|pytorch|numpy|onnx] [--steps N]
                                            print the document, a PyTorch script that trains it
                                            like train, a NumPy script of its forward pass or an
                                            ONNX model of it (both with the parameters after N
                                            steps); ONNX is binary: > net.onnx
  landscape <graph.json | example:NAME> [--steps N] [--size K] [--directions random|pca] [--json]
                                            train N steps (default 10) and print the training-set
                                            loss over a K×K grid (default 41) of a plane through
                                            θ, with the path: w and b themselves for a network of
                                            two numbers, else two filter-normalised random
                                            directions or the path's two principal directions
  compare <graph.json | example:NAME> --variant SPEC [--variant SPEC …] [--steps N]
          [--target L] [--json]
                                            train the network as it is and up to 3 variants
                                            (default 500 steps) over the same order of examples;
                                            print each one's final training and test loss,
                                            accuracy and the first judged step with a training
                                            loss ≤ L. SPEC: changes "key=value, …" with keys
                                            lr, optimizer, activation (node:act), loss, init,
                                            seed, batch and name, e.g. "optimizer=adam, lr=0.01"
  examples                                  list the built-in examples
  schema                                    print the JSON Schema of the document format`;

function run(argv: string[]): number {
  const [command, ...rest] = argv;
  switch (command) {
    case 'check': {
      const a = parseArgs(rest, [], []);
      return check(a.positional[0]);
    }
    case 'train': {
      const a = parseArgs(rest, ['steps'], ['json']);
      return train(a.positional[0], {
        steps: positiveInt(a.flags.get('steps'), 'steps', 100),
        json: a.flags.has('json'),
      });
    }
    case 'grad': {
      const a = parseArgs(rest, [], []);
      return grad(a.positional[0]);
    }
    case 'export': {
      const a = parseArgs(rest, ['to', 'steps'], []);
      const to = a.flags.get('to');
      const steps = a.flags.has('steps') ? positiveInt(a.flags.get('steps'), 'steps', 0) : undefined;
      return exportGraph(a.positional[0], typeof to === 'string' ? to : 'json', { steps });
    }
    case 'landscape': {
      const a = parseArgs(rest, ['steps', 'size', 'directions'], ['json']);
      const directions = a.flags.get('directions') ?? 'random';
      if (directions !== 'random' && directions !== 'pca')
        throw new UsageError('--directions must be random or pca');
      return landscape(a.positional[0], {
        steps: positiveInt(a.flags.get('steps'), 'steps', 10),
        size: positiveInt(a.flags.get('size'), 'size', 41),
        directions,
        json: a.flags.has('json'),
      });
    }
    case 'compare': {
      const a = parseArgs(rest, ['steps', 'target'], ['json'], ['variant']);
      const target = a.flags.get('target');
      if (target !== undefined && (target === true || Number.isNaN(Number(target))))
        throw new UsageError(`--target must be a number, got "${target}"`);
      return compare(a.positional[0], {
        variants: a.lists.get('variant') ?? [],
        steps: positiveInt(a.flags.get('steps'), 'steps', DEFAULT_STEPS),
        target: target === undefined ? undefined : Number(target),
        json: a.flags.has('json'),
      });
    }
    case 'examples':
      parseArgs(rest, [], []);
      return listExamples();
    case 'schema':
      process.stdout.write(`${JSON.stringify(documentJsonSchema(), null, 2)}\n`);
      return 0;
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return command === undefined ? 2 : 0;
    default:
      throw new UsageError(`unknown command "${command}"`);
  }
}

function main(): void {
  // `neurograph examples | head` closes the pipe early: that is not an error.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
  try {
    process.exitCode = run(process.argv.slice(2));
  } catch (e) {
    if (process.env.NEUROGRAPH_DEBUG) throw e;
    if (e instanceof UsageError) {
      process.stderr.write(`neurograph: ${e.message}\n(run "neurograph help" for usage)\n`);
      process.exitCode = 2;
    } else if (e instanceof InputError) {
      process.stderr.write(`neurograph: ${e.message}\n`);
      process.exitCode = 1;
    } else {
      process.stderr.write(`neurograph: internal error: ${(e as Error).message}\n`);
      process.exitCode = 70;
    }
  }
}

// The browser loads mathjs and papaparse on first use (engine/lazy.ts); here they load up front, so
// every command compiles any graph synchronously.
await loadAll([formulaSupport, csvSupport, digitsSupport]);
main();
