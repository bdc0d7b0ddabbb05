/**
 * The criteria-set calls of the reviewer API (issue #12): a province's versions, one set, the
 * workbook download, the upload (through XMLHttpRequest, the only way a browser reports upload
 * progress), publishing and the preview on a commune.
 */
import { apiUrl } from '../../sync/http';
import { ApiError, failure, request, send } from './api';
import { saveBlob } from './download';
import { getSession } from './session';
import type {
  CriteriaSetList,
  CriteriaSetMetaResponse,
  CriteriaSetPreview,
  CriteriaSetProblem,
  CriteriaSetWithMeta,
} from './types';

export type { CriteriaSetPreview };

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** The server refuses larger bodies (413); a larger file is refused before it is sent. */
export const MAX_UPLOAD_BYTES = 10 * 1024 * 1024;

export type UploadResult = ({ ok: true } & CriteriaSetWithMeta) | { ok: false; problems: CriteriaSetProblem[] };

const enc = encodeURIComponent;

/** The media type an upload is sent as, from the file's name; undefined for anything else. */
export function uploadType(fileName: string): string | undefined {
  const name = fileName.toLowerCase();
  if (name.endsWith('.xlsx')) return XLSX_TYPE;
  if (name.endsWith('.json')) return 'application/json';
  return undefined;
}

/** The file name a Content-Disposition header gives (ASCII `filename=`), else the fallback. */
export function dispositionName(header: string | null, fallback: string): string {
  const m = /filename="?([^";]+)"?/i.exec(header ?? '');
  return m?.[1]?.trim() || fallback;
}

export const criteriaApi = {
  /** Published and draft versions of a province, as the server lists them. */
  list: async (province: string, signal?: AbortSignal) =>
    (await request<CriteriaSetList>(`/criteria-sets?provinceCode=${enc(province)}&status=all`, { signal })).sets,
  get: (id: string, signal?: AbortSignal) => request<CriteriaSetWithMeta>(`/criteria-sets/${enc(id)}`, { signal }),
  publish: (id: string) => request<CriteriaSetMetaResponse>(`/criteria-sets/${enc(id)}/publish`, { method: 'POST' }),
  preview: (id: string, communeCode: string, signal?: AbortSignal) =>
    request<CriteriaSetPreview>(`/criteria-sets/${enc(id)}/preview?communeCode=${enc(communeCode)}`, { signal }),
  /** The workbook of a set (`from`: a stored version's id), or the bundled template. */
  async downloadWorkbook(from?: { id: string; setId: string; version: string }): Promise<void> {
    const res = await send(`/criteria-sets/template.xlsx${from ? `?from=${enc(from.id)}` : ''}`, { accept: XLSX_TYPE });
    const fallback = from ? `${from.setId}-${from.version}.xlsx` : 'bo-tieu-chi-mau.xlsx';
    saveBlob(await res.blob(), dispositionName(res.headers.get('content-disposition'), fallback));
  },
};

/** The reviewer cancelled the upload: nothing was stored. */
export class UploadCancelledError extends Error {
  override name = 'UploadCancelledError';
  constructor() {
    super('upload cancelled');
  }
}

/**
 * Uploads a workbook or JSON file as a new draft of the province. Progress is reported as a
 * fraction 0…1 of the bytes sent. A 422 comes back as its problems; any other refusal throws
 * ApiError (a 401 ends the session as every call does). Aborting `signal` ("Hủy") drops the
 * request and rejects with UploadCancelledError: the server reads the whole body before it checks
 * or stores anything, so a body cut short is never stored.
 */
export function uploadCriteriaSet(
  province: string,
  file: Blob,
  type: string,
  onProgress: (fraction: number) => void,
  signal?: AbortSignal,
): Promise<UploadResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new UploadCancelledError());
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(`/provinces/${enc(province)}/criteria-sets`));
    xhr.setRequestHeader('content-type', type);
    xhr.setRequestHeader('accept', 'application/json');
    const token = getSession()?.token;
    if (token) xhr.setRequestHeader('authorization', `Bearer ${token}`);
    xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
    xhr.onerror = () => reject(new ApiError(0, 'network', 'upload failed'));
    xhr.onabort = () => reject(signal?.aborted ? new UploadCancelledError() : new ApiError(0, 'network', 'upload aborted'));
    signal?.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.onload = () => {
      const res = new Response(xhr.status === 204 ? null : xhr.responseText, {
        status: xhr.status,
        headers: { 'content-type': xhr.getResponseHeader('content-type') ?? 'application/json' },
      });
      if (xhr.status === 201) {
        onProgress(1);
        void res.json().then((body: CriteriaSetWithMeta) => resolve({ ok: true, ...body }), reject);
        return;
      }
      void failure(res).then((error) => {
        const problems = error.details.problems;
        if (error.status === 422 && Array.isArray(problems)) resolve({ ok: false, problems: problems as CriteriaSetProblem[] });
        else reject(error);
      }, reject);
    };
    xhr.send(file);
  });
}
