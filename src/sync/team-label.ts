/**
 * A team phone's display name goes up once, and again after a change (issue #15), as the
 * device's label (PUT /devices/{id}/label): the reviewer revoking a lost phone sees whose it is.
 * The name the server acknowledged is kept as `displayNameSent`; nothing goes up while the two
 * are equal. No answer or a refusal: the name stays unsent and goes with the next team flush
 * (start, signal back, a save, "Gửi ngay"), never in a loop of its own.
 */
import type { XasoDb } from '../db/database';
import { getSetting, setSetting } from '../db/settings';
import { getEnrollment, isTeamPhone } from './enrollment';
import { apiRequest, type FetchLike } from './http';

export interface TeamLabelOptions {
  db: XasoDb;
  fetch?: FetchLike | undefined;
  timeoutMs?: number | undefined;
}

/** 'sent': the server holds the name now; 'none': nothing to send; 'failed': kept for the next flush. */
export async function pushTeamLabel(opts: TeamLabelOptions): Promise<'sent' | 'none' | 'failed'> {
  const { db } = opts;
  const enrollment = await getEnrollment(db);
  if (!enrollment || !isTeamPhone(enrollment)) return 'none';
  const name = enrollment.displayName;
  if (name === undefined || name === enrollment.displayNameSent) return 'none';
  const got = await apiRequest({
    method: 'PUT',
    path: `/devices/${encodeURIComponent(enrollment.deviceId)}/label`,
    token: enrollment.deviceToken,
    body: { label: name },
    fetch: opts.fetch,
    timeoutMs: opts.timeoutMs,
  });
  if (got.kind !== 'ok') return 'failed';
  // Marked sent only if the member did not rename the phone (or it was not re-enrolled) meanwhile.
  await db.transaction('rw', db.settings, async () => {
    const current = await getSetting('enrollment', db);
    if (current?.deviceId !== enrollment.deviceId || current.displayName !== name) return;
    await setSetting('enrollment', { ...current, displayNameSent: name }, db);
  });
  return 'sent';
}
