import type { ValueInfoProto } from './proto';

const FLOAT = 1;

/** A float32 graph input or output of N × width (1 × width without inputs, `fixedBatch`). */
export function tensorInfo(name: string, width: number, doc: string, fixedBatch = false): ValueInfoProto {
  return {
    name,
    doc_string: doc,
    type: {
      tensor_type: {
        elem_type: FLOAT,
        shape: { dim: [fixedBatch ? { dim_value: 1 } : { dim_param: 'N' }, { dim_value: width }] },
      },
    },
  };
}
