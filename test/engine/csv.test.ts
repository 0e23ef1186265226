import { describe, expect, it } from 'vitest';
import { compile } from '../../src/engine/compiler/compile';
import {
  buildCsvTable,
  type CsvDataOptions,
  CsvError,
  csvProblemMessage,
  describeColumns,
  formatIssue,
  MAX_CSV_CHARS,
  parseCell,
  parseCsv,
  readCsv,
  suggestSelection,
} from '../../src/engine/datasets/csv';
import { getKind } from '../../src/engine/registry';
import { GraphBuilder } from './graph-builder';

const rowsOf = (text: string) => parseCsv(text).rows.map((r) => [r.line, ...r.cells]);
const issuesOf = (text: string) => parseCsv(text).issues.map(formatIssue);

function options(extra: Partial<CsvDataOptions> = {}): CsvDataOptions {
  return {
    features: ['a', 'b'],
    target: 'label',
    task: 'classification',
    standardize: false,
    skipBadRows: false,
    seed: 1,
    testFraction: 0,
    batchSize: 4,
    shuffle: false,
    ...extra,
  };
}

describe('parsing', () => {
  it('reads a header and rows, each with the line it starts on', () => {
    const p = parseCsv('a,b,label\n1,2,yes\n3,4,no\n');
    expect(p.header).toEqual(['a', 'b', 'label']);
    expect(p.headerLine).toBe(1);
    expect(rowsOf('a,b,label\n1,2,yes\n3,4,no\n')).toEqual([
      [2, '1', '2', 'yes'],
      [3, '3', '4', 'no'],
    ]);
    expect(p.delimiter).toBe(',');
    expect(p.issues).toEqual([]);
  });

  it('quoted fields: commas, doubled quotes and line breaks inside; later line numbers stay right', () => {
    const text = 'name,x,label\n"Smith, J.",1,"said ""hi"""\n"two\nlines",2,b\nlast,3,c\n';
    expect(rowsOf(text)).toEqual([
      [2, 'Smith, J.', '1', 'said "hi"'],
      [3, 'two\nlines', '2', 'b'],
      [5, 'last', '3', 'c'],
    ]);
  });

  it('CRLF and old-Mac CR line endings, and no final line break', () => {
    expect(rowsOf('a,b\r\n1,2\r\n3,4')).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ]);
    expect(rowsOf('a,b\r1,2\r3,4\r')).toEqual([
      [2, '1', '2'],
      [3, '3', '4'],
    ]);
  });

  it('a byte-order mark is not part of the first column’s name', () => {
    expect(parseCsv('\uFEFFa,b\n1,2\n').header).toEqual(['a', 'b']);
  });

  it('skips blank lines but counts them', () => {
    expect(rowsOf('\na,b\n\n1,2\n   \n3,4\n\n')).toEqual([
      [4, '1', '2'],
      [6, '3', '4'],
    ]);
    expect(parseCsv('\na,b\n1,2').headerLine).toBe(2);
  });

  it('semicolon- and tab-separated files, with decimal commas', () => {
    const p = parseCsv('a;b;label\n1,5;2;x\n-0,25;3;y\n');
    expect(p.delimiter).toBe(';');
    expect(p.rows[0].cells).toEqual(['1,5', '2', 'x']);
    expect(parseCell('1,5', ';')).toBe(1.5);
    expect(parseCell('-0,25', ';')).toBe(-0.25);
    expect(parseCell('1,5', ',')).toBeNull();
    expect(parseCsv('a\tb\n1\t2\n').delimiter).toBe('\t');
  });

  it('numbers as people write them, and what is not a number', () => {
    for (const [s, v] of [
      ['1', 1],
      [' -2.5 ', -2.5],
      ['+3', 3],
      ['.5', 0.5],
      ['5.', 5],
      ['1e-3', 0.001],
      ['2E+2', 200],
    ] as const) {
      expect(parseCell(s)).toBe(v);
    }
    for (const s of ['', 'abc', '0x10', 'Infinity', 'NaN', '1 2', '1.2.3', '--1'])
      expect(parseCell(s)).toBeNull();
  });

  it('rows with the wrong number of fields are reported by line; trailing empty fields are fine', () => {
    const text = 'a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,,\n';
    expect(issuesOf(text)).toEqual([
      'line 3: 2 fields where the header has 3',
      'line 4: 4 fields where the header has 3',
    ]);
    expect(rowsOf(text).map((r) => r[0])).toEqual([2, 5]);
  });

  it('a broken quote is reported on the line where the row starts', () => {
    expect(issuesOf('a,b\n1,2\n"x"y,2\n')).toEqual([
      'line 3: has a quoted field with text after its closing quote (write "" for a quote inside quotes)',
    ]);
    const open = issuesOf('a,b\n1,2\n3,"never closed\n5,6\n');
    expect(open).toHaveLength(1);
    expect(open[0]).toMatch(/^line 3: has a quote \(“?"?\)?.*never closed/);
  });

  it('names unnamed and repeated columns, and says so', () => {
    const p = parseCsv('x,,x,x\n1,2,3,4\n');
    expect(p.header).toEqual(['x', 'column 2', 'x (2)', 'x (3)']);
    expect(p.notes).toHaveLength(3);
  });

  it('refuses an empty text and one over 1 MB, saying the limit', () => {
    expect(() => parseCsv('')).toThrow(CsvError);
    expect(() => parseCsv(' \n\n')).toThrow('the CSV is empty');
    const row = '123456789.123456789,987654321.987654321\n';
    const big = `a,b\n${row.repeat(Math.ceil(MAX_CSV_CHARS / row.length))}`;
    expect(big.length).toBeGreaterThan(MAX_CSV_CHARS);
    expect(() => parseCsv(big)).toThrow(/^the CSV is 1\.0 MB; the limit is 1 MB \(1,000,000 characters\)$/);
    // Just under the limit is fine.
    const under = big.slice(0, big.lastIndexOf('\n', MAX_CSV_CHARS) + 1);
    expect(parseCsv(under).rows.length).toBe(under.split('\n').length - 2);
  });

  it('refuses more rows than the engine takes', () => {
    expect(() => parseCsv(`a\n${'1\n'.repeat(100_001)}`)).toThrow(/rows; the limit is 100,000/);
  });
});

