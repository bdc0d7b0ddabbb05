/**
 * How many files each item of the open assessment has, for the cards' "Minh chứng (n)". ONE live
 * query per assessment, shared by every card (seventy queries on opening the checklist would cost
 * its first render), re-run by Dexie only when evidenceLinks changes.
 */
import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../db';

type Counts = Record<string, number>;
type Listener = (counts: Counts) => void;

interface Watch {
  listeners: Set<Listener>;
  counts: Counts | undefined;
  stop: () => void;
}

const watches = new Map<string, Watch>();

function watch(assessmentId: string, listener: Listener): () => void {
  let w = watches.get(assessmentId);
  if (!w) {
    const created: Watch = { listeners: new Set(), counts: undefined, stop: () => undefined };
    const sub = liveQuery(async () => {
      const counts: Counts = {};
      await getDb()
        .evidenceLinks.where('assessmentId')
        .equals(assessmentId)
        .each((l) => (counts[l.code] = (counts[l.code] ?? 0) + 1));
      return counts;
    }).subscribe({
      next: (counts) => {
        created.counts = counts;
        for (const l of created.listeners) l(counts);
      },
      error: (err: unknown) => console.error('[xaso] evidence counts', err),
    });
    created.stop = () => sub.unsubscribe();
    watches.set(assessmentId, created);
    w = created;
  }
  w.listeners.add(listener);
  if (w.counts) listener(w.counts);
  const watching = w;
  return () => {
    watching.listeners.delete(listener);
    if (watching.listeners.size === 0) {
      watching.stop();
      watches.delete(assessmentId);
    }
  };
}

/** The number of files attached to one item (0 until known). */
export function useEvidenceCount(assessmentId: string, code: string): number {
  const [count, setCount] = useState(0);
  useEffect(() => watch(assessmentId, (counts) => setCount(counts[code] ?? 0)), [assessmentId, code]);
  return count;
}
