/**
 * Live views of the sync rows for the small sync widgets. Dexie's liveQuery re-runs the query
 * whenever a table it read changes, in this tab or another one, so a badge turns "Đã gửi" the
 * moment the outbox flush commits, without any event plumbing between the sync code and the UI.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { getDb, type SyncRow } from '../../db';
import type { Assessment } from '../../domain/types';
// Only light modules here: SyncBadge sits on the home screen (first bundle), so nothing that
// pulls in zod or the data chunks (the submission schema, the catalogue) may be imported.
import { getEnrollment, type Enrollment } from '../../sync/enrollment';
import type { OutboxEntry } from '../../sync/outbox-rows';

/** undefined until the first result. The query must only use Dexie (no fetch, no timers). */
export function useLive<T>(query: () => Promise<T>, deps: readonly unknown[]): T | undefined {
  const [value, setValue] = useState<{ v: T }>();
  useEffect(() => {
    const sub = liveQuery(query).subscribe({
      next: (v) => setValue({ v }),
      error: (err: unknown) => console.error('[xaso] live query', err),
    });
    return () => sub.unsubscribe();
  }, deps);
  return value?.v;
}

export interface SyncView {
  assessment: Assessment | undefined;
  sync: SyncRow | undefined;
  outbox: OutboxEntry[];
}

export function useSyncView(assessmentId: string): SyncView | undefined {
  return useLive(async () => {
    const db = getDb();
    const [assessment, sync, outbox] = await Promise.all([
      db.assessments.get(assessmentId),
      db.sync.get(assessmentId),
      db.outbox.where('assessmentId').equals(assessmentId).toArray() as Promise<OutboxEntry[]>,
    ]);
    return { assessment, sync, outbox };
  }, [assessmentId]);
}

/** null = not enrolled; undefined = still reading. */
export function useEnrollment(): Enrollment | null | undefined {
  return useLive(async () => (await getEnrollment()) ?? null, []);
}
