/**
 * The CSV reader proper: papaparse and every rule that turns text into rows, rows into examples and
 * examples into a split DataTable (see csv.ts for the file's limits and its promises to the learner).
 * A chunk of its own, loaded on first use through `csvSupport`: callers go through csv.ts.
 */
import Papa from 'papaparse';
import { rngFor } from '../rng';
import {
  type CsvColumn,
  type CsvDataOptions,
  CsvError,
  type CsvIssue,
  type CsvReading,
  type CsvRow,
  type CsvSelection,
  type CsvTask,
  csvProblemMessage,
  emptyReading,
  formatIssue,
  formatSize,
  MAX_CLASSES,
  MAX_CSV_CHARS,
  MAX_CSV_COLUMNS,
  MAX_CSV_ROWS,
  NO_CSV_YET,
  type ParsedCsv,
  parseCell,
} from './csv';
import { splitExamples, trainCount } from './split';
import type { DataTable, Split } from './table';

/** How many bad rows a reading keeps (the count is still exact). */
const MAX_LISTED = 200;

const parsedCache = new Map<string, ParsedCsv | CsvError>();

/** Parses (memoized on the text: the compiler asks again at every edit). Throws CsvError. */
export function parseCsv(text: string): ParsedCsv {
  let result = parsedCache.get(text);
  if (!result) {
    try {
      result = parseUncached(text);
    } catch (e) {
      if (!(e instanceof CsvError)) throw e;
      result = e;
    }
    remember(parsedCache, text, result, 3);
  }
  if (result instanceof CsvError) throw result;
  return result;
}

function remember<K, V>(cache: Map<K, V>, key: K, value: V, size: number): void {
  cache.set(key, value);
  while (cache.size > size) cache.delete(cache.keys().next().value as K);
}

function parseUncached(input: string): ParsedCsv {
  if (input.length > MAX_CSV_CHARS) {
    throw new CsvError(
      `the CSV is ${formatSize(input.length)}; the limit is 1 MB (${MAX_CSV_CHARS.toLocaleString('en')} characters)`,
    );
  }
  // A byte-order mark (Excel's "CSV UTF-8") is not part of the first column's name.
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  if (text.trim() === '') throw new CsvError('the CSV is empty');

  const records: { line: number; lastLine: number; cells: string[]; quoteError?: string }[] = [];
  let pos = 0;
  let line = 1;
  let newline = '\n';
  let tooMany = false;
  const delimiter = guessDelimiter(text);
  Papa.parse<string[]>(text, {
    delimiter,
    // Blank lines come through as rows so that line numbers can be counted; they are dropped below.
    skipEmptyLines: false,
    step(result, parser) {
      newline = result.meta.linebreak === '\r' ? '\r' : '\n';
      const start = pos;
      const end = result.meta.cursor;
      let inside = 0;
      // Line breaks inside the row (quoted fields), not the one that ends it.
      const body = text.slice(start, end).replace(/(\r\n|\r|\n)$/, '');
      for (let i = 0; i < body.length; i++) if (body[i] === newline) inside++;
      const quote = result.errors.find((e) => e.type === 'Quotes');
      records.push({
        line,
        lastLine: line + inside,
        cells: result.data,
        quoteError: quote ? quoteMessage(quote.code) : undefined,
      });
      for (let i = start; i < end; i++) if (text[i] === newline) line++;
      pos = end;
      // Blank lines are not rows: some slack before giving up.
      if (records.length > MAX_CSV_ROWS + 1000) {
        tooMany = true;
        parser.abort();
      }
    },
  });

  const nonBlank = records.filter((r) => !(r.cells.length === 1 && r.cells[0].trim() === ''));
  if (nonBlank.length === 0) throw new CsvError('the CSV is empty');
  const [head, ...body] = nonBlank;
  if (head.quoteError) throw new CsvError(`line ${head.line}: the header row ${head.quoteError}`);
  if (head.cells.length > MAX_CSV_COLUMNS) {
    throw new CsvError(`the CSV has ${head.cells.length} columns; the limit is ${MAX_CSV_COLUMNS}`);
  }
  if (tooMany || body.length > MAX_CSV_ROWS) {
    throw new CsvError(
      `the CSV has ${tooMany ? 'more than ' : ''}${Math.max(body.length, MAX_CSV_ROWS)} rows; the limit is ${MAX_CSV_ROWS.toLocaleString('en')}`,
    );
  }

  const notes: string[] = [];
  const header = uniqueNames(head.cells, notes);
  const width = header.length;
  const rows: CsvRow[] = [];
  const issues: CsvIssue[] = [];
  for (const r of body) {
    if (r.quoteError) {
      const span = r.lastLine > r.line ? ` (it runs on to line ${r.lastLine})` : '';
      issues.push({ line: r.line, message: `${r.quoteError}${span}` });
      continue;
    }
    let cells = r.cells;
    // Trailing empty fields ("1,2,3,,") are a spreadsheet's habit, not a problem.
    while (cells.length > width && cells[cells.length - 1].trim() === '') cells = cells.slice(0, -1);
    if (cells.length !== width) {
      issues.push({
        line: r.line,
        message: `${cells.length} field${cells.length === 1 ? '' : 's'} where the header has ${width}`,
      });
      continue;
    }
    rows.push({ line: r.line, cells });
  }
  return { header, headerLine: head.line, rows, issues, delimiter, notes };
}

