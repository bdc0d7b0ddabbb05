/**
 * Issue #13 item 1 at 360×640, offline after one visit: two 12-megapixel photos and a PDF attached
 * to two items; the photos stored downscaled (≤ 1600 px, ≤ 300 KB), each file stored once under
 * the sha-256 of its bytes with its link; a caption saved; after a reload everything is there
 * (thumbnails, caption, counts on the cards); a photo full screen; a removal asks first. Axe on the
 * open panel and the viewer. The kill and storage-full faults: test/e2e/faults/phone-evidence.spec.ts.
 */
import { expectAccessible } from './axe';
import { backupWith, expect, restore, test, uuid } from './faults/fixtures';
import { ChecklistPage } from './pages/checklist';
import { ev, EvidencePanel, makePdf, makePhoto, readEvidence } from './pages/evidence';
import { HomePage } from './pages/home';
import { tx } from './pages/text';

async function expectTapTargets(panel: EvidencePanel): Promise<void> {
  for (const target of await panel.panel.locator('label.btn, button, a.btn, input[type=text]').filter({ visible: true }).all()) {
    const box = await target.boundingBox();
    expect(Math.round(box?.height ?? 0), await target.innerText()).toBeGreaterThanOrEqual(44);
  }
}

test('offline: two photos and a PDF on two items, downscaled, kept whole across a reload, viewed and removed', async ({
  page,
}) => {
  test.setTimeout(180_000);
  const id = uuid(0x3001);
  const home = new HomePage(page);
  await home.goto();
  await home.waitUntilOfflineReady();
  await expect((await restore(page, backupWith([{ id }]))).importReport).toBeVisible();
  const photos = [await makePhoto(page, 'bien-ban-hop.jpg', 1), await makePhoto(page, 'tru-so-wifi.jpg', 2)];
  for (const p of photos) expect(p.buffer.byteLength).toBeGreaterThan(1_000_000);
  await page.context().setOffline(true);

  const checklist = new ChecklistPage(page);
  await checklist.goto(id, 'HTS6');
  await checklist.openGroup('HTS');
  await checklist.statusRadio('HTS6', 2).check();
  await expect(checklist.saveState('HTS6')).toBeVisible();
  const hts6 = new EvidencePanel(page, 'HTS6');
  const hts7 = new EvidencePanel(page, 'HTS7');

  await test.step('two photos chosen at once on HTS6: stored downscaled, each once, with its link', async () => {
    await hts6.open();
    await expect(hts6.panel.getByText(ev('none'))).toBeVisible();
    await hts6.input('pickPhotos').setInputFiles(photos);
    await expect(hts6.items()).toHaveCount(2, { timeout: 30_000 });
    await expect(hts6.toggle()).toHaveText(
      new RegExp(tx('assess', 'checklist.evidence.buttonCount', { count: 2 }).replace(/[()]/g, '\\$&')),
    );
    const stored = await readEvidence(page);
    expect(stored.links.map((l) => [l.code, l.name]).sort()).toEqual([
      ['HTS6', 'bien-ban-hop.jpg'],
      ['HTS6', 'tru-so-wifi.jpg'],
    ]);
    for (const b of stored.blobs) {
      expect(b.type).toBe('image/jpeg');
      expect(b.size).toBeLessThanOrEqual(300 * 1024);
      expect(Math.max(b.width ?? 0, b.height ?? 0)).toBe(1600);
      expect(b.bytesSha256).toBe(b.sha256);
      expect(b.bytes).toBe(b.size);
    }
    console.log(
      `12-MP photos stored as ${stored.blobs.map((b) => `${b.width}×${b.height} ${Math.round(b.size / 1024)} KB`).join(', ')}`,
    );
    await expectTapTargets(hts6);
    await expectAccessible(page, 'evidence panel with two photos');
  });

  await test.step('a caption is saved as it is typed', async () => {
    await hts6.caption('bien-ban-hop.jpg').fill('Biên bản họp triển khai Wi-Fi');
    await expect(hts6.item('bien-ban-hop.jpg').getByText(ev('captionSaved'))).toBeVisible();
  });

  await test.step('a PDF on HTS7, stored as it is; the same photo again on HTS7 is not stored twice', async () => {
    await hts7.open();
    await hts7.input('pickPdf').setInputFiles(makePdf('quyet-dinh-12.pdf'));
    await expect(hts7.items()).toHaveCount(1);
    await hts7.input('pickPhotos').setInputFiles(photos[0]!);
    await expect(hts7.items()).toHaveCount(2, { timeout: 30_000 });
    const stored = await readEvidence(page);
    expect(stored.links).toHaveLength(4);
    expect(stored.blobs).toHaveLength(3);
    const pdf = stored.blobs.find((b) => b.type === 'application/pdf');
    expect(pdf?.size).toBe(makePdf('x').buffer.byteLength);
  });

  await test.step('a file that is not a photo or a PDF is refused with its reason, nothing stored', async () => {
    await hts7
      .input('pickPhotos')
      .setInputFiles({ name: 'anh.jpg', mimeType: 'image/jpeg', buffer: Buffer.from('<html>not a photo</html>') });
    await expect(hts7.panel.getByRole('alert')).toHaveText(ev('error.not-supported', { name: 'anh.jpg' }));
    expect((await readEvidence(page)).links).toHaveLength(4);
  });

  await test.step('reloaded offline: every file, thumbnail and caption is there', async () => {
    await page.reload();
    await checklist.expectLoaded();
    await checklist.openGroup('HTS');
    await expect(hts6.toggle()).toContainText('(2)');
    await expect(hts7.toggle()).toContainText('(2)');
    await hts6.open();
    await expect(hts6.items()).toHaveCount(2);
    await expect(hts6.caption('bien-ban-hop.jpg')).toHaveValue('Biên bản họp triển khai Wi-Fi');
    for (const img of await hts6.panel.locator('.evidence-item__thumb img').all()) {
      await expect(img).toHaveJSProperty('complete', true);
      expect(await img.evaluate((i: HTMLImageElement) => i.naturalWidth)).toBeGreaterThan(0);
    }
    await hts7.open();
    await expect(hts7.item('quyet-dinh-12.pdf').getByRole('link', { name: ev('openPdf') })).toBeVisible();
    await expect(hts6.panel.getByText(ev('usage', { used: '.*', files: 3 }).split('.*')[0]!)).toBeVisible();
  });

  await test.step('a photo full screen, closed again', async () => {
    await hts6
      .item('bien-ban-hop.jpg')
      .getByRole('button', { name: ev('viewNamed', { name: 'bien-ban-hop.jpg' }) })
      .click();
    const viewer = page.getByRole('dialog', { name: 'bien-ban-hop.jpg' });
    await expect(viewer.getByRole('img', { name: 'Biên bản họp triển khai Wi-Fi' })).toBeVisible();
    await expectAccessible(page, 'photo full screen');
    await viewer.getByRole('button', { name: ev('close') }).click();
    await expect(viewer).toBeHidden();
  });

  await test.step('removal asks first; the shared photo stays for the other item, the PDF goes', async () => {
    const removePdf = hts7
      .item('quyet-dinh-12.pdf')
      .getByRole('button', { name: ev('removeNamed', { name: 'quyet-dinh-12.pdf' }) });
    await removePdf.click();
    const dialog = page.getByRole('dialog', { name: ev('removeTitle') });
    await dialog.getByRole('button', { name: ev('cancel') }).click();
    await expect(hts7.items()).toHaveCount(2);
    await removePdf.click();
    await dialog.getByRole('button', { name: ev('remove') }).click();
    await expect(hts7.items()).toHaveCount(1);
    await hts7
      .item('bien-ban-hop.jpg')
      .getByRole('button', { name: ev('removeNamed', { name: 'bien-ban-hop.jpg' }) })
      .click();
    await dialog.getByRole('button', { name: ev('remove') }).click();
    await expect(hts7.panel.getByText(ev('none'))).toBeVisible();
    const stored = await readEvidence(page);
    expect(stored.links.map((l) => l.code)).toEqual(['HTS6', 'HTS6']);
    expect(stored.blobs).toHaveLength(2);
  });
});
