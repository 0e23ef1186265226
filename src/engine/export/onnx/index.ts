/**
 * ONNX: a graph's forward pass as a .onnx model (exportOnnx) and the protobuf encoding both ways
 * (proto.ts). Loaded on demand in the app: protobufjs is only needed when a model is written or read.
 */
export { exportOnnx, ONNX_OPSET, type OnnxExportOptions, type OnnxFile, onnxOutputs } from './export';
export { ELEMENTWISE_OF_ONNX_OP, ONNX_ROWS } from './kinds';
export {
  decodeModel,
  encodeModel,
  type ModelProto,
  type NodeProto,
  type TensorProto,
  tensorValues,
} from './proto';
