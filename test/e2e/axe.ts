/**
 * The accessibility check every e2e journey runs on each new screen state: axe with the WCAG 2.1
 * A and AA rules; any serious or critical violation fails the test, named with its rule, impact,
 * help text and the elements it found. Soft by default, so one journey reports every screen it
 * reached; `{ hard: true }` stops at the first screen that fails.
 */
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

export async function expectAccessible(page: Page, screen: string, opts: { hard?: boolean } = {}): Promise<void> {
  await test.step(`axe: ${screen}`, async () => {
    const results = await new AxeBuilder({ page }).withTags(AXE_TAGS).analyze();
    const serious = results.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map(
        (v) =>
          `${v.id} (${v.impact}): ${v.help}\n    ${v.nodes.map((n) => `${n.target.join(' ')} — ${n.failureSummary ?? ''}`.replace(/\s+/g, ' ')).join('\n    ')}`,
      );
    (opts.hard ? expect : expect.soft)(serious, `${screen}: serious or critical axe violations`).toEqual([]);
  });
}
