import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentJsonSchema } from '../../src/format';

describe('neurograph.schema.json', () => {
  it('is the schema the code describes (regenerate with `npm run schema`)', () => {
    const committed = JSON.parse(readFileSync(join(__dirname, '../../neurograph.schema.json'), 'utf8'));
    expect(committed).toEqual(JSON.parse(JSON.stringify(documentJsonSchema())));
  });
});