describe('columns', () => {
  const text = 'id,a,b,kind,label\nr1,1,2,x,0\nr2,3,,y,1\nr3,5,6,z,1\n';

  it('describes what each column holds', () => {
    const cols = describeColumns(parseCsv(text));
    expect(cols.map((c) => [c.name, c.numeric, c.nonNumeric, c.empty, c.distinct])).toEqual([
      ['id', false, 3, 0, 3],
      ['a', true, 0, 0, 3],
      ['b', true, 0, 1, 2],
      ['kind', false, 3, 0, 3],
      ['label', true, 0, 0, 2],
    ]);
    expect(cols[0].firstNonNumeric).toEqual({ line: 2, text: 'r1' });
  });

  it('suggests the last column as target, the other numeric ones as features', () => {
    expect(suggestSelection(parseCsv(text))).toEqual({
      features: ['a', 'b'],
      target: 'label',
      task: 'classification',
    });
    const many = `x,y\n${Array.from({ length: 30 }, (_, i) => `${i},${i * 1.5}`).join('\n')}`;
    expect(suggestSelection(parseCsv(many)).task).toBe('regression');
  });
});

describe('reading rows with chosen columns', () => {
  it('two classes give a 0/1 target, in sorted order', () => {
    const r = readCsv('a,b,label\n1,2,yes\n3,4,no\n5,6,yes\n', options());
    expect(r.errors).toEqual([]);
    expect(r.task).toBe('binary');
    expect(r.nTargets).toBe(1);
    expect(r.classNames).toEqual(['no', 'yes']);
    expect(r.classCounts).toEqual([1, 2]);
    expect(Array.from(r.examples.y)).toEqual([1, 0, 1]);
    expect(Array.from(r.examples.x)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('numeric classes keep their order and meaning: 0 is class 0; "1" and "1.0" are one class', () => {
    const r = readCsv('a,b,label\n1,2,1\n3,4,0\n5,6,1.0\n', options());
    expect(r.classNames).toEqual(['0', '1']);
    expect(Array.from(r.examples.y)).toEqual([1, 0, 1]);
  });

  it('more than two classes give a one-hot target with class names', () => {
    const r = readCsv('a,b,label\n1,2,setosa\n3,4,virginica\n5,6,versicolor\n7,8,setosa\n', options());
    expect(r.task).toBe('multiclass');
    expect(r.nTargets).toBe(3);
    expect(r.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(Array.from(r.examples.y)).toEqual([1, 0, 0, 0, 0, 1, 0, 1, 0, 1, 0, 0]);
  });

  it('regression: the target as a number', () => {
    const r = readCsv('a,b,price\n1,2,10.5\n3,4,-2\n', options({ target: 'price', task: 'regression' }));
    expect(r.task).toBe('regression');
    expect(Array.from(r.examples.y)).toEqual([10.5, -2]);
    expect(r.classNames).toBeNull();
  });

  it('bad rows for these columns, each with its line number, sorted', () => {
    const text = [
      'a,b,note,label',
      '1,2,fine,yes',
      '1,abc,fine,no',
      '1,2,fine',
      '1,,fine,no',
      '"1",2,"multi',
      'line",yes',
      '3,4,x,no',
      '5,6,y,',
    ].join('\n');
    const r = readCsv(text, options());
    expect(r.badRows.map(formatIssue)).toEqual([
      'line 3: “abc” in the feature column “b” is not a number',
      'line 4: 3 fields where the header has 4',
      'line 5: the feature “b” is empty',
      'line 9: the target “label” is empty',
    ]);
    expect(r.examples.count).toBe(3);
    // The row spanning lines 6-7 has a text column with a line break: it is fine.
    expect(readCsv(text, options({ features: ['a'] })).badRows.map((i) => i.line)).toEqual([4, 9]);
  });

  it('regression refuses a target that is not a number', () => {
    const r = readCsv('a,b,y\n1,2,3\n1,2,n/a\n', options({ target: 'y', task: 'regression' }));
    expect(r.badRows.map(formatIssue)).toEqual([
      'line 3: the target “y” is “n/a”, not a number (regression needs numbers)',
    ]);
  });

  it('a number beyond the largest double (1e400 reads as Infinity) is a bad row with its line, like "NaN"', () => {
    const text = 'a,b,label\n1,2,x\n1e400,2,y\n3,-1e309,x\n4,5,y\n';
    const r = readCsv(text, options());
    expect(r.badRows.map(formatIssue)).toEqual([
      'line 3: “1e400” in the feature column “a” is too large to compute with (the largest number is about 1.8e308)',
      'line 4: “-1e309” in the feature column “b” is too large to compute with (the largest number is about 1.8e308)',
    ]);
    expect(r.examples.count).toBe(2);
    expect(csvProblemMessage(r, false)).toMatch(/^CSV line 3: .*1 more bad row: line 4\./);
    const regression = readCsv('a,b,y\n1,2,3\n1,2,1e999\n', options({ target: 'y', task: 'regression' }));
    expect(regression.badRows.map(formatIssue)).toEqual([
      'line 3: the target “y” is “1e999”, which is too large to compute with (the largest number is about 1.8e308)',
    ]);
    // Used rows hold only finite numbers.
    expect(Array.from(regression.examples.x).every(Number.isFinite)).toBe(true);
  });

  it('a CSV with only a header says it has no rows, not that every row has a problem', () => {
    for (const text of ['a,b,label', 'a,b,label\n', '\n\na,b,label\n\n']) {
      const r = readCsv(text, options());
      expect(r.errors).toEqual([
        `the CSV has a header (line ${text.startsWith('\n') ? 3 : 1}) but no rows of data below it`,
      ]);
      expect(r.badRowCount).toBe(0);
    }
  });

  it('problems with the choice of columns', () => {
    const text = 'a,b,label\n1,2,x\n3,4,y\n';
    expect(readCsv(text, options({ features: [] })).errors).toEqual(['choose at least one feature column']);
    expect(readCsv(text, options({ features: ['a', 'zz'] })).errors).toEqual([
      'there is no column “zz” in the CSV (its columns are “a”, “b”, “label”)',
    ]);
    expect(readCsv(text, options({ features: ['a', 'a'] })).errors).toEqual([
      'the column “a” is chosen twice as a feature',
    ]);
    expect(readCsv(text, options({ target: '' })).errors[0]).toMatch(/^choose the target column/);
    expect(readCsv(text, options({ features: ['a', 'label'] })).errors[0]).toMatch(
      /^“label” is both a feature and the target/,
    );
    expect(readCsv('a,b,label\n1,2,x\n3,4,x\n', options()).errors).toEqual([
      'the target “label” has a single value (“x”): classification needs at least two classes',
    ]);
    const many = `a,b,label\n${Array.from({ length: 60 }, (_, i) => `1,2,${i}`).join('\n')}`;
    expect(readCsv(many, options()).errors[0]).toMatch(/more than 50 different values.*“Regression”$/);
    expect(readCsv('', options()).errors[0]).toMatch(/^no CSV loaded yet/);
  });
});

describe('the data table', () => {
  const text = `x1,x2,label\n${Array.from({ length: 50 }, (_, i) => `${i},${100 - 2 * i},${i % 3 === 0 ? 'a' : 'b'}`).join('\n')}\n`;

  it('splits with the seed, reproducibly', () => {
    const o = options({ features: ['x1', 'x2'], testFraction: 0.2, seed: 4 });
    const t = buildCsvTable(text, o);
    expect(t.train.count).toBe(40);
    expect(t.test.count).toBe(10);
    expect(t.featureNames).toEqual(['x1', 'x2']);
    expect(t.task).toBe('binary');
    expect(t.batchSize).toBe(4);
    const again = buildCsvTable(text, o);
    expect(Array.from(again.train.x)).toEqual(Array.from(t.train.x));
    const other = buildCsvTable(text, { ...o, seed: 5 });
    expect(Array.from(other.train.x)).not.toEqual(Array.from(t.train.x));
  });

  it('standardizes features with the training split’s mean and std', () => {
    const t = buildCsvTable(text, options({ features: ['x1', 'x2'], testFraction: 0.2, standardize: true }));
    for (let j = 0; j < 2; j++) {
      const col = Array.from({ length: t.train.count }, (_, i) => t.train.x[i * 2 + j]);
      const mean = col.reduce((a, b) => a + b, 0) / col.length;
      const std = Math.sqrt(col.reduce((a, b) => a + (b - mean) ** 2, 0) / col.length);
      expect(mean).toBeCloseTo(0, 12);
      expect(std).toBeCloseTo(1, 12);
    }
    // A constant column is centred, not divided by zero.
    const flat = buildCsvTable('a,b,label\n1,5,x\n2,5,y\n', options({ standardize: true }));
    expect(Array.from(flat.train.x)).toEqual([-1, 0, 1, 0]);
  });

  it('refuses bad rows with their line numbers, or leaves them out when asked', () => {
    const bad = 'a,b,label\n1,2,x\n1,two,y\n3,4,y\n5,6\n7,8,x\n1,?,x\n1,?,x\n1,?,x\n1,?,x\n1,?,x\n';
    expect(() => buildCsvTable(bad, options())).toThrow(
      'CSV line 3: “two” in the feature column “b” is not a number. 6 more bad rows: lines 5, 7, 8, 9, 10, …. Fix the file, leave that column out, or turn on “Skip bad rows”.',
    );
    const t = buildCsvTable(bad, options({ skipBadRows: true }));
    expect(t.train.count).toBe(3);
    expect(csvProblemMessage(readCsv(bad, options()), true)).toBeNull();
  });

  it('one bad row reads naturally', () => {
    expect(() => buildCsvTable('a,b,label\n1,2,x\n3,4,y\n1,2\n', options())).toThrow(
      /^CSV line 4: 2 fields where the header has 3\. Fix the file/,
    );
  });
});

describe('the CSV data node', () => {
  const csv = 'a,b,note,label\n0,0,p,no\n0,1,q,yes\n1,0,r,yes\n1,1,s,no\n2,2,t,no\n';

  function graph(params: Record<string, unknown>) {
    const g = new GraphBuilder();
    const d = g.node('dataset.csv', {
      csv,
      features: ['a', 'b'],
      target: 'label',
      testFraction: 0,
      ...params,
    });
    const y = g.chain('neuron', { activation: 'sigmoid' }, [d, 'x0'], [d, 'x1']);
    const l = g.loss('loss.bce', y, [d, 'target']);
    g.edge([l, 'loss'], [g.node('opt.sgd'), 'loss']);
    return g.graph();
  }

  it('names its feature ports after the chosen columns', () => {
    const kind = getKind('dataset.csv')!;
    expect(kind.role).toBe('data');
    expect(kind.family).toBe('data');
    const ports = kind.ports({ ...kind.params, features: ['height', 'weight'] } as never);
    expect(ports.outputs.map((p) => [p.id, p.label, p.type])).toEqual([
      ['x0', 'height', 'scalar'],
      ['x1', 'weight', 'scalar'],
      ['features', 'features', 'vector'],
      ['target', 'target', 'target'],
    ]);
  });

  it('compiles to a plan carrying the table', () => {
    const { plan, diagnostics } = compile(graph({}));
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(plan?.data?.table.train.count).toBe(5);
    expect(plan?.data?.table.featureNames).toEqual(['a', 'b']);
  });

  it('a bad row is the node’s diagnostic, with its line number', () => {
    const { plan, diagnostics } = compile(graph({ features: ['a', 'note'] }));
    expect(plan).toBeNull();
    const d = diagnostics.find((x) => x.nodeId === 'n1');
    expect(d?.message).toBe(
      'Dataset “n1”: No row can be used: every row has a problem, e.g. line 2: “p” in the feature column “note” is not a number.',
    );
    const one = compile(graph({ csv: `${csv}1,x,u,no\n` })).diagnostics.find((x) => x.nodeId === 'n1');
    expect(one?.message).toBe(
      'Dataset “n1”: CSV line 7: “x” in the feature column “b” is not a number. Fix the file, leave that column out, or turn on “Skip bad rows”.',
    );
  });

  it('reads rows as pictures given a width × height that fits the feature columns', () => {
    // Two 2 × 2 pictures per class: the four pixel columns, row by row.
    const pictures = 'p0,p1,p2,p3,label\n1,0,0,1,x\n0,1,1,0,o\n1,0,0,1,x\n0,1,1,0,o\n';
    const g = new GraphBuilder();
    const d = g.node('dataset.csv', {
      csv: pictures,
      features: ['p0', 'p1', 'p2', 'p3'],
      target: 'label',
      testFraction: 0,
      standardize: false,
      imageWidth: 2,
      imageHeight: 2,
    });
    const y = g.chain('dense', { units: 1, activation: 'sigmoid' }, [d, 'features']);
    g.edge([g.loss('loss.bce', y, [d, 'target']), 'loss'], [g.node('opt.sgd'), 'loss']);
    const { plan, diagnostics } = compile(g.graph());
    expect(diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(plan!.data!.table.image).toEqual({ width: 2, height: 2 });
    // A picture offers its pixels as one vector, not a port each.
    expect(plan!.nodes.get(d)!.ports.outputs.map((p) => p.id)).toEqual(['features', 'target']);

    const wrong = new GraphBuilder();
    wrong.node('dataset.csv', {
      csv: pictures,
      features: ['p0', 'p1', 'p2', 'p3'],
      target: 'label',
      imageWidth: 3,
      imageHeight: 2,
    });
    expect(compile(wrong.graph()).diagnostics.map((x) => x.message)).toContain(
      'CSV data “n1”: a 3 × 2 picture has 6 pixels, but 4 feature columns are chosen; choose one column per pixel, row by row.',
    );
  });

  it('a fresh node says what to do', () => {
    const g = new GraphBuilder();
    g.node('dataset.csv');
    const d = compile(g.graph()).diagnostics.find((x) => x.nodeId === 'n1');
    expect(d?.message).toMatch(/No CSV loaded yet: choose “Load CSV…”/);
  });

  it('the target port is one-hot wide for more than two classes', () => {
    const g = new GraphBuilder();
    const d = g.node('dataset.csv', {
      csv: 'a,label\n1,x\n2,y\n3,z\n',
      features: ['a'],
      target: 'label',
      testFraction: 0,
    });
    const logits = g.chain('dense', { units: 3, activation: 'linear' }, [d, 'features']);
    const l = g.loss('loss.cce', logits, [d, 'target'], { input: 'logits' });
    g.edge([l, 'loss'], [g.node('opt.sgd'), 'loss']);
    const { plan, diagnostics } = compile(g.graph());
    expect(diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
    expect(plan?.data?.table.nTargets).toBe(3);
    expect(plan?.data?.target.width).toBe(3);
  });
});
