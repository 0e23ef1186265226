import { describe, expect, it } from 'vitest';
import type { CsvColumn, CsvSelection } from '../../src/engine/datasets/csv';
import { withFeature, withTarget } from '../../src/ui/csv/csv-selection';

const header = ['a', 'b', 'c', 'label'];
const start: CsvSelection = { features: ['c'], target: 'label', task: 'classification' };

/** A column as describeColumns gives it; only what withTarget reads matters. */
const column = (name: string, numeric: boolean, distinct: number) =>
  ({ name, numeric, distinct }) as unknown as CsvColumn;

describe('the CSV dialog’s column choices', () => {
  it('keeps ticked features in the file’s column order, whatever order they were ticked in', () => {
    const ticked = withFeature(withFeature(start, header, 'b', true), header, 'a', true);
    expect(ticked.features).toEqual(['a', 'b', 'c']);
    expect(withFeature(ticked, header, 'b', false).features).toEqual(['a', 'c']);
    expect(ticked.target).toBe('label');
  });

  it('takes a new target off the features and guesses its task from its values', () => {
    const columns = [column('a', true, 200), column('b', true, 3), column('c', false, 4)];
    const selection: CsvSelection = { features: ['a', 'b', 'c'], target: 'label', task: 'classification' };
    // Many distinct numbers: a quantity to regress.
    expect(withTarget(selection, columns, 'a')).toEqual({
      features: ['b', 'c'],
      target: 'a',
      task: 'regression',
    });
    // Few distinct numbers, or text: classes.
    expect(withTarget(selection, columns, 'b').task).toBe('classification');
    expect(withTarget(selection, columns, 'c').task).toBe('classification');
  });
});
