/** A modal built on <dialog>: focus is trapped and Escape closes it, as the platform does. */
import { useEffect, useRef, type ReactNode } from 'react';

interface Props {
  readonly title: string;
  readonly open: boolean;
  readonly onClose: () => void;
  readonly children: ReactNode;
  readonly testId: string;
}

export function Dialog({ title, open, onClose, children, testId }: Props) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="share-dialog"
      data-testid={testId}
      aria-labelledby={`${testId}-title`}
      onClose={onClose}
    >
      <header className="share-dialog-head">
        <h2 id={`${testId}-title`}>{title}</h2>
        <button type="button" className="icon-button small" aria-label="Close" onClick={onClose}>
          ✕
        </button>
      </header>
      {open && children}
    </dialog>
  );
}
