/**
 * The CSP hashes of the <style> elements of a page. The build inlines the first screen's CSS into
 * index.html (vite.config.ts, inlineFirstScreenCss) so that nothing but the page itself stands
 * between a phone and its first paint; the CSP (style-src 'self') would block that style unless
 * its exact text is allowed by hash. Computed from the bytes actually sent, so a rebuilt
 * index.html can never be served with the hashes of an older one.
 */
import { createHash } from 'node:crypto';

/** A <style> element with no attributes, as the build writes it; its text is what the browser hashes. */
const STYLE = /<style>([\s\S]*?)<\/style>/g;

/** `'sha256-…'` sources, one per distinct <style> element of `html`, in order of appearance. */
export function styleHashSources(html: string): string[] {
  const sources = new Set<string>();
  for (const m of html.matchAll(STYLE)) {
    sources.add(
      `'sha256-${createHash('sha256')
        .update(m[1] ?? '', 'utf8')
        .digest('base64')}'`,
    );
  }
  return [...sources];
}
