/**
 * A person's own data: CSV text → checked rows → a split DataTable. Pure and synchronous, so the
 * compiler (on the UI thread and in the training worker) and the CSV dialog share every rule.
 *
 * The text is parsed by papaparse (RFC 4180: quoted fields, "" escapes, line breaks inside
 * quotes, CRLF or LF; the delimiter is guessed among , ; tab |). Every problem is reported with
 * the LINE NUMBER a text editor shows for it (the header is line 1, blank lines count), so a
 * learner can find and fix the row.
 *
 * Limits: MAX_CSV_CHARS characters (1 MB), MAX_EXAMPLES rows, MAX_CSV_COLUMNS columns,
 * MAX_CLASSES classes.
 *
 * This file is what the first page load holds: the types, the limits, the messages, and answers
 * that say "still loading" until the reader has come. The reading itself (csv-reader.ts, with
 * papaparse) is a chunk loaded on first use, like papaparse alone was before (issue #16).
 */
import { lazy } from '../lazy';
import { MAX_EXAMPLES } from './builtin';
import type { DataTable, Split, Task } from './table';

/** 1 MB of text: kept inside the document (and its autosave, and any share link). */
export const MAX_CSV_CHARS = 1_000_000;
export const MAX_CSV_ROWS = MAX_EXAMPLES;
export const MAX_CSV_COLUMNS = 1000;
/** More distinct target values than this is a quantity, not a class. */
export const MAX_CLASSES = 50;

export type CsvTask = 'classification' | 'regression';

/** A problem with one row; `line` is 1-based, as a text editor counts. */
export interface CsvIssue {
  line: number;
  message: string;
}

export interface CsvRow {
  /** The line the row starts on. */
  line: number;
  cells: string[];
}

export interface ParsedCsv {
  /** Column names, trimmed; an empty name becomes "column 3", a repeated one "x (2)". */
  header: string[];
  headerLine: number;
  /** Rows with as many fields as the header (trailing empty fields aside); blank lines are skipped. */
  rows: CsvRow[];
  /** Rows that cannot be read at all (wrong number of fields, broken quotes), by line. */
  issues: CsvIssue[];
  delimiter: string;
  /** Things changed while reading, worth telling (renamed columns). */
  notes: string[];
}

/** The CSV as a whole cannot be used (empty, too large); the message is for the learner. */
export class CsvError extends Error {}

/**
 * The reader (csv-reader.ts and papaparse), loaded on first use (the app's first load leaves it
 * out): whoever reads a CSV — the CSV dialog, the compiled store and the worker for a graph with a
 * CSV node — awaits `csvSupport.load()` first; until then a reading says "still loading".
 */
export const csvSupport = lazy('the CSV reader', () => import('./csv-reader'));

/** Why there is no reading yet: the reader is still loading, or could not be loaded. */
const notLoaded = () => csvSupport.error()?.message ?? 'the CSV reader is still loading';

function reader(): typeof import('./csv-reader') {
  const loaded = csvSupport.current();
  if (!loaded) throw new CsvError(notLoaded());
  return loaded;
}

export const formatIssue = (i: CsvIssue) => `line ${i.line}: ${i.message}`;

/** "12.5 kB", "1.0 MB": sizes said to a learner. */
export function formatSize(chars: number): string {
  if (chars < 1000) return `${chars} characters`;
  if (chars < 1_000_000) return `${(chars / 1000).toFixed(1)} kB`;
  return `${(chars / 1_000_000).toFixed(1)} MB`;
}

/** Parses (memoized on the text: the compiler asks again at every edit). Throws CsvError. */
export const parseCsv = (text: string): ParsedCsv => reader().parseCsv(text);

const NUMBER = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
const DECIMAL_COMMA = /^[+-]?\d*,\d+$/;

/** A cell as a number, or null: "1.5", "-2", "3e-4"; "1,5" when the delimiter is not a comma. */
export function parseCell(cell: string, delimiter = ','): number | null {
  const t = cell.trim();
  if (NUMBER.test(t)) return Number(t);
  if (delimiter !== ',' && DECIMAL_COMMA.test(t)) return Number(t.replace(',', '.'));
  return null;
}

