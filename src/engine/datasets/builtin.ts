/**
 * The catalogue of built-in datasets and the one entry point that turns dataset options into a
 * split DataTable. Everything random comes from rngFor(seed, 'dataset:' + id), so the same options
 * give the same arrays bit for bit.
 */
import { rngFor } from '../rng';
import { DIGIT_CLASSES, DIGIT_COUNT, DIGIT_FEATURE_NAMES, DIGIT_SIDE, digitImages } from './digits';
import {
  borderPoints,
  circlePoints,
  type Generate,
  gaussianPoints,
  linearPoints,
  sinePoints,
  spiralPoints,
  threeGaussianPoints,
  xorPoints,
  xorTablePoints,
} from './generators';
import { splitExamples, trainCount } from './split';
import type { DataTable, ImageShape, Task } from './table';

export type DatasetId =
  | 'border'
  | 'xor-table'
  | 'xor'
  | 'circle'
  | 'gaussians'
  | 'spiral'
  | 'linear'
  | 'sine'
  | 'gaussians3'
  | 'digits';

/** Plain data (no functions), so it can cross a worker boundary or feed a menu as is. */
export interface DatasetInfo {
  id: DatasetId;
  label: string;
  /** What the points look like and what `noise` means for this set. */
  description: string;
  task: Task;
  nFeatures: number;
  /** 1 for binary and regression; the number of classes for multiclass (one-hot). */
  nTargets: number;
  featureNames: string[];
  defaultN: number;
  defaultNoise: number;
  /** The set has exactly its own defaultN points (border: 4); n and noise are ignored. */
  fixedSize?: boolean;
  /** Each example is a picture, its features the pixels row by row (digits: 8 × 8). */
  image?: ImageShape;
}

export interface DatasetOptions {
  dataset: DatasetId;
  /** Number of examples before the split (ignored by fixed-size sets). */
  n: number;
  /** Standard deviation of the Gaussian noise; see each set's description. */
  noise: number;
  seed: number;
  /** Fraction held out for testing, in [0, 1). 0 keeps the generation order. */
  testFraction: number;
  batchSize: number;
  shuffle: boolean;
}

/** Guards the browser against a typo like n = 1e9; far beyond what the canvas can show anyway. */
export const MAX_EXAMPLES = 100_000;

export const DATASETS: readonly DatasetInfo[] = [
  {
    id: 'border',
    label: 'Border at x = 3',
    description:
      'Four fixed points, x = 2.9, −1, 3, 1000 with classes 0, 0, 1, 1: a single neuron must put its ' +
      'threshold between 2.9 and 3 despite the far-away 1000. No noise; the size is fixed.',
    task: 'binary',
    nFeatures: 1,
    nTargets: 1,
    featureNames: ['x'],
    defaultN: 4,
    defaultNoise: 0,
    fixedSize: true,
  },
  {
    id: 'xor-table',
    label: 'XOR truth table',
    description:
      'The four corners (0,0), (0,1), (1,0), (1,1) with classes 0, 1, 1, 0: no single line separates ' +
      'them, two hidden neurons can. No noise; the size is fixed.',
    task: 'binary',
    nFeatures: 2,
    nTargets: 1,
    featureNames: ['x1', 'x2'],
    defaultN: 4,
    defaultNoise: 0,
    fixedSize: true,
  },
  {
    id: 'xor',
    label: 'XOR',
    description:
      'Points in the four quadrants of [−5, 5]², kept 0.3 away from the axes; class 1 where exactly one ' +
      'coordinate is positive (x1·x2 < 0), class 0 otherwise. Noise: std of the jitter added to each coordinate.',
    task: 'binary',
    nFeatures: 2,
    nTargets: 1,
    featureNames: ['x1', 'x2'],
    defaultN: 200,
    defaultNoise: 0.2,
  },
  {
    id: 'circle',
    label: 'Circle',
    description:
      'Class 1 in a disc of radius 2.5, class 0 in a ring from radius 3.5 to 5 around it. ' +
      'Noise: std of the jitter added to each coordinate.',
    task: 'binary',
    nFeatures: 2,
    nTargets: 1,
    featureNames: ['x1', 'x2'],
    defaultN: 200,
    defaultNoise: 0.2,
  },
  {
    id: 'gaussians',
    label: 'Two Gaussians',
    description:
      'Two round blobs: class 0 around (−2, −2), class 1 around (2, 2). Noise: the std of each blob ' +
      '(0 puts every point on its centre).',
    task: 'binary',
    nFeatures: 2,
    nTargets: 1,
    featureNames: ['x1', 'x2'],
    defaultN: 200,
    defaultNoise: 1,
  },
  {
    id: 'spiral',
    label: 'Spiral',
    description:
      'Two interleaved spiral arms of 1.75 turns out to radius 5, class 1 rotated half a turn from class 0. ' +
      'Noise: std of the jitter added to each coordinate.',
    task: 'binary',
    nFeatures: 2,
    nTargets: 1,
    featureNames: ['x1', 'x2'],
    defaultN: 400,
    defaultNoise: 0.1,
  },
  {
    id: 'linear',
    label: 'Line',
    description: 'x uniform in [−5, 5], y = 0.5·x + 1 plus noise. Noise: std of the noise added to y.',
    task: 'regression',
    nFeatures: 1,
    nTargets: 1,
    featureNames: ['x'],
    defaultN: 100,
    defaultNoise: 0.3,
  },
  {
    id: 'sine',
    label: 'Sine',
    description: 'x uniform in [−π, π], y = sin(x) plus noise. Noise: std of the noise added to y.',
    task: 'regression',
    nFeatures: 1,
    nTargets: 1,
    featureNames: ['x'],
    defaultN: 200,
    defaultNoise: 0.1,
  },
  {
    id: 'gaussians3',
    label: 'Three Gaussians',
    description:
      'Three round blobs centred on a circle of radius 3, 120° apart (class 0 straight up, then ' +
      'anticlockwise); targets one-hot. Noise: the std of each blob.',
    task: 'multiclass',
    nFeatures: 2,
    nTargets: 3,
    featureNames: ['x1', 'x2'],
    defaultN: 300,
    defaultNoise: 0.8,
  },
  {
    id: 'digits',
    label: 'Handwritten digits',
    description:
      '1,797 handwritten digits 0–9 as 8 × 8 greyscale pictures (UCI “Optical Recognition of Handwritten ' +
      'Digits”, E. Alpaydin, CC BY 4.0): 64 pixel features from 0 (blank) to 1 (inked), targets one-hot. ' +
      'No noise; the size is fixed.',
    task: 'multiclass',
    nFeatures: DIGIT_SIDE * DIGIT_SIDE,
    nTargets: DIGIT_CLASSES,
    featureNames: [...DIGIT_FEATURE_NAMES],
    defaultN: DIGIT_COUNT,
    defaultNoise: 0,
    fixedSize: true,
    image: { width: DIGIT_SIDE, height: DIGIT_SIDE },
  },
];

