/**
 * Replays recognised from the body's bytes, before the body is parsed (issue #16 item 4).
 *
 * A phone that lost an answer resends its queued body byte for byte (a third of the traffic under
 * load). Parsing, validating and hashing it again costs more CPU than anything else such a replay
 * does, and gives the same facts every time: what a body parses to is a pure function of its text.
 * So once a body was answered 200 (stored, or replayed after a full parse), the SHA-256 of the
 * assessment id and its text is remembered with what the full path derived from it: the revision, the commune it names and its
 * canonical content hash. The same text again is answered from what is stored (read with the device
 * when the body is the latest revision, see submission-state.ts), exactly
 * as the full path answers a replay (submitRevision), when that read confirms it: the assessment
 * belongs to the device's commune and holds that revision with that content hash. Anything else
 * (another commune, a revision no longer held) falls through to the full path, which decides.
 *
 * Nothing here is needed for correctness, so each server process keeps its own (bounded) memory
 * and several instances stay stateless towards each other.
 */
import { createHash } from 'node:crypto';
import type { SubmissionResult } from '../../domain/submission';
import type { AppDeps, DevicePrincipal } from '../context';
import { stateForRevision, type EarlyState } from './submission-state';
import { submissionResult } from './submission-results';

/** What the full path derived from a body it answered 200. */
export interface KnownBody {
  revision: number;
  communeCode: string;
  contentHash: string;
}

/** About 200 bytes each: a few MB at most. */
export const KNOWN_BODIES_MAX = 10_000;

export class KnownBodies {
  private readonly byText = new Map<string, KnownBody>();

  constructor(private readonly max = KNOWN_BODIES_MAX) {}

  /**
   * The key of a body's text (after any Content-Encoding is undone) sent for one assessment: the
   * same text for another assessment is another key, so it costs no read that cannot confirm it.
   */
  keyOf(assessmentId: string, text: string): string {
    return createHash('sha256').update(`${assessmentId}\n`).update(text, 'utf8').digest('base64');
  }

  get(key: string): KnownBody | undefined {
    return this.byText.get(key);
  }

  remember(key: string, body: KnownBody): void {
    if (this.byText.has(key)) return;
    // Oldest first out: a Map iterates in insertion order.
    if (this.byText.size >= this.max) this.byText.delete(this.byText.keys().next().value as string);
    this.byText.set(key, body);
  }

  get size(): number {
    return this.byText.size;
  }
}

/**
 * The stored answer to a known body, when what is stored confirms it is a replay for this device;
 * undefined sends the body down the full path.
 */
export async function replayOfKnownBody(
  deps: AppDeps,
  device: DevicePrincipal,
  id: string,
  known: KnownBody,
  early?: EarlyState,
): Promise<SubmissionResult | undefined> {
  if (known.communeCode !== device.communeCode) return undefined;
  const state = await stateForRevision(deps.db, id, known.revision, early);
  const held = state?.revision;
  if (!state || !held || state.assessment.commune_code !== device.communeCode || held.content_hash !== known.contentHash)
    return undefined;
  return submissionResult(state.assessment, held, state.review);
}