export interface CsvColumn {
  name: string;
  /** Every non-empty cell is a number (and at least one is). */
  numeric: boolean;
  /** Cells that are numbers. */
  numbers: number;
  /** Cells that are not numbers, and the first of them (line and text). */
  nonNumeric: number;
  firstNonNumeric?: { line: number; text: string };
  empty: number;
  /** Distinct non-empty values, counted up to MAX_CLASSES + 1. */
  distinct: number;
}

/** What each column holds, for choosing features and the target. */
export const describeColumns = (parsed: ParsedCsv): CsvColumn[] => reader().describeColumns(parsed);

export interface CsvSelection {
  features: readonly string[];
  target: string;
  task: CsvTask;
}

/**
 * A first choice for a freshly loaded file: the last column is the target; the other numeric
 * columns are the features; few distinct target values (or text) mean classification.
 */
export const suggestSelection = (parsed: ParsedCsv): CsvSelection => reader().suggestSelection(parsed);

/** The rows, read with the chosen columns. */
export interface CsvReading {
  /** Problems with the selection or the file as a whole; nothing can be trained while there are any. */
  errors: string[];
  /** Rows that cannot be used with these columns (at most 200 kept: csv-reader.ts), sorted by line. */
  badRows: CsvIssue[];
  badRowCount: number;
  /** The usable rows (bad rows left out), in file order. */
  examples: Split;
  task: Task;
  nFeatures: number;
  nTargets: number;
  /** Classification: the class names, in the order of their index (class 0 first). */
  classNames: string[] | null;
  /** Usable rows per class (classification). */
  classCounts: number[] | null;
}

export const NO_CSV_YET =
  'no CSV loaded yet: choose “Load CSV…” in the inspector, or drop a .csv file on the canvas';

/** Reads the rows for a selection; never throws (problems are in `errors` and `badRows`). */
export function readCsv(text: string, selection: CsvSelection): CsvReading {
  const loaded = csvSupport.current();
  if (loaded) return loaded.readCsv(text, selection);
  return emptyReading([text.trim() === '' ? NO_CSV_YET : notLoaded()]);
}

export function emptyReading(errors: string[], task: Task = 'binary', nFeatures = 0): CsvReading {
  return {
    errors,
    badRows: [],
    badRowCount: 0,
    examples: { x: new Float64Array(0), y: new Float64Array(0), count: 0 },
    task,
    nFeatures,
    nTargets: 1,
    classNames: null,
    classCounts: null,
  };
}

export interface CsvDataOptions extends CsvSelection {
  /** Shift and scale each feature to mean 0, std 1, measured on the training split. */
  standardize: boolean;
  /** Leave bad rows out instead of refusing to train. */
  skipBadRows: boolean;
  seed: number;
  testFraction: number;
  batchSize: number;
  shuffle: boolean;
}

/** How many bad rows a message lists by line number. */
const LINES_IN_MESSAGE = 5;

/** Why these rows and options cannot be trained on, in one message; null when they can. */
export function csvProblemMessage(reading: CsvReading, skipBadRows: boolean): string | null {
  if (reading.errors.length > 0) {
    const more = reading.errors.length - 1;
    return `${sentence(reading.errors[0])}${more > 0 ? ` (and ${more} more problem${more === 1 ? '' : 's'})` : ''}.`;
  }
  if (reading.badRowCount === 0 || skipBadRows) return null;
  const [first, ...rest] = reading.badRows;
  let message = `CSV ${formatIssue(first)}.`;
  const others = reading.badRowCount - 1;
  if (others > 0) {
    const lines = rest.slice(0, LINES_IN_MESSAGE).map((i) => i.line);
    const etc = others > lines.length ? ', …' : '';
    message += ` ${others} more bad row${others === 1 ? '' : 's'}: line${others === 1 ? '' : 's'} ${lines.join(', ')}${etc}.`;
  }
  return `${message} Fix the file, leave that column out, or turn on “Skip bad rows”.`;
}

const sentence = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The CSV as the engine's DataTable: read, split, standardized. Throws an Error a learner can act on. */
export function buildCsvTable(text: string, o: CsvDataOptions): DataTable {
  const loaded = csvSupport.current();
  if (loaded) return loaded.buildCsvTable(text, o);
  throw new Error(csvProblemMessage(readCsv(text, o), o.skipBadRows) ?? notLoaded());
}

/** The width of the target port for a selection: 1, or the number of classes (more than two). */
export function csvTargetWidth(text: string, selection: CsvSelection): number {
  return readCsv(text, selection).nTargets;
}