/**
 * Papaparse's guess, made on the first rows without blank lines: a blank line (even the one after
 * the last line break) would count as a one-field row and defeat the guess for tabs and semicolons.
 */
function guessDelimiter(text: string): string {
  const sample = text.slice(0, 65_536);
  return Papa.parse<string[]>(sample, { preview: 20, skipEmptyLines: 'greedy' }).meta.delimiter || ',';
}

function quoteMessage(code: string): string {
  return code === 'MissingQuotes'
    ? 'has a quote (") that is never closed'
    : 'has a quoted field with text after its closing quote (write "" for a quote inside quotes)';
}

function uniqueNames(cells: string[], notes: string[]): string[] {
  const seen = new Set<string>();
  return cells.map((raw, i) => {
    let name = raw.trim();
    if (name === '') {
      name = `column ${i + 1}`;
      notes.push(`column ${i + 1} has no name in the header; it is called “${name}”`);
    }
    if (seen.has(name)) {
      let k = 2;
      while (seen.has(`${name} (${k})`)) k++;
      notes.push(`two columns are called “${name}”; column ${i + 1} is called “${name} (${k})”`);
      name = `${name} (${k})`;
    }
    seen.add(name);
    return name;
  });
}

/** What each column holds, for choosing features and the target. */
export function describeColumns(parsed: ParsedCsv): CsvColumn[] {
  return parsed.header.map((name, c) => {
    let nonNumeric = 0;
    let empty = 0;
    let firstNonNumeric: CsvColumn['firstNonNumeric'];
    const values = new Set<string>();
    for (const row of parsed.rows) {
      const cell = row.cells[c].trim();
      if (cell === '') {
        empty++;
        continue;
      }
      if (values.size <= MAX_CLASSES) values.add(cell);
      if (parseCell(cell, parsed.delimiter) === null) {
        nonNumeric++;
        firstNonNumeric ??= { line: row.line, text: cell };
      }
    }
    const numbers = parsed.rows.length - empty - nonNumeric;
    const numeric = nonNumeric === 0 && numbers > 0;
    return { name, numeric, numbers, nonNumeric, firstNonNumeric, empty, distinct: values.size };
  });
}

/**
 * A first choice for a freshly loaded file: the last column is the target; the other numeric
 * columns are the features; few distinct target values (or text) mean classification.
 */
export function suggestSelection(parsed: ParsedCsv): CsvSelection {
  const columns = describeColumns(parsed);
  const target = columns[columns.length - 1];
  const features = columns.filter((c) => c !== target && c.numeric).map((c) => c.name);
  const task: CsvTask = !target.numeric || target.distinct <= 10 ? 'classification' : 'regression';
  return { features, target: target.name, task };
}

const readingCache = new Map<string, { text: string; reading: CsvReading }>();

/** Reads the rows for a selection; never throws (problems are in `errors` and `badRows`). */
export function readCsv(text: string, selection: CsvSelection): CsvReading {
  const key = JSON.stringify([selection.features, selection.target, selection.task, text.length]);
  const hit = readingCache.get(key);
  if (hit && hit.text === text) return hit.reading;
  const reading = readUncached(text, selection);
  remember(readingCache, key, { text, reading }, 8);
  return reading;
}

