/**
 * The built-in point generators, one per dataset, in the spirit of TensorFlow Playground.
 * Each returns its examples in generation order; splitting and shuffling happen later (split.ts).
 *
 * Shared conventions:
 * - `noise` is always the standard deviation of Gaussian noise, in the units of what it is added
 *   to: the input coordinates for classification sets, the target for regression sets.
 * - Classes are interleaved (example i has class i mod k), so every class gets ⌊n/k⌋ or ⌈n/k⌉
 *   examples and a set kept in generation order never presents a long run of one class.
 * - A noise draw is made even when noise is 0, so changing the noise only moves points, it never
 *   reshuffles which random numbers the rest of the set receives.
 */
import type { Rng } from '../rng';
import type { Split } from './table';

export type Generate = (n: number, noise: number, rng: Rng) => Split;

/** Half-width of the square the 2-D sets live in, as in TF Playground. */
const EXTENT = 5;

/** The "border at x = 3" set: the smallest example where a single neuron must learn a threshold. */
export const borderPoints: Generate = () => ({
  x: Float64Array.of(2.9, -1, 3, 1000),
  y: Float64Array.of(0, 0, 1, 1),
  count: 4,
});

/** XOR's truth table: the four corners of the unit square, the classic 2-2-1 problem. */
export const xorTablePoints: Generate = () => ({
  x: Float64Array.of(0, 0, 0, 1, 1, 0, 1, 1),
  y: Float64Array.of(0, 1, 1, 0),
  count: 4,
});

/** Distance kept between xor points and the axes, so the noise-free quadrants are separable. */
const XOR_MARGIN = 0.3;
/** Quadrant signs cycled through in order: class 0, 1, 0, 1 (label 1 iff the signs differ). */
const XOR_QUADRANTS: readonly (readonly [number, number])[] = [
  [1, 1],
  [1, -1],
  [-1, -1],
  [-1, 1],
];

/** Label 1 iff exactly one coordinate is positive (x1·x2 < 0), the truth table of XOR. */
export const xorPoints: Generate = (n, noise, rng) => {
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const [s1, s2] = XOR_QUADRANTS[i % 4];
    const a = s1 * (XOR_MARGIN + rng.next() * (EXTENT - XOR_MARGIN));
    const b = s2 * (XOR_MARGIN + rng.next() * (EXTENT - XOR_MARGIN));
    x[2 * i] = a + noise * rng.normal();
    x[2 * i + 1] = b + noise * rng.normal();
    y[i] = i % 2;
  }
  return { x, y, count: n };
};

/** Radii of the inner disc (class 1) and the outer ring (class 0); the gap keeps them apart. */
const INNER_RADIUS = 2.5;
const RING_FROM = 3.5;

export const circlePoints: Generate = (n, noise, rng) => {
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const inner = i % 2 === 1;
    // Radius uniform (not area-uniform), like TF Playground: the disc is densest at its centre.
    const r = inner ? rng.next() * INNER_RADIUS : RING_FROM + rng.next() * (EXTENT - RING_FROM);
    const angle = rng.next() * 2 * Math.PI;
    x[2 * i] = r * Math.cos(angle) + noise * rng.normal();
    x[2 * i + 1] = r * Math.sin(angle) + noise * rng.normal();
    y[i] = inner ? 1 : 0;
  }
  return { x, y, count: n };
};

/** Points scattered around class centres with standard deviation `noise`; y is the class index. */
function blobs(centres: readonly (readonly [number, number])[], n: number, noise: number, rng: Rng) {
  const x = new Float64Array(n * 2);
  const classes = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const c = i % centres.length;
    x[2 * i] = centres[c][0] + noise * rng.normal();
    x[2 * i + 1] = centres[c][1] + noise * rng.normal();
    classes[i] = c;
  }
  return { x, classes };
}

/** Class 0 around (−2, −2), class 1 around (2, 2). */
export const gaussianPoints: Generate = (n, noise, rng) => {
  const { x, classes } = blobs(
    [
      [-2, -2],
      [2, 2],
    ],
    n,
    noise,
    rng,
  );
  return { x, y: Float64Array.from(classes), count: n };
};

/** Three centres on a circle of radius 3, 120° apart, starting straight up; targets one-hot. */
const THREE_CENTRES: readonly (readonly [number, number])[] = [0, 1, 2].map((k) => {
  const angle = Math.PI / 2 + (k * 2 * Math.PI) / 3;
  return [3 * Math.cos(angle), 3 * Math.sin(angle)] as const;
});

export const threeGaussianPoints: Generate = (n, noise, rng) => {
  const { x, classes } = blobs(THREE_CENTRES, n, noise, rng);
  const y = new Float64Array(n * 3);
  for (let i = 0; i < n; i++) y[3 * i + classes[i]] = 1;
  return { x, y, count: n };
};

/** Turns each arm makes from the centre to the rim (TF Playground's 1.75). */
const SPIRAL_TURNS = 1.75;

/**
 * Two arms of an Archimedean spiral, class 1 rotated half a turn from class 0. Points are evenly
 * spaced along each arm from the centre outwards; only the noise is random.
 */
export const spiralPoints: Generate = (n, noise, rng) => {
  const x = new Float64Array(n * 2);
  const y = new Float64Array(n);
  const perClass = [Math.ceil(n / 2), Math.floor(n / 2)];
  for (let i = 0; i < n; i++) {
    const c = i % 2;
    const along = Math.floor(i / 2) / perClass[c];
    const r = along * EXTENT;
    const angle = along * SPIRAL_TURNS * 2 * Math.PI + c * Math.PI;
    x[2 * i] = r * Math.cos(angle) + noise * rng.normal();
    x[2 * i + 1] = r * Math.sin(angle) + noise * rng.normal();
    y[i] = c;
  }
  return { x, y, count: n };
};

/** The line the linear set is drawn from. */
export const LINEAR_SLOPE = 0.5;
export const LINEAR_INTERCEPT = 1;

/** One input per example, drawn uniformly from [from, to]; target f(x) plus noise. */
function curve(f: (v: number) => number, from: number, to: number, n: number, noise: number, rng: Rng) {
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    x[i] = from + rng.next() * (to - from);
    y[i] = f(x[i]) + noise * rng.normal();
  }
  return { x, y, count: n };
}

export const linearPoints: Generate = (n, noise, rng) =>
  curve((v) => LINEAR_SLOPE * v + LINEAR_INTERCEPT, -EXTENT, EXTENT, n, noise, rng);

export const sinePoints: Generate = (n, noise, rng) => curve(Math.sin, -Math.PI, Math.PI, n, noise, rng);
