import type { ButtonHTMLAttributes, PartialAnchorHTMLAttributes } from 'preact';
import { classes } from '../classes';
import './style.css';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'quiet';

export type ButtonProps = Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'class' | 'className'> & {
  variant?: ButtonVariant;
  /** Disables the button and tells assistive technology that work is under way. */
  busy?: boolean;
  class?: string;
};

/** A button at least 44 px tall. type="button" unless told otherwise, so it never submits by accident. */
export function Button({ variant = 'secondary', busy, disabled, type = 'button', class: cls, ...rest }: ButtonProps) {
  return (
    <button
      {...rest}
      type={type}
      class={classes('btn', `btn--${variant}`, cls)}
      disabled={Boolean(disabled) || busy}
      aria-busy={busy || undefined}
    />
  );
}

export type LinkButtonProps = Omit<PartialAnchorHTMLAttributes<HTMLAnchorElement>, 'class' | 'className' | 'role'> & {
  href: string;
  variant?: ButtonVariant;
  class?: string;
};

/** A link that looks like a button: for navigation ("#/new"), so it opens in place and is a link to AT. */
export function LinkButton({ variant = 'secondary', class: cls, ...rest }: LinkButtonProps) {
  return <a {...rest} class={classes('btn', `btn--${variant}`, cls)} />;
}
