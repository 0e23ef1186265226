/** The live checks: each check, what the network says now, and whether it passes. */
import { useTraining } from '../../store/training-app';
import { fmtValue, passSummary } from './format';
import { useLessonChecks } from './lesson-app';
import { Tex } from './Markdown';

const selectRows = (s: ReturnType<typeof useLessonChecks.getState>) => s.rows;
const selectParameters = (s: ReturnType<typeof useLessonChecks.getState>) => s.parameters;
const selectStale = (s: ReturnType<typeof useLessonChecks.getState>) => s.stale;
const selectStep = (s: { step: number }) => s.step;

export function ChecksBox() {
  const rows = useLessonChecks(selectRows);
  const parameters = useLessonChecks(selectParameters);
  const stale = useLessonChecks(selectStale);
  const step = useTraining(selectStep);
  if (rows.length === 0 && parameters.length === 0) return null;
  const passes = rows.map((r) => r.pass);
  return (
    <section
      className={`lesson-checks${stale ? ' is-stale' : ''}`}
      aria-labelledby="lesson-checks-title"
      data-testid="lesson-checks"
    >
      <header className="lesson-checks__header">
        <h3 id="lesson-checks-title">Checks</h3>
        <span className="lesson-checks__summary" data-testid="lesson-checks-summary">
          {passSummary(passes)} · step <b data-testid="lesson-step-count">{step}</b>
        </span>
      </header>
      {rows.length > 0 && (
        <table className="lesson-checks__table">
          <thead>
            <tr>
              <th scope="col">
                <span className="visually-hidden">Passes</span>
              </th>
              <th scope="col">Check</th>
              <th scope="col" className="lesson-checks__now">
                Network says
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <tr
                // biome-ignore lint/suspicious/noArrayIndexKey: checks are positions in the lesson.
                key={i}
                className={r.pass ? 'is-pass' : 'is-fail'}
                data-testid={`lesson-check-${i}`}
                data-pass={r.pass}
                data-value={r.value === undefined ? undefined : String(r.value)}
                title={r.error ?? `input x = ${r.input.join(', ')}`}
              >
                <td className="lesson-checks__mark">
                  <span aria-hidden="true">{r.pass ? '✓' : '✗'}</span>
                  <span className="visually-hidden">{r.pass ? 'passes' : 'fails'}</span>
                </td>
                <td className="lesson-checks__label">
                  <Tex source={r.label} />
                </td>
                <td className="lesson-checks__value" data-testid="lesson-check-value">
                  {r.error ? '—' : fmtValue(r.value)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {parameters.length > 0 && (
        <p className="lesson-params" data-testid="lesson-params">
          {parameters.map((p) => (
            <span
              key={p.label}
              className="lesson-params__item"
              data-testid={`lesson-param-${p.label}`}
              data-value={String(p.value)}
            >
              <i>{p.label}</i> = {fmtValue(p.value)}
            </span>
          ))}
        </p>
      )}
    </section>
  );
}
