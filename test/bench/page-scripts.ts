/**
 * Scripts that run inside the page, as plain JavaScript strings: tsx would otherwise add its
 * helpers (__name) to functions passed to page.evaluate, which the page does not have.
 */

/**
 * Installed before every document: records when the checklist's first status control exists and
 * when the main thread is next free; and when a read-write IndexedDB transaction that includes
 * the `answers` store completes (Dexie's saveAnswer transaction), for the answer-save figure.
 */
export const READY_SCRIPT = `(() => {
  const w = window;
  w.__xasoIdbRequests = 0;
  for (const proto of [IDBObjectStore.prototype, IDBIndex.prototype]) {
    for (const name of ['get', 'getAll', 'getAllKeys', 'getKey', 'put', 'add', 'delete', 'count', 'openCursor', 'openKeyCursor', 'clear']) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      proto[name] = function (...args) { w.__xasoIdbRequests++; return original.apply(this, args); };
    }
  }
  const openTx = IDBDatabase.prototype.transaction;
  IDBDatabase.prototype.transaction = function (stores, mode, options) {
    const tx = openTx.call(this, stores, mode, options);
    const names = typeof stores === 'string' ? [stores] : Array.from(stores);
    if (mode === 'readwrite' && names.includes('answers')) {
      tx.addEventListener('complete', () => { w.__xasoAnswerCommit = performance.now(); w.__xasoRequestsAtCommit = w.__xasoIdbRequests; });
    }
    return tx;
  };
  const found = () => document.querySelector('article.comp-card input[type=radio]:not(:disabled)');
  const done = () => {
    w.__xasoReady = performance.now();
    setTimeout(() => { w.__xasoInteractive = performance.now(); }, 0);
  };
  const obs = new MutationObserver(() => { if (found()) { obs.disconnect(); done(); } });
  obs.observe(document, { subtree: true, childList: true, attributes: true });
})();`;

/**
 * Clicks a status of card `index` (the next status not currently checked, never N/A) and
 * measures, in the page: click → the `complete` event of the answers transaction (hooked by
 * READY_SCRIPT; the app's own performance.measure('xaso:save') when it records one), and
 * click → the card's save state turning "saved" (save-state--saved), shown after the commit.
 * Plain JavaScript in a string: the page must not see the helpers tsx adds to named functions.
 */
export const SAVE_SCRIPT = `(i) => new Promise((resolve, reject) => {
  const card = document.querySelectorAll('article.comp-card')[i];
  if (!card) return reject(new Error('no card ' + i));
  const radios = [...card.querySelectorAll('input[type=radio]')].filter((r) => r.value !== 'na');
  const current = radios.findIndex((r) => r.checked);
  const target = radios[(current + 1) % radios.length];
  if (!target) return reject(new Error('card ' + i + ' has no status control'));
  const before = performance.getEntriesByName('xaso:save').length;
  const requests0 = window.__xasoIdbRequests || 0;
  const state = () => (card.querySelector('.save-state') || {}).className || '';
  // Each confirmation bumps data-saves; a card going straight from one "Đã lưu" to the next shows no other state.
  const saves = () => (card.querySelector('.save-state') || { getAttribute: () => null }).getAttribute('data-saves');
  const saves0 = saves();
  let sawOther = false;
  let t0 = 0;
  const timer = setTimeout(() => {
    obs.disconnect();
    reject(new Error('card ' + i + ': no saved state within 5 s (state: ' + (state() || 'none') + ')'));
  }, 5000);
  const obs = new MutationObserver(() => {
    if (!state().includes('save-state--saved')) sawOther = true;
    else if (sawOther || (saves0 !== null && saves() !== saves0)) {
      const t = performance.now() - t0;
      obs.disconnect();
      clearTimeout(timer);
      const measures = performance.getEntriesByName('xaso:save');
      const app = measures.length > before ? measures[measures.length - 1] : undefined;
      const commit = window.__xasoAnswerCommit;
      const commitMs = typeof commit === 'number' && commit >= t0 ? commit - t0 : NaN;
      const requests = (window.__xasoRequestsAtCommit || 0) - requests0;
      resolve(app ? { commitMs: app.duration, ms: t, requests, source: 'app' } : { commitMs, ms: t, requests, source: 'idb' });
    }
  });
  obs.observe(card, { subtree: true, childList: true, attributes: true, characterData: true });
  t0 = performance.now();
  target.click();
})`;

/**
 * The floor under a save on this machine: a bare IndexedDB readwrite transaction (one put of an
 * answer-sized row into a scratch database, until `complete`), no Dexie and no rendering.
 */
export const IDB_FLOOR_SCRIPT = `(n) => new Promise((resolve, reject) => {
  const open = indexedDB.open('xaso-bench-floor', 1);
  open.onupgradeneeded = () => open.result.createObjectStore('rows', { keyPath: 'id' });
  open.onerror = () => reject(open.error);
  open.onsuccess = async () => {
    const db = open.result;
    const times = [];
    for (let i = 0; i < n; i++) {
      const t0 = performance.now();
      await new Promise((ok, fail) => {
        const tx = db.transaction('rows', 'readwrite');
        tx.objectStore('rows').put({ id: i % 7, code: 'HTS' + i, status: i % 4, note: 'Ghi chú '.repeat(8), updatedAt: new Date().toISOString() });
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      times.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 10));
    }
    db.close();
    indexedDB.deleteDatabase('xaso-bench-floor');
    resolve(times);
  };
})`;
