/** The few API calls the benchmarks make to set up: sign in, issue codes, enroll phones. */

export interface Device {
  token: string;
  communeCode: string;
  provinceCode: string;
}

async function call<T>(url: string, init: RequestInit & { token?: string }): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  if (init.token) headers.Authorization = `Bearer ${init.token}`;
  const res = await fetch(url, { ...init, headers, signal: AbortSignal.timeout(30_000) });
  const text = await res.text();
  if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${new URL(url).pathname}: HTTP ${res.status} ${text.slice(0, 200)}`);
  return JSON.parse(text) as T;
}

export async function signIn(base: string, username: string, password: string): Promise<string> {
  const body = await call<{ token: string }>(`${base}/api/v1/sessions`, {
    method: 'POST',
    body: JSON.stringify({ username, password }),
  });
  return body.token;
}

/** Issues a code for the commune (as admin or its reviewer) and enrolls a phone with it. */
export async function enrollDevice(base: string, adminToken: string, communeCode: string, provinceCode: string): Promise<Device> {
  const issued = await call<{ code: string }>(`${base}/api/v1/communes/${communeCode}/enrollment-codes`, {
    method: 'POST',
    token: adminToken,
    body: '{}',
  });
  const enrolled = await call<{ token: string }>(`${base}/api/v1/enrollments`, {
    method: 'POST',
    body: JSON.stringify({ code: issued.code, label: 'bench' }),
  });
  return { token: enrolled.token, communeCode, provinceCode };
}

export async function getJson(base: string, path: string, token: string): Promise<{ status: number; bytes: number }> {
  const res = await fetch(`${base}${path}`, {
    headers: { Authorization: `Bearer ${token}`, Accept: 'application/json' },
    signal: AbortSignal.timeout(30_000),
  });
  const buf = await res.arrayBuffer();
  return { status: res.status, bytes: buf.byteLength };
}
