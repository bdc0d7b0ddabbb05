import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { classes } from '../classes';
import './style.css';

export interface PageProps {
  /** The screen's one h1. */
  title: ComponentChildren;
  children?: ComponentChildren;
  class?: string;
}

// The first screen of a visit keeps the browser's own focus; later screens move focus to their
// heading so a screen-reader user hears where the link led (a single-page app has no page load).
let firstPage = true;

/** A screen: the `main` landmark and its h1. */
export function Page({ title, children, class: cls }: PageProps) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (firstPage) firstPage = false;
    else heading.current?.focus({ preventScroll: false });
  }, []);
  return (
    <main id="main" class={classes('page', cls)}>
      <h1 ref={heading} tabIndex={-1} class="page__title">
        {title}
      </h1>
      {children}
    </main>
  );
}
