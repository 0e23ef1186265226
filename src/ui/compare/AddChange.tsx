/**
 * The form that adds one change to a variant: what to change, then its new value from the
 * choices the network allows. A change that does not fit says why, and nothing changes.
 */
import { useId, useState } from 'react';
import {
  applyChanges,
  type Change,
  type ChangeChoices,
  type ChangeType,
  optimizerChange,
} from '../../engine/compare';
import type { Graph } from '../../engine/graph';

const TYPES: { value: ChangeType; label: string }[] = [
  { value: 'learningRate', label: 'Learning rate' },
  { value: 'optimizer', label: 'Optimizer' },
  { value: 'activation', label: 'Activation' },
  { value: 'loss', label: 'Loss' },
  { value: 'init', label: 'Weight init' },
  { value: 'seed', label: 'Seed (initial weights)' },
  { value: 'batchSize', label: 'Batch size' },
];

interface Props {
  variantName: string;
  base: Graph;
  choices: ChangeChoices;
  onAdd(change: Change): void;
}

export function AddChange({ variantName, base, choices, onAdd }: Props) {
  const id = useId();
  const [type, setType] = useState<ChangeType>('learningRate');
  const [value, setValue] = useState('');
  const [unit, setUnit] = useState(choices.units[0]?.value ?? '');
  const [error, setError] = useState<string | null>(null);

  const options: { value: string; label: string }[] | null =
    type === 'optimizer'
      ? choices.optimizers
      : type === 'activation'
        ? choices.activations
        : type === 'loss'
          ? choices.losses
          : type === 'init'
            ? choices.inits
            : null;
  const shownValue = options && !options.some((o) => o.value === value) ? options[0].value : value;

  const add = () => {
    const change = build(type, shownValue, unit);
    if (typeof change === 'string') return setError(change);
    try {
      applyChanges(base, [change]);
    } catch (e) {
      return setError(e instanceof Error ? e.message.replace(/^change 1 \(\w+\): /, '') : String(e));
    }
    setError(null);
    setValue('');
    onAdd(change);
  };

  return (
    <fieldset className="compare-add">
      <legend className="visually-hidden">Add a change to {variantName}</legend>
      <select
        className="input"
        aria-label={`What to change in ${variantName}`}
        value={type}
        onChange={(e) => setType(e.target.value as ChangeType)}
      >
        {TYPES.map((t) => (
          <option key={t.value} value={t.value}>
            {t.label}
          </option>
        ))}
      </select>
      {type === 'activation' && (
        <select
          className="input"
          aria-label={`Which unit of ${variantName}`}
          value={unit}
          onChange={(e) => setUnit(e.target.value)}
        >
          {choices.units.map((u) => (
            <option key={u.value} value={u.value}>
              {u.label}
            </option>
          ))}
        </select>
      )}
      {options ? (
        <select
          className="input"
          aria-label={`New value for ${variantName}`}
          value={shownValue}
          onChange={(e) => setValue(e.target.value)}
        >
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          className="input"
          aria-label={`New value for ${variantName}`}
          aria-describedby={error ? `${id}-error` : undefined}
          aria-invalid={error ? true : undefined}
          inputMode="decimal"
          size={8}
          value={value}
          placeholder={type === 'learningRate' ? '0.01' : type === 'seed' ? '2' : '32'}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') add();
          }}
        />
      )}
      <button type="button" className="btn btn--outline" onClick={add} data-testid="compare-add-change">
        Add
      </button>
      {error && (
        <p id={`${id}-error`} className="compare-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** The change the form describes, or what is wrong with its value. */
function build(type: ChangeType, value: string, unit: string): Change | string {
  const n = Number(value.trim().replace('−', '-'));
  switch (type) {
    case 'learningRate':
      return value.trim() !== '' && Number.isFinite(n) && n > 0
        ? { type, value: n }
        : 'The learning rate must be a number above 0, such as 0.01.';
    case 'seed':
      return value.trim() !== '' && Number.isInteger(n)
        ? { type, value: n }
        : 'The seed must be a whole number.';
    case 'batchSize':
      return Number.isInteger(n) && n >= 1
        ? { type, value: n }
        : 'The batch size must be a whole number of at least 1.';
    case 'optimizer':
      return optimizerChange(value);
    case 'activation':
      return { type, node: unit, activation: value as Extract<Change, { type: 'activation' }>['activation'] };
    case 'loss':
      return { type, kind: value };
    case 'init':
      return { type, scheme: value as Extract<Change, { type: 'init' }>['scheme'] };
  }
}
