/**
 * The part of the ONNX schema Neurograph reads and writes, as a protobufjs JSON descriptor.
 *
 * Source: onnx/onnx.proto of github.com/onnx/onnx (commit f7546912, August 2026), Copyright (c) ONNX
 * Project Contributors, licensed under the Apache License 2.0. Kept: the messages a model of an MLP
 * needs, with their official field names, numbers and types; left out: training info, functions,
 * sharding, quantization annotations, sequence/map types (protobufjs skips fields it does not know, so
 * a file that has them still decodes). The sparse initializers are kept so an import can refuse them.
 */
import type { INamespace } from 'protobufjs/light';

const repeated = (type: string, id: number, packed = false) => ({
  rule: 'repeated',
  type,
  id,
  ...(packed ? { options: { packed: true } } : {}),
});
const optional = (type: string, id: number) => ({ type, id });

export const ONNX_SCHEMA: INamespace = {
  nested: {
    onnx: {
      nested: {
        AttributeProto: {
          fields: {
            name: optional('string', 1),
            ref_attr_name: optional('string', 21),
            doc_string: optional('string', 13),
            type: optional('AttributeType', 20),
            f: optional('float', 2),
            i: optional('int64', 3),
            s: optional('bytes', 4),
            t: optional('TensorProto', 5),
            g: optional('GraphProto', 6),
            floats: repeated('float', 7),
            ints: repeated('int64', 8),
            strings: repeated('bytes', 9),
            tensors: repeated('TensorProto', 10),
            graphs: repeated('GraphProto', 11),
          },
          nested: {
            AttributeType: {
              values: {
                UNDEFINED: 0,
                FLOAT: 1,
                INT: 2,
                STRING: 3,
                TENSOR: 4,
                GRAPH: 5,
                SPARSE_TENSOR: 11,
                TYPE_PROTO: 13,
                FLOATS: 6,
                INTS: 7,
                STRINGS: 8,
                TENSORS: 9,
                GRAPHS: 10,
                SPARSE_TENSORS: 12,
                TYPE_PROTOS: 14,
              },
            },
          },
        },
        ValueInfoProto: {
          fields: {
            name: optional('string', 1),
            type: optional('TypeProto', 2),
            doc_string: optional('string', 3),
          },
        },
        NodeProto: {
          fields: {
            input: repeated('string', 1),
            output: repeated('string', 2),
            name: optional('string', 3),
            op_type: optional('string', 4),
            domain: optional('string', 7),
            attribute: repeated('AttributeProto', 5),
            doc_string: optional('string', 6),
          },
        },
        ModelProto: {
          fields: {
            ir_version: optional('int64', 1),
            opset_import: repeated('OperatorSetIdProto', 8),
            producer_name: optional('string', 2),
            producer_version: optional('string', 3),
            domain: optional('string', 4),
            model_version: optional('int64', 5),
            doc_string: optional('string', 6),
            graph: optional('GraphProto', 7),
            metadata_props: repeated('StringStringEntryProto', 14),
          },
        },
        StringStringEntryProto: {
          fields: { key: optional('string', 1), value: optional('string', 2) },
        },
        GraphProto: {
          fields: {
            node: repeated('NodeProto', 1),
            name: optional('string', 2),
            initializer: repeated('TensorProto', 5),
            sparse_initializer: repeated('SparseTensorProto', 15),
            doc_string: optional('string', 10),
            input: repeated('ValueInfoProto', 11),
            output: repeated('ValueInfoProto', 12),
            value_info: repeated('ValueInfoProto', 13),
          },
        },
        TensorProto: {
          fields: {
            dims: repeated('int64', 1),
            data_type: optional('int32', 2),
            float_data: repeated('float', 4, true),
            int32_data: repeated('int32', 5, true),
            string_data: repeated('bytes', 6),
            int64_data: repeated('int64', 7, true),
            name: optional('string', 8),
            doc_string: optional('string', 12),
            raw_data: optional('bytes', 9),
            external_data: repeated('StringStringEntryProto', 13),
            data_location: optional('DataLocation', 14),
            double_data: repeated('double', 10, true),
            uint64_data: repeated('uint64', 11, true),
          },
          nested: {
            DataType: {
              values: {
                UNDEFINED: 0,
                FLOAT: 1,
                UINT8: 2,
                INT8: 3,
                UINT16: 4,
                INT16: 5,
                INT32: 6,
                INT64: 7,
                STRING: 8,
                BOOL: 9,
                FLOAT16: 10,
                DOUBLE: 11,
                UINT32: 12,
                UINT64: 13,
              },
            },
            DataLocation: { values: { DEFAULT: 0, EXTERNAL: 1 } },
          },
        },
        SparseTensorProto: {
          fields: {
            values: optional('TensorProto', 1),
            indices: optional('TensorProto', 2),
            dims: repeated('int64', 3),
          },
        },
        TensorShapeProto: {
          fields: { dim: repeated('Dimension', 1) },
          nested: {
            Dimension: {
              fields: {
                dim_value: optional('int64', 1),
                dim_param: optional('string', 2),
                denotation: optional('string', 3),
              },
            },
          },
        },
        TypeProto: {
          fields: {
            tensor_type: optional('Tensor', 1),
            denotation: optional('string', 6),
          },
          nested: {
            Tensor: {
              fields: {
                elem_type: optional('int32', 1),
                shape: optional('TensorShapeProto', 2),
              },
            },
          },
        },
        OperatorSetIdProto: {
          fields: { domain: optional('string', 1), version: optional('int64', 2) },
        },
      },
    },
  },
};
