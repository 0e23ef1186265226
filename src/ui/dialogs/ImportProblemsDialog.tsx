import { useEffect, useRef } from 'react';
import type { Problem } from '../../format';
import { useSession } from '../../store';

/** Why a file could not be opened: each problem with its path in the file. The current network is untouched. */
export function ImportProblemsDialog({ fileName, problems }: { fileName: string; problems: Problem[] }) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
  }, []);
  const close = () => useSession.getState().closeDialog();
  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby="import-problems-title"
      onClose={close}
      data-testid="import-problems"
    >
      <h2 id="import-problems-title">“{fileName}” could not be opened</h2>
      <p className="dialog__lead">
        {problems.length === 1 ? 'One problem was found' : `${problems.length} problems were found`}. Your
        current network has not changed.
      </p>
      <ul className="problems">
        {problems.map((p, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: a fixed list.
          <li key={i}>
            {p.path && <code>{p.path}</code>}
            <span>{p.message}</span>
          </li>
        ))}
      </ul>
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" onClick={close}>
          OK
        </button>
      </div>
    </dialog>
  );
}
