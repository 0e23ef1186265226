/**
 * Optimizer nodes: configuration only. Each takes the loss it minimises on its one input and names
 * an update rule that matches torch.optim, so a graph exported to PyTorch trains the same way.
 *
 * Each optimizer is one file in ../optimizers/ (its update rule and its kind, side by side).
 * Adding one is that file and one entry here: the palette, the inspector, the compiler, the
 * exporters and "Build MLP" read this list.
 */
import type { AnyKind } from '../kind';
import { adagradKind } from '../optimizers/adagrad';
import { adamKind, adamwKind } from '../optimizers/adam';
import { rmspropKind } from '../optimizers/rmsprop';
import { sgdKind } from '../optimizers/sgd';

export const OPTIMIZER_KINDS: readonly AnyKind[] = [sgdKind, rmspropKind, adagradKind, adamKind, adamwKind];
