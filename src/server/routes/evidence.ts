/**
 * Evidence over HTTP: the tus endpoint a device uploads to (/evidence/uploads, see
 * ../evidence/tus.ts) and the stored files, read by their SHA-256 (/evidence/files/{sha256}).
 * A file is served with its sniffed type, never as HTML: nosniff, a sandboxing CSP, and PDFs as
 * attachments. A caller who may not read a file gets the same 404 as for a file that does not
 * exist, so nobody learns what another commune holds.
 */
import type { Hono } from 'hono';
import { SHA256_HEX_RE } from '../../domain/evidence';
import { assertNotTeamDevice } from '../auth/guards';
import { resolvePrincipal } from '../auth/principal';
import type { AppDeps, AppEnv } from '../context';
import { badRequest, errorBody, forbidden, notFound, unauthorized } from '../errors';
import { asApiError } from '../evidence/errors';
import { createEvidenceTus, UPLOADS_PATH, type EvidenceOptions } from '../evidence/tus';
import { fileBytes, readableFile } from '../repositories/evidence';
import { EVIDENCE_FILE_POLICY } from '../security-headers';
import type { ApiRoutes } from './registry';

/**
 * tus's methods. The endpoint is one catch-all route because Hono answers HEAD through GET routes
 * only; tus is documented in the files route's description and src/server/README.md rather than
 * operation by operation in OpenAPI.
 */
const TUS_METHODS = new Set(['POST', 'HEAD', 'PATCH', 'DELETE', 'OPTIONS']);

export function registerEvidenceRoutes(app: Hono<AppEnv>, api: ApiRoutes, deps: AppDeps, options: EvidenceOptions = {}): void {
  const tus = createEvidenceTus(deps, options);
  app.all(`${UPLOADS_PATH}/:id?`, async (c) => {
    // tus has no GET: an upload's bytes are read as a file, by its SHA-256, once complete.
    if (!TUS_METHODS.has(c.req.raw.method)) return c.json(errorBody('method_not_allowed', 'tus: POST, HEAD, PATCH, DELETE'), 405);
    const principal = await resolvePrincipal(c, deps);
    if (!principal) throw unauthorized();
    if (principal.kind !== 'device') throw forbidden('Only an enrolled device uploads evidence');
    assertNotTeamDevice(principal);
    tus.callers.set(c.req.raw, principal);
    const res = await asApiError(await tus.server.handleWeb(c.req.raw));
    if (res.status === 503) res.headers.set('Retry-After', '5');
    return res;
  });

  api.add(
    {
      method: 'get',
      path: '/evidence/files/{sha256}',
      tag: 'evidence',
      summary: 'An evidence file by its SHA-256 (HEAD: whether the server holds it for the caller)',
      description:
        'Files are uploaded with tus 1.0.0 (creation, creation-with-upload, termination) at /api/v1/evidence/uploads by ' +
        'an enrolled device, Upload-Metadata `sha256`, `type`, `filename`, `communeCode` (its own). ' +
        "Readable by the commune's devices, its province's reviewers and the admin; anyone else gets 404, as for a " +
        'file the server does not hold. Served with the type read from its bytes, `nosniff`, a sandboxing CSP, PDFs ' +
        'as attachments.',
      auth: 'any',
      responses: {
        200: { description: 'The bytes', contentType: 'application/octet-stream' },
        404: { description: 'Not held, or not readable by the caller' },
      },
    },
    async (c) => {
      const sha256 = c.req.param('sha256') ?? '';
      if (!SHA256_HEX_RE.test(sha256)) throw badRequest('invalid_sha256', 'A file is named by 64 lowercase hex digits');
      const principal = c.get('principal');
      if (!principal) throw unauthorized();
      const meta = await readableFile(deps.db, principal, sha256);
      if (!meta) throw notFound('No such evidence file');
      // HEAD only asks whether the server holds it: the bytes are not read.
      const data = c.req.method === 'HEAD' ? null : await fileBytes(deps.db, sha256);
      if (c.req.method !== 'HEAD' && !data) throw notFound('No such evidence file');
      const pdf = meta.type === 'application/pdf';
      const name = `evidence-${sha256.slice(0, 12)}.${pdf ? 'pdf' : meta.type.slice('image/'.length)}`;
      return new Response(data as Uint8Array<ArrayBuffer> | null, {
        status: 200,
        headers: {
          'Content-Type': meta.type,
          'Content-Length': String(meta.size),
          'Content-Disposition': `${pdf ? 'attachment' : 'inline'}; filename="${name}"`,
          'Content-Security-Policy': EVIDENCE_FILE_POLICY,
          ETag: `"${sha256}"`,
        },
      });
    },
  );
}
