/**
 * The Landscape panel: the training-set loss over a plane of parameter space (log colour scale with
 * a legend, contour lines), the optimizer's path up to the shown step and the current point. It
 * follows Step, Play and the timeline; the worker computes it, coarse first, then refined.
 */
import { useEffect, useRef, useState } from 'react';
import { SavePngButton } from '../pictures/SavePngButton';
import { fmt } from '../training/format';
import { colourAt, drawLandscape } from './draw';
import { useLandscape } from './use-landscape';
import '../layout/floating-panel.css';
import './landscape.css';

const LEGEND_STOPS = 6;

export function LandscapePanel({ onClose }: { onClose(): void }) {
  const [directions, setDirections] = useState<'random' | 'pca'>('random');
  const view = useLandscape(directions);
  const canvas = useRef<HTMLCanvasElement>(null);
  const root = useRef<HTMLElement>(null);
  const [marker, setMarker] = useState<{ x: number; y: number } | null>(null);
  const { grid, path } = view;

  useEffect(() => {
    if (canvas.current && grid) setMarker(drawLandscape(canvas.current, grid, path));
  }, [grid, path]);

  const here = path[path.length - 1];
  const names = grid?.names ?? ['', ''];
  const legend = Array.from({ length: LEGEND_STOPS }, (_, k) => {
    const [r, g, b] = colourAt(k / (LEGEND_STOPS - 1));
    return `rgb(${r} ${g} ${b}) ${(k / (LEGEND_STOPS - 1)) * 100}%`;
  }).join(', ');
  const planeNote =
    grid?.kind === 'parameters'
      ? 'The network has two numbers: the axes are the numbers themselves.'
      : grid
        ? `A plane through θ at step ${grid.centerStep}, spanned by ${grid.kind === 'pca' ? 'the path’s two principal directions' : 'two filter-normalised random directions'} (Li et al. 2018).`
        : '';
  return (
    <section
      ref={root}
      className="floating-panel landscape"
      aria-label="Loss landscape"
      data-testid="landscape-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
    >
      <header className="landscape__head">
        <h2 className="landscape__title">Loss landscape</h2>
        {grid && grid.kind !== 'parameters' && (
          <label className="landscape__directions">
            Directions{' '}
            <select
              className="input"
              value={directions}
              onChange={(e) => setDirections(e.target.value as 'random' | 'pca')}
              data-testid="landscape-directions"
            >
              <option value="random">Random (filter-normalised)</option>
              <option value="pca">Principal directions of the path</option>
            </select>
          </label>
        )}
        <SavePngButton target={() => root.current} what="Loss landscape" />
        <button
          type="button"
          className="btn btn--icon landscape__close"
          onClick={onClose}
          aria-label="Close the loss landscape"
        >
          ×
        </button>
      </header>
      <p className="landscape__note">{planeNote}</p>
      <div className="landscape__plot">
        <span className="landscape__ylabel">{names[1]} ↑</span>
        <div className="landscape__frame">
          <canvas
            ref={canvas}
            className="landscape__canvas"
            data-testid="landscape-canvas"
            data-marker-x={marker ? marker.x.toFixed(1) : ''}
            data-marker-y={marker ? marker.y.toFixed(1) : ''}
            role="img"
            aria-label={
              grid && here
                ? `Training loss over ${names[0]} and ${names[1]}, from ${fmt(grid.min)} to ${fmt(grid.max)}; the path runs to step ${view.step} and is now at ${names[0]} = ${fmt(here[0])}, ${names[1]} = ${fmt(here[1])}`
                : 'Training loss landscape, computing'
            }
          />
          {grid && (
            <div className="landscape__ticks">
              <span>{fmt(grid.values[0][0])}</span>
              <span>{names[0]} →</span>
              <span>{fmt(grid.values[0][grid.size - 1])}</span>
            </div>
          )}
        </div>
        {grid && (
          <div className="landscape__yticks">
            <span>{fmt(grid.values[1][grid.size - 1])}</span>
            <span>{fmt(grid.values[1][0])}</span>
          </div>
        )}
      </div>
      {grid && (
        <div className="landscape__legend">
          <span>{fmt(grid.min)}</span>
          <span className="landscape__scale" style={{ background: `linear-gradient(to right, ${legend})` }} />
          <span>{fmt(grid.max)}</span>
          <span className="landscape__scale-note">training loss, log scale</span>
        </div>
      )}
      <p className="landscape__status" aria-live="polite" data-testid="landscape-status">
        {view.error
          ? view.error
          : here
            ? `Step ${view.step}${view.stopped ? ' (training stopped here: the next step gave a number that is not finite)' : ''}: ${names[0]} = ${fmt(here[0])}, ${names[1]} = ${fmt(here[1])}, training loss ${fmt(view.loss)}${view.computing ? ' · computing…' : ''}`
            : 'Computing…'}
      </p>
    </section>
  );
}
