/**
 * Reads the server's answers about an assessment (the PUT result and the GET) into the few facts
 * the phone keeps. Tolerant on purpose: an older or newer server may add or rename a field, and
 * a verdict we cannot read must leave the phone's state alone rather than break the sync.
 */

export type ServerState = 'sent' | 'accepted' | 'returned';

export interface ServerView {
  /** The revision the answer is about (the one we sent, or the server's latest on GET). */
  revision?: number;
  /** The newest revision the server holds (another phone may have sent a later one). */
  latestRevision?: number;
  state: ServerState;
  /** The revision the verdict (accepted/returned) is about. */
  reviewedRevision?: number;
  comment?: string;
  componentComments?: Record<string, string>;
  /** Items a return asks evidence for, each with its note (issue #14). */
  evidenceRequests?: { code: string; note: string }[];
}

function rec(x: unknown): Record<string, unknown> | undefined {
  return typeof x === 'object' && x !== null && !Array.isArray(x) ? (x as Record<string, unknown>) : undefined;
}

function int(x: unknown): number | undefined {
  return typeof x === 'number' && Number.isInteger(x) && x > 0 ? x : undefined;
}

function toState(x: unknown): ServerState | undefined {
  if (x === 'accepted' || x === 'returned') return x;
  if (x === 'submitted' || x === 'pending' || x === 'sent') return 'sent';
  return undefined;
}

function comments(x: unknown): Record<string, string> | undefined {
  const r = rec(x);
  if (!r) return undefined;
  const out: Record<string, string> = {};
  for (const [code, text] of Object.entries(r)) if (typeof text === 'string' && text.trim() !== '') out[code] = text;
  return Object.keys(out).length > 0 ? out : undefined;
}

function evidenceRequests(x: unknown): { code: string; note: string }[] | undefined {
  if (!Array.isArray(x)) return undefined;
  const out = x.flatMap((r) => {
    const item = rec(r);
    return typeof item?.code === 'string' && typeof item.note === 'string' ? [{ code: item.code, note: item.note }] : [];
  });
  return out.length > 0 ? out : undefined;
}

/** undefined when the body says nothing we can use. */
export function readServerView(body: unknown): ServerView | undefined {
  const b = rec(body);
  if (!b) return undefined;
  const review = rec(b.review);
  // SubmissionResult: reviewState + review {verdict, revision, comment, componentComments};
  // older drafts of the API: review {state, comment, componentComments}.
  const state = toState(b.reviewState) ?? toState(review?.state) ?? toState(review?.verdict);
  if (!state) return undefined;
  const revision = int(b.revision);
  const view: ServerView = { state, revision, latestRevision: int(b.latestRevision) ?? revision };
  if (state !== 'sent') {
    view.reviewedRevision = int(review?.revision) ?? int(b.reviewedRevision) ?? revision;
    if (typeof review?.comment === 'string' && review.comment.trim() !== '') view.comment = review.comment;
    const perComponent = comments(review?.componentComments);
    if (perComponent) view.componentComments = perComponent;
    const requests = evidenceRequests(review?.evidenceRequests);
    if (requests) view.evidenceRequests = requests;
  }
  return view;
}

/** The server's newest revision from a 409 body (`current.revision` or `error.currentRevision`). */
export function readCurrentRevision(body: unknown): number | undefined {
  const b = rec(body);
  const error = rec(b?.error);
  return (
    int(rec(b?.current)?.revision) ??
    int(error?.currentRevision) ??
    int(error?.latestRevision) ??
    int(rec(error?.current)?.revision)
  );
}
