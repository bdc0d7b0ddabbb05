/**
 * In the app bar, quietly: "Ngoại tuyến" while the phone has no connection, and how many
 * submissions wait in the outbox to be sent (issue #10 item 9). Nothing when online with an empty
 * outbox. The count is a Dexie live query, so it changes the moment a submission is queued or
 * delivered (in any tab); the connection follows the browser's online/offline events.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../../db';
import { useT } from '../../../i18n';
import './style.css';

function useOnline(): boolean {
  const [online, setOnline] = useState(() => typeof navigator === 'undefined' || navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}

function useWaiting(): number {
  const [count, setCount] = useState(0);
  useEffect(() => {
    const sub = liveQuery(() => getDb().outbox.count()).subscribe({
      next: setCount,
      error: (err: unknown) => console.error('[xaso] outbox count', err),
    });
    return () => sub.unsubscribe();
  }, []);
  return count;
}

export function ConnectionStatus() {
  const t = useT('common');
  const online = useOnline();
  const waiting = useWaiting();
  return (
    // A status region: a change is read out without moving focus.
    <p class="connection-status" role="status">
      {!online && <span class="connection-status__offline">{t('connection.offline')}</span>}
      {waiting > 0 && <span class="connection-status__waiting">{t('connection.waiting', { count: waiting })}</span>}
    </p>
  );
}
