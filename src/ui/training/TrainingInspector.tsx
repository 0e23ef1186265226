/**
 * Training in the inspector: a selected edge's or node's numbers of this step, the optimizer's
 * state per parameter, and the gradient EXPLAINED — the chain rule with this step's numbers, typeset
 * by KaTeX — with a "verify" button that computes the same derivative by finite differences.
 */
import { useEffect, useState } from 'react';
import type { GradientExplanation, GradientVerification } from '../../engine/training';
import type { TrainingState } from '../../store/training';
import { useReadout, useTraining } from '../../store/training-app';
import {
  type Numbers,
  type ParamOverlay,
  selectEdgeOverlay,
  selectNodeOverlay,
} from '../../store/training-overlay';
import { CheckIcon } from '../icons';
import { Formula } from '../inspector/Formula';
import { Section } from '../inspector/Section';
import { DataSamples } from './DataSamples';
import { DroppedUnits } from './DroppedUnits';
import { fmt, fmtList, fmtPrecise } from './format';
import { usePictureInput, WeightPictures } from './WeightPictures';

const STATE_LABELS: Record<string, string> = {
  velocity: 'velocity',
  m: 'm (1st moment)',
  v: 'v (2nd moment)',
  vMax: 'max v',
  sumSq: 'Σ g²',
  sqAvg: 'mean g²',
  gAvg: 'mean g',
};

const PLAYING_REFRESH_MS = 1000;

/** What the explanation depends on: the step shown, the run, the example. */
const selectMoment = (s: TrainingState) =>
  `${s.loadId}:${s.step}:${s.liveStep}:${s.seeking}:${s.batch.example}:${s.phase?.last ?? ''}:${s.phase?.next ?? ''}`;

function Value({ x, testid, precise }: { x: number | undefined; testid?: string; precise?: boolean }) {
  return (
    <span
      className={`train-num${x !== undefined && !Number.isFinite(x) ? ' is-bad' : ''}`}
      data-testid={testid}
      data-value={x === undefined ? undefined : String(x)}
    >
      {precise && x !== undefined ? fmtPrecise(x) : fmt(x)}
    </span>
  );
}

