/**
 * "Build an MLP": layer sizes, activations, neuron-level or dense, dataset, loss and optimizer,
 * with defaults that fit the dataset's task. Every field is checked as it is typed; Build opens the
 * wired network laid out as a new document (the previous one stays a click away).
 */
import { useMemo, useState } from 'react';
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
import { SelectField, TextField } from './MlpFields';
import { Modal } from './Modal';
import './dialogs.css';

const FIRST_DATASET: DatasetId = 'circle';

/** The last form built, so the dialog reopens where the learner left it. */
let lastForm: MlpForm | null = null;

const DATASET_CHOICES = DATASETS.map((d) => ({ value: d.id, label: d.label }));

/**
 * How the network is drawn: neuron by neuron (offered only while the network is small enough to
 * draw so) or dense layers.
 */
function LevelChoice({
  level: chosen,
  error,
  neuronProblem,
  onChange,
}: {
  level: MlpLevel;
  error?: string;
  neuronProblem?: string;
  onChange: (level: MlpLevel) => void;
}) {
  return (
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
              className={`mlp__level${level === chosen ? ' is-checked' : ''}${disabled ? ' is-disabled' : ''}`}
              data-testid={`mlp-level-${level}`}
            >
              <input
                type="radio"
                name="mlp-level"
                className="visually-hidden"
                value={level}
                checked={level === chosen}
                disabled={disabled}
                onChange={() => onChange(level)}
              />
              <span className="mlp__level-title">{title}</span>
              <span className="mlp__level-sub">{sub}</span>
            </label>
          );
        })}
      </div>
      {(error || neuronProblem) && (
        <p
          className={error ? 'field__error' : 'field__hint'}
          data-testid="mlp-level-note"
          id="mlp-level-error"
        >
          {error ?? neuronProblem}
        </p>
      )}
    </fieldset>
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

        <LevelChoice
          level={form.level}
          error={err('level')}
          neuronProblem={neuronProblem}
          onChange={(level) => set('level', level)}
        />

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
