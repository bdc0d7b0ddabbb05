import type { ComponentChildren } from 'preact';
import { Button } from '../Button';
import { classes } from '../classes';
import './style.css';

export interface NoticeProps {
  kind?: 'info' | 'success' | 'warning';
  children: ComponentChildren;
  /** One action, e.g. "Cập nhật" or "Tải lại". */
  action?: { label: string; onClick: () => void; busy?: boolean };
  /** Shows a close button labelled `dismissLabel`. */
  onDismiss?: () => void;
  dismissLabel?: string;
}

/**
 * A banner pinned to the bottom of the viewport, so nothing on screen shifts when it appears
 * (layout shift, CLS), for app-level news: ready offline, update available, database opened
 * elsewhere. It does not speak by itself (a region mounted with its text is not announced):
 * call announce() when showing one that matters.
 */
export function Notice({ kind = 'info', children, action, onDismiss, dismissLabel }: NoticeProps) {
  return (
    <div class={classes('notice', `notice--${kind}`)}>
      <div class="notice__text">{children}</div>
      {action && (
        <Button variant="primary" busy={action.busy} onClick={action.onClick}>
          {action.label}
        </Button>
      )}
      {onDismiss && (
        <Button variant="quiet" class="notice__close" aria-label={dismissLabel} title={dismissLabel} onClick={onDismiss}>
          <span aria-hidden="true">×</span>
        </Button>
      )}
    </div>
  );
}