function Rows({ rows, precise }: { rows: [string, Numbers, string?][]; precise?: boolean }) {
  return (
    <dl className="train-kv">
      {rows.map(([k, v, testid]) => (
        <div className="train-kv__row" key={k}>
          <dt>{k}</dt>
          <dd title={v.length > 1 ? v.map(fmt).join(', ') : undefined}>
            {v.length === 1 ? (
              <Value x={v[0]} testid={testid} precise={precise} />
            ) : (
              <span className="train-num">{fmtList(v)}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** One empty list: a selector returning a new [] each time makes React re-render forever. */
const NO_STATE: readonly string[] = [];

/** The numbers of one parameter block, the optimizer's state for it, and its explanation. */
function ParamDetails({ param, edgeId }: { param: ParamOverlay; edgeId?: string }) {
  const names = useTraining((s) => s.layout?.optimizer?.state ?? NO_STATE);
  const optimizer = useTraining((s) => s.layout?.optimizer?.kind.replace('opt.', '') ?? null);
  const [element, setElement] = useState(0);
  const j = Math.min(element, param.value.length - 1);
  const pick = (xs: Numbers): Numbers => (xs.length > 1 ? [xs[j]] : xs);
  const g = param.grad[j];
  const d = param.delta[j];
  const rate = g !== 0 && Number.isFinite(g) && Number.isFinite(d) ? Math.abs(d / g) : undefined;
  const label = param.value.length > 1 ? `${param.label}[${j}]` : param.label;
  return (
    <>
      {param.value.length > 1 && (
        <label className="train-element">
          <span>Number</span>
          <input
            type="number"
            className="input"
            min={0}
            max={param.value.length - 1}
            value={j}
            onChange={(e) =>
              setElement(Math.max(0, Math.min(param.value.length - 1, Number(e.target.value) || 0)))
            }
          />
          <span className="train-element__of">of {param.value.length}</span>
        </label>
      )}
      <Rows
        rows={[
          [label, pick(param.value), 'param-value'],
          [`∂L/∂${label}`, pick(param.grad), 'param-grad'],
          [`last Δ${label}`, pick(param.delta), 'param-delta'],
        ]}
      />
      {names.length > 0 && param.state.length > 0 && (
        <div className="train-optimizer" data-testid="optimizer-state">
          <h4>Optimizer state{optimizer ? ` (${optimizer})` : ''}</h4>
          <Rows
            rows={[
              ...names.map((n, i): [string, Numbers, string] => [
                STATE_LABELS[n] ?? n,
                pick(param.state[i] ?? []),
                `state-${n}`,
              ]),
              ['effective step |Δ/∂|', rate === undefined ? [] : [rate], 'effective-rate'],
            ]}
          />
        </div>
      )}
      <Explain edgeId={edgeId} element={j} index={param.offset + j} label={label} canVerify />
    </>
  );
}

/** The chain rule for a gradient with this step's numbers, and its finite-difference check. */
function Explain({
  edgeId,
  element,
  index,
  label,
  canVerify,
}: {
  /** Explain this edge (`element`: which number of a vector weight)… */
  edgeId?: string;
  element?: number;
  /** …or θ_index; also the number a verification checks. */
  index?: number;
  label: string;
  canVerify: boolean;
}) {
  const moment = useTraining(selectMoment);
  const playing = useTraining((s) => s.playing);
  // After a full step θ has moved on from the θ its gradient was computed at.
  const afterUpdate = useTraining((s) => s.phase?.next === 'forward' && s.step > 0);
  const [explanation, setExplanation] = useState<GradientExplanation | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [verification, setVerification] = useState<{ at: string; result: GradientVerification } | null>(null);
  const [checking, setChecking] = useState(false);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `moment` is the trigger: a new step, example or run.
  useEffect(() => {
    let alive = true;
    const run = () => {
      const t = useTraining.getState();
      const request = edgeId !== undefined ? t.explainEdge(edgeId, element) : t.explainParameter(index!);
      request.then(
        (e) => {
          if (!alive) return;
          setExplanation(e);
          setProblem(null);
        },
        (e: Error) => {
          if (!alive) return;
          setExplanation(null);
          setProblem(e.message);
        },
      );
    };
    // While playing, at most once a second; otherwise at once.
    const timer = setTimeout(run, playing ? PLAYING_REFRESH_MS : 0);
    return () => {
      alive = false;
      clearTimeout(timer);
    };
  }, [edgeId, element, index, moment, playing]);

  const verify = async () => {
    if (index === undefined) return;
    setChecking(true);
    try {
      const result = await useTraining.getState().verifyGradient(index);
      setVerification({ at: moment, result });
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    } finally {
      setChecking(false);
    }
  };

  const shown = explanation;
  const v =
    verification && verification.at === moment && verification.result.index === index
      ? verification.result
      : null;
  const agree = v ? v.relativeError < 1e-4 : false;
  return (
    <div className="train-explain" data-testid="gradient-explain">
      <h4>Why ∂L/∂{label} is what it is</h4>
      {problem && <p className="inspector__tip">{problem}</p>}
      {shown && (
        <>
          <Formula tex={shown.tex} wrap />
          <p className="train-explain__text" data-testid="explain-text">
            {shown.text}
          </p>
        </>
      )}
      {canVerify && index !== undefined && (
        <div className="train-verify">
          <button
            type="button"
            className="btn btn--outline"
            onClick={() => void verify()}
            disabled={checking || !!problem}
            title={`Nudge ${label} by ±ε, recompute the loss on the same batch, and compare the slope with backprop’s`}
            data-testid="verify-gradient"
          >
            <CheckIcon />
            Verify by finite differences
          </button>
          {v && (
            <div
              className={`train-verify__result${agree ? ' is-ok' : ' is-off'}`}
              data-testid="verify-result"
            >
              <Rows
                precise
                rows={[
                  ['backprop', [v.analytic], 'verify-analytic'],
                  [`(L(+ε) − L(−ε)) / 2ε`, [v.numeric], 'verify-numeric'],
                  ['relative error', [v.relativeError], 'verify-error'],
                ]}
              />
              <p className="train-verify__verdict">
                {agree
                  ? `They agree (ε = ${fmt(v.eps)}): backprop computed this derivative right.`
                  : `They differ by more than 1e−4 (ε = ${fmt(v.eps)}): a kink of the function nearby, or a gradient bug.`}{' '}
                Both are taken at the weights shown, on this step’s batch
                {afterUpdate
                  ? ` (after the update, so they differ a little from the ∂L/∂${label} above)`
                  : ''}
                .
              </p>
            </div>
          )}
        </div>
      )}
    </div>
  );
}

/** A selected edge during training: its weight, gradient, last update, optimizer state; explained. */
export function TrainingEdgeSection({ id }: { id: string }) {
  const entry = useReadout(selectEdgeOverlay(id));
  const seeking = useTraining((s) => s.seeking);
  if (!entry) return null;
  return (
    <Section title="Training" aside={seeking ? <span className="train-chip">history</span> : undefined}>
      <div className="train-inspector" data-testid="edge-training">
        {entry.param ? (
          <ParamDetails param={entry.param} edgeId={id} />
        ) : (
          <>
            <Rows
              rows={[
                ['x (flowing forward)', entry.x, 'edge-x'],
                ['∂L/∂x (flowing back)', entry.dx, 'edge-dx'],
              ]}
            />
            <Explain edgeId={id} label="x" canVerify={false} />
          </>
        )}
      </div>
    </Section>
  );
}

/**
 * BatchNorm's running mean and variance: not trained (no gradient, no optimizer state), moved on by
 * every training step and used wherever the network evaluates.
 */
function RunningStatistics({ params }: { params: readonly ParamOverlay[] }) {
  if (params.length === 0) return null;
  return (
    <div className="train-param" data-testid="running-statistics">
      <h4 className="train-param__title">Running statistics (not trained)</h4>
      <p className="train-inspector__note">
        Training normalises with the batch’s own mean and variance; each step then moves these a fraction m
        (the momentum) towards the batch’s mean and unbiased variance. The test set, the decision boundary and
        predictions normalise with them instead.
      </p>
      <Rows
        rows={params.flatMap((p): [string, Numbers, string][] => [
          [p.label, p.value, `buffer-${p.name}`],
          [`last Δ${p.label}`, p.delta, `buffer-delta-${p.name}`],
        ])}
      />
    </div>
  );
}

/** A selected node during training: its outputs and their gradients, its own parameters. */
export function TrainingNodeSection({ id }: { id: string }) {
  const entry = useReadout(selectNodeOverlay(id));
  const mean = useTraining((s) => s.mean);
  const example = useTraining((s) => s.batch.example);
  const picture = usePictureInput(id);
  const data = useTraining((s) => s.layout?.data ?? null);
  if (!entry) return null;
  const ports = [...entry.outputs, ...entry.scratch];
  const weights = picture ? entry.params.find((p) => p.name === 'W') : undefined;
  const mask = entry.scratch.find((p) => p.port === 'mask');
  const samples = data?.node === id && data.image ? { data, image: data.image } : null;
  return (
    <Section title="Training">
      <div className="train-inspector" data-testid="node-training">
        <p className="train-inspector__note">{mean ? 'Batch mean' : `Example ${example + 1} of the batch`}</p>
        {samples && <DataSamples data={samples.data} image={samples.image} />}
        {mask && <DroppedUnits mask={mask.values} mean={mean} />}
        {picture && weights && <WeightPictures weights={weights.value} image={picture} />}
        <Rows
          rows={ports.flatMap((p): [string, Numbers, string][] => [
            [p.port, p.values, `value-${p.port}`],
            [`∂L/∂${p.port}`, p.grads, `grad-${p.port}`],
          ])}
        />
        {entry.params
          .filter((p) => !p.buffer)
          .map((p) => (
            <div className="train-param" key={p.block}>
              <h4 className="train-param__title">Parameter {p.label}</h4>
              <ParamDetails param={p} />
            </div>
          ))}
        <RunningStatistics params={entry.params.filter((p) => p.buffer)} />
      </div>
    </Section>
  );
}
