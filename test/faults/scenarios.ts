/**
 * Every fault scenario of the reliability issue: what it claims, what the test does to prove it,
 * where it lives, and which older tests cover a part of it. A test belongs to a scenario by the
 * "[ID]" at the start of its title. test/faults/report.ts joins this list with the last Vitest and
 * Playwright results into RELIABILITY.md; a scenario without a test result shows as "not run".
 */
export interface Scenario {
  id: string;
  /** The requirement, as the issue states it. */
  claim: string;
  /** What the test does to prove it, against what. */
  proves: string;
  /** The test file(s), relative to the repository root. */
  files: string[];
  /** Older tests that prove a part of it (not repeated here). */
  related?: string[];
}

export interface Area {
  title: string;
  scenarios: Scenario[];
}

export const AREAS: Area[] = [
  {
    title: '1. Phone, no loss',
    scenarios: [
      {
        id: 'P1',
        claim: 'The page is killed right after N edits: all N are there on reopen.',
        proves:
          'Real app in Chromium with a profile on disk; 7 status edits and a note, then, one frame later, SIGKILL to every process of the profile (no unload, no pagehide). The same profile started again: all 8 edits in IndexedDB and on screen. A second test kills one frame after a note was typed, without leaving the field (defect D6, fixed).',
        files: ['test/e2e/faults/phone-kill.spec.ts'],
        related: ['test/e2e/offline.spec.ts (graceful close of the profile after "Đã lưu")', 'test/db/answers.test.ts'],
      },
      {
        id: 'P2',
        claim: 'A new app version is activated while an edit is in progress: nothing lost, user prompted.',
        proves:
          "The spec's server hosts a private copy of dist/ whose sw.js is changed to publish a version. Another tab takes the update while this tab is typing: this tab shows “Tải lại”, is not reloaded, keeps and saves the note. Then an update accepted in the same tab mid-typing: the text is on disk after the reload.",
        files: ['test/e2e/faults/phone-update.spec.ts'],
        related: ['test/sw/policy.test.ts'],
      },
      {
        id: 'P3',
        claim: 'A schema upgrade while an older tab holds the database: handled (the old tab is told to reload), no corruption.',
        proves:
          'A second tab opens the real IndexedDB one schema version up (as a newer build does). The upgrade is not blocked; the old tab shows the reload notice; an edit there is refused with the reason and writes nothing; every row is intact; after the reload the tab works on the upgraded database.',
        files: ['test/e2e/faults/phone-tabs.spec.ts'],
        related: ['test/db/migrations.test.ts (fake IndexedDB: versionchange and blocked events)'],
      },
      {
        id: 'P4',
        claim: 'Two tabs edit the same assessment: both edits kept (or the later per component), never a broken record.',
        proves:
          'Two tabs of the real app on one checklist, interleaved edits on different components and on the same one. Every edit on a distinct component is kept, the later one wins on the shared component, every row is whole, both tabs agree after a reload.',
        files: ['test/e2e/faults/phone-tabs.spec.ts'],
      },
      {
        id: 'P5',
        claim: 'Import of a truncated or malicious backup file: refused, nothing partially imported.',
        proves:
          'Through Settings → “Khôi phục từ tệp” on a phone holding data: a truncated file, status 7, an over-long note, an unknown code, a __proto__ key, script in an id, a foreign file, a newer format and a 21 MB file — each refused with its message, the valid first assessment of the file not imported either, the phone’s data byte-identical, no prototype polluted, no page error.',
        files: ['test/e2e/faults/phone-storage.spec.ts'],
        related: [
          'test/db/backup.test.ts',
          'test/domain/backup.test.ts',
          'test/e2e/backup.spec.ts (truncated file on an empty phone)',
        ],
      },
      {
        id: 'P6',
        claim: 'Storage write failure (quota): the user is told, earlier answers intact.',
        proves:
          'IndexedDB in Chromium refuses writes with QuotaExceededError (injected at the IndexedDB API, since Chromium offers no working quota override): the card says the phone is full, nothing is written, earlier answers are intact, and “Thử lưu lại” saves the edit once space is back.',
        files: ['test/e2e/faults/phone-storage.spec.ts'],
        related: ['test/db/write-failures.test.ts (store level, fake IndexedDB)'],
      },
      {
        id: 'P7',
        claim: 'The browser is killed right after an evidence attach: the file and its link are both there, or neither.',
        proves:
          'Real app in Chromium with a profile on disk: a 12-MP photo attached and saved, a second one still being downscaled or written when every process of the profile gets SIGKILL. Reopened: every link has its file, every file hashes to its sha-256 key and has its stated size, no file without a link; the first photo is there; the panel lists exactly what is stored and the lost one can be attached again.',
        files: ['test/e2e/faults/phone-evidence.spec.ts'],
        related: ['test/db/evidence.test.ts (a failing link write rolls back the file written before it)'],
      },
      {
        id: 'P8',
        claim:
          'Storage full on the phone while attaching evidence: the officer is told why, nothing is written, the answers are intact.',
        proves:
          'IndexedDB in Chromium refuses writes with QuotaExceededError while a photo is attached: the panel says in Vietnamese that the phone is full and the answers are safe; no link, no file; the answers byte-identical; with space back the same photo is stored and answers still save. With the browser reporting 20 MB left, the panel warns before an attach fails.',
        files: ['test/e2e/faults/phone-evidence.spec.ts'],
        related: ['test/db/evidence.test.ts (quota on the file: no link, answers untouched)'],
      },
    ],
  },
  {
    title: '2. Sync, exactly once',
    scenarios: [
      {
        id: 'S1',
        claim: 'Server down: queued, and delivered after it comes back.',
        proves:
          'The real sync client (store on fake-indexeddb) against the real server process, stopped then restarted on the same port and data: queued, kept, frozen while down; delivered once after; the server holds exactly the phone’s answers.',
        files: ['test/faults/sync.test.ts'],
        related: ['test/sync/outbox.test.ts (fake server)'],
      },
      {
        id: 'S2',
        claim:
          'The connection drops after the server stored a submission but before the phone saw the answer: the retry stores nothing new.',
        proves:
          'A proxy forwards the PUT, lets the real server commit, then cuts the phone’s socket — three times. The fourth try gets the replay: one revision, one audit row.',
        files: ['test/faults/sync.test.ts'],
        related: ['test/sync/end-to-end.test.ts (in process)'],
      },
      {
        id: 'S3',
        claim: 'The server process is killed (SIGKILL) under load: every submission it acknowledged is there after restart.',
        proves:
          '12 phones submit revisions 1 and 2 concurrently to the real server process; SIGKILL after 40 acknowledgements with requests in flight; after a restart every acknowledged revision is stored with the acknowledged content hash, no assessment points at a missing revision, and resending everything adds nothing. On SQLite and on PostgreSQL.',
        files: ['test/faults/crash.test.ts'],
      },
      {
        id: 'S4',
        claim: '5xx: retried with backoff.',
        proves:
          'A gateway answers 503 four times: each retry waits the documented, growing backoff and nothing is sent before it is due. Then a real 500 from the real server (its SQLite locked by another process): retried too, then delivered once.',
        files: ['test/faults/sync.test.ts'],
        related: ['test/sync/backoff.test.ts', 'test/sync/outbox.test.ts'],
      },
      {
        id: 'S5',
        claim: '4xx: not retried, reason shown, answers kept, other queued items still delivered.',
        proves:
          'The real server refuses one of three queued submissions (422: a note longer than its limit): the two others go, the refused one keeps its answers and the reason naming the component, and is not retried days later; after “Sửa lại” it goes. A revoked token (401) is handled the same way.',
        files: ['test/faults/sync.test.ts'],
        related: ['test/sync/outbox.test.ts', 'test/sync/reasons.test.ts'],
      },
      {
        id: 'S6',
        claim: 'Two phones of one commune submit different content for one assessment: 409, nothing overwritten, both visible.',
        proves:
          'Two phones with the same assessment (restored from one backup) edit it apart and submit: the second gets 409, its answers untouched, the first’s revision unchanged; sent again as the newest it becomes revision 2 on 1, and the reviewer sees both revisions and what differs.',
        files: ['test/faults/sync.test.ts'],
        related: ['test/server/submissions.test.ts (409 rules)'],
      },
      {
        id: 'S7',
        claim: 'Offline for days (clock moved): delivered.',
        proves:
          'A phone offline for five days of its own clock (20 failed tries, the backoff capped at 30 min) delivers when the connection returns; the reviewer sees the five-day sync lag. A phone whose clock is a year ahead is refused (422 submitted-in-future, over the 24 h allowance of issue #9 defect 7) with the reason kept for the officer and its answers intact.',
        files: ['test/faults/sync.test.ts'],
      },
      {
        id: 'S8',
        claim: 'A returned assessment edited offline: resubmitted as a new revision.',
        proves:
          'Returned by the reviewer, pulled by the phone, edited and submitted with no connection, delivered later as revision 2 on base 1 with exactly the edited answer as the difference.',
        files: ['test/faults/sync.test.ts'],
        related: ['test/sync/end-to-end.test.ts (online)', 'test/server/review.test.ts'],
      },
      {
        id: 'S9',
        claim:
          'Evidence files go up through a link that drops every few hundred KB: each arrives whole, for at most 1.2 × its bytes.',
        proves:
          "Real app in Chromium at 360×640 behind a TCP proxy that resets every connection once it has carried 300 KB upstream, real server: two photos and a PDF (≈ 830 KB) on two items, submitted. The submission is delivered, then the files over tus in 32 KiB chunks, each resumed from the server's offset after every reset; the reviewer reads every file back with the same SHA-256 and type, the submission names the three as received, and the proxy counted at most 1.2 × the files' bytes sent (1.10× measured).",
        files: ['test/e2e/evidence-upload.spec.ts'],
        related: ["test/sync/evidence-upload.test.ts (the uploader's states)", 'test/support/dropping-proxy.test.ts'],
      },
      {
        id: 'S10',
        claim: 'The page is reloaded in the middle of an evidence upload: it resumes from the last acknowledged byte.',
        proves:
          'Real app in Chromium: a 400 KB PDF whose fourth chunk never gets an answer; the page is reloaded. No new upload is created: the upload URL stored with the file is asked for its offset (HEAD) and the next PATCH starts exactly there; the file arrives whole (same SHA-256).',
        files: ['test/e2e/evidence-upload.spec.ts'],
        related: ['test/sync/evidence-upload.test.ts (a dropped link: the next attempt gets the stored URL)'],
      },
      {
        id: 'S11',
        claim:
          'A criteria set altered on its way down to the phone is refused and not stored; the intact set comes down on the next sync (issue #12).',
        proves:
          'The province publishes its set on the real server process; a fault proxy changes the set in the answer to the phone twice (points that no longer add up; a valid set with another title): each time the phone refuses it (its SHA-256 is not the list’s) and stores nothing; through the proxy unchanged, the next pull stores exactly the published set.',
        files: ['test/faults/criteria-sets.test.ts'],
        related: [
          'test/sync/criteria-sets.test.ts (fake server: corrupted, mislabelled, other province, unknown component, offline)',
        ],
      },
    ],
  },
  {
    title: '3. Bad input never hurts',
    scenarios: [
      {
        id: 'F1',
        claim:
          'Property-based fuzzing of every endpoint: malformed JSON, wrong types, … → a 4xx with a clear JSON error, never a 5xx, nothing stored.',
        proves:
          'fast-check over every route the server registers (read from its route table), with a caller the route lets in: broken and truncated JSON, any JSON, the right keys with hostile values (NUL, lone surrogates, injections, prototype keys, huge strings), hostile path segments, queries and content types. Every refusal is a JSON {error:{code,message}} and leaves every data table unchanged. SQLite and PostgreSQL.',
        files: ['test/faults/fuzz.test.ts'],
      },
      {
        id: 'F2',
        claim:
          'Unknown or non-applicable codes, statuses out of range, N/A where not allowed, huge notes, script and SQL injection strings.',
        proves:
          'fast-check mutates a valid submission (1–3 mutations) and compares the server with the shared domain rules: accepted exactly when the rules say valid, otherwise 400/403/409/413/422 with a JSON error and nothing stored. SQLite and PostgreSQL.',
        files: ['test/faults/fuzz.test.ts'],
        related: ['test/server/submissions.test.ts (named cases)', 'test/domain/submission.test.ts'],
      },
      {
        id: 'F3',
        claim: '10 MB bodies.',
        proves:
          'Over a real socket to the real server process, with and without Content-Length, on every route that reads a body: 413 with a JSON error within seconds, nothing stored, the server healthy. And the largest valid submission (every text at its limit, all area types) is accepted.',
        files: ['test/faults/http.test.ts'],
      },
      {
        id: 'F4',
        claim: 'NFD vs NFC text.',
        proves:
          'Limits count characters after NFC (2000 NFC characters sent as 4000 NFD code points pass, one more fails); text is stored NFC and trimmed; the same revision resent in the other normal form is a replay, not a conflict. SQLite and PostgreSQL.',
        files: ['test/faults/fuzz.test.ts'],
      },
      {
        id: 'F5',
        claim: 'Stored notes are shown escaped in the dashboard and the printable report.',
        proves:
          'A submission whose note, N/A reason, open name, period and helpers carry <script>, onerror and javascript: payloads is shown as text in the reviewer’s commune table, submission and dashboard, and on the phone’s checklist and printable report: the exact text visible, no element injected, nothing run, no CSP violation; the CSV defuses a formula.',
        files: ['test/e2e/faults/escape.spec.ts'],
      },
    ],
  },
  {
    title: '4. No one gets in',
    scenarios: [
      {
        id: 'A1',
        claim: 'Authorization matrix over every endpoint and role: every cell that must be denied is denied.',
        proves:
          'Every registered route × anonymous, device of commune A, device of commune B, reviewer of province X, reviewer of province Y, admin: the observed matrix (below) equals the expected one, denied calls change nothing, and a route added without a row fails the test.',
        files: ['test/faults/authz.test.ts'],
        related: ['test/server/review.test.ts', 'test/server/submissions.test.ts', 'test/server/enrollment.test.ts'],
      },
      {
        id: 'A2',
        claim: 'Revoked device tokens and used or expired enrollment codes are refused.',
        proves:
          'A revoked device token, a signed-out session, forged tokens of the right shape and 12-hour-old sessions get 401 on every non-public route and change nothing; ten phones racing with one code: exactly one enrolled; a used and an expired code: 410. SQLite and PostgreSQL.',
        files: ['test/faults/authz.test.ts'],
        related: ['test/server/enrollment.test.ts', 'test/server/accounts.test.ts'],
      },
      {
        id: 'A3',
        claim: 'Passwords stored only as scrypt/argon2 hashes.',
        proves:
          'Every users row holds a salted scrypt hash (distinct salts); the raw bytes of the SQLite database and its WAL contain no password, session token, device token or enrollment code.',
        files: ['test/faults/http.test.ts'],
        related: ['test/server/accounts.test.ts'],
      },
      {
        id: 'A4',
        claim: 'Login rate-limited.',
        proves:
          '30 parallel wrong passwords from one address: at most 5 are checked, the rest 429, then even the right password is refused with Retry-After; another address is not affected; the lock survives a server restart. 40 parallel wrong enrollment codes: at most 20 checked.',
        files: ['test/faults/http.test.ts'],
        related: ['test/server/accounts.test.ts (sequential attempts)', 'test/server/enrollment.test.ts'],
      },
      {
        id: 'A5',
        claim: 'Security headers set (CSP without inline script, frame-ancestors none, nosniff, referrer policy).',
        proves:
          'Over a real socket: the page, a deep link, an asset, the worker, a missing file, HEAD, API 200/401/404/413/415/422 all carry the CSP (script-src self only, frame-ancestors none), nosniff, no-referrer and DENY. In Chromium: the built app runs every screen of both sides under that CSP with no violation, and index.html has no inline script or handler.',
        files: ['test/faults/http.test.ts', 'test/e2e/faults/escape.spec.ts'],
        related: ['test/server/health.test.ts', 'test/server/static.test.ts'],
      },
      {
        id: 'A6',
        claim:
          'The audit log records every sign-in, enrollment, submission and review with who, when and from where; no secret or token appears in any log.',
        proves:
          'Over a real socket: failed and successful sign-ins, enrollment and a reused code, a refused and an accepted submission, a review — each audited with actor, time and the real client address; no password, token or code in the audit table or in everything the server process printed.',
        files: ['test/faults/http.test.ts'],
        related: ['test/server/accounts.test.ts', 'test/server/enrollment.test.ts', 'test/server/review.test.ts'],
      },
      {
        id: 'A7',
        claim: 'Behind a reverse proxy, rate limits hold and an attacker cannot lock the real user out (issue #9 defect 2).',
        proves:
          'With XASO_TRUST_PROXY=127.0.0.1, 30 wrong admin passwords through the proxy, each with a forged left part of X-Forwarded-For: 5×401 then 25×429 (the right-most untrusted hop is the client); the real admin behind the same proxy signs in at once. 25 wrong enrollment codes likewise: 5×429, another phone unaffected. 12 wrong passwords from 12 addresses slow the account (429, Retry-After 2), and 2 s later the real admin signs in. In process, SQLite and PostgreSQL; the parsing of the header in its own test.',
        files: ['test/server/rate-limits.test.ts', 'test/server/client-address.test.ts'],
        related: ['test/server/accounts.test.ts (a second instance honours the lockouts of the first)'],
      },
      {
        id: 'A8',
        claim: 'Password spraying (many usernames, one password, one address) is limited (issue #9 defect 3).',
        proves:
          '40 usernames × one password from one address: 20×401, then 20×429 without a password being checked; the admin signs in from another address. SQLite and PostgreSQL.',
        files: ['test/server/rate-limits.test.ts'],
      },
      {
        id: 'A9',
        claim: 'Anonymous callers cannot stall the server with large bodies (issue #9 defect 4).',
        proves:
          'A 1 MB `[{},{},…]` body to POST /sessions and /enrollments, with Content-Length and chunked without it: 413 before parsing (16 KB limit for public routes, counted while reading), all three in under a second; sign-in still works.',
        files: ['test/server/request-limits.test.ts'],
      },
      {
        id: 'A10',
        claim: 'Gzipped submissions are accepted; a zip bomb is refused (issue #16 item 3).',
        proves:
          'A gzipped submission is stored (and its plain replay recognised as the same revision); 10 KB of gzip inflating to 64 MB gets 413 (inflating stops at 4 MB), 1 MB inflating on an anonymous route 413, a broken gzip 400, another encoding 415; nothing stored.',
        files: ['test/server/request-limits.test.ts'],
        related: ['test/sync/http.test.ts (the phone sends gzip where CompressionStream exists)'],
      },
      {
        id: 'A11',
        claim: 'Low-severity input and operator defects (issue #9 defect 7) are closed.',
        proves:
          'Six parallel POST /users with one name: one 201, five 409. A period of zero-width spaces: 422 period-required (the domain\'s normalizeText makes invisible-only text empty, phone and server alike). submittedAt in 2099: 422 submitted-in-future; 23 h ahead (a phone in the wrong time zone) accepted. Two identical reviews in parallel: one row. Changing a verdict on the same revision without a reason: 422 reason_required; with one: stored, shown to the phone, audited. Comments on components of another area type or the central tier: 422 not-scored. The enrollment link and QR code come from XASO_PUBLIC_URL or the server\'s own origin: a forged Host / X-Forwarded-Host changes nothing. SQLite and PostgreSQL. IndexedDB that cannot open (InvalidStateError from open(), as in a private window): writes and reads fail as "unavailable", not "closed", and the screens say so in Vietnamese (or English) with the advice to use a normal window and allow site storage.',
        files: [
          'test/server/input-defects.test.ts',
          'test/server/enrollment-link.test.ts',
          'test/domain/blank-text.test.ts',
          'test/db/storage-unavailable.test.ts',
        ],
      },
      {
        id: 'A12',
        claim:
          'Account management: the admin lists accounts with their last sign-in, disables one (its sessions end at once), resets a password (changed at the next sign-in); a reviewer revokes an unused enrollment code and a device of their province. All audited.',
        proves:
          "A disabled reviewer's open session gets 401 at once and sign-in 403 account_disabled (401 with a wrong password); the admin cannot disable itself. After a reset the old session ends, the temporary password signs in with mustChangePassword and every other call is 403 password_change_required until PUT /sessions/current/password. A reviewer lists the open codes of a commune (never the code itself), revokes one (another province 403, twice 409, a used one 409); the revoked code enrolls nobody (410). Audit rows for each. SQLite and PostgreSQL; the new routes are in the A1 matrix. In Chromium at 1280×800 the admin's accounts screen shows state and last sign-in, disables (the reviewer's open session then gets 401), enables and resets an account, with axe clean after each step.",
        files: ['test/server/account-management.test.ts', 'test/faults/authz.test.ts', 'test/e2e/accounts.spec.ts'],
        related: ['test/server/enrollment.test.ts (device revocation)'],
      },
    ],
  },
  {
    title: '5. The database and the operator',
    scenarios: [
      {
        id: 'R1',
        claim:
          'PostgreSQL restarts or goes away: the API process survives, answers 503 with a JSON error while it is away, reports it in /api/v1/health, and recovers by itself.',
        proves:
          'The real server process on a PostgreSQL cluster of the test’s own, with pooled connections open: pg_ctl restart -m fast, then the server signs in again without being restarted; pg_ctl stop -m fast: a submission and a sign-in get 503 db_unavailable (storage: unreachable, Retry-After), /health 503 unreachable, the process still running; pg_ctl start: /health ok again and the refused submission is stored when retried.',
        files: ['test/faults/postgres-restart.test.ts'],
      },
      {
        id: 'R2',
        claim:
          'A corrupt SQLite file is refused at start with a clear message and left untouched; a zero-byte file is not taken for a fresh install.',
        proves:
          'The real server process: 30 submissions, a graceful stop, the first page of the assessments and revisions tables overwritten; the next start exits saying the file failed its integrity check, was not changed and how to restore it, and the file’s SHA-256 is unchanged. A zero-byte xaso.sqlite: refused the same way, no admin created, still 0 bytes.',
        files: ['test/faults/sqlite-start.test.ts'],
      },
      {
        id: 'R3',
        claim:
          'Storage problems (disk full, read-only) are reported by /api/v1/health instead of “ok”, the write gets a 503, and the log shows the real error, not “cannot rollback - no transaction is active”.',
        proves:
          'The real app on a real SQLite file whose connection is made full (max_page_count: SQLITE_FULL) or read-only (query_only: SQLITE_READONLY): the submission gets 503 db_unavailable with storage disk_full / read_only, /health the same, the logged error is SQLite’s own, nothing stored; with the storage back, the retry is stored and /health is ok.',
        files: ['test/faults/storage-problems.test.ts'],
      },
      {
        id: 'R4',
        claim: 'A write is acknowledged only when durable (an fsync of the SQLite WAL, PostgreSQL’s synchronous commit).',
        proves:
          'The real app on a real SQLite file with the WAL fdatasync held: the submission is committed but no 200 leaves until the fsync of that WAL file (same inode) returns; a failed fsync is a 503 and the retry is acknowledged after a good one; 20 concurrent submissions share at most 2 fsyncs (group commit). Reads never wait.',
        files: ['test/faults/durable-ack.test.ts'],
      },
      {
        id: 'R5',
        claim:
          'Several instances on one PostgreSQL: replays, conflicts, enrollment races, rate limits and sign-out hold across them, and one keeps serving while the other is killed.',
        proves:
          'Two real server processes started at the same moment on one database, checked through the API only: a revision stored by one is a replay on the other; six races of different contents on both are each one 200 and one 409; one code raced by ten phones on both enrolls one; wrong passwords on one until 429, then the right password on the other is 429 too (limits live in the database); signed out on one, the token is dead on the other. Then SIGKILL of one under load: every submission sent to the other after the kill is acknowledged, and everything either acknowledged is stored.',
        files: ['test/faults/instances.test.ts'],
        related: ['test/faults/authz.test.ts (A2: ten phones racing with one code, one process)'],
      },
      {
        id: 'R6',
        claim:
          'A documented command backs up a running server (SQLite online backup, pg_dump) and restores it; every acknowledged revision is in the restored copy.',
        proves:
          'Six phones submit to the real server process while `node dist-server/main.js backup FILE` runs; `restore FILE` into a fresh data directory (SQLite) or an empty database (PostgreSQL); a server started on it holds every revision acknowledged before the backup began with the acknowledged content hash, and no assessment points at a missing revision. A second restore over it is refused.',
        files: ['test/faults/backup.test.ts'],
      },
    ],
  },
  {
    title: '6. Evidence on the server (issue #13)',
    scenarios: [
      {
        id: 'E1',
        claim: 'The server is killed mid-chunk: the upload resumes from what was durably stored and the file arrives whole.',
        proves:
          'The real bundle (SQLite, PostgreSQL): a PATCH of a 500 KB PDF is half sent when the server gets SIGKILL; after the restart HEAD reports an offset between 128 KB and the bytes sent (committed in 64 KB rows), tus-js-client resumes from it and the stored file hashes to the declared SHA-256. In-process: a connection cut after 250 KB leaves the offset at what arrived, and the resume completes.',
        files: ['test/faults/evidence-kill.test.ts', 'test/server/evidence/uploads.test.ts'],
      },
      {
        id: 'E2',
        claim: 'A file claiming to be an image that is not is refused.',
        proves:
          'HTML declared image/jpeg and named anh.jpg: 415 evidence_type_refused after the last chunk, the upload deleted, nothing stored (SQLite, PostgreSQL). Unit: type from magic bytes only; a PDF declared as a photo 415; truncated JPEG/PNG/WebP, a PNG with a bad CRC, absurd dimensions (100 000², a JPEG frame of 65 000²) refused.',
        files: ['test/server/evidence/uploads.test.ts', 'test/server/evidence/inspect.test.ts'],
      },
      {
        id: 'E3',
        claim: 'A PDF with JavaScript (or a launch action, an embedded file) is refused.',
        proves:
          'A PDF whose OpenAction is JavaScript: 422 pdf_active_content, nothing stored (SQLite, PostgreSQL). Unit: /JS and /JavaScript written with #xx escapes, hidden in a Flate object stream, /Launch, /EmbeddedFiles all refused; an object stream that cannot be read is refused; "/JS" inside image bytes is not a false alarm.',
        files: ['test/server/evidence/uploads.test.ts', 'test/server/evidence/inspect.test.ts'],
      },
      {
        id: 'E4',
        claim: 'A 200 MB upload is refused up front.',
        proves:
          'POST with Upload-Length 200 MB: 413 before any byte, no upload row; 10 MB + 1 refused, 10 MB accepted (SQLite, PostgreSQL).',
        files: ['test/server/evidence/uploads.test.ts'],
      },
      {
        id: 'E5',
        claim: "Chunks out of order, or for another commune's upload, are refused.",
        proves:
          "PATCH at offset 100 of an upload at 0: 409, offset unchanged; a repeated chunk 409. Another commune's device on the upload: PATCH, HEAD, DELETE 403, nothing changed; creating an upload for another commune 403; reviewers 403, anonymous 401 (SQLite, PostgreSQL).",
        files: ['test/server/evidence/uploads.test.ts'],
      },
      {
        id: 'E6',
        claim: 'Evidence of another commune or province cannot be read.',
        proves:
          "GET and HEAD of a commune's photo: its device, its province's reviewer and the admin 200 (sniffed type, nosniff, sandbox CSP); the neighbouring commune's device and another province's reviewer 404, as for a file not held; anonymous 401. A second commune knowing the hash gets 404 until its phone uploads the bytes itself (one stored copy). Also row GET /evidence/files/{sha256} of the A1 matrix.",
        files: ['test/server/evidence/reading.test.ts', 'test/server/evidence/uploads.test.ts', 'test/faults/authz.test.ts'],
      },
      {
        id: 'E7',
        claim: 'Path tricks in file names are harmless.',
        proves:
          'Names ../../../etc/passwd, ..\\..\\windows\\win.ini, a quote with a second filename=, a CR LF with Set-Cookie: uploaded, stored as metadata only (files live in the database, never under a path), never in a header (Content-Disposition names evidence-<sha>.<ext>, no Set-Cookie) (SQLite, PostgreSQL).',
        files: ['test/server/evidence/reading.test.ts'],
      },
    ],
  },
  {
    title: '7. Community teams (issue #15)',
    scenarios: [
      {
        id: 'T1',
        claim: "A team phone's batches are stored exactly once: replays are acknowledged and never counted twice.",
        proves:
          'One day of a team phone (30 entries, 20 survey responses) sent 6 times at once and 3 more times in turn: every call 200, 50 ids accepted once in all, 400 acknowledged as duplicates; the tally counts 30 sessions, 60 residents, 20 responses.',
        files: ['test/faults/community.test.ts'],
        related: ['test/server/community.test.ts (5 racing replays; an id with other content is a 409 per item)'],
      },
      {
        id: 'T2',
        claim: 'A team phone of commune A cannot write for commune B.',
        proves:
          "The commune is the token's: an item naming another commune is refused (422, strict schema); A resending B's id with other content is a 409 and B's row is unchanged; each commune's tally holds only its own team's items.",
        files: ['test/faults/community.test.ts'],
        related: ['test/faults/authz.test.ts (A1: the team phone column, 403 team_device on every other route)'],
      },
      {
        id: 'T3',
        claim: 'Hostile notes and answers are stored as text (or refused), never run.',
        proves:
          'Notes with script, SQL, a spreadsheet formula and a template expression are stored byte for byte; survey answers with a markup key, a text value or prototype keys are refused per item (422) and nothing is stored; no note reaches the CSVs.',
        files: ['test/faults/community.test.ts'],
      },
      {
        id: 'T4',
        claim: 'A revoked team phone is refused.',
        proves: 'After a reviewer revokes it: 401 on entries and responses, nothing counted; and 401 on every route (A2).',
        files: ['test/faults/community.test.ts', 'test/faults/authz.test.ts'],
      },
    ],
  },
];

