/**
 * What each unit of a dense layer fed straight by pictures looks for: its incoming weights laid
 * out as the picture (blue where a bright pixel raises the unit, orange where it lowers it). All
 * units share one colour scale, so a pale picture is a unit with small weights. They follow the
 * training run (and the step shown while seeking).
 */
import { useTraining } from '../../store/training-app';
import { PixelPicture } from '../pixels/PixelPicture';
import { fmt, maxAbs } from './format';

/** The picture size a dense node reads, when its one input is a picture dataset's features. */
export function usePictureInput(id: string): { width: number; height: number } | null {
  return useTraining((s) => {
    const layout = s.layout;
    const image = layout?.data?.image;
    if (!layout || !image) return null;
    const node = layout.nodes.find((n) => n.id === id);
    const inputs = node?.inputs.in ?? [];
    if (node?.kind !== 'dense' || inputs.length !== 1) return null;
    const source = layout.nodes.find((n) => n.id === inputs[0].sourceNode);
    if (source?.role !== 'data' || inputs[0].slot.width !== image.width * image.height) return null;
    return image;
  });
}

export function WeightPictures({
  weights,
  image,
}: {
  weights: readonly number[];
  image: { width: number; height: number };
}) {
  const pixels = image.width * image.height;
  const units = Math.floor(weights.length / pixels);
  const scale = maxAbs(weights);
  return (
    <div className="weight-pictures" data-testid="weight-pictures">
      <p className="train-inspector__note">
        Each unit’s {pixels} incoming weights as a picture: blue where ink raises the unit, orange where it
        lowers it (full colour at ±{fmt(scale)}).
      </p>
      <ul className="weight-pictures__grid">
        {Array.from({ length: units }, (_, i) => i).map((u) => (
          <li key={u} className="weight-pictures__unit">
            <PixelPicture
              values={weights.slice(u * pixels, (u + 1) * pixels)}
              width={image.width}
              height={image.height}
              mode="signed"
              scale={scale}
              size={48}
              label={`Weights of unit ${u + 1} as a ${image.width} × ${image.height} picture`}
              testid={`weight-picture-${u}`}
            />
            <span className="weight-pictures__caption">{u + 1}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
