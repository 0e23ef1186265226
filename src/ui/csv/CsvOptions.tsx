import type { CsvSelection, CsvTask } from '../../engine/datasets/csv';

/** How the columns are read: the target, the task, standardizing the features and skipping bad rows. */
export function CsvOptions({
  header,
  selection,
  standardize,
  skipBadRows,
  onTarget,
  onTask,
  onStandardize,
  onSkipBadRows,
}: {
  header: readonly string[];
  selection: CsvSelection;
  standardize: boolean;
  skipBadRows: boolean;
  onTarget: (target: string) => void;
  onTask: (task: CsvTask) => void;
  onStandardize: (on: boolean) => void;
  onSkipBadRows: (on: boolean) => void;
}) {
  return (
    <div className="csv__options">
      <label className="csv__field">
        <span>Target column</span>
        <select
          className="input"
          value={selection.target}
          data-testid="csv-target"
          onChange={(e) => onTarget(e.target.value)}
        >
          {header.map((h) => (
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
          onChange={(e) => onTask(e.target.value as CsvTask)}
        >
          <option value="classification">Classification</option>
          <option value="regression">Regression</option>
        </select>
      </label>
      <label className="csv__check">
        <input type="checkbox" checked={standardize} onChange={(e) => onStandardize(e.target.checked)} />
        Standardize features (mean 0, std 1)
      </label>
      <label className="csv__check">
        <input
          type="checkbox"
          checked={skipBadRows}
          data-testid="csv-skip-bad-rows"
          onChange={(e) => onSkipBadRows(e.target.checked)}
        />
        Skip bad rows
      </label>
    </div>
  );
}

/** The choice to put the new CSV node in place of the graph's one other dataset (a network takes one). */
export function CsvReplaceChoice({
  other,
  replace,
  onReplace,
}: {
  other: { name: string; kind: string };
  replace: boolean;
  onReplace: (on: boolean) => void;
}) {
  return (
    <label className="csv__check csv__replace">
      <input
        type="checkbox"
        checked={replace}
        data-testid="csv-replace"
        onChange={(e) => onReplace(e.target.checked)}
      />
      <span>
        Use it in place of “{other.name}” ({other.kind}): its connections move to the CSV node (a network
        takes one dataset).
      </span>
    </label>
  );
}
