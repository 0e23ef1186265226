/**
 * The prediction view for pictures sorted into classes (the digits): a confusion matrix of the
 * test set (rows: the true class; columns: the class the network gave; the diagonal is right) and
 * the first test pictures it gets wrong, each with what it said. Before the first evaluation, a few
 * training pictures show what the data looks like.
 */
import type { DataLayout } from '../../engine/training';
import { useTraining } from '../../store/training-app';
import { PixelPicture } from '../pixels/PixelPicture';

const SAMPLES = 10;

/** 0, 1, …, n − 1: rows, classes and units are their own keys. */
const range = (n: number): number[] => Array.from({ length: n }, (_, i) => i);

function classOfRow(y: Float64Array, row: number, m: number): number {
  let best = 0;
  for (let j = 1; j < m; j++) if (y[row * m + j] > y[row * m + best]) best = j;
  return best;
}

function picture(data: DataLayout, split: 'train' | 'test', row: number): Float64Array {
  const d = data.nFeatures;
  return data[split].x.subarray(row * d, (row + 1) * d);
}

export function ConfusionView({ data }: { data: DataLayout & { image: { width: number; height: number } } }) {
  const evaluation = useTraining((s) => s.evaluation);
  const confusion = evaluation?.test.confusion ?? null;
  const { width, height } = data.image;
  const m = data.nTargets;
  if (!confusion || evaluation?.step === 0) {
    return (
      <figure className="train-prediction confusion" data-testid="prediction-view">
        <figcaption className="train-prediction__caption">
          <span className="train-label">
            Some training pictures (train to see what the network gets wrong)
          </span>
        </figcaption>
        <ul className="confusion__wrong" data-testid="data-samples">
          {range(Math.min(SAMPLES, data.train.count)).map((row) => (
            <li key={row}>
              <PixelPicture
                values={picture(data, 'train', row)}
                width={width}
                height={height}
                mode="ink"
                size={40}
                label={`A training picture of class ${classOfRow(data.train.y, row, m)}`}
              />
              <span>{classOfRow(data.train.y, row, m)}</span>
            </li>
          ))}
        </ul>
      </figure>
    );
  }
  const total = confusion.counts.reduce((a, b) => a + b, 0);
  const largest = Math.max(1, ...confusion.counts);
  const wrongCount =
    total -
    range(m)
      .map((k) => confusion.counts[k * m + k])
      .reduce((a, b) => a + b, 0);
  return (
    <figure className="train-prediction confusion" data-testid="prediction-view">
      <figcaption className="train-prediction__caption">
        <span className="train-label">
          Test set, step {evaluation!.step}: {total - wrongCount} of {total} right
        </span>
      </figcaption>
      <div className="confusion__body">
        <table className="confusion__matrix" data-testid="confusion-matrix" data-total={total}>
          <caption className="visually-hidden">
            Confusion matrix: rows are the true class, columns the class the network gave
          </caption>
          <thead>
            <tr>
              <th scope="col" title="true class ↓, given class →">
                ↓→
              </th>
              {range(m).map((k) => (
                <th scope="col" key={k}>
                  {k}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {range(m).map((t) => (
              <tr key={t}>
                <th scope="row">{t}</th>
                {range(m).map((p) => {
                  const c = confusion.counts[t * m + p];
                  const share = Math.round((c / largest) * 100);
                  return (
                    <td
                      key={p}
                      className={t === p ? 'is-right' : c > 0 ? 'is-wrong' : undefined}
                      style={{
                        background:
                          c === 0
                            ? undefined
                            : `color-mix(in srgb, ${t === p ? 'var(--train-pos)' : 'var(--train-neg)'} ${Math.max(15, share)}%, var(--train-mid))`,
                      }}
                      title={`${c} test picture${c === 1 ? '' : 's'} of a ${t} given ${p}`}
                    >
                      {c > 0 ? c : ''}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
        <div className="confusion__side">
          <span className="train-label">Wrong ({wrongCount}); first ones, with the answer given</span>
          <ul className="confusion__wrong" data-testid="misclassified">
            {confusion.wrong.map(({ row, predicted }) => (
              <li key={row}>
                <PixelPicture
                  values={picture(data, 'test', row)}
                  width={width}
                  height={height}
                  mode="ink"
                  size={32}
                  label={`A ${classOfRow(data.test.y, row, m)} taken for a ${predicted}`}
                />
                <span>
                  {classOfRow(data.test.y, row, m)}→{predicted}
                </span>
              </li>
            ))}
          </ul>
        </div>
      </div>
    </figure>
  );
}
