/**
 * Exporters: a compiled graph as a standalone Python script. Every node kind says how to write its
 * forward pass (kind.torch, kind.numpy) and optimizer kinds their torch.optim call (kind.torchOptimizer);
 * these modules only lay the script out around them.
 *
 *   exportPyTorch(plan)  trains exactly like the engine and prints what `neurograph train --json` prints;
 *   exportNumpy(plan)    the forward pass for inference, with trained or initial parameters.
 */
export type { PyBackend, PyContext, PyEmitter, PyInput, TorchOptimizerEmitter } from './emit';
export { exportNumpy, type NumpyExportOptions, predictionRefs } from './numpy';
export { ExportError } from './program';
export { exportPyTorch, type PyTorchExportOptions, type PythonScript } from './pytorch';
export { PY_RNG, shuffleSeed } from './rng';