function readUncached(text: string, sel: CsvSelection): CsvReading {
  if (text.trim() === '') {
    return emptyReading([NO_CSV_YET]);
  }
  let parsed: ParsedCsv;
  try {
    parsed = parseCsv(text);
  } catch (e) {
    return emptyReading([(e as Error).message]);
  }
  const errors: string[] = [];
  const columnIndex = new Map(parsed.header.map((name, i) => [name, i]));
  const known = () => parsed.header.map((h) => `“${h}”`).join(', ');
  if (sel.features.length === 0) errors.push('choose at least one feature column');
  const seen = new Set<string>();
  for (const f of sel.features) {
    if (!columnIndex.has(f)) errors.push(`there is no column “${f}” in the CSV (its columns are ${known()})`);
    else if (seen.has(f)) errors.push(`the column “${f}” is chosen twice as a feature`);
    seen.add(f);
  }
  if (sel.target === '') errors.push('choose the target column: the value the network learns to predict');
  else if (!columnIndex.has(sel.target)) {
    errors.push(`there is no target column “${sel.target}” in the CSV (its columns are ${known()})`);
  } else if (seen.has(sel.target)) {
    errors.push(
      `“${sel.target}” is both a feature and the target: a network shown the answer learns nothing; leave it out of the features`,
    );
  }
  const classification = sel.task === 'classification';
  if (errors.length > 0) return emptyReading(errors, classification ? 'binary' : 'regression');

  const fcols = sel.features.map((f) => columnIndex.get(f)!);
  const tcol = columnIndex.get(sel.target)!;
  const d = fcols.length;
  if (parsed.rows.length === 0 && parsed.issues.length === 0) {
    return emptyReading(
      [`the CSV has a header (line ${parsed.headerLine}) but no rows of data below it`],
      classification ? 'binary' : 'regression',
      d,
    );
  }
  const issues: CsvIssue[] = [...parsed.issues];
  const x: number[] = [];
  const targets: string[] = [];
  const numericTargets: number[] = [];
  for (const row of parsed.rows) {
    const problem = rowProblem(row, parsed, sel, fcols, tcol);
    if (problem) {
      issues.push({ line: row.line, message: problem });
      continue;
    }
    for (const c of fcols) x.push(parseCell(row.cells[c], parsed.delimiter)!);
    const t = row.cells[tcol].trim();
    targets.push(t);
    if (!classification) numericTargets.push(parseCell(t, parsed.delimiter)!);
  }
  issues.sort((a, b) => a.line - b.line);
  const count = targets.length;
  const base = {
    badRows: issues.slice(0, MAX_LISTED),
    badRowCount: issues.length,
    nFeatures: d,
  };
  if (count === 0) {
    const first = issues[0] ? `, e.g. ${formatIssue(issues[0])}` : '';
    return {
      ...emptyReading(
        [`no row can be used: every row has a problem${first}`],
        classification ? 'binary' : 'regression',
        d,
      ),
      ...base,
    };
  }

  if (!classification) {
    return {
      ...base,
      errors: [],
      examples: { x: Float64Array.from(x), y: Float64Array.from(numericTargets), count },
      task: 'regression',
      nTargets: 1,
      classNames: null,
      classCounts: null,
    };
  }

  const { names, index } = classesOf(targets, parsed.delimiter);
  if (names.length < 2) {
    return {
      ...emptyReading(
        [
          `the target “${sel.target}” has a single value (“${names[0]}”): classification needs at least two classes`,
        ],
        'binary',
        d,
      ),
      ...base,
    };
  }
  if (names.length > MAX_CLASSES) {
    return {
      ...emptyReading(
        [
          `the target “${sel.target}” has more than ${MAX_CLASSES} different values, too many classes; if it is a quantity, choose the task “Regression”`,
        ],
        'multiclass',
        d,
      ),
      ...base,
    };
  }
  const k = names.length;
  const binary = k === 2;
  const nTargets = binary ? 1 : k;
  const y = new Float64Array(count * nTargets);
  const classCounts = new Array<number>(k).fill(0);
  targets.forEach((t, i) => {
    const c = index(t);
    classCounts[c]++;
    if (binary) y[i] = c;
    else y[i * k + c] = 1;
  });
  return {
    ...base,
    errors: [],
    examples: { x: Float64Array.from(x), y, count },
    task: binary ? 'binary' : 'multiclass',
    nTargets,
    classNames: names,
    classCounts,
  };
}

