/**
 * One file sent with tus (tus-js-client), as a promise with an outcome the uploader decides on.
 * This module is the only one that imports tus-js-client (about 16 KB gzip): evidence-upload.ts
 * loads it with import() when a file is due, so neither the first screen nor a phone without
 * evidence pays for it.
 *
 * Resuming is ours, not tus-js-client's: the upload URL lives in the file's IndexedDB row
 * (`onUploadUrl`), not in localStorage, so it survives a reload with the file it belongs to and is
 * deleted with it. A PATCH waits until that URL is stored: a tab killed after the first chunk
 * then still resumes instead of starting a second upload.
 */
import { Upload, type DetailedError, type HttpRequest } from 'tus-js-client';
import { readError } from './http';

export interface TransferInput {
  file: Blob;
  /** Absolute URL of the tus creation endpoint. */
  endpoint: string;
  /** A stored upload URL to resume from (HEAD gives the server's offset). */
  uploadUrl?: string;
  metadata: Record<string, string>;
  token: string;
  chunkSize: number;
  /** tus-js-client's quick retries within one transfer (reset whenever a chunk got through). */
  retryDelays: number[];
  /** No byte acknowledged or sent for this long: give up this transfer (a stalled 2G link). */
  stallMs: number;
  /** A new upload URL: store it before any byte goes up. */
  onUploadUrl: (url: string) => Promise<void>;
  /** The server acknowledged this many bytes of the file (after each chunk). */
  onAcknowledged: (bytes: number) => Promise<void> | void;
}

export type TransferOutcome =
  | { kind: 'done' }
  /** No answer, a timeout, a 5xx, 408/409/423/429: try again later from the server's offset. */
  | { kind: 'retry'; status?: number; message: string }
  /** The upload URL is gone on the server (404/410): start a new upload. */
  | { kind: 'expired'; status: number }
  /** Any other 4xx: sending the same file again cannot help. */
  | { kind: 'rejected'; status: number; code: string; message: string };

export type Transfer = (input: TransferInput) => Promise<TransferOutcome>;

const RETRY_STATUS = new Set([408, 409, 423, 429]);

/** The server's `{error:{code,message}}`, or the text a tus server answers with, or the status. */
function refusal(text: string, status: number): { code: string; message: string } {
  try {
    const body: unknown = JSON.parse(text);
    if (typeof body === 'object' && body !== null && 'error' in body) return readError(body, status);
  } catch {
    // not JSON: a plain-text answer
  }
  const plain = text.trim().slice(0, 200);
  return { code: `http_${status}`, message: plain || `HTTP ${status}` };
}

export function classifyTusError(err: Error | DetailedError, resumed: boolean): TransferOutcome {
  const res = 'originalResponse' in err ? err.originalResponse : null;
  const status = res?.getStatus() ?? 0;
  if (status === 0 || status >= 500 || RETRY_STATUS.has(status)) {
    return { kind: 'retry', ...(status ? { status } : {}), message: status ? `HTTP ${status}` : 'network error' };
  }
  if ((status === 404 || status === 410) && resumed) return { kind: 'expired', status };
  if (status >= 400 && status < 500) return { kind: 'rejected', status, ...refusal(res?.getBody() ?? '', status) };
  return { kind: 'retry', status, message: `HTTP ${status}` };
}

export const transferWithTus: Transfer = (input) =>
  new Promise<TransferOutcome>((resolve) => {
    let settled = false;
    let urlSaved: Promise<void> = Promise.resolve();
    let stall: ReturnType<typeof setTimeout> | undefined;
    // The URL tus-js-client works with: set from the start when resuming, else by the creation.
    let resumed = input.uploadUrl !== undefined;
    const finish = (outcome: TransferOutcome) => {
      if (settled) return;
      settled = true;
      clearTimeout(stall);
      resolve(outcome);
    };
    const watch = () => {
      clearTimeout(stall);
      stall = setTimeout(() => {
        void upload.abort().catch(() => undefined);
        finish({ kind: 'retry', message: 'timeout' });
      }, input.stallMs);
    };
    const upload: Upload = new Upload(input.file, {
      endpoint: input.endpoint,
      uploadUrl: input.uploadUrl ?? null,
      uploadSize: input.file.size,
      metadata: input.metadata,
      headers: { Authorization: `Bearer ${input.token}` },
      chunkSize: input.chunkSize,
      retryDelays: input.retryDelays,
      storeFingerprintForResuming: false,
      removeFingerprintOnSuccess: false,
      onUploadUrlAvailable: () => {
        if (upload.url && upload.url !== input.uploadUrl) {
          const url = upload.url;
          urlSaved = input.onUploadUrl(url);
        }
        resumed = true;
      },
      onBeforeRequest: async (req: HttpRequest) => {
        watch();
        // Never send a byte to an upload whose URL the phone could forget.
        if (req.getMethod() === 'PATCH') await urlSaved;
      },
      onProgress: () => watch(),
      onChunkComplete: (_chunk, accepted) => {
        watch();
        void Promise.resolve(input.onAcknowledged(accepted)).catch(() => undefined);
      },
      onSuccess: () => finish({ kind: 'done' }),
      onError: (err) => finish(classifyTusError(err, resumed)),
    });
    watch();
    upload.start();
  });
