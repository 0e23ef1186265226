/**
 * "Build an MLP": layer sizes, activations, neuron-level or dense, dataset, loss and optimizer,
 * with defaults that fit the dataset's task. Every field is checked as it is typed; Build opens the
 * wired network laid out as a new document (the previous one stays a click away).
 */
import { type InputHTMLAttributes, type ReactNode, useMemo, useState } from 'react';
import { DATASETS, type DatasetId } from '../../engine/datasets/builtin';
import { buildMlp } from '../../engine/examples/mlp';
import {
  ACTIVATION_CHOICES,
  checkMlpForm,
  lossChoices,
  type MlpField,
  type MlpForm,
  type MlpLevel,
  mlpDefaults,
  optimizerChoices,
  outputChoices,
  suggestedLearningRate,
  taskDescription,
  useSession,
} from '../../store';
import { openLaidOut } from '../actions/documents';
import { Modal } from './Modal';
import './dialogs.css';

const FIRST_DATASET: DatasetId = 'circle';

/** The last form built, so the dialog reopens where the learner left it. */
let lastForm: MlpForm | null = null;

const DATASET_CHOICES = DATASETS.map((d) => ({ value: d.id, label: d.label }));

interface FieldProps {
  /** The control's id and test id, e.g. `mlp-loss`; the error and hint are `${id}-error`, `${id}-hint`. */
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
}

/** The control's accessibility: described by the error while there is one (and invalid), else by the hint. */
function described(id: string, error?: string, hint?: ReactNode) {
  if (error) return { 'aria-invalid': true, 'aria-describedby': `${id}-error` } as const;
  return hint ? { 'aria-describedby': `${id}-hint` } : {};
}

