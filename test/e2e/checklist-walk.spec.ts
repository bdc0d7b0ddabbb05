/**
 * Issue #10 item 5: what it costs to answer a whole checklist on a 360×640 phone. A person creates
 * the mountain commune's assessment and answers every component of the fixture (notes, the "…khác"
 * names and the N/A reason included), then opens the result: once scrolling down the list (only as
 * far as each next tap needs), once with each card's "Tiếp theo ↓". Prints the taps and the scroll
 * distance (re-run: `npm run build && npx playwright test checklist-walk`) and checks that every
 * target the walk tapped is at least 44×44 px.
 *
 * Measured on the checklist before the compact card (one status option per row, note always open):
 * 87 taps and 44,069 px of scrolling (68.9 screens) for the 70 components.
 */
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { mountainCommune as fx } from './fixtures';
import { ChecklistWalker, type WalkFigures } from './pages/checklist-walker';
import { HomePage } from './pages/home';

async function walk(page: Page, info: TestInfo, way: 'scroll' | 'next'): Promise<WalkFigures> {
  const home = new HomePage(page);
  await home.goto();
  const form = await home.startNew();
  await form.create(fx);
  const walker = new ChecklistWalker(page);
  await walker.checklist.expectLoaded();
  await walker.start();
  await walker.answerAll(fx.answers, way);
  await expect(page).toHaveURL(/\/summary$/);
  const f = walker.figures(Object.keys(fx.answers).length);
  console.log(
    `checklist walk, ${way} (${f.components} components): ${f.taps} taps, ${f.scrolledPx} px scrolled by hand (${f.screens} screens of 640 px), ${f.appScrolledPx} px by the app`,
  );
  if (f.smallTargets.length) console.log(`targets under 44 px: ${f.smallTargets.join('; ')}`);
  await info.attach(`checklist-walk-${way}.json`, { body: JSON.stringify(f, null, 2), contentType: 'application/json' });
  expect(f.smallTargets).toEqual([]);
  return f;
}

test('scrolling down the list: a compact card, far less than a screen per component', async ({ page }, info) => {
  test.setTimeout(360_000);
  const f = await walk(page, info, 'scroll');
  // Before the compact card: 44,069 px, 630 px (about a screen) per component.
  expect(f.scrolledPx / f.components).toBeLessThan(400);
});

test('"Tiếp theo ↓" on each card: the next unanswered component one tap away, no scrolling', async ({ page }, info) => {
  test.setTimeout(360_000);
  const f = await walk(page, info, 'next');
  // Only the odd field below the fold (a note, an N/A reason) is scrolled to by hand.
  expect(f.scrolledPx / f.components).toBeLessThan(40);
});