const GENERATORS: Record<DatasetId, Generate> = {
  border: borderPoints,
  'xor-table': xorTablePoints,
  xor: xorPoints,
  circle: circlePoints,
  gaussians: gaussianPoints,
  spiral: spiralPoints,
  linear: linearPoints,
  sine: sinePoints,
  gaussians3: threeGaussianPoints,
  digits: digitImages,
};

export function datasetInfo(id: string): DatasetInfo | undefined {
  return DATASETS.find((d) => d.id === id);
}

/** Generates, splits and packages a built-in dataset. Throws an Error naming the first bad option. */
export function buildDataTable(o: DatasetOptions): DataTable {
  const info = datasetInfo(o.dataset);
  if (!info) {
    throw new Error(`dataset must be one of ${DATASETS.map((d) => d.id).join(', ')}; got "${o.dataset}"`);
  }
  checkOptions(o, info);
  const rng = rngFor(o.seed, `dataset:${info.id}`);
  const all = GENERATORS[info.id](o.n, o.noise, rng);
  const { train, test } = splitExamples(all, info.nFeatures, info.nTargets, o.testFraction, rng);
  return {
    name: info.label,
    task: info.task,
    nFeatures: info.nFeatures,
    nTargets: info.nTargets,
    featureNames: [...info.featureNames],
    train,
    test,
    batchSize: o.batchSize,
    shuffle: o.shuffle,
    ...(info.image ? { image: { ...info.image } } : {}),
  };
}

function checkOptions(o: DatasetOptions, info: DatasetInfo): void {
  if (!info.fixedSize) {
    if (!Number.isInteger(o.n) || o.n < 1 || o.n > MAX_EXAMPLES) {
      throw new Error(`n must be a whole number from 1 to ${MAX_EXAMPLES}; got ${o.n}`);
    }
    if (!Number.isFinite(o.noise) || o.noise < 0) {
      throw new Error(`noise must be a finite number ≥ 0; got ${o.noise}`);
    }
  }
  if (!Number.isInteger(o.seed)) throw new Error(`seed must be a whole number; got ${o.seed}`);
  if (!(o.testFraction >= 0 && o.testFraction < 1)) {
    throw new Error(`testFraction must be at least 0 and below 1; got ${o.testFraction}`);
  }
  // A fixed-size set's defaultN is its size.
  const count = info.fixedSize ? info.defaultN : o.n;
  if (trainCount(count, o.testFraction) < 1) {
    throw new Error(`testFraction ${o.testFraction} leaves no training examples out of ${count}`);
  }
  if (!Number.isInteger(o.batchSize) || o.batchSize < 1) {
    throw new Error(`batchSize must be a whole number ≥ 1; got ${o.batchSize}`);
  }
  if (typeof o.shuffle !== 'boolean')
    throw new Error(`shuffle must be true or false; got ${String(o.shuffle)}`);
}