/** A labelled field of the form, with its error, or its hint while there is no error. */
function Field({ children, ...field }: FieldProps & { children: ReactNode }) {
  const { id, label, error, hint } = field;
  return (
    <div className={`field mlp__field${error ? ' field--invalid' : ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children}
      {error ? (
        <p className="field__error" id={`${id}-error`} data-testid={`${id}-error`}>
          {error}
        </p>
      ) : (
        hint && (
          <p className="field__hint" id={`${id}-hint`}>
            {hint}
          </p>
        )
      )}
    </div>
  );
}

/** A field that picks one of a list of choices. */
function SelectField<T extends string>({
  value,
  choices,
  onChange,
  ...field
}: FieldProps & {
  value: T;
  choices: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
}) {
  return (
    <Field {...field}>
      <select
        id={field.id}
        className="input"
        data-testid={field.id}
        value={value}
        // The value is one of the options, all drawn from `choices`.
        onChange={(e) => onChange(e.target.value as T)}
        {...described(field.id, field.error, field.hint)}
      >
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** A field of typed text; `input` is passed to the <input> as it is. */
function TextField({
  id,
  label,
  error,
  hint,
  testId = id,
  value,
  onChange,
  className = 'input',
  ...input
}: FieldProps & {
  testId?: string;
  value: string;
  onChange: (value: string) => void;
} & Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'value' | 'onChange'>) {
  return (
    <Field id={id} label={label} error={error} hint={hint}>
      <input
        id={id}
        className={className}
        data-testid={testId}
        value={value}
        autoComplete="off"
        onChange={(e) => onChange(e.target.value)}
        {...described(id, error, hint)}
        {...input}
      />
    </Field>
  );
}

export function MlpDialog() {
  const [form, setForm] = useState<MlpForm>(() => lastForm ?? mlpDefaults(FIRST_DATASET));
  const check = useMemo(() => checkMlpForm(form), [form]);
  const neuronProblem = useMemo(() => checkMlpForm({ ...form, level: 'neuron' }).errors.level, [form]);
  const set = <K extends MlpField>(key: K, value: MlpForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = (key: MlpField) => check.errors[key];

  const build = () => {
    if (!check.spec) return;
    lastForm = form;
    useSession.getState().closeDialog();
    openLaidOut(buildMlp(check.spec));
  };

  return (
    <Modal title="Build an MLP" titleId="mlp-title" testId="mlp-dialog" className="dialog--mlp">
      <p className="dialog__lead">
        A multilayer perceptron wired to a dataset, a loss and an optimizer — laid out and ready to train.
      </p>
      <form
        className="mlp"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          build();
        }}
      >
        <SelectField
          id="mlp-dataset"
          label="Dataset"
          hint={taskDescription(form.dataset)}
          value={form.dataset}
          choices={DATASET_CHOICES}
          onChange={(dataset) => setForm((f) => mlpDefaults(dataset, f))}
        />

        <TextField
          id="mlp-sizes"
          label="Layer sizes"
          error={err('sizes')}
          hint="Inputs, hidden layers, outputs — separated by dashes."
          className="input mlp__sizes"
          value={form.sizes}
          onChange={(sizes) => set('sizes', sizes)}
          spellCheck={false}
          data-autofocus
        />

        <fieldset className="field mlp__field mlp__field--wide mlp__fieldset">
          <legend className="field__label">Draw as</legend>
          <div className="mlp__levels">
            {(
              [
                ['neuron', 'Neuron by neuron', 'every weight is an edge'],
                ['dense', 'Dense layers', 'one node per layer'],
              ] as [MlpLevel, string, string][]
            ).map(([level, title, sub]) => {
              const disabled = level === 'neuron' && !!neuronProblem;
              return (
                <label
                  key={level}
                  className={`mlp__level${form.level === level ? ' is-checked' : ''}${disabled ? ' is-disabled' : ''}`}
                  data-testid={`mlp-level-${level}`}
                >
                  <input
                    type="radio"
                    name="mlp-level"
                    className="visually-hidden"
                    value={level}
                    checked={form.level === level}
                    disabled={disabled}
                    onChange={() => set('level', level)}
                  />
                  <span className="mlp__level-title">{title}</span>
                  <span className="mlp__level-sub">{sub}</span>
                </label>
              );
            })}
          </div>
          {(err('level') || neuronProblem) && (
            <p
              className={err('level') ? 'field__error' : 'field__hint'}
              data-testid="mlp-level-note"
              id="mlp-level-error"
            >
              {err('level') ?? neuronProblem}
            </p>
          )}
        </fieldset>

        <SelectField
          id="mlp-hidden"
          label="Hidden activation"
          value={form.hidden}
          choices={ACTIVATION_CHOICES}
          onChange={(hidden) => set('hidden', hidden)}
        />

        <SelectField
          id="mlp-output"
          label="Output activation"
          error={err('output')}
          value={form.output}
          choices={outputChoices(form.dataset)}
          onChange={(output) => set('output', output)}
        />

        <SelectField
          id="mlp-loss"
          label="Loss"
          error={err('loss')}
          value={form.loss}
          choices={lossChoices(form.dataset)}
          onChange={(loss) => set('loss', loss)}
        />

        <SelectField
          id="mlp-optimizer"
          label="Optimizer"
          value={form.optimizer}
          choices={optimizerChoices()}
          onChange={(optimizer) =>
            setForm((f) => ({ ...f, optimizer, learningRate: suggestedLearningRate(optimizer) }))
          }
        />

        <TextField
          id="mlp-learningRate"
          label="Learning rate"
          error={err('learningRate')}
          testId="mlp-lr"
          inputMode="decimal"
          value={form.learningRate}
          onChange={(learningRate) => set('learningRate', learningRate)}
        />

        <TextField
          id="mlp-name"
          label="Name"
          value={form.name}
          onChange={(name) => set('name', name)}
          placeholder={check.spec?.name ?? 'MLP'}
        />

        <div className="dialog__actions mlp__actions">
          <span className="mlp__summary" data-testid="mlp-summary">
            {check.counts
              ? `${check.counts.nodes} nodes · ${check.counts.edges} connections`
              : 'Fix the fields in red to build.'}
          </span>
          <button
            type="button"
            className="btn btn--outline"
            onClick={() => useSession.getState().closeDialog()}
          >
            Cancel
          </button>
          <button type="submit" className="btn btn--primary" data-testid="mlp-build" disabled={!check.spec}>
            Build network
          </button>
        </div>
      </form>
    </Modal>
  );
}
