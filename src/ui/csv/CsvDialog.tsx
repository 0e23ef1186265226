import { useMemo, useState } from 'react';
import {
  type CsvSelection,
  type CsvTask,
  csvProblemMessage,
  describeColumns,
  formatSize,
  type ParsedCsv,
  parseCsv,
  readCsv,
  suggestSelection,
} from '../../engine/datasets/csv';
import { nodeById, nodeSpec, useDocument, useSession } from '../../store';
import { Modal } from '../dialogs/Modal';
import { CsvOptions, CsvReplaceChoice } from './CsvOptions';
import { CsvOutcome } from './CsvOutcome';
import { CsvPreview } from './CsvPreview';
import { applyCsv, CSV_KIND_ID, type CsvDestination, otherDataNodes } from './csv-actions';
import { withFeature, withTarget } from './csv-selection';
import { plural } from './plural';
import './csv.css';

interface Props {
  fileName: string;
  text: string;
  nodeId: string | null;
  at?: { x: number; y: number };
}

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
      <CsvPreview
        parsed={parsed}
        columns={columns}
        selection={selection}
        onToggleFeature={(name, on) => setSelection(withFeature(selection, parsed.header, name, on))}
      />
      <p className="csv__hint">Tick the feature columns: the network sees them, one port each.</p>

      <CsvOptions
        header={parsed.header}
        selection={selection}
        standardize={standardize}
        skipBadRows={skipBadRows}
        onTarget={(target) => setSelection(withTarget(selection, columns, target))}
        onTask={(task) => setSelection({ ...selection, task })}
        onStandardize={setStandardize}
        onSkipBadRows={setSkipBadRows}
      />

      {others.length === 1 && <CsvReplaceChoice other={others[0]} replace={replace} onReplace={setReplace} />}

      <CsvOutcome reading={reading} skipBadRows={skipBadRows} target={selection.target} ready={ready} />

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
