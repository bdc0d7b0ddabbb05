/**
 * A province's criteria set on its way down to a phone (issue #12), through the fault proxy to the
 * real server process: a set altered on the way — broken, or still a valid set but not the one
 * published — is refused and not stored, and the phone gets the intact set on its next sync. And
 * on the way up: an upload whose connection drops mid-body (the reviewer's "Hủy") stores nothing.
 */
import 'fake-indexeddb/auto';
import { once } from 'node:events';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDownloadedSets } from '../../src/db/criteria-sets';
import { pullCriteriaSets } from '../../src/sync/criteria-sets';
import { provinceSet } from '../support/province-set';
import { Api } from './support/api';
import { Phone } from './support/phone';
import { FaultProxy } from './support/proxy';
import { ServerProcess } from './support/server-process';

const PROVINCE = '01';
const COMMUNE = '00004';

let server: ServerProcess;
let proxy: FaultProxy;
let api: Api;
let reviewer: string;

beforeAll(async () => {
  server = await ServerProcess.start();
  api = new Api(server.url);
  proxy = new FaultProxy(server.url);
  await proxy.listen();
  reviewer = await api.reviewer(PROVINCE);
});

afterAll(async () => {
  await proxy.close();
  await server.dispose();
});

describe('criteria sets on the way down', () => {
  it('[S11] a set altered on the way is refused and not stored; the intact set comes down on the next sync', async () => {
    const set = provinceSet(PROVINCE, '2026.1');
    const upload = await api.request('POST', `/api/v1/provinces/${PROVINCE}/criteria-sets`, { token: reviewer, body: set });
    expect(upload.status).toBe(201);
    const id = (upload.json.meta as { id: string }).id;
    expect((await api.request('POST', `/api/v1/criteria-sets/${id}/publish`, { token: reviewer })).status).toBe(200);

    const phone = new Phone(() => proxy.url);
    try {
      await phone.enroll(await api.issueCode(reviewer, COMMUNE));
      const pull = () => pullCriteriaSets({ db: phone.db, fetch: phone.fetch, timeoutMs: 10_000 });
      // Changes the set in {"meta":…,"set":…}, never the meta (which names the same title).
      const onSet = (change: (text: string) => string) => (body: Buffer, path: string) => {
        if (path !== `/api/v1/criteria-sets/${id}`) return body;
        const text = body.toString('utf8');
        const at = text.indexOf('"set":');
        return Buffer.from(text.slice(0, at) + change(text.slice(at)));
      };

      // Points no longer adding up, then a valid set that is not the one published (its title).
      proxy.mode = 'alter-answer';
      for (const change of [
        (t: string) => t.replace('"points":20', '"points":21'),
        (t: string) => t.replace(set.title.vi, 'Bộ tiêu chí khác'),
      ]) {
        proxy.alter = onSet(change);
        const report = await pull();
        expect(report).toMatchObject({ reached: true, stored: [] });
        expect(report.refused.map((r) => r.key)).toEqual([`${set.id}@2026.1`]);
        expect(await listDownloadedSets(undefined, phone.db)).toEqual([]);
      }
      expect(proxy.count('GET', `/api/v1/criteria-sets/${id}`)).toBe(2);

      proxy.mode = 'pass';
      expect(await pull()).toMatchObject({ reached: true, stored: [`${set.id}@2026.1`], refused: [] });
      const [held] = await listDownloadedSets(undefined, phone.db);
      expect(held?.set).toEqual(set);
      expect(held).toMatchObject({ provinceCode: PROVINCE, serverId: id });
    } finally {
      await phone.close();
    }
  });

  it('an upload cut off mid-body (the reviewer pressed "Hủy") stores nothing, and the whole file is taken next time', async () => {
    const sets = async () =>
      (await api.request('GET', `/api/v1/criteria-sets?provinceCode=${PROVINCE}&status=all`, { token: reviewer })).json
        .sets as unknown[];
    const before = (await sets()).length;
    // A valid set, then 1 MB of spaces (still valid JSON): what arrives before the cut is a whole set.
    const json = JSON.stringify(provinceSet(PROVINCE, '2026.2'));
    const body = Buffer.concat([Buffer.from(json), Buffer.alloc(1024 * 1024, ' ')]);
    const url = new URL(server.url);
    const socket = net.connect(Number(url.port), url.hostname);
    await once(socket, 'connect');
    socket.write(
      `POST /api/v1/provinces/${PROVINCE}/criteria-sets HTTP/1.1\r\nHost: ${url.host}\r\n` +
        `Authorization: Bearer ${reviewer}\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\n\r\n`,
    );
    socket.write(body.subarray(0, json.length + 512 * 1024));
    await new Promise((resolve) => setTimeout(resolve, 500));
    socket.destroy();
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    expect(await sets()).toHaveLength(before);

    const whole = await api.request('POST', `/api/v1/provinces/${PROVINCE}/criteria-sets`, { token: reviewer, rawBody: body });
    expect(whole.status, whole.text).toBe(201);
    expect(await sets()).toHaveLength(before + 1);
  });
});
