/**
 * A dataset as the engine consumes it: row-major feature and target matrices, already split.
 * Built-in generators (datasets/builtin.ts) and, later, CSV files both produce this.
 */
export type Task = 'binary' | 'multiclass' | 'regression';

/** Examples that are pictures: the features are the pixels, row by row, width × height of them. */
export interface ImageShape {
  width: number;
  height: number;
}

export interface Split {
  /** count × nFeatures, row-major. */
  x: Float64Array;
  /** count × nTargets, row-major (one-hot for multiclass). */
  y: Float64Array;
  count: number;
}

export interface DataTable {
  name: string;
  task: Task;
  nFeatures: number;
  /** 1 for binary and regression; the number of classes for multiclass (one-hot). */
  nTargets: number;
  featureNames: string[];
  train: Split;
  test: Split;
  batchSize: number;
  shuffle: boolean;
  /** Set when every example is a picture (the digits, or a CSV given a width × height). */
  image?: ImageShape;
  /**
   * Set when the features were standardized (a CSV's option): feature j as the network sees it is
   * (raw − mean[j]) · scale[j]. Exports for raw data (ONNX) apply it in front of the network.
   */
  standardized?: { mean: readonly number[]; scale: readonly number[] };
}
