import { useState } from 'react';
import { useSession } from '../../store';
import { Modal } from '../dialogs/Modal';
import { writeClipboard } from './share';
import './share.css';

interface Props {
  url: string;
  /** Whether "Copy link" already put it on the clipboard. */
  copied: boolean;
  warning?: string;
}

const kilo = (n: number) => (n < 1000 ? `${n}` : `${(n / 1000).toFixed(1)}k`);

/** The share link, shown (the clipboard may be refused) with a copy button and, if long, a warning. */
export function ShareLinkDialog({ url, copied: copiedAtFirst, warning }: Props) {
  const [copied, setCopied] = useState<boolean | null>(copiedAtFirst);
  const close = () => useSession.getState().closeDialog();
  const copy = async () => setCopied(await writeClipboard(url));
  return (
    <Modal
      title="Share this network"
      titleId="share-link-title"
      testId="share-link"
      className="dialog--share"
    >
      <p className="dialog__lead">
        Whoever opens this link gets their own copy of the network as it is now. The network travels inside
        the link itself: nothing is uploaded anywhere.
      </p>
      <div className="share-link">
        <input
          className="input share-link__url"
          readOnly
          value={url}
          aria-label="Share link"
          data-testid="share-link-url"
          onFocus={(e) => e.currentTarget.select()}
        />
        <button
          type="button"
          className="btn btn--outline"
          data-testid="share-link-copy"
          data-autofocus
          onClick={() => void copy()}
        >
          Copy
        </button>
      </div>
      <p className="share-link__status" data-testid="share-link-status" role="status">
        {copied
          ? `Copied to the clipboard (${kilo(url.length)} characters).`
          : `The browser did not allow copying: select the link above and copy it (${kilo(url.length)} characters).`}
      </p>
      {warning && (
        <p className="share-link__warning" data-testid="share-link-warning" role="alert">
          {warning}
        </p>
      )}
      <div className="dialog__actions">
        <button type="button" className="btn btn--primary" onClick={close}>
          Done
        </button>
      </div>
    </Modal>
  );
}
