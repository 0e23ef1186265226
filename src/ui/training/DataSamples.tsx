/**
 * The dataset node's inspector, for pictures (the digits): one training picture of each class, so
 * a learner sees what the network is given before it trains.
 */
import type { ImageShape } from '../../engine/datasets/table';
import type { DataLayout } from '../../engine/training';
import { PixelPicture } from '../pixels/PixelPicture';

/** The first training row of each class (one-hot targets), in class order. */
function firstOfEachClass(data: DataLayout): { row: number; label: number }[] {
  const m = data.nTargets;
  const y = data.train.y;
  const found = new Map<number, number>();
  for (let row = 0; row < data.train.count && found.size < m; row++) {
    let best = 0;
    for (let j = 1; j < m; j++) if (y[row * m + j] > y[row * m + best]) best = j;
    if (!found.has(best)) found.set(best, row);
  }
  return [...found.entries()].sort((a, b) => a[0] - b[0]).map(([label, row]) => ({ row, label }));
}

export function DataSamples({ data, image }: { data: DataLayout; image: ImageShape }) {
  const d = data.nFeatures;
  const samples = firstOfEachClass(data);
  return (
    <div className="train-param" data-testid="dataset-samples">
      <h4 className="train-param__title">
        Sample pictures ({image.width} × {image.height} pixels, one of each class)
      </h4>
      <ul className="dataset-samples">
        {samples.map(({ row, label }) => (
          <li key={label}>
            <PixelPicture
              values={data.train.x.subarray(row * d, (row + 1) * d)}
              width={image.width}
              height={image.height}
              mode="ink"
              size={32}
              label={`A training picture of class ${label}`}
            />
            <span>{label}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
