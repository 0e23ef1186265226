import './dialogs.css';
import { type ReactNode, useEffect, useRef } from 'react';
import { useSession } from '../../store';
import { CloseIcon } from '../icons';

interface Props {
  title: ReactNode;
  /** Id of the title element (aria-labelledby). */
  titleId: string;
  testId: string;
  className?: string;
  children: ReactNode;
  /** Called when closed by Escape, the close button or a click on the backdrop; default: close the dialog. */
  onClose?(): void;
}

/** A modal <dialog> with a title and a close button; Escape and a click outside close it. */
export function Modal({ title, titleId, testId, className, children, onClose }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) {
      d.showModal();
      // showModal focuses the first control (the close button); a dialog may name a better one.
      const first = d.querySelector<HTMLElement>('[data-autofocus]');
      first?.focus();
      if (first instanceof HTMLInputElement) first.select();
    }
  }, []);
  const close = onClose ?? (() => useSession.getState().closeDialog());
  return (
    <dialog
      ref={ref}
      className={`dialog ${className ?? ''}`}
      aria-labelledby={titleId}
      data-testid={testId}
      onClose={close}
      onMouseDown={(e) => {
        // A press on the backdrop lands on the <dialog> itself, outside its box.
        if (e.target !== e.currentTarget) return;
        const r = e.currentTarget.getBoundingClientRect();
        const inside =
          e.clientX >= r.left && e.clientX <= r.right && e.clientY >= r.top && e.clientY <= r.bottom;
        if (!inside) e.currentTarget.close();
      }}
    >
      <header className="dialog__header">
        <h2 id={titleId}>{title}</h2>
        <button type="button" className="btn btn--icon dialog__close" aria-label="Close" onClick={close}>
          <CloseIcon />
        </button>
      </header>
      {children}
    </dialog>
  );
}
