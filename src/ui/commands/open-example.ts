/**
 * "Open example": one action per built-in example (the engine's EXAMPLES, the gallery's cards), so
 * the Examples menu and the command palette list the same ones; a new example needs nothing here.
 */
import { EXAMPLES, openExample } from '../actions/examples';
import type { Action } from './action';

export const OPEN_EXAMPLES: readonly Action[] = EXAMPLES.map((example) => ({
  id: `example-${example.id}`,
  label: `Open example: ${example.title}`,
  description: example.summary,
  group: 'Document',
  menu: { menu: 'examples', item: example.id, title: example.title },
  run: () => openExample(example),
}));
