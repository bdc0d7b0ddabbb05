/**
 * Issue #10 item 5: what it costs to answer a whole checklist on a 360×640 phone. A person creates
 * the mountain commune's assessment and answers every component of the fixture (notes, the "…khác"
 * names and the N/A reason included), scrolling only as far as each next tap needs, then opens the
 * result. Prints the taps and the scroll distance (re-run: `npm run build && npx playwright test
 * checklist-walk`), and checks that every target the walk tapped is at least 44×44 px.
 */
import { expect, test } from '@playwright/test';
import { mountainCommune as fx } from './fixtures';
import { ChecklistWalker } from './pages/checklist-walker';
import { HomePage } from './pages/home';

test('answering the whole checklist: taps and scroll distance, every tap target at least 44 px', async ({ page }, info) => {
  test.setTimeout(180_000);
  const home = new HomePage(page);
  await home.goto();
  const form = await home.startNew();
  await form.create(fx);
  const walker = new ChecklistWalker(page);
  await walker.checklist.expectLoaded();
  await walker.start();
  await walker.answerAll(fx.answers);
  await expect(page).toHaveURL(/\/summary$/);

  const figures = walker.figures(Object.keys(fx.answers).length);
  const line = `checklist walk (${figures.components} components): ${figures.taps} taps, ${figures.scrolledPx} px scrolled (${figures.screens} screens of 640 px), app scrolled ${figures.appScrolledPx} px`;
  console.log(line);
  if (figures.smallTargets.length) console.log(`targets under 44 px: ${figures.smallTargets.join('; ')}`);
  await info.attach('checklist-walk.json', { body: JSON.stringify(figures, null, 2), contentType: 'application/json' });
  expect(figures.smallTargets).toEqual([]);
});
