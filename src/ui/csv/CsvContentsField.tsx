import { type CsvError, formatSize, MAX_CSV_CHARS, parseCsv } from '../../engine/datasets/csv';
import { selectNodeLabel, useDocument, useSession } from '../../store';
import { Field } from '../inspector/Field';
import { fieldId, type ParamFieldProps } from '../inspector/ParamField';
import { pickCsvFile } from './csv-actions';
import './csv.css';

/** "150 rows × 5 columns", or why the text cannot be read. */
function summarize(text: string): string {
  if (text.trim() === '') return 'No CSV loaded yet.';
  try {
    const p = parseCsv(text);
    const rows = p.rows.length + p.issues.length;
    return `${rows} row${rows === 1 ? '' : 's'} × ${p.header.length} column${p.header.length === 1 ? '' : 's'} · ${formatSize(text.length)}`;
  } catch (e) {
    return `Unreadable: ${(e as CsvError).message}.`;
  }
}

/**
 * A parameter holding a file's contents (the CSV data node's table): a summary and buttons, never
 * a text box of a megabyte.
 */
export function CsvContentsField({ nodeId, name, spec, value }: ParamFieldProps) {
  const id = fieldId(nodeId, name);
  const text = String(value ?? '');
  const label = useDocument(selectNodeLabel(nodeId));
  return (
    <Field
      id={id}
      label={spec.label}
      help={spec.help}
      hint={`At most 1 MB (${MAX_CSV_CHARS.toLocaleString('en')} characters). You can also drop a .csv file on the canvas.`}
    >
      <p className="csv-field__summary" data-testid="csv-summary-field">
        {summarize(text)}
      </p>
      <div className="csv-field__buttons">
        <button
          id={id}
          type="button"
          className="btn btn--outline"
          data-testid="csv-load"
          onClick={() => pickCsvFile({ nodeId })}
        >
          Load CSV…
        </button>
        {text.trim() !== '' && (
          <button
            type="button"
            className="btn btn--outline"
            data-testid="csv-columns"
            title="Preview the table, choose the feature and target columns, see the rows that cannot be used"
            onClick={() =>
              useSession
                .getState()
                .openDialog({ type: 'csv', fileName: `${label || 'CSV data'}.csv`, text, nodeId })
            }
          >
            Columns…
          </button>
        )}
      </div>
    </Field>
  );
}
