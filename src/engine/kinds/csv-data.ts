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
import { bool, choice, num, type ParamValues, strings, text } from '../params';
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
  imageWidth: num('Picture width', 0, {
    integer: true,
    min: 0,
    max: 256,
    help: 'When every row is a picture: its width in pixels, the feature columns being its pixels row by row (width × height of them). 0: the rows are not pictures.',
  }),
  imageHeight: num('Picture height', 0, {
    integer: true,
    min: 0,
    max: 256,
    help: 'When every row is a picture: its height in pixels. 0: the rows are not pictures.',
  }),
  skipBadRows: bool('Skip bad rows', false, {
    help: 'Leave out the rows that cannot be read (listed with their line numbers) instead of refusing to train.',
  }),
  ...splitParams,
};

export type CsvDataParams = ParamValues<typeof csvParams>;

/** Whether the rows are pictures: a width and a height are given (validate checks they fit). */
const isPicture = (p: CsvDataParams): boolean => p.imageWidth > 0 || p.imageHeight > 0;

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
  ports: (p: CsvDataParams) => dataSourcePorts(p.features, !isPicture(p)),
  validate(p: CsvDataParams) {
    if (!isPicture(p)) return [];
    const pixels = p.imageWidth * p.imageHeight;
    if (p.imageWidth === 0 || p.imageHeight === 0)
      return ['a picture needs both a width and a height (or set both to 0).'];
    if (pixels !== p.features.length)
      return [
        `a ${p.imageWidth} × ${p.imageHeight} picture has ${pixels} pixels, but ${p.features.length} feature column${p.features.length === 1 ? ' is' : 's are'} chosen; choose one column per pixel, row by row.`,
      ];
    return [];
  },
  data: (p: CsvDataParams) => {
    const table = buildCsvTable(p.csv, {
      ...selectionOf(p),
      standardize: p.standardize,
      skipBadRows: p.skipBadRows,
      ...splitOptions(p),
    });
    return isPicture(p) ? { ...table, image: { width: p.imageWidth, height: p.imageHeight } } : table;
  },
  shape: (ctx) =>
    dataSourceShape(
      ctx.params.features.length,
      csvTargetWidth(ctx.params.csv, selectionOf(ctx.params)),
      !isPicture(ctx.params),
    ),
  ...dataSourceCode,
});
