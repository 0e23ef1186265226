/**
 * The lesson in the side panel: its title and progress, the step shown (Markdown and KaTeX, the
 * button that runs its action), Back and Next, then the variants; the live checks stay pinned below.
 * Everything it does goes through the lesson store (src/store/lesson.ts).
 */
import { actionLabel, currentVariant, type LessonState, lastPage } from '../../store/lesson';
import { ChevronIcon } from '../icons';
import { ChecksBox } from './ChecksBox';
import { CompareRuns } from './CompareRuns';
import { passSummary } from './format';
import { useLesson } from './lesson-app';
import { Markdown } from './Markdown';
import './lesson-panel.css';

type S = LessonState;
const selectLesson = (s: S) => s.lesson;
const selectIndex = (s: S) => s.index;
const selectDone = (s: S) => s.done;
const selectBusy = (s: S) => s.busy;
const selectAttached = (s: S) => s.attached;
const selectVariant = (s: S) => s.variant;
const selectTrained = (s: S) => s.variantTrained;
const selectError = (s: S) => s.error;

function Progress() {
  const lesson = useLesson(selectLesson)!;
  const index = useLesson(selectIndex);
  const busy = useLesson(selectBusy);
  const pages = lesson.steps.length + (lesson.variants.length > 0 ? 1 : 0);
  return (
    <ol className="lesson-progress" aria-label="Steps">
      {Array.from({ length: pages }, (_, i) => {
        const step = lesson.steps[i];
        const title = step ? `Step ${i + 1}: ${step.title}` : 'Variants';
        return (
          // biome-ignore lint/suspicious/noArrayIndexKey: pages are positions.
          <li key={i}>
            <button
              type="button"
              className={`lesson-progress__dot${i === index ? ' is-current' : ''}${i < index ? ' is-past' : ''}${step ? '' : ' is-variants'}`}
              aria-label={title}
              aria-current={i === index ? 'step' : undefined}
              title={title}
              disabled={busy}
              onClick={() => void useLesson.getState().goTo(i)}
            >
              {step ? '' : 'V'}
            </button>
          </li>
        );
      })}
    </ol>
  );
}

