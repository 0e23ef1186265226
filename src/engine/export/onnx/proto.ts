/**
 * ONNX models as plain objects, and their protobuf encoding through protobufjs with the official
 * schema (schema.ts). The interfaces name only the fields Neurograph uses; int64 fields are numbers
 * (the sizes and versions of a small network are far below 2^53).
 */
import protobuf from 'protobufjs/light';
import { ONNX_SCHEMA } from './schema';

/** TensorProto.DataType values used here. */
export const DataType = { FLOAT: 1, INT32: 6, INT64: 7, DOUBLE: 11 } as const;
/** AttributeProto.AttributeType values used here. */
export const AttributeType = { FLOAT: 1, INT: 2, STRING: 3, TENSOR: 4, GRAPH: 5, INTS: 7 } as const;

export interface TensorProto {
  name?: string;
  dims?: number[];
  data_type?: number;
  raw_data?: Uint8Array;
  float_data?: number[];
  double_data?: number[];
  int32_data?: number[];
  int64_data?: number[];
  external_data?: { key?: string; value?: string }[];
  data_location?: number;
  doc_string?: string;
}

export interface AttributeProto {
  name?: string;
  type?: number;
  f?: number;
  i?: number;
  s?: Uint8Array;
  t?: TensorProto;
  g?: GraphProto;
  floats?: number[];
  ints?: number[];
  graphs?: GraphProto[];
}

export interface NodeProto {
  input?: string[];
  output?: string[];
  name?: string;
  op_type?: string;
  domain?: string;
  attribute?: AttributeProto[];
  doc_string?: string;
}

export interface Dimension {
  dim_value?: number;
  dim_param?: string;
}

export interface ValueInfoProto {
  name?: string;
  type?: { tensor_type?: { elem_type?: number; shape?: { dim?: Dimension[] } } };
  doc_string?: string;
}

export interface GraphProto {
  name?: string;
  node?: NodeProto[];
  initializer?: TensorProto[];
  sparse_initializer?: unknown[];
  doc_string?: string;
  input?: ValueInfoProto[];
  output?: ValueInfoProto[];
  value_info?: ValueInfoProto[];
}

export interface ModelProto {
  ir_version?: number;
  opset_import?: { domain?: string; version?: number }[];
  producer_name?: string;
  producer_version?: string;
  doc_string?: string;
  graph?: GraphProto;
  metadata_props?: { key?: string; value?: string }[];
}

let modelType: protobuf.Type | undefined;

function model(): protobuf.Type {
  modelType ??= protobuf.Root.fromJSON(ONNX_SCHEMA).lookupType('onnx.ModelProto');
  return modelType;
}

/** The model's bytes, as a .onnx file holds them. */
export function encodeModel(m: ModelProto): Uint8Array {
  const type = model();
  return type.encode(type.fromObject(m as Record<string, unknown>)).finish();
}

/** A model from the bytes of a .onnx file; throws (protobufjs's message) when they are not one. */
export function decodeModel(bytes: Uint8Array): ModelProto {
  const type = model();
  const message = type.decode(bytes);
  return type.toObject(message, { longs: Number, enums: Number, bytes: Uint8Array }) as ModelProto;
}

/** The numbers of a tensor as doubles, from whichever field holds them (raw bytes are little-endian). */
export function tensorValues(t: TensorProto): Float64Array {
  const type = t.data_type ?? 0;
  const raw = t.raw_data;
  if (raw && raw.length > 0) {
    const view = new DataView(raw.buffer, raw.byteOffset, raw.byteLength);
    const size = { [DataType.FLOAT]: 4, [DataType.DOUBLE]: 8, [DataType.INT64]: 8, [DataType.INT32]: 4 }[
      type
    ];
    if (!size)
      throw new Error(`tensor “${t.name ?? ''}” has data type ${type}, which is not a number type read here`);
    const out = new Float64Array(raw.byteLength / size);
    for (let i = 0; i < out.length; i++) {
      const at = i * size;
      out[i] =
        type === DataType.FLOAT
          ? view.getFloat32(at, true)
          : type === DataType.DOUBLE
            ? view.getFloat64(at, true)
            : type === DataType.INT32
              ? view.getInt32(at, true)
              : Number(view.getBigInt64(at, true));
    }
    return out;
  }
  const list = t.float_data?.length
    ? t.float_data
    : t.double_data?.length
      ? t.double_data
      : t.int64_data?.length
        ? t.int64_data
        : (t.int32_data ?? []);
  return Float64Array.from(list);
}

/** A float32 tensor (raw little-endian bytes) of the given shape. */
export function floatTensor(name: string, dims: number[], values: ArrayLike<number>): TensorProto {
  const raw = new Uint8Array(values.length * 4);
  const view = new DataView(raw.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(i * 4, values[i], true);
  return { name, dims, data_type: DataType.FLOAT, raw_data: raw };
}

/** An int64 tensor (as Slice's starts/ends and Reshape's shape want). */
export function int64Tensor(name: string, dims: number[], values: readonly number[]): TensorProto {
  return { name, dims, data_type: DataType.INT64, int64_data: [...values] };
}
