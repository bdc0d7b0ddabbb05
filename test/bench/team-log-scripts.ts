/**
 * In-page scripts of the support-log save figure (issue #15), plain JavaScript strings (see
 * page-scripts.ts for why). TEAM_HOOK_SCRIPT, installed before every document, records when a
 * read-write IndexedDB transaction that includes the `teamEntries` store completes (the log
 * form's saveSupportEntry); TEAM_SAVE_SCRIPT clicks "Lưu" and measures click → that commit, and
 * click → the form's "Đã lưu" line (data-saves bumped after the commit).
 */
export const TEAM_HOOK_SCRIPT = `(() => {
  const w = window;
  const openTx = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = openTx.call(this, stores, mode, options);
    const names = typeof stores === 'string' ? [stores] : Array.from(stores);
    if (mode === 'readwrite' && names.includes('teamEntries')) {
      tx.addEventListener('complete', () => { w.__xasoTeamCommit = performance.now(); });
    }
    return tx;
  };
})();`;

/** A raw IndexedDB write of a team enrollment (the bench has no team code): the phone becomes a team phone. */
export const SEED_TEAM_SCRIPT = `() => new Promise((resolve, reject) => {
  const req = indexedDB.open('xaso');
  req.onerror = () => reject(req.error);
  req.onsuccess = () => {
    const tx = req.result.transaction('settings', 'readwrite');
    tx.objectStore('settings').put({ key: 'enrollment', value: {
      deviceToken: 'bench-no-token', deviceId: 'bench', communeCode: '24848', provinceCode: '68',
      communeName: 'Xã Lạc Dương', enrolledAt: new Date().toISOString(), role: 'team', displayName: 'Bench' } });
    tx.oncomplete = () => { req.result.close(); resolve(); };
    tx.onerror = () => reject(tx.error);
  };
})`;

export const TEAM_SAVE_SCRIPT = `() => new Promise((resolve, reject) => {
  const form = document.querySelector('form.team-form');
  const button = form && form.querySelector('button[type=submit]');
  const line = document.querySelector('.team-saved');
  if (!button || !line) return reject(new Error('no log form'));
  const saves0 = line.getAttribute('data-saves');
  let t0 = 0;
  const timer = setTimeout(() => { obs.disconnect(); reject(new Error('no "Đã lưu" within 5 s')); }, 5000);
  const obs = new MutationObserver(() => {
    if (line.getAttribute('data-saves') === saves0) return;
    const shown = performance.now() - t0;
    obs.disconnect();
    clearTimeout(timer);
    const commit = window.__xasoTeamCommit;
    resolve({ commitMs: typeof commit === 'number' && commit >= t0 ? commit - t0 : NaN, ms: shown });
  });
  obs.observe(line, { attributes: true, childList: true, characterData: true, subtree: true });
  t0 = performance.now();
  button.click();
})`;
