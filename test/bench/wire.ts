/**
 * One submission on the wire: the body the phone's own code sends (buildSubmission, then
 * apiRequest's JSON.stringify, captured through an injected fetch that counts the requests),
 * for a full mountain-commune assessment with notes. Checked against the server's rules
 * (parseSubmission + validateSubmission) so the figure is for a body the server accepts.
 * The figure is the bytes the client actually puts on the wire (gzipped by src/sync/gzip-body.ts
 * with CompressionStream, as in the browser), beside the raw JSON and gzip -9 for comparison; the
 * server's own handling of that body is in test/server/request-limits.test.ts.
 */
import { gunzipSync, gzipSync } from 'node:zlib';
import { parseSubmission, validateSubmission } from '../../src/domain/submission';
import { apiRequest, type FetchLike } from '../../src/sync/http';
import { fullAnswers, fullSubmission, reference } from './fixture';
import { kb, type Part, type Row } from './report';

const FIGURE = 'one submission on the wire (request body, gzip)';
const BUDGET = '≤ 4 KB, 1 request';

export interface CapturedRequest {
  method: string;
  url: string;
  /** What was sent: plain JSON text, or gzip bytes. */
  body: string | Uint8Array;
  headers: Record<string, string>;
}

/** Sends the full assessment through the sync client's HTTP layer and captures what leaves. */
export async function captureSubmission(): Promise<{
  requests: CapturedRequest[];
  answers: number;
  notes: number;
  valid: boolean;
  problems: string[];
}> {
  const ref = reference();
  const answers = fullAnswers(ref);
  const submission = fullSubmission(ref, 1, answers);
  const catalogue = ref.catalogues.get(submission.catalogueVersion);
  const methodology = ref.methodologies.get(submission.methodologyId);
  if (!catalogue || !methodology) throw new Error('no catalogue or methodology');

  const requests: CapturedRequest[] = [];
  const fetch: FetchLike = (url, init) => {
    requests.push({
      method: init?.method ?? 'GET',
      url,
      body: typeof init?.body === 'string' || init?.body instanceof Uint8Array ? init.body : '',
      headers: { ...(init?.headers as Record<string, string> | undefined) },
    });
    return Promise.resolve(new Response('{"ok":true}', { status: 200, headers: { 'Content-Type': 'application/json' } }));
  };
  // As src/sync/outbox.ts sends it.
  await apiRequest({
    method: 'PUT',
    path: '/assessments/00000000-0000-4000-8000-000000000001',
    body: submission,
    token: 'device-token',
    fetch,
    compress: true,
  });

  const sent = JSON.parse(jsonText(requests[0]?.body ?? 'null')) as unknown;
  const parsed = parseSubmission(sent);
  const check = parsed.ok
    ? validateSubmission(parsed.submission, catalogue, methodology)
    : { ok: false as const, problems: parsed.problems };
  return {
    requests,
    answers: submission.answers.length,
    notes: submission.answers.filter((a) => a.note).length,
    valid: check.ok,
    problems: check.ok ? [] : check.problems.slice(0, 3).map((p) => `${p.code ?? ''} ${p.problem}`.trim()),
  };
}

function jsonText(body: string | Uint8Array): string {
  return typeof body === 'string' ? body : gunzipSync(body).toString('utf8');
}

export const wirePart: Part = {
  name: 'wire',
  limitMs: { full: 30_000, quick: 30_000 },
  figures: [{ figure: FIGURE, budget: BUDGET }],
  run: async () => {
    const captured = await captureSubmission();
    const sentBody = captured.requests[0]?.body ?? '';
    const body = jsonText(sentBody);
    const raw = Buffer.byteLength(body, 'utf8');
    const onWire = typeof sentBody === 'string' ? Buffer.byteLength(sentBody, 'utf8') : sentBody.length;
    const gz9 = gzipSync(body, { level: 9 }).length;
    const compressedOnWire = Object.entries(captured.requests[0]?.headers ?? {}).some(
      ([k, v]) => k.toLowerCase() === 'content-encoding' && /gzip|br|deflate/.test(v),
    );
    const n = captured.requests.length;
    const pass = captured.valid && n === 1 && compressedOnWire && onWire <= 4 * 1000;
    const rows: Row[] = [
      {
        figure: FIGURE,
        value: `${kb(onWire)} on the wire${compressedOnWire ? ', gzip' : ', PLAIN'} (${kb(gz9)} at -9; ${kb(raw)} raw JSON), ${n} request${n === 1 ? '' : 's'}`,
        budget: BUDGET,
        pass,
        note:
          `${captured.answers} answers, ${captured.notes} with a Vietnamese note, built by src/sync/payload.ts and sent through src/sync/http.ts; ` +
          (captured.valid
            ? 'the server-side validation accepts it. '
            : `INVALID for the server: ${captured.problems.join('; ')}. `) +
          (compressedOnWire
            ? `The client gzips the body with CompressionStream (Content-Encoding: gzip); the server inflates it with a 4 MB cap on the result (a zip bomb gets 413).`
            : `The client sent the body uncompressed (no Content-Encoding): ${kb(raw)} cross the radio per submission.`),
      },
    ];
    return rows;
  },
};
