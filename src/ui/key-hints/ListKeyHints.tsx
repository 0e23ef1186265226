/**
 * The footer of a pop-up list that is worked by keys (quick-add, the connect menu): which keys
 * choose, which one does the list's job, and Escape to close.
 */
import './key-hints.css';

export function ListKeyHints({ enter }: { enter: string }) {
  return (
    <footer className="list-key-hints">
      <span>
        <kbd>↑</kbd>
        <kbd>↓</kbd> choose
      </span>
      <span>
        <kbd>Enter</kbd> {enter}
      </span>
      <span>
        <kbd>Esc</kbd> close
      </span>
    </footer>
  );
}
