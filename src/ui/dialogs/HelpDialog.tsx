import { Fragment } from 'react';
import { SHORTCUTS } from '../commands/shortcuts';
import { Modal } from './Modal';

const MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform);

/** Mouse gestures are described in words, not drawn as keys. */
const GESTURE = /^(drag|drop|double-click)/i;

/** "Mod+Shift+Z / Mod+Y" → alternatives of key combinations; words that are not keys stay text. */
function Keys({ keys }: { keys: string }) {
  const alternatives = keys.split(' / ');
  return (
    <span className="shortcut-keys">
      {alternatives.map((alt, i) => (
        <Fragment key={alt}>
          {i > 0 && <span className="shortcut-keys__or">or</span>}
          <span className="shortcut-keys__combo">
            {GESTURE.test(alt) ? (
              <span className="shortcut-keys__text">{alt}</span>
            ) : (
              alt.split(/\+(?=.)/).map((k, j) => {
                const key = k === 'Mod' ? (MAC ? '⌘' : 'Ctrl') : k;
                const isWord = /^[a-z]/.test(key);
                return (
                  <Fragment key={k}>
                    {j > 0 && <span className="shortcut-keys__plus">+</span>}
                    {isWord ? <span className="shortcut-keys__text">{key}</span> : <kbd>{key}</kbd>}
                  </Fragment>
                );
              })
            )}
          </span>
        </Fragment>
      ))}
    </span>
  );
}

/** Every shortcut of the editor (the SHORTCUTS list), opened with ? or the toolbar's help button. */
export function HelpDialog() {
  return (
    <Modal
      title="Keyboard shortcuts"
      titleId="shortcuts-title"
      testId="shortcuts-dialog"
      className="dialog--shortcuts"
    >
      <p className="dialog__lead">Shortcuts act on the canvas; none fires while you type in a field.</p>
      <table className="shortcuts">
        <tbody>
          {SHORTCUTS.map((s) => (
            <tr key={s.keys}>
              <td>
                <Keys keys={s.keys} />
              </td>
              <td>{s.action}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </Modal>
  );
}
