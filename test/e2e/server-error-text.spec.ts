/**
 * Issue #10 item 6: a server refusal reads in the phone's own Vietnamese. A well-formed but
 * unknown enrollment code gets the phone's text for `invalid_enrollment_code`, never the
 * server's English message, which stays only in the "Chi tiết kỹ thuật" line.
 */
import { expect, test } from '@playwright/test';
import { expectAccessible } from './axe';
import { tx } from './pages/text';

test('a wrong enrollment code is refused in Vietnamese, the server’s English only as a technical detail', async ({ page }) => {
  await page.goto('./#/enroll');
  await expect(page.getByRole('heading', { level: 1, name: tx('sync', 'enroll.title') })).toBeVisible();
  await page.getByRole('textbox', { name: tx('sync', 'enroll.code') }).fill('ZZZZ-ZZ99');
  await page.getByRole('button', { name: tx('sync', 'enroll.button'), exact: true }).click();

  const alert = page.getByRole('alert').filter({ hasText: tx('sync', 'serverError.invalid_enrollment_code') });
  await expect(alert).toBeVisible();
  await expect(alert).toHaveText(tx('sync', 'serverError.invalid_enrollment_code'));
  await expect(alert).not.toContainText('not valid');
  const detail = page.getByText(tx('sync', 'technicalDetail', { detail: 'This enrollment code is not valid' }), {
    exact: true,
  });
  await expect(detail).toBeVisible();

  await expectAccessible(page, 'the server’s error with its detail', { hard: true });
});