function StepView() {
  const lesson = useLesson(selectLesson)!;
  const index = useLesson(selectIndex);
  const done = useLesson(selectDone);
  const busy = useLesson(selectBusy);
  const attached = useLesson(selectAttached);
  const step = lesson.steps[index];
  if (!step) return null;
  const action = step.action;
  return (
    <section className="lesson-step" data-testid="lesson-step" data-index={index}>
      <p className="lesson-step__count">
        Step {index + 1} of {lesson.steps.length}
      </p>
      <h3 className="lesson-step__title" data-testid="lesson-step-title">
        {step.title}
      </h3>
      <Markdown className="lesson-md" source={step.body} testId="lesson-body" />
      {action && action.type !== 'reset' && (
        <div className="lesson-step__action">
          {done ? (
            <p className="lesson-step__done" data-testid="lesson-action-done">
              <span aria-hidden="true">✓</span> Done: {actionLabel(action).toLowerCase()}.
            </p>
          ) : (
            <button
              type="button"
              className="btn btn--primary lesson-step__run"
              data-testid="lesson-action"
              disabled={busy || !attached}
              onClick={() => void useLesson.getState().runAction()}
            >
              ▶ {actionLabel(action)}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

const COUNT_WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six'];

/** "one change", "three changes". */
export function changesLabel(n: number): string {
  return `${COUNT_WORDS[n] ?? n} change${n === 1 ? '' : 's'}`;
}

function VariantCard({ id }: { id: string }) {
  const lesson = useLesson(selectLesson)!;
  const active = useLesson(selectVariant) === id;
  const trained = useLesson(selectTrained);
  const busy = useLesson(selectBusy);
  const attached = useLesson(selectAttached);
  const v = lesson.variants.find((x) => x.id === id)!;
  return (
    <article className={`variant-card${active ? ' is-active' : ''}`} data-testid={`variant-${v.id}`}>
      <h4 className="variant-card__title">
        {v.title}{' '}
        <span
          className={`variant-card__changes${(v.changes ?? 1) > 1 ? ' is-several' : ''}`}
          data-testid="variant-changes"
        >
          {changesLabel(v.changes ?? 1)}
        </span>
      </h4>
      <Markdown className="lesson-md variant-card__change" source={v.change} />
      <p className="variant-card__claim" data-testid="variant-claim">
        After {v.trainSteps.toLocaleString('en-US')} steps: <b>{passSummary(v.passes)}</b>
        <span className="variant-card__marks" aria-hidden="true">
          {v.passes.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: one mark per check, in order.
            <span key={i} className={p ? 'is-pass' : 'is-fail'}>
              {p ? '✓' : '✗'}
            </span>
          ))}
        </span>
      </p>
      {active ? (
        <>
          <div className="variant-card__actions">
            <button
              type="button"
              className="btn btn--primary"
              data-testid="variant-train"
              disabled={busy || !attached}
              onClick={() => void useLesson.getState().trainVariant()}
            >
              ▶ Train {v.trainSteps.toLocaleString('en-US')} steps
            </button>
            <span className="variant-card__note">
              {trained ? 'trained from its initial weights' : 'loaded, untrained'}
            </span>
          </div>
          <details className="variant-card__result" open={trained}>
            <summary>What happens</summary>
            <Markdown className="lesson-md" source={v.result} />
          </details>
        </>
      ) : (
        <button
          type="button"
          className="btn btn--outline"
          data-testid="variant-try"
          disabled={busy}
          onClick={() => void useLesson.getState().tryVariant(v.id)}
        >
          Try this variant
        </button>
      )}
    </article>
  );
}

function VariantsView() {
  const lesson = useLesson(selectLesson)!;
  const variant = useLesson((s) => currentVariant(s));
  const busy = useLesson(selectBusy);
  return (
    <section className="lesson-variants" data-testid="lesson-variants">
      <p className="lesson-step__count">After the steps</p>
      <h3 className="lesson-step__title">Variants: what a change does</h3>
      <p className="lesson-variants__lead">
        Each variant is the lesson’s network with one thing changed, unless its card says more. Try one: it
        opens untrained, with checks of its own; train it for its stated number of steps and watch the checks.
        Or train the ones that are changes of a setting side by side, and compare their losses.
      </p>
      <CompareRuns />
      {variant && (
        <p className="lesson-variants__loaded">
          On the canvas: <b>{variant.title}</b>
          <button
            type="button"
            className="btn btn--outline"
            data-testid="lesson-reopen"
            disabled={busy}
            onClick={() => void useLesson.getState().reopen()}
          >
            Back to the lesson’s network
          </button>
        </p>
      )}
      {lesson.variants.map((v) => (
        <VariantCard key={v.id} id={v.id} />
      ))}
    </section>
  );
}

function Detached() {
  const busy = useLesson(selectBusy);
  return (
    <div className="lesson-detached" role="status" data-testid="lesson-detached">
      The canvas shows another network now.
      <button
        type="button"
        className="btn btn--outline"
        disabled={busy}
        onClick={() => void useLesson.getState().reopen()}
      >
        Open the lesson’s network again
      </button>
    </div>
  );
}

function Nav() {
  const lesson = useLesson(selectLesson)!;
  const index = useLesson(selectIndex);
  const busy = useLesson(selectBusy);
  const last = lastPage(lesson);
  return (
    <nav className="lesson-nav" aria-label="Lesson steps">
      <button
        type="button"
        className="btn btn--outline"
        data-testid="lesson-back"
        disabled={busy || index === 0}
        title="The previous step, replayed from the start"
        onClick={() => void useLesson.getState().back()}
      >
        <span className="lesson-nav__back-icon">
          <ChevronIcon direction="right" />
        </span>
        Back
      </button>
      <span className="lesson-nav__where" aria-live="polite">
        {busy
          ? 'running…'
          : index < lesson.steps.length
            ? `${index + 1} / ${lesson.steps.length}`
            : 'variants'}
      </span>
      <button
        type="button"
        className="btn btn--primary"
        data-testid="lesson-next"
        disabled={busy || index >= last}
        onClick={() => void useLesson.getState().next()}
      >
        {index === lesson.steps.length - 1 && lesson.variants.length > 0 ? 'Variants' : 'Next'}
        <ChevronIcon direction="right" />
      </button>
    </nav>
  );
}

export function LessonPanel() {
  const lesson = useLesson(selectLesson);
  const index = useLesson(selectIndex);
  const attached = useLesson(selectAttached);
  const error = useLesson(selectError);
  if (!lesson) return null;
  return (
    <div className="lesson" data-testid="lesson-panel">
      <div className="lesson__scroll">
        <header className="lesson__header">
          <p className="lesson__kicker">Lesson</p>
          <h2 className="lesson__title" data-testid="lesson-title">
            {lesson.title}
          </h2>
          <Progress />
        </header>
        {!attached && <Detached />}
        {error && (
          <p className="lesson-error" role="alert">
            {error}
          </p>
        )}
        {index < lesson.steps.length ? <StepView key={index} /> : <VariantsView />}
        {index < lesson.steps.length && lesson.variants.length === 0 && <CompareRuns />}
      </div>
      <Nav />
      <ChecksBox />
    </div>
  );
}
