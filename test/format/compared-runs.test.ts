import { describe, expect, it } from 'vitest';
import { findExample } from '../../src/engine';
import { type ComparedRuns, showVariant } from '../../src/engine/compare';
import { CURRENT_VERSION, exportDocument, importDocument, type NeurographDocument } from '../../src/format';

const border = (): NeurographDocument => {
  const g = findExample('border-at-3')!.build();
  return { ...g };
};

const runs: ComparedRuns = {
  steps: 200,
  target: 0.5,
  variants: [
    { name: 'SGD', changes: [] },
    { name: 'Adam', changes: [{ type: 'optimizer', kind: 'opt.adam', params: { beta2: 0.99, beta1: 0.8 } }] },
    { name: 'η = 1e-6', changes: [{ type: 'learningRate', value: 1e-6 }] },
  ],
  shown: { variant: 2, restore: [{ type: 'optimizer', kind: 'opt.sgd', params: { lr: 1e-4 } }] },
};

describe('runs compared in the saved document (format version 2)', () => {
  it('is the version this app writes', () => {
    expect(CURRENT_VERSION).toBe(2);
    expect(JSON.parse(exportDocument(border())).version).toBe(2);
  });

  it('survives export and import as named changes, byte for byte', () => {
    const text = exportDocument({ ...border(), comparison: runs });
    const json = JSON.parse(text);
    expect(json.comparison.variants[1]).toEqual({
      name: 'Adam',
      changes: [{ type: 'optimizer', kind: 'opt.adam', params: { beta1: 0.8, beta2: 0.99 } }],
    });
    // Parameters are written sorted, whatever order they were set in.
    expect(text.indexOf('"beta1"')).toBeLessThan(text.indexOf('"beta2"'));
    const back = importDocument(text);
    expect(back.ok && back.document.comparison).toEqual(runs);
    expect(back.ok && exportDocument(back.document)).toBe(text);
  });

  it('keeps the order seed of a shown variant that changed the seed', () => {
    const shown = showVariant(
      border(),
      { steps: 50, variants: [{ name: 'seed 5', changes: [{ type: 'seed', value: 5 }] }] },
      0,
    );
    const doc: NeurographDocument = { ...shown.graph, name: 'border', comparison: shown.runs };
    expect(doc).toMatchObject({ seed: 5, orderSeed: 1 });
    const text = exportDocument(doc);
    expect(JSON.parse(text)).toMatchObject({ seed: 5, orderSeed: 1 });
    const back = importDocument(text);
    expect(back.ok && back.document).toMatchObject({ seed: 5, orderSeed: 1 });
    // A document that never changed its seed writes none: files from before read the same.
    expect(JSON.parse(exportDocument(border()))).not.toHaveProperty('orderSeed');
  });

  it('opens a version-1 file, saying it was upgraded', () => {
    const v1 = { ...JSON.parse(exportDocument(border())), version: 1 };
    const result = importDocument(JSON.stringify(v1));
    expect(result.ok).toBe(true);
    expect(result.ok && result.document.comparison).toBeUndefined();
    expect(result.warnings).toContainEqual({
      path: 'version',
      message: 'this file was upgraded from version 1 to version 2; saving it writes version 2',
    });
  });

  it('refuses a change that does not fit the network, with its path', () => {
    const bad: ComparedRuns = {
      steps: 10,
      variants: [
        { name: 'ok', changes: [] },
        {
          name: 'tanh',
          changes: [
            { type: 'learningRate', value: 0.1 },
            { type: 'activation', node: 'nowhere', activation: 'tanh' },
          ],
        },
      ],
    };
    const result = importDocument(exportDocument({ ...border(), comparison: bad }));
    expect(result.ok).toBe(false);
    expect(!result.ok && result.problems).toEqual([
      {
        path: 'comparison.variants[1].changes[1]',
        message: 'variant "tanh": change 2 (activation): the network has no neuron or dense layer "nowhere"',
      },
    ]);
  });

  it('refuses a malformed comparison with the path of the field', () => {
    const json = JSON.parse(exportDocument(border()));
    json.comparison = { steps: 0, variants: [{ name: 'x', changes: [{ type: 'momentum' }] }] };
    const result = importDocument(JSON.stringify(json));
    expect(result.ok).toBe(false);
    const paths = result.ok ? [] : result.problems.map((p) => p.path);
    expect(paths).toContain('comparison.steps');
    expect(paths).toContain('comparison.variants[0].changes[0].type');
  });
});
