/**
 * The Code view: the current network as the PyTorch script that trains it as the app does, or as
 * the NumPy script of its forward pass with the parameters it has now, highlighted and following
 * every edit (a moment after it). Copy and Download take the script as shown; selecting a node or
 * an edge marks the lines that compute it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import { useCompiled, useDocument, useSelection, useSession } from '../../store';
import { useTraining } from '../../store/training-app';
import { CloseIcon, CopyIcon, ExportIcon } from '../icons';
import { useCodeView } from './code-view';
import { currentScript, downloadScript, type ScriptKind, type ScriptResult } from './exports';
import { loadHighlighter } from './highlight';
import { markedLines, type Selected } from './marked-lines';
import './code.css';

/** Quiet time after an edit (or a training step) before the script is written again. */
const FOLLOW_MS = 300;

const TABS: { kind: ScriptKind; label: string }[] = [
  { kind: 'pytorch', label: 'PyTorch' },
  { kind: 'numpy', label: 'NumPy' },
];

const selectPlanResult = (s: ReturnType<typeof useCompiled.getState>) => s.result;
const selectName = (s: ReturnType<typeof useDocument.getState>) => s.name;
const selectStep = (s: ReturnType<typeof useTraining.getState>) => s.step;

/** The script, written again a moment after the network, its name or (for NumPy) the training step changes. */
function useScript(kind: ScriptKind): ScriptResult | null {
  const result = useCompiled(selectPlanResult);
  const name = useDocument(selectName);
  const step = useTraining(selectStep);
  const [script, setScript] = useState<ScriptResult | null>(null);
  const shownKind = useRef<ScriptKind | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each of these is a reason to write it again.
  useEffect(() => {
    const write = () => {
      shownKind.current = kind;
      setScript(currentScript(kind));
    };
    // Opened, or another tab chosen: at once. An edit or a step: once things are quiet.
    if (shownKind.current !== kind) {
      write();
      return;
    }
    const timer = setTimeout(write, FOLLOW_MS);
    return () => clearTimeout(timer);
  }, [kind, result, name, kind === 'numpy' ? step : 0]);
  return script;
}

function useHighlighter() {
  const [highlight, setHighlight] = useState<((line: string) => string) | null>(null);
  useEffect(() => {
    let live = true;
    void loadHighlighter().then((h) => live && setHighlight(() => h));
    return () => {
      live = false;
    };
  }, []);
  return highlight;
}

/** The selected node or edge, by the labels the scripts use. */
function useSelected(): Selected {
  const nodes = useSelection((s) => s.nodes);
  const edges = useSelection((s) => s.edges);
  const plan = useCompiled((s) => s.result.plan);
  return useMemo(() => {
    if (!plan) return {};
    if (nodes.size === 1 && edges.size === 0) return { node: plan.nodes.get([...nodes][0] as never)?.label };
    if (edges.size === 1 && nodes.size === 0) {
      const edge = plan.edges.get([...edges][0] as never);
      const source = edge && plan.nodes.get(edge.source)?.label;
      const target = edge && plan.nodes.get(edge.target)?.label;
      if (source && target) return { edge: { source, target } };
    }
    return {};
  }, [plan, nodes, edges]);
}

const ABOUT: Record<ScriptKind, (file: string, step: number) => string> = {
  pytorch: (file) =>
    `Trains this network exactly as the app does: the same initial parameters, data, batch order, loss and optimizer, in float64. Prints the loss and the parameters after N steps. Run: python3 ${file} --steps 100 (needs PyTorch).`,
  numpy: (file, step) =>
    `The forward pass for inference, predict(x), with the parameters ${step > 0 ? `of training step ${step}` : 'before training'}. Run: python3 ${file} (needs NumPy) to print the predictions for the dataset.`,
};

