/**
 * Reads the graph a command works on: a .json file (validated like any import) or a built-in
 * example named `example:NAME`. Problems become one clear error, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { EXAMPLES, findExample } from '../engine';
import { formatProblem, importDocument, type NeurographDocument } from '../format';
import { UsageError } from './args';

export class InputError extends Error {}

export function loadDocument(source: string | undefined): NeurographDocument {
  if (!source) throw new UsageError('give a graph: a .json file or example:NAME');
  if (source.startsWith('example:')) return exampleDocument(source.slice('example:'.length));
  let text: string;
  try {
    text = readFileSync(source, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new InputError(
      code === 'ENOENT'
        ? `${source}: no such file`
        : `${source}: cannot be read (${code ?? (e as Error).message})`,
    );
  }
  const result = importDocument(text);
  if (!result.ok) {
    const lines = result.problems.map((p) => `  ${formatProblem(p)}`);
    throw new InputError(`${source} is not a valid Neurograph document:\n${lines.join('\n')}`);
  }
  for (const w of result.warnings) process.stderr.write(`warning: ${source}: ${formatProblem(w)}\n`);
  return result.document;
}

export function exampleDocument(name: string): NeurographDocument {
  const example = findExample(name);
  if (!example) {
    throw new InputError(
      `unknown example "${name}"; the examples are: ${EXAMPLES.map((e) => e.id).join(', ')}`,
    );
  }
  return example.build();
}
