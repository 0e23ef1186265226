/**
 * A small picture drawn from numbers, pixel by pixel, scaled up without smoothing: a handwritten
 * digit (ink on paper) or a unit's incoming weights (blue for positive, orange for negative, as on
 * the edges; scaled by `scale`, the largest magnitude of the pictures shown together).
 */
import { memo, useEffect, useRef } from 'react';
import './pixels.css';
import { currentPalette, diverging } from '../training/format';

export interface PixelPictureProps {
  values: ArrayLike<number>;
  width: number;
  height: number;
  /** 'ink': values 0…1 from paper to ink. 'signed': diverging around 0, ±scale at full colour. */
  mode: 'ink' | 'signed';
  scale?: number;
  /** Rendered size of one side, in CSS pixels. */
  size: number;
  label: string;
  testid?: string;
}

export const PixelPicture = memo(function PixelPicture({
  values,
  width,
  height,
  mode,
  scale = 1,
  size,
  label,
  testid,
}: PixelPictureProps) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const canvas = ref.current;
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return;
    const image = ctx.createImageData(width, height);
    const palette = currentPalette();
    const dark = palette.mid[0] < 128;
    for (let i = 0; i < width * height; i++) {
      const v = values[i] ?? 0;
      let c: readonly [number, number, number];
      if (mode === 'signed') c = diverging(scale > 0 ? v / scale : 0, palette);
      else {
        const t = Math.max(0, Math.min(1, v));
        // Ink is dark on a light theme and light on a dark one.
        const g = Math.round(dark ? 30 + 225 * t : 255 - 235 * t);
        c = [g, g, g];
      }
      image.data[i * 4] = c[0];
      image.data[i * 4 + 1] = c[1];
      image.data[i * 4 + 2] = c[2];
      image.data[i * 4 + 3] = 255;
    }
    ctx.putImageData(image, 0, 0);
  }, [values, width, height, mode, scale]);
  return (
    <canvas
      ref={ref}
      className="pixel-picture"
      width={width}
      height={height}
      style={{ width: size, height: (size * height) / width }}
      role="img"
      aria-label={label}
      data-testid={testid}
    />
  );
});
