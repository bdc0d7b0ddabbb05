/**
 * The tus 1.0.0 server (@tus/server, web-standard handler) for evidence uploads: creation,
 * creation-with-upload, core, termination. Who calls is settled before tus runs (the route
 * resolves the device and records it here per request); the hooks then hold a device to its own
 * commune, check the metadata and the commune's quota, and refuse a file over the per-file limit
 * from its Upload-Length alone, before a byte is read.
 */
import { Server, type Upload } from '@tus/server';
import { EVIDENCE_MAX_FILE_BYTES, EVIDENCE_TYPES, SHA256_HEX_RE } from '../../domain/evidence';
import type { AppDeps, DevicePrincipal } from '../context';
import { communeUsage, deleteStaleUploads, findUpload, UPLOAD_LIFETIME_MS } from '../repositories/evidence';
import { API_PREFIX } from '../routes/registry';
import { errorBody, storageUnavailable } from '../errors';
import { evidenceRefusal, type TusRefusal } from './errors';
import { DatabaseDataStore } from './store';

export const UPLOADS_PATH = `${API_PREFIX}/evidence/uploads`;
/** A commune's evidence at most: 500 items × 3 photos of ≈ 300 KB is 450 MB; a few scans fit beside. */
export const DEFAULT_COMMUNE_QUOTA_BYTES = 1024 * 1024 * 1024;
const MAX_FILENAME = 255;

export interface EvidenceOptions {
  /** Per-commune total of stored and in-flight evidence. */
  communeQuotaBytes?: number;
}

export interface EvidenceTus {
  server: Server;
  /** Who sent each request being handled (set by the route before handing it to tus). */
  callers: WeakMap<Request, DevicePrincipal>;
}

function checkMetadata(meta: Record<string, string | null>, caller: DevicePrincipal): TusRefusal | undefined {
  const bad = (what: string) => evidenceRefusal(400, 'invalid_upload_metadata', `Upload-Metadata: ${what}`);
  if (!SHA256_HEX_RE.test(meta.sha256 ?? '')) return bad('sha256 must be 64 lowercase hex digits');
  if (!(EVIDENCE_TYPES as readonly string[]).includes(meta.type ?? ''))
    return bad(`type must be one of ${EVIDENCE_TYPES.join(', ')}`);
  // The name is shown to reviewers and never used as a path; PostgreSQL cannot store U+0000.
  const name = meta.filename ?? '';
  if (name.length > MAX_FILENAME || name.includes('\u0000')) return bad(`filename must be at most ${MAX_FILENAME} characters`);
  if (meta.communeCode !== caller.communeCode)
    return evidenceRefusal(403, 'forbidden', 'A device uploads evidence for its own commune only');
  return undefined;
}

export function createEvidenceTus(deps: AppDeps, options: EvidenceOptions = {}): EvidenceTus {
  const callers = new WeakMap<Request, DevicePrincipal>();
  const quota = options.communeQuotaBytes ?? DEFAULT_COMMUNE_QUOTA_BYTES;
  const caller = (req: Request): DevicePrincipal => {
    const who = callers.get(req);
    if (!who) throw evidenceRefusal(401, 'unauthorized', 'Enroll this device first');
    return who;
  };
  const aliveSince = () => new Date(deps.now().getTime() - UPLOAD_LIFETIME_MS).toISOString();

  const server = new Server({
    path: UPLOADS_PATH,
    datastore: new DatabaseDataStore(deps),
    maxSize: EVIDENCE_MAX_FILE_BYTES,
    // Location is a path: the request's Host header is never trusted to build a URL.
    relativeLocation: true,
    respectForwardedHeaders: false,
    // Same origin only: no CORS header at all.
    allowedOrigins: [],
    disableTerminationForFinishedUploads: true,
    async onIncomingRequest(req: Request, id: string) {
      const who = caller(req);
      if (req.method === 'POST') return;
      const upload = await findUpload(deps.db, id);
      if (upload && upload.commune_code !== who.communeCode)
        throw evidenceRefusal(403, 'forbidden', "This upload belongs to another commune's device");
    },
    async onUploadCreate(req: Request, upload: Upload) {
      const who = caller(req);
      const refusal = checkMetadata(upload.metadata ?? {}, who);
      if (refusal) throw refusal;
      const size = upload.size ?? 0;
      if (size < 1) throw evidenceRefusal(400, 'invalid_upload_length', 'An evidence file has at least one byte');
      await deleteStaleUploads(deps.db, who.communeCode, aliveSince());
      const used = await communeUsage(deps.db, who.communeCode, aliveSince());
      if (used + size > quota)
        throw evidenceRefusal(
          413,
          'evidence_quota_exceeded',
          `The commune's evidence would exceed ${Math.round(quota / 1024 / 1024)} MB`,
        );
      return {};
    },
    // Errors of our own carry their status; a failing database is a 503 (the phone retries); a bug, a 500.
    onResponseError(_req: Request, error: Error | TusRefusal) {
      if ('status_code' in error) return undefined;
      console.error('[xaso] evidence upload failed:', error);
      const problem = deps.storage.noteFailure(error);
      if (!problem) return { status_code: 500, body: JSON.stringify(errorBody('internal', 'Internal server error')) };
      const refusal = storageUnavailable(problem);
      return { status_code: 503, body: JSON.stringify(errorBody(refusal.code, refusal.message, refusal.details)) };
    },
  });
  return { server, callers };
}
