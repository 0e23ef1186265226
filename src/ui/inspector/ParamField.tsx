import { memo } from 'react';
import type { ParamSpec } from '../../engine/params';
import { StringsField } from '../csv/StringsField';
import { lazyComponent } from '../lazy/lazy-component';
import { BoolField } from './BoolField';
import { ChoiceField } from './ChoiceField';
import { NumberField } from './NumberField';
import { NumbersField } from './NumbersField';
import { TextParamField } from './TextParamField';

/** The CSV contents field (its preview reads the CSV) loads with the first CSV node selected. */
const CsvContentsField = lazyComponent<ParamFieldProps>('the CSV field', () =>
  import('../csv/CsvContentsField').then((m) => m.CsvContentsField),
);

export interface ParamFieldProps {
  nodeId: string;
  name: string;
  spec: ParamSpec;
  /** The resolved value (the default when the document gives none). */
  value: unknown;
}

/** One parameter's control, chosen by its spec's type. */
export const ParamField = memo(function ParamField(props: ParamFieldProps) {
  switch (props.spec.type) {
    case 'number':
      return <NumberField {...props} />;
    case 'choice':
      return <ChoiceField {...props} />;
    case 'bool':
      return <BoolField {...props} />;
    case 'text':
      return props.spec.contents ? <CsvContentsField {...props} /> : <TextParamField {...props} />;
    case 'numbers':
      return <NumbersField {...props} />;
    case 'strings':
      return <StringsField {...props} />;
  }
});

export const fieldId = (nodeId: string, name: string) => `param-${nodeId}-${name}`;