function rowProblem(
  row: CsvRow,
  parsed: ParsedCsv,
  sel: CsvSelection,
  fcols: number[],
  tcol: number,
): string | null {
  for (const c of fcols) {
    const cell = row.cells[c].trim();
    if (cell === '') return `the feature “${parsed.header[c]}” is empty`;
    const value = parseCell(cell, parsed.delimiter);
    if (value === null)
      return `“${shorten(cell)}” in the feature column “${parsed.header[c]}” is not a number`;
    if (!Number.isFinite(value))
      return `“${shorten(cell)}” in the feature column “${parsed.header[c]}” ${TOO_LARGE}`;
  }
  const t = row.cells[tcol].trim();
  if (t === '') return `the target “${sel.target}” is empty`;
  const target = parseCell(t, parsed.delimiter);
  if (sel.task === 'regression' && target === null) {
    return `the target “${sel.target}” is “${shorten(t)}”, not a number (regression needs numbers)`;
  }
  // A numeric class beyond the largest double would merge with every other such class.
  if (target !== null && !Number.isFinite(target))
    return `the target “${sel.target}” is “${shorten(t)}”, which ${TOO_LARGE}`;
  return null;
}

/** Why "1e400" is refused: it reads as Infinity, and training on it gives NaN at the first step. */
const TOO_LARGE = 'is too large to compute with (the largest number is about 1.8e308)';

const shorten = (s: string) => (s.length > 30 ? `${s.slice(0, 29)}…` : s);

/**
 * The classes in a stable order: by value when all are numbers ("2" and "2.0" are one class),
 * else by text. Binary 0/1 targets keep their meaning: 0 is class 0.
 */
function classesOf(values: string[], delimiter: string): { names: string[]; index(v: string): number } {
  const numbers = values.map((v) => parseCell(v, delimiter));
  if (numbers.every((n) => n !== null)) {
    const distinct = [...new Set(numbers as number[])].sort((a, b) => a - b);
    const at = new Map(distinct.map((v, i) => [v, i]));
    return { names: distinct.map(String), index: (v) => at.get(parseCell(v, delimiter)!)! };
  }
  const distinct = [...new Set(values)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const at = new Map(distinct.map((v, i) => [v, i]));
  return { names: distinct, index: (v) => at.get(v)! };
}

/** The CSV as the engine's DataTable: read, split, standardized. Throws an Error a learner can act on. */
export function buildCsvTable(text: string, o: CsvDataOptions): DataTable {
  const reading = readCsv(text, o);
  const problem = csvProblemMessage(reading, o.skipBadRows);
  if (problem) throw new Error(problem);
  if (!Number.isInteger(o.seed)) throw new Error(`the data seed must be a whole number; got ${o.seed}`);
  if (!(o.testFraction >= 0 && o.testFraction < 1)) {
    throw new Error(`the test fraction must be at least 0 and below 1; got ${o.testFraction}`);
  }
  const count = reading.examples.count;
  if (trainCount(count, o.testFraction) < 1) {
    throw new Error(`a test fraction of ${o.testFraction} leaves no training rows out of ${count}`);
  }
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) {
    throw new Error(`the batch size must be a whole number ≥ 1; got ${o.batchSize}`);
  }
  const d = reading.nFeatures;
  const rng = rngFor(o.seed, 'dataset:csv');
  const { train, test } = splitExamples(reading.examples, d, reading.nTargets, o.testFraction, rng);
  const standardized = o.standardize ? standardize(train, test, d) : undefined;
  const table: DataTable = {
    name: `CSV (target “${o.target}”)`,
    task: reading.task,
    nFeatures: d,
    nTargets: reading.nTargets,
    featureNames: [...o.features],
    train,
    test,
    batchSize: o.batchSize,
    shuffle: o.shuffle,
    ...(standardized ? { standardized } : {}),
  };
  return table;
}

/**
 * Mean 0 and std 1 per feature on the training split; the test split is moved the same way. Returns
 * the shift and scale of each feature, for exports that take raw data.
 */
function standardize(train: Split, test: Split, d: number): { mean: number[]; scale: number[] } {
  const means: number[] = [];
  const scales: number[] = [];
  for (let j = 0; j < d; j++) {
    let sum = 0;
    for (let i = 0; i < train.count; i++) sum += train.x[i * d + j];
    const mean = sum / train.count;
    let sq = 0;
    for (let i = 0; i < train.count; i++) sq += (train.x[i * d + j] - mean) ** 2;
    const std = Math.sqrt(sq / train.count);
    // A constant column is only centred: dividing by 0 would give NaN.
    const scale = std > 1e-12 ? 1 / std : 1;
    for (const s of [train, test]) {
      for (let i = 0; i < s.count; i++) s.x[i * d + j] = (s.x[i * d + j] - mean) * scale;
    }
    means.push(mean);
    scales.push(scale);
  }
  return { mean: means, scale: scales };
}