export interface Defect {
  id: string;
  scenario: string;
  found: string;
  status: 'fixed' | 'open';
  fix: string;
}

/** What the suite found in the product, and what became of it. */
export const DEFECTS: Defect[] = [
  {
    id: 'D1',
    scenario: 'F1',
    found:
      'On PostgreSQL a U+0000 (NUL) in a body or path — a username, an enrollment label, a review comment, the period, a device id — made the insert or lookup fail: HTTP 500.',
    status: 'fixed',
    fix: 'src/server/routes/registry.ts: a body whose strings or keys contain U+0000 is refused with 400 `invalid_body`, a path parameter with it with 400 `invalid_path`, on both databases alike.',
  },
  {
    id: 'D2',
    scenario: 'F4',
    found:
      'The server stored and hashed text as received: NFD notes and an untrimmed period (" 2026 ") were kept, and the same revision resent in NFD was a 409 conflict.',
    status: 'fixed',
    fix: 'src/domain/submission.ts: parseSubmission returns every free text (note, N/A reason, name, period, helpers) NFC and trimmed, as the phone stores it; stored, hashed and shown normalised.',
  },
  {
    id: 'D3',
    scenario: 'A4',
    found:
      'Sign-in and enrollment limits counted failures before recording them: 30 parallel guesses were all checked against the password (limit 5); parallel enrollment guesses likewise.',
    status: 'fixed',
    fix: 'src/server/auth/login.ts, src/server/services/enrollment.ts (+ deleteLoginFailure in repositories/login-failures.ts): each attempt is recorded before it is counted and checked, and the record removed on success or refusal; at most 5 (20) are ever checked per window.',
  },
  {
    id: 'D4',
    scenario: 'F3',
    found:
      'The 256 KB body limit refused valid submissions: one with long Vietnamese notes on every component (865 KB) got 413, a refusal the phone does not retry.',
    status: 'fixed',
    fix: 'src/server/app.ts: MAX_BODY_BYTES 4 MB (the largest valid submission is under 2 MB); README and OpenAPI text updated.',
  },
  {
    id: 'D5',
    scenario: 'A5',
    found:
      'Every load of the sync, backup and reviewer chunks filed a CSP violation (script-src eval): zod probes `new Function` when a schema is created; the CSP blocked it.',
    status: 'fixed',
    fix: 'src/ui/App/zod-jitless.ts, imported first by src/main.tsx: zod runs "jitless" in the browser (no eval probe, no zod bytes in the first bundle).',
  },
  {
    id: 'D6',
    scenario: 'P1',
    found:
      'A note typed less than 250 ms before the browser is killed is lost: the checklist waits for a pause in typing before it writes text (the brief: every change in IndexedDB before the next frame). Status changes are written at once.',
    status: 'fixed',
    fix: 'src/ui/screens/Checklist/card-saver.ts: typed text is written at once; while a save of the card is in flight only the newest draft waits, and goes out the moment that save settles. No timer.',
  },
  {
    id: 'D7',
    scenario: 'R5',
    found:
      'Two server processes started at the same moment on an empty PostgreSQL database: one exited during start (duplicate key on users.username) because both created the admin; and every start with XASO_ADMIN_PASSWORD reset the admin’s password and ended its sessions, so restarting one instance signed the admin out of all of them.',
    status: 'fixed',
    fix: 'src/server/auth/admin-bootstrap.ts: an admin created by another instance a moment earlier is taken as found; the same XASO_ADMIN_PASSWORD again changes nothing (only a different one resets it).',
  },
];
