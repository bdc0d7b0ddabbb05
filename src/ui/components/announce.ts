/**
 * Screen-reader announcements for things that happen without a page change ("Đã lưu", "Đã xóa").
 * One polite live region, present in index.html from the start: a region created at the moment
 * of speaking is often missed by screen readers.
 */
const REGION_ID = 'announcer';

function region(): HTMLElement | undefined {
  if (typeof document === 'undefined') return undefined;
  let el = document.getElementById(REGION_ID);
  if (!el) {
    el = document.createElement('div');
    el.id = REGION_ID;
    el.className = 'visually-hidden';
    el.setAttribute('aria-live', 'polite');
    el.setAttribute('aria-atomic', 'true');
    document.body.append(el);
  }
  return el;
}

let timer: ReturnType<typeof setTimeout> | undefined;

/** Reads `message` out politely. The same message twice in a row is read twice. */
export function announce(message: string): void {
  const el = region();
  if (!el) return;
  clearTimeout(timer);
  el.textContent = '';
  // Readers announce a change of content; emptying first makes a repeated message a change.
  timer = setTimeout(() => {
    el.textContent = message;
  }, 60);
}
