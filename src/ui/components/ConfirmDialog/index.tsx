import type { ComponentChildren } from 'preact';
import { useEffect, useId, useRef } from 'preact/hooks';
import { Button } from '../Button';
import './style.css';

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children?: ComponentChildren;
  confirmLabel: string;
  cancelLabel: string;
  /** Styles the confirm button as destructive ("Xóa"). */
  danger?: boolean;
  busy?: boolean;
  onConfirm: () => void;
  /** Also called on Escape. */
  onCancel: () => void;
}

/**
 * A modal question on the native <dialog>: the browser traps focus, makes the rest inert and
 * closes on Escape. Focus starts on Cancel (the safe answer) and returns where it was.
 */
export function ConfirmDialog(props: ConfirmDialogProps) {
  const { open, title, children, confirmLabel, cancelLabel, danger, busy, onConfirm, onCancel } = props;
  const dialog = useRef<HTMLDialogElement>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const id = useId();

  useEffect(() => {
    const el = dialog.current;
    if (!el || !open) return;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (!el.open) el.showModal();
    cancel.current?.focus();
    return () => {
      if (el.open) el.close();
      returnTo?.focus();
    };
  }, [open]);

  return (
    <dialog
      ref={dialog}
      class="confirm"
      aria-labelledby={`${id}-t`}
      aria-describedby={children ? `${id}-d` : undefined}
      onCancel={(e) => {
        // Escape: let the owner decide (it closes by setting open=false).
        e.preventDefault();
        if (!busy) onCancel();
      }}
    >
      <h2 id={`${id}-t`} class="confirm__title">
        {title}
      </h2>
      {children && (
        <div id={`${id}-d`} class="confirm__body">
          {children}
        </div>
      )}
      <div class="confirm__actions">
        <Button ref={cancel} onClick={onCancel} disabled={busy}>
          {cancelLabel}
        </Button>
        <Button variant={danger ? 'danger' : 'primary'} busy={busy} onClick={onConfirm}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
