/** What the team phone still has to send, what went up, what was refused, and the last failure. */
import { getDb } from '../../../db';
import { useT } from '../../../i18n';
import { readServerReason } from '../../../sync/server-reason';
import { Button } from '../../components/Button';
import { useLive } from '../../sync/use-live';

async function counts() {
  const db = getDb();
  const [entries, responses] = await Promise.all([db.teamEntries.toArray(), db.surveyResponses.toArray()]);
  const all = [...entries, ...responses];
  const waiting = all.filter((r) => r.syncState === 'queued');
  const lastError = waiting.map((r) => r.lastError).find((e) => e !== undefined);
  return {
    queued: waiting.length,
    sent: all.filter((r) => r.syncState === 'sent').length,
    rejected: all.filter((r) => r.syncState === 'rejected').length,
    lastError,
  };
}

async function sendNow(): Promise<void> {
  const { flushTeamOutbox } = await import('../../../sync/team-outbox');
  // Items waiting for their backoff go now: the member asked.
  await flushTeamOutbox({ force: true });
}

export function SendState() {
  const t = useT('team');
  const c = useLive(counts, []);
  if (!c) return null;
  const reason = c.lastError ? readServerReason(c.lastError) : undefined;
  return (
    <section class="team-send card" aria-labelledby="team-send-title">
      <h2 id="team-send-title">{t('send.title')}</h2>
      <p class="team-send__line" data-queued={c.queued} data-sent={c.sent}>
        {c.queued === 0 && c.rejected === 0 ? t('send.allSent') : t('send.queued', { count: c.queued })}
      </p>
      {c.sent > 0 && <p>{t('send.sent', { count: c.sent })}</p>}
      {c.rejected > 0 && <p class="error-text">{t('send.rejected', { count: c.rejected })}</p>}
      {c.lastError && (
        <p class="muted">
          {reason?.code === 'unauthorized' || reason?.code === 'device_revoked'
            ? t('send.revoked')
            : t('send.lastError', { reason: reason?.message ?? c.lastError })}
        </p>
      )}
      {c.queued > 0 && <Button onClick={() => void sendNow().catch(() => undefined)}>{t('send.tryNow')}</Button>}
    </section>
  );
}
