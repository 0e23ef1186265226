/**
 * "Build an MLP": layer sizes, activations, neuron-level or dense, dataset, loss and optimizer,
 * with defaults that fit the dataset's task. Every field is checked as it is typed; Build opens the
 * wired network laid out as a new document (the previous one stays a click away).
 */
import { type ReactNode, useMemo, useState } from 'react';
import { DATASETS, type DatasetId } from '../../engine/datasets/builtin';
import { buildMlp } from '../../engine/examples/mlp';
import type { ElementwiseId } from '../../engine/kinds/activation-functions';
import {
  ACTIVATION_CHOICES,
  checkMlpForm,
  lossChoices,
  type MlpField,
  type MlpForm,
  type MlpLevel,
  type MlpOutput,
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

function Row({
  id,
  label,
  error,
  hint,
  children,
}: {
  id: string;
  label: string;
  error?: string;
  hint?: ReactNode;
  children: ReactNode;
}) {
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

export function MlpDialog() {
  const [form, setForm] = useState<MlpForm>(() => lastForm ?? mlpDefaults(FIRST_DATASET));
  const check = useMemo(() => checkMlpForm(form), [form]);
  const neuronProblem = useMemo(() => checkMlpForm({ ...form, level: 'neuron' }).errors.level, [form]);
  const set = <K extends MlpField>(key: K, value: MlpForm[K]) => setForm((f) => ({ ...f, [key]: value }));
  const err = (key: MlpField) => check.errors[key];
  const invalid = (key: MlpField) =>
    err(key) ? { 'aria-invalid': true, 'aria-describedby': `mlp-${key}-error` } : {};

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
        <Row id="mlp-dataset" label="Dataset" hint={taskDescription(form.dataset)}>
          <select
            id="mlp-dataset"
            className="input"
            data-testid="mlp-dataset"
            value={form.dataset}
            onChange={(e) => setForm((f) => mlpDefaults(e.target.value as DatasetId, f))}
          >
            {DATASETS.map((d) => (
              <option key={d.id} value={d.id}>
                {d.label}
              </option>
            ))}
          </select>
        </Row>

        <Row
          id="mlp-sizes"
          label="Layer sizes"
          error={err('sizes')}
          hint="Inputs, hidden layers, outputs — separated by dashes."
        >
          <input
            id="mlp-sizes"
            className="input mlp__sizes"
            data-testid="mlp-sizes"
            value={form.sizes}
            spellCheck={false}
            autoComplete="off"
            data-autofocus
            onChange={(e) => set('sizes', e.target.value)}
            {...invalid('sizes')}
          />
        </Row>

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

        <Row id="mlp-hidden" label="Hidden activation">
          <select
            id="mlp-hidden"
            className="input"
            data-testid="mlp-hidden"
            value={form.hidden}
            onChange={(e) => set('hidden', e.target.value as ElementwiseId)}
          >
            {ACTIVATION_CHOICES.map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Row>

        <Row id="mlp-output" label="Output activation" error={err('output')}>
          <select
            id="mlp-output"
            className="input"
            data-testid="mlp-output"
            value={form.output}
            onChange={(e) => set('output', e.target.value as MlpOutput)}
            {...invalid('output')}
          >
            {outputChoices(form.dataset).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Row>

        <Row id="mlp-loss" label="Loss" error={err('loss')}>
          <select
            id="mlp-loss"
            className="input"
            data-testid="mlp-loss"
            value={form.loss}
            onChange={(e) => set('loss', e.target.value)}
            {...invalid('loss')}
          >
            {lossChoices(form.dataset).map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Row>

        <Row id="mlp-optimizer" label="Optimizer">
          <select
            id="mlp-optimizer"
            className="input"
            data-testid="mlp-optimizer"
            value={form.optimizer}
            onChange={(e) => {
              const optimizer = e.target.value;
              setForm((f) => ({ ...f, optimizer, learningRate: suggestedLearningRate(optimizer) }));
            }}
          >
            {optimizerChoices().map((c) => (
              <option key={c.value} value={c.value}>
                {c.label}
              </option>
            ))}
          </select>
        </Row>

        <Row id="mlp-learningRate" label="Learning rate" error={err('learningRate')}>
          <input
            id="mlp-learningRate"
            className="input"
            data-testid="mlp-lr"
            inputMode="decimal"
            value={form.learningRate}
            autoComplete="off"
            onChange={(e) => set('learningRate', e.target.value)}
            {...invalid('learningRate')}
          />
        </Row>

        <Row id="mlp-name" label="Name">
          <input
            id="mlp-name"
            className="input"
            data-testid="mlp-name"
            value={form.name}
            placeholder={check.spec?.name ?? 'MLP'}
            autoComplete="off"
            onChange={(e) => set('name', e.target.value)}
          />
        </Row>

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
