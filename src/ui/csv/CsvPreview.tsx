import type { CsvColumn, CsvSelection, ParsedCsv } from '../../engine/datasets/csv';

const PREVIEW_ROWS = 6;

/** The file's first rows under its header; each column is ticked as a feature (or marked the target). */
export function CsvPreview({
  parsed,
  columns,
  selection,
  onToggleFeature,
}: {
  parsed: ParsedCsv;
  columns: CsvColumn[];
  selection: CsvSelection;
  onToggleFeature: (name: string, on: boolean) => void;
}) {
  return (
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
                    onChange={(e) => onToggleFeature(c.name, e.target.checked)}
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
