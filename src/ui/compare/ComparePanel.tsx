/**
 * Runs compared: the document's variants (each the network with named changes), trained side by
 * side in workers of their own over the same data order; one chart overlays their losses and a
 * table gives each one's result. The switcher puts one variant on the canvas at a time.
 */
import { useEffect, useMemo, useRef } from 'react';
import { baseGraph, changeChoices, MAX_STEPS, MAX_VARIANTS } from '../../engine/compare';
import { checkComparedRuns } from '../../format/check-compared-runs';
import { formatProblem } from '../../format/problem';
import { useDocument } from '../../store';
import { selectFresh, selectSummaries } from '../../store/compare';
import { useCompare } from '../../store/compare-app';
import { CanvasSwitcher } from './CanvasSwitcher';
import { CompareChart } from './CompareChart';
import { CompareTable } from './CompareTable';
import { editComparison, removeComparison } from './edit';
import { RunSettings } from './RunSettings';
import { VariantCard } from './VariantCard';
import '../layout/floating-panel.css';
import './compare.css';

/** A variant is its place in the list; a new name remounts its name field. */
const cardKey = (k: number, name: string) => `${k}:${name}`;

export function ComparePanel({ onClose }: { onClose(): void }) {
  const comparison = useDocument((s) => s.comparison);
  const nodes = useDocument((s) => s.nodes);
  const edges = useDocument((s) => s.edges);
  const seed = useDocument((s) => s.seed);
  const orderSeed = useDocument((s) => s.orderSeed);
  const runs = useCompare((s) => s.runs);
  const running = useCompare((s) => s.running);
  const root = useRef<HTMLElement>(null);

  useEffect(() => root.current?.focus(), []);

  const graph = useMemo(() => ({ seed, orderSeed, nodes, edges }), [seed, orderSeed, nodes, edges]);
  const base = useMemo(() => {
    try {
      return comparison ? baseGraph(graph, comparison) : graph;
    } catch {
      return graph;
    }
  }, [graph, comparison]);
  const choices = useMemo(() => changeChoices(base), [base]);
  const problems = useMemo(
    () => (comparison ? checkComparedRuns(graph, comparison) : []),
    [graph, comparison],
  );
  const fresh = useMemo(() => selectFresh(runs, { ...graph, comparison }), [runs, graph, comparison]);
  const rows = useMemo(() => selectSummaries(runs, comparison?.target), [runs, comparison?.target]);

  const close = () => {
    useCompare.getState().stop();
    onClose();
  };

  return (
    <section
      ref={root}
      tabIndex={-1}
      className="floating-panel compare"
      aria-labelledby="compare-title"
      data-testid="compare-panel"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          close();
        }
      }}
    >
      <header className="compare__head">
        <h2 id="compare-title" className="compare__title">
          Runs compared
        </h2>
        <button
          type="button"
          className="btn btn--icon compare-icon-button"
          aria-label="Close runs compared"
          onClick={close}
        >
          ×
        </button>
      </header>
      {!comparison ? (
        <p>No runs to compare.</p>
      ) : (
        <>
          {problems.length > 0 && (
            <ul className="compare-error" role="alert" data-testid="compare-problems">
              {problems.map((p) => (
                <li key={p.path + p.message}>{formatProblem(p)}</li>
              ))}
            </ul>
          )}
          <p className="compare__lead">
            Each run is this network with the changes listed, trained from the same start over the same order
            of examples (a run that changes the seed starts elsewhere but keeps the order; one that changes
            the batch size cuts it into other batches).
          </p>
          <ol className="compare-variants">
            {comparison.variants.map((v, k) => (
              <VariantCard
                key={cardKey(k, v.name)}
                index={k}
                variant={v}
                base={base}
                choices={choices}
                removable={comparison.variants.length > 1}
              />
            ))}
          </ol>
          <div className="compare__row">
            <button
              type="button"
              className="btn btn--outline"
              data-testid="compare-add-run"
              disabled={comparison.variants.length >= MAX_VARIANTS}
              onClick={() =>
                editComparison((r) => ({
                  ...r,
                  variants: [...r.variants, { name: `Run ${r.variants.length + 1}`, changes: [] }],
                }))
              }
            >
              Add a run
            </button>
            <span className="compare__hint">Up to {MAX_VARIANTS} runs.</span>
          </div>
          <RunSettings comparison={comparison} maxSteps={MAX_STEPS} running={running} />
          <CanvasSwitcher comparison={comparison} />
          {runs.length > 0 && (
            <CompareChart
              steps={comparison.steps}
              runs={comparison.variants.map((v, k) => ({ name: v.name, points: runs[k]?.points ?? [] }))}
            />
          )}
          <CompareTable
            variants={comparison.variants}
            runs={runs}
            rows={rows}
            fresh={fresh}
            target={comparison.target}
            steps={comparison.steps}
          />
          <p className="compare__status" aria-live="polite" data-testid="compare-status">
            {running ? 'Training…' : runs.length > 0 ? 'Done.' : ''}
          </p>
          <button
            type="button"
            className="btn btn--outline compare__remove"
            onClick={() => {
              removeComparison();
              close();
            }}
          >
            Remove these runs from the document
          </button>
        </>
      )}
    </section>
  );
}
