import { useMemo, useState } from 'react';
import {
  type CsvColumn,
  type CsvReading,
  type CsvSelection,
  type CsvTask,
  csvProblemMessage,
  describeColumns,
  formatIssue,
  formatSize,
  type ParsedCsv,
  parseCsv,
  readCsv,
  suggestSelection,
} from '../../engine/datasets/csv';
import { nodeById, nodeSpec, useDocument, useSession } from '../../store';
import { Modal } from '../dialogs/Modal';
import { applyCsv, CSV_KIND_ID, type CsvDestination, otherDataNodes } from './csv-actions';
import './csv.css';

interface Props {
  fileName: string;
  text: string;
  nodeId: string | null;
  at?: { x: number; y: number };
}

const PREVIEW_ROWS = 6;
const LISTED_BAD_ROWS = 50;

const plural = (n: number, word: string) => `${n.toLocaleString('en')} ${word}${n === 1 ? '' : 's'}`;

/** The node's current choices, kept when they still fit the new file (a new version of the same table). */
function initialSettings(parsed: ParsedCsv, nodeId: string | null) {
  const node = nodeId ? nodeById(useDocument.getState().nodes, nodeId) : undefined;
  const values = node && node.kind === CSV_KIND_ID ? nodeSpec(node)?.values : undefined;
  const suggested = suggestSelection(parsed);
  const has = (name: unknown) => typeof name === 'string' && parsed.header.includes(name);
  const features = values?.features as string[] | undefined;
  const keep = values && has(values.target) && features && features.length > 0 && features.every(has);
  return {
    selection: keep
      ? { features: [...features], target: values.target as string, task: values.task as CsvTask }
      : suggested,
    standardize: (values?.standardize as boolean | undefined) ?? true,
    skipBadRows: (values?.skipBadRows as boolean | undefined) ?? false,
  };
}

/** Loading a CSV: a preview, the feature and target columns, the task, and every bad row by line. */
export function CsvDialog({ fileName, text, nodeId, at }: Props) {
  const parsed = useMemo(() => {
    try {
      return { ok: true as const, csv: parseCsv(text) };
    } catch (e) {
      return { ok: false as const, message: (e as Error).message };
    }
  }, [text]);
  const close = () => useSession.getState().closeDialog();
  const title = `CSV data from “${fileName}”`;
  if (!parsed.ok) {
    return (
      <Modal title={title} titleId="csv-title" testId="csv-dialog" className="dialog--csv">
        <p className="csv__error" role="alert" data-testid="csv-file-error">
          This file cannot be used: {parsed.message}.
        </p>
        <div className="dialog__actions">
          <button type="button" className="btn btn--primary" onClick={close}>
            OK
          </button>
        </div>
      </Modal>
    );
  }
  return <CsvForm title={title} fileName={fileName} text={text} parsed={parsed.csv} to={{ nodeId, at }} />;
}

