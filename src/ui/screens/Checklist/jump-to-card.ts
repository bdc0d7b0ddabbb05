/**
 * Brings one card on screen: opens its group (a closed <details> mounts its cards on toggle), waits
 * the few frames that takes, then scrolls the card to the top (below the sticky header: the card's
 * scroll-margin-top) and focuses it, so the next tap is on its status row. Without a target, the
 * link to the result at the foot of the checklist is focused instead: nothing is left to answer.
 */
import { cardId } from './card-ids';

const MAX_FRAMES = 30;

export function jumpToCard(groupCode: string | undefined, code: string | undefined, fallback: () => HTMLElement | null): void {
  if (!groupCode || !code) {
    const el = fallback();
    el?.scrollIntoView({ block: 'center' });
    el?.focus({ preventScroll: true });
    return;
  }
  const details = document.getElementById(`grp-${groupCode}`)?.closest('details');
  if (details && !details.open) details.open = true;
  let frames = 0;
  const tryFocus = () => {
    const el = document.getElementById(cardId(code));
    if (el) {
      el.scrollIntoView({ block: 'start' });
      el.focus({ preventScroll: true });
    } else if (++frames < MAX_FRAMES) requestAnimationFrame(tryFocus);
  };
  tryFocus();
}
