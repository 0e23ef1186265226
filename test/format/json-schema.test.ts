import { describe, expect, it, vi } from 'vitest';
import { type AnyKind, defineKind } from '../../src/engine/kind';
import { documentJsonSchema } from '../../src/format/json-schema';

// The registry's kinds are replaced by the ones each test passes in.
vi.mock('../../src/engine/registry', () => ({ getKind: () => undefined, KINDS: [] }));

const kind = (id: string): AnyKind =>
  defineKind({
    id,
    family: 'math',
    role: 'op',
    label: id,
    description: id,
    icon: id,
    params: {},
    ports: () => ({ inputs: [], outputs: [] }),
  });

type Schema = {
  properties: Record<string, Schema>;
  items: Schema;
  required: string[];
  const?: unknown;
  enum?: unknown[];
};

describe('documentJsonSchema', () => {
  it('is plain JSON describing the format tag and the version', () => {
    const schema = documentJsonSchema([]);
    const text = JSON.stringify(schema);
    expect(JSON.parse(text)).toEqual(schema);
    const parsed = JSON.parse(text) as Schema;
    expect(parsed.properties.format.const).toBe('neurograph');
    expect(parsed.properties.version).toMatchObject({ type: 'integer', minimum: 1 });
    expect(parsed.required).toEqual(
      expect.arrayContaining(['format', 'version', 'name', 'seed', 'nodes', 'edges']),
    );
    // params may be left out: every parameter then takes its default.
    expect(parsed.properties.nodes.items.required).toEqual(['id', 'kind', 'position']);
  });

  it("lists the registered kinds as the values of a node's kind", () => {
    const schema = documentJsonSchema([kind('neuron'), kind('loss.mse')]) as unknown as Schema;
    expect(schema.properties.nodes.items.properties.kind.enum).toEqual(['neuron', 'loss.mse']);
    // Only the kind field: ids and ports stay free text.
    expect(schema.properties.nodes.items.properties.id.enum).toBeUndefined();
    expect(schema.properties.edges.items.properties.sourceHandle.enum).toBeUndefined();
  });

  it('leaves the kind open when no kinds are given', () => {
    const schema = documentJsonSchema([]) as unknown as Schema;
    expect(schema.properties.nodes.items.properties.kind.enum).toBeUndefined();
  });

  it('allows $schema, so a file can point an editor at this schema', () => {
    const schema = documentJsonSchema([]) as unknown as Schema;
    expect(schema.properties.$schema).toBeDefined();
  });
});
