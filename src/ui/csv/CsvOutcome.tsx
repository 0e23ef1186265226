import { type CsvReading, formatIssue } from '../../engine/datasets/csv';
import { plural } from './plural';

const LISTED_BAD_ROWS = 50;

/** What applying gives: the problems (each bad row by line), or what the node will supply. */
export function CsvOutcome({
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