function CsvForm({
  title,
  fileName,
  text,
  parsed,
  to,
}: {
  title: string;
  fileName: string;
  text: string;
  parsed: ParsedCsv;
  to: CsvDestination;
}) {
  const initial = useMemo(() => initialSettings(parsed, to.nodeId), [parsed, to.nodeId]);
  const [selection, setSelection] = useState<CsvSelection>(initial.selection);
  const [standardize, setStandardize] = useState(initial.standardize);
  const [skipBadRows, setSkipBadRows] = useState(initial.skipBadRows);
  // A graph holds one dataset: the one already there is replaced unless the learner says otherwise.
  const others = useMemo(() => otherDataNodes(to.nodeId), [to.nodeId]);
  const [replace, setReplace] = useState(true);
  const columns = useMemo(() => describeColumns(parsed), [parsed]);
  const reading = useMemo(() => readCsv(text, selection), [text, selection]);
  const close = () => useSession.getState().closeDialog();

  const toggleFeature = (name: string, on: boolean) => {
    // Features keep the file's column order: port x0 is the leftmost chosen column.
    const chosen = new Set(selection.features);
    if (on) chosen.add(name);
    else chosen.delete(name);
    setSelection({ ...selection, features: parsed.header.filter((h) => chosen.has(h)) });
  };
  const setTarget = (target: string) => {
    const column = columns.find((c) => c.name === target);
    const task: CsvTask = column?.numeric && column.distinct > 10 ? 'regression' : 'classification';
    setSelection({ features: selection.features.filter((f) => f !== target), target, task });
  };
  const apply = () => {
    close();
    const replaces = replace && others.length === 1 ? others[0].id : undefined;
    applyCsv({ ...to, replaces }, fileName, text, {
      features: [...selection.features],
      target: selection.target,
      task: selection.task,
      standardize,
      skipBadRows,
    });
  };
  const ready = csvProblemMessage(reading, skipBadRows) === null;

  return (
    <Modal title={title} titleId="csv-title" testId="csv-dialog" className="dialog--csv">
      <p className="dialog__lead">
        {plural(parsed.rows.length + parsed.issues.length, 'row')} × {plural(parsed.header.length, 'column')}{' '}
        · {formatSize(text.length)} of at most 1 MB, kept inside the network’s document (and in its share
        links).
      </p>
      {parsed.notes.length > 0 && (
        <ul className="csv__notes">
          {parsed.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      )}
      <div className="csv__preview" data-testid="csv-preview">
        <table>
          <thead>
            <tr>
              <th className="csv__line">line</th>
              {columns.map((c, i) => (
                <th key={c.name} className={columnClass(c.name, selection)}>
                  <label className="csv__pick" title={describeColumn(c)}>
                    <input
                      type="checkbox"
                      checked={selection.features.includes(c.name)}
                      disabled={c.name === selection.target}
                      data-testid={`csv-feature-${i}`}
                      aria-label={`Use “${c.name}” as a feature`}
                      onChange={(e) => toggleFeature(c.name, e.target.checked)}
                    />
                    <span>{c.name}</span>
                  </label>
                  <span className="csv__kind">{c.name === selection.target ? 'target' : shortKind(c)}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {parsed.rows.slice(0, PREVIEW_ROWS).map((row) => (
              <tr key={row.line}>
                <td className="csv__line">{row.line}</td>
                {row.cells.map((cell, i) => (
                  <td key={parsed.header[i]} className={columnClass(parsed.header[i], selection)}>
                    {cell.length > 24 ? `${cell.slice(0, 23)}…` : cell}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="csv__hint">Tick the feature columns: the network sees them, one port each.</p>

      <div className="csv__options">
        <label className="csv__field">
          <span>Target column</span>
          <select
            className="input"
            value={selection.target}
            data-testid="csv-target"
            onChange={(e) => setTarget(e.target.value)}
          >
            {parsed.header.map((h) => (
              <option key={h} value={h}>
                {h}
              </option>
            ))}
          </select>
        </label>
        <label className="csv__field">
          <span>Task</span>
          <select
            className="input"
            value={selection.task}
            data-testid="csv-task"
            onChange={(e) => setSelection({ ...selection, task: e.target.value as CsvTask })}
          >
            <option value="classification">Classification</option>
            <option value="regression">Regression</option>
          </select>
        </label>
        <label className="csv__check">
          <input type="checkbox" checked={standardize} onChange={(e) => setStandardize(e.target.checked)} />
          Standardize features (mean 0, std 1)
        </label>
        <label className="csv__check">
          <input
            type="checkbox"
            checked={skipBadRows}
            data-testid="csv-skip-bad-rows"
            onChange={(e) => setSkipBadRows(e.target.checked)}
          />
          Skip bad rows
        </label>
      </div>

      {others.length === 1 && (
        <label className="csv__check csv__replace">
          <input
            type="checkbox"
            checked={replace}
            data-testid="csv-replace"
            onChange={(e) => setReplace(e.target.checked)}
          />
          <span>
            Use it in place of “{others[0].name}” ({others[0].kind}): its connections move to the CSV node (a
            network takes one dataset).
          </span>
        </label>
      )}

      <Outcome reading={reading} skipBadRows={skipBadRows} target={selection.target} ready={ready} />

      <div className="dialog__actions">
        <button type="button" className="btn btn--outline" onClick={close}>
          Cancel
        </button>
        <button
          type="button"
          className="btn btn--primary"
          data-testid="csv-apply"
          data-autofocus
          onClick={apply}
          title={ready ? undefined : 'The node will show these problems until they are fixed'}
        >
          {to.nodeId ? 'Apply to the node' : 'Create the node'}
        </button>
      </div>
    </Modal>
  );
}

function columnClass(name: string, s: CsvSelection): string {
  if (name === s.target) return 'csv__col--target';
  return s.features.includes(name) ? 'csv__col--feature' : '';
}

function shortKind(c: CsvColumn): string {
  if (c.numeric) return c.empty > 0 ? `numbers, ${c.empty} empty` : 'numbers';
  if (c.numbers > c.nonNumeric) return `numbers, ${c.nonNumeric} not`;
  if (c.nonNumeric > 0 && c.distinct <= 50) return `text, ${c.distinct} values`;
  return 'text';
}

function describeColumn(c: CsvColumn): string {
  if (c.numeric) return `“${c.name}” holds numbers${c.empty > 0 ? ` (${c.empty} empty)` : ''}.`;
  const first = c.firstNonNumeric
    ? ` — e.g. line ${c.firstNonNumeric.line}: “${c.firstNonNumeric.text}”`
    : '';
  return `“${c.name}” holds ${c.nonNumeric} values that are not numbers${first}: usable as a class target, not as a feature.`;
}

/** What applying gives: the problems (each bad row by line), or what the node will supply. */
function Outcome({
  reading,
  skipBadRows,
  target,
  ready,
}: {
  reading: CsvReading;
  skipBadRows: boolean;
  target: string;
  ready: boolean;
}) {
  return (
    <div className="csv__outcome">
      {reading.errors.length > 0 && (
        <ul className="csv__errors" data-testid="csv-errors" role="alert">
          {reading.errors.map((e) => (
            <li key={e}>{e.charAt(0).toUpperCase() + e.slice(1)}.</li>
          ))}
        </ul>
      )}
      {reading.badRowCount > 0 && (
        <div className={`csv__bad${skipBadRows ? ' csv__bad--skipped' : ''}`} data-testid="csv-bad-rows">
          <p>
            {plural(reading.badRowCount, 'row')} cannot be used with these columns
            {skipBadRows
              ? ': they will be left out.'
              : ': fix the file, leave those columns out, or tick “Skip bad rows”.'}
          </p>
          <ul>
            {reading.badRows.slice(0, LISTED_BAD_ROWS).map((i) => (
              <li key={i.line}>{formatIssue(i).replace(/^line/, 'Line')}</li>
            ))}
            {reading.badRowCount > LISTED_BAD_ROWS && (
              <li>…and {plural(reading.badRowCount - LISTED_BAD_ROWS, 'more row')}.</li>
            )}
          </ul>
        </div>
      )}
      {reading.errors.length === 0 && reading.examples.count > 0 && (
        <p className={`csv__summary${ready ? '' : ' csv__summary--pending'}`} data-testid="csv-summary">
          {ready ? 'Ready: ' : 'Without the bad rows: '}
          {summary(reading, target)}
        </p>
      )}
    </div>
  );
}

function summary(r: CsvReading, target: string): string {
  const rows = `${plural(r.examples.count, 'row')}, ${plural(r.nFeatures, 'feature')}`;
  if (r.task === 'regression') return `${rows}; regression of “${target}”.`;
  const classes = (r.classNames ?? []).map((name, i) => `“${name}” (${r.classCounts?.[i] ?? 0})`);
  if (r.task === 'binary') {
    return `${rows}; two classes, target 0 for ${classes[0]} and 1 for ${classes[1]}.`;
  }
  return `${rows}; ${classes.length} classes, one-hot target in this order: ${classes.join(', ')}.`;
}
