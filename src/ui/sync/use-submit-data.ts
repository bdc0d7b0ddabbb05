/**
 * What the submit panel needs besides the sync rows: the answers (live) and the catalogue and
 * methodology (lazy chunks), to say why the button is disabled before the officer taps it.
 */
import { useEffect, useState } from 'preact/hooks';
import { getDb } from '../../db';
import type { Answer } from '../../domain/types';
import { readAnswers } from '../../sync/payload';
import { loadReference, type Reference } from '../../sync/reference';
import { useLive } from './use-live';

export function useAnswerList(assessmentId: string): Answer[] | undefined {
  return useLive(() => readAnswers(getDb(), assessmentId), [assessmentId]);
}

/** undefined while loading (or if the chunks could not load offline; the server still checks). */
export function useReference(): Reference | undefined {
  const [ref, setRef] = useState<Reference>();
  useEffect(() => {
    let alive = true;
    loadReference().then(
      (r) => alive && setRef(r),
      () => undefined,
    );
    return () => {
      alive = false;
    };
  }, []);
  return ref;
}
