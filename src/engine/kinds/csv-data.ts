/**
 * The CSV data node: a person's own table, kept inside the document (at most 1 MB of text). Like
 * the built-in Dataset it offers each chosen feature column on its own scalar port (named by the
 * column), all of them as the `features` vector, and the `target`. Which columns are features,
 * which is the target and whether the task is classification or regression are parameters; the
 * rows are read and checked when the graph compiles, and a bad row is reported with its line.
 */
import {
  buildCsvTable,
  type CsvSelection,
  type CsvTask,
  csvSupport,
  csvTargetWidth,
  MAX_CSV_CHARS,
} from '../datasets/csv';
import { defineKind } from '../kind';
import { bool, choice, type ParamValues, strings, text } from '../params';
import { dataSourceCode, dataSourcePorts, dataSourceShape, splitOptions, splitParams } from './data-source';

export const CSV_KIND_ID = 'dataset.csv';

const csvParams = {
  csv: text('CSV', '', {
    maxLength: MAX_CSV_CHARS,
    contents: true,
    help: 'The CSV file itself, kept inside the network’s document (at most 1 MB). Use “Load CSV…” to choose a file.',
  }),
  features: strings('Feature columns', {
    help: 'The columns the network sees, one port each, in this order. Each must hold numbers.',
  }),
  target: text('Target column', '', {
    maxLength: 200,
    help: 'The column the network learns to predict.',
  }),
  task: choice(
    'Task',
    'classification' as CsvTask,
    [
      { value: 'classification', label: 'Classification' },
      { value: 'regression', label: 'Regression' },
    ],
    {
      key: true,
      help: 'Classification: each distinct target value is a class (two classes give a 0/1 target, more a one-hot vector). Regression: the target is a number.',
    },
  ),
  standardize: bool('Standardize features', true, {
    help: 'Shift and scale each feature to mean 0 and standard deviation 1 (measured on the training rows): networks learn far better from such inputs.',
  }),
  skipBadRows: bool('Skip bad rows', false, {
    help: 'Leave out the rows that cannot be read (listed with their line numbers) instead of refusing to train.',
  }),
  ...splitParams,
};

export type CsvDataParams = ParamValues<typeof csvParams>;

const selectionOf = (p: CsvDataParams): CsvSelection => ({
  features: p.features,
  target: p.target,
  task: p.task,
});

export const csvDataKind = defineKind({
  id: CSV_KIND_ID,
  family: 'data',
  role: 'data',
  label: 'CSV data',
  description:
    'Your own table from a CSV file (up to 1 MB, kept in the document). Choose the feature columns and the target; each feature gets its own port, “features” carries them all as a vector.',
  icon: 'CSV',
  params: csvParams,
  requires: [csvSupport],
  ports: (p: CsvDataParams) => dataSourcePorts(p.features),
  data: (p: CsvDataParams) =>
    buildCsvTable(p.csv, {
      ...selectionOf(p),
      standardize: p.standardize,
      skipBadRows: p.skipBadRows,
      ...splitOptions(p),
    }),
  shape: (ctx) =>
    dataSourceShape(ctx.params.features.length, csvTargetWidth(ctx.params.csv, selectionOf(ctx.params))),
  ...dataSourceCode,
});