/** The open Code view (CodeView.tsx loads this module when the view first opens). */
export function CodePanelOpen() {
  const kind = useCodeView((s) => s.kind);
  const script = useScript(kind);
  const highlight = useHighlighter();
  const selected = useSelected();
  const lines = useMemo(
    () => (script?.ok ? script.script.source.replace(/\n$/, '').split('\n') : []),
    [script],
  );
  const html = useMemo(() => (highlight ? lines.map(highlight) : null), [lines, highlight]);
  const marked = useMemo(() => markedLines(lines, selected), [lines, selected]);
  const body = useRef<HTMLPreElement>(null);
  const firstMarked = marked.size > 0 ? Math.min(...marked) : -1;
  useEffect(() => {
    if (firstMarked < 0) return;
    body.current?.querySelector(`[data-line="${firstMarked}"]`)?.scrollIntoView({ block: 'center' });
  }, [firstMarked]);
  const close = () => useCodeView.getState().setOpen(false);
  const copy = () => {
    if (!script?.ok) return;
    void navigator.clipboard.writeText(script.script.source).then(
      () =>
        useSession
          .getState()
          .showToast(`Copied the ${kind === 'pytorch' ? 'PyTorch' : 'NumPy'} script.`, { tone: 'info' }),
      () =>
        useSession
          .getState()
          .showToast('The browser did not allow copying: select the code and copy it instead.'),
    );
  };
  return (
    <aside
      className="code-view"
      aria-labelledby="code-view-title"
      data-testid="code-view"
      onKeyDown={(e) => {
        if (e.key === 'Escape') close();
      }}
    >
      <header className="code-view__header">
        <h2 id="code-view-title">Code</h2>
        <div className="code-view__tabs" role="tablist" aria-label="Script">
          {TABS.map((t) => (
            <button
              key={t.kind}
              type="button"
              role="tab"
              aria-selected={kind === t.kind}
              aria-controls="code-view-body"
              className="code-view__tab"
              data-testid={`code-tab-${t.kind}`}
              onClick={() => useCodeView.getState().setKind(t.kind)}
            >
              {t.label}
            </button>
          ))}
        </div>
        <span className="panel-header__spacer" />
        <button type="button" className="btn" onClick={copy} disabled={!script?.ok} data-testid="code-copy">
          <CopyIcon />
          <span>Copy</span>
        </button>
        <button
          type="button"
          className="btn"
          onClick={() => downloadScript(kind)}
          disabled={!script?.ok}
          data-testid="code-download"
          title="Download the script as a .py file"
        >
          <ExportIcon />
          <span>Download .py</span>
        </button>
        <button
          type="button"
          className="btn btn--icon"
          onClick={close}
          aria-label="Close the code view"
          title="Close (Esc)"
        >
          <CloseIcon />
        </button>
      </header>
      {script && !script.ok && (
        <p className="code-view__about code-view__problem" role="status">
          {script.message}
        </p>
      )}
      {script?.ok && (
        <p className="code-view__about" data-testid="code-about">
          {ABOUT[kind](script.script.filename, script.step)}
          {marked.size > 0 && (
            <span className="code-view__legend">
              {' '}
              Marked: the lines that compute the selection
              {kind === 'pytorch' ? ' (L.backward() computes its gradient)' : ''}.
            </span>
          )}
        </p>
      )}
      <pre
        className="code-view__code"
        id="code-view-body"
        role="tabpanel"
        // biome-ignore lint/a11y/noNoninteractiveTabindex: the code scrolls; the keyboard must reach it.
        tabIndex={0}
        ref={body}
        aria-label={`${kind === 'pytorch' ? 'PyTorch' : 'NumPy'} script`}
      >
        <code className="hljs language-python">
          {lines.map((line, i) => (
            <span
              // biome-ignore lint/suspicious/noArrayIndexKey: a line's place is its identity.
              key={i}
              data-line={i}
              className={marked.has(i) ? 'code-line code-line--marked' : 'code-line'}
              // Safe: highlight.js escapes the text it marks up.
              {...(html
                ? { dangerouslySetInnerHTML: { __html: `${html[i]}\n` } }
                : { children: `${line}\n` })}
            />
          ))}
        </code>
      </pre>
    </aside>
  );
}
