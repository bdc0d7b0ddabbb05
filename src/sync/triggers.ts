/**
 * When the phone tries to sync. Never on navigator.onLine alone (it says "online" on a dead
 * hotspot and "offline" behind some proxies): each trigger makes a real request, and its
 * success decides. Triggers: app start; the `online` event; the page becoming visible; the
 * service worker's Background Sync ping ({type:'flush-outbox'}); an enrollment (sync-run.ts);
 * a timer every `intervalMs` while the page is visible, which runs only when something waits
 * (outbox rows, or submissions awaiting a verdict) so an idle phone spends no data, and asks for
 * verdicts only every `pullIntervalMs`; and a wake-up when a backoff retry falls due before the
 * next tick.
 * Each run also asks for the province's published criteria sets (criteria-sets.ts), after the
 * outbox and the verdicts, so it never delays a submission; a failed pull is retried with the
 * outbox's backoff (backoff.ts) by a wake-up of its own.
 * A team phone (issue #15) flushes its own outbox, then asks for its survey (team-survey.ts): on
 * every run but the timer's (start, `online`, visible, the SW ping: one small GET, 304 when
 * nothing changed), from the timer at most every `pullIntervalMs` and not before a failure's
 * backoff delay has passed.
 * Evidence files follow the same triggers, and go up as soon as their submission is delivered
 * (evidence-triggers.ts).
 */
import { getDb, type XasoDb } from '../db/database';
import type * as CriteriaSetsModule from './criteria-sets';
import { pullCommunityTally } from './community-tally';
import { pullPopulation, pushPopulation } from './population';
import { getEnrollment, isTeamPhone } from './enrollment';
import type * as OutboxModule from './outbox';
import type * as TeamSurveyModule from './team-survey';
import type { FlushOptions, FlushReport } from './outbox';
import { startEvidenceTriggers } from './evidence-triggers';
import { pullReviews } from './reviews';
import { pullSchedule } from './pull-schedule';
import { SYNC_RUN_EVENT } from './sync-run';

export interface SyncTriggerOptions extends FlushOptions {
  intervalMs?: number;
  /**
   * The timer asks for verdicts at most this often (the answer carries the whole submission,
   * tens of kB on 2G); start, `online`, visibility and the SW ping always ask. Default 10 min.
   */
  pullIntervalMs?: number;
}

const MIN_WAKE_MS = 1_000;

function isVisible(): boolean {
  return typeof document === 'undefined' || document.visibilityState !== 'hidden';
}

async function somethingWaits(db: XasoDb, evidenceWaits: () => Promise<boolean>): Promise<boolean> {
  if ((await db.outbox.count()) > 0) return true;
  if ((await db.teamEntries.where('syncState').equals('queued').count()) > 0) return true;
  if ((await db.surveyResponses.where('syncState').equals('queued').count()) > 0) return true;
  if ((await db.sync.filter((r) => r.state === 'sent').count()) > 0) return true;
  const draft = await db.settings.get('communePopulationDraft');
  if (draft && !(draft.value as { error?: unknown }).error) return true;
  return evidenceWaits();
}

/**
 * Starts the triggers; returns a function that stops them. Call once, from the app shell,
 * after the first render (the first screen must not wait for the network).
 */
export function startSync(opts: SyncTriggerOptions = {}): () => void {
  const db = opts.db ?? getDb();
  const intervalMs = opts.intervalMs ?? 60_000;
  const pullIntervalMs = opts.pullIntervalMs ?? 10 * 60_000;
  let lastPullAt = -Infinity;
  const flushOpts: FlushOptions = { ...opts, db };
  let wake: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  const evidence = startEvidenceTriggers(db, { ...opts, db, intervalMs, isVisible });

  // The outbox module carries zod (it validates the payload before sending): a phone with
  // nothing queued never loads it, so a cold start does not evaluate it (issue #16: TBT).
  let unsubscribe = () => {};
  let outbox: Promise<typeof OutboxModule> | undefined;
  const loadOutbox = () =>
    (outbox ??= import('./outbox').then((m) => {
      if (!stopped) unsubscribe = m.onFlushed(onReport);
      return m;
    }));
  const flush = async (): Promise<void> => {
    if (!outbox && (await db.outbox.count()) === 0) return;
    await (await loadOutbox()).flushOutbox(flushOpts);
  };

  // The province's criteria sets (pull-schedule.ts: one ask at a time, backoff with a wake-up).
  let criteria: Promise<typeof CriteriaSetsModule> | undefined;
  const sets = pullSchedule({
    pullIntervalMs,
    random: opts.random,
    backoff: 'all',
    ask: async () => {
      // Not enrolled: nothing to ask for, and the module (zod) is not loaded.
      if (!(await getEnrollment(db))) return true;
      criteria ??= import('./criteria-sets');
      const report = await (
        await criteria
      )
        .pullCriteriaSets({ db, fetch: opts.fetch, now: opts.now, timeoutMs: opts.timeoutMs })
        .catch((err: unknown) => {
          console.error('[xaso] criteria sets', err);
          return undefined;
        });
      return report?.reached === true && report.retrying === 0;
    },
  });

  // A community team phone (issue #15) sends its support log and survey responses, and nothing
  // else: it may not read the commune's assessment, its verdicts or criteria sets.
  let teamWake: ReturnType<typeof setTimeout> | undefined;
  // `force`: start, `online`, visible, the SW ping send everything queued; the timer and the
  // backoff wake-up respect each item's backoff.
  const flushTeam = async (force: boolean): Promise<void> => {
    const report = await (await import('./team-outbox')).flushTeamOutbox({ ...flushOpts, force });
    if (stopped || report.nextDueAt === undefined) return;
    const delay = Math.max(MIN_WAKE_MS, Date.parse(report.nextDueAt) - Date.now());
    if (delay >= intervalMs) return;
    clearTimeout(teamWake);
    teamWake = setTimeout(() => isVisible() && void flushTeam(false).catch(() => undefined), delay);
  };

  // The team's survey, after its outbox (a send never waits for it). Zod: loaded on team phones only.
  let teamSurvey: Promise<typeof TeamSurveyModule> | undefined;
  const survey = pullSchedule({
    pullIntervalMs,
    random: opts.random,
    backoff: 'timer',
    ask: async () => {
      teamSurvey ??= import('./team-survey').catch((err: unknown) => {
        teamSurvey = undefined;
        throw err;
      });
      const pulled = await (
        await teamSurvey
      )
        .pullTeamSurvey({ db, fetch: opts.fetch, now: opts.now, timeoutMs: opts.timeoutMs })
        .catch((err: unknown) => ({ outcome: 'failed' as const, message: String(err) }));
      return pulled.outcome !== 'failed';
    },
  });

  const popOpts = { db, fetch: opts.fetch, now: opts.now, random: opts.random, timeoutMs: opts.timeoutMs };
  const run = async (fromTimer = false): Promise<void> => {
    if (stopped) return;
    if (isTeamPhone(await getEnrollment(db).catch(() => undefined))) {
      await flushTeam(!fromTimer).catch((err: unknown) => !stopped && console.error('[xaso] team sync', err));
      await survey.pull(fromTimer).catch((err: unknown) => !stopped && console.error('[xaso] team survey', err));
      return;
    }
    try {
      await flush();
      // The population the officer entered (issue #15): sent before any pull could bring an older one down.
      await pushPopulation({ ...popOpts, force: !fromTimer }).catch(
        (err: unknown) => !stopped && console.error('[xaso] population', err),
      );
      if (!fromTimer || Date.now() - lastPullAt >= pullIntervalMs) {
        const pulled = await pullReviews({
          db,
          fetch: opts.fetch,
          now: opts.now,
          timeoutMs: opts.timeoutMs,
          ...(fromTimer ? { states: ['sent'] } : {}),
        });
        if (pulled.reached) lastPullAt = Date.now();
        // The community team's tally for the checklist's measured facts (issue #15); small, never blocks a send.
        await pullCommunityTally({ db, fetch: opts.fetch, now: opts.now, timeoutMs: opts.timeoutMs }).catch(
          (err: unknown) => !stopped && console.error('[xaso] community tally', err),
        );
        // The commune's population, for measured indicators per 1,000 inhabitants (issue #15).
        await pullPopulation({ db, fetch: opts.fetch, timeoutMs: opts.timeoutMs }).catch(
          (err: unknown) => !stopped && console.error('[xaso] population', err),
        );
      }
      // Not awaited: files can take minutes on 2G; nothing else waits for them.
      void evidence.run();
    } catch (err) {
      if (!stopped) console.error('[xaso] sync', err);
    }
    // Last, and whatever happened above: a set that cannot come down never holds back an answer.
    await sets.pull(fromTimer).catch((err: unknown) => !stopped && console.error('[xaso] criteria sets', err));
  };
  const runAll = () => void run();

  // When a backoff retry falls due before the next tick, wake up for it (2 s, 4 s, … matter on
  // a flickering signal; the periodic timer alone would add up to a minute to each).
  function onReport(report: FlushReport): void {
    // A delivered submission: its evidence files follow now (also after a flush kicked by submit).
    if (!stopped && report.sent > 0) void evidence.run();
    if (stopped || report.nextDueAt === undefined) return;
    const delay = Math.max(MIN_WAKE_MS, Date.parse(report.nextDueAt) - Date.now());
    if (delay >= intervalMs) return;
    clearTimeout(wake);
    wake = setTimeout(() => isVisible() && void flush().catch(() => undefined), delay);
  }

  const tick = setInterval(() => {
    if (!isVisible()) return;
    void somethingWaits(db, evidence.waits)
      .then((waits) => (waits ? run(true) : undefined))
      .catch(() => undefined);
  }, intervalMs);

  const onVisible = () => {
    if (isVisible())
      void somethingWaits(db, evidence.waits)
        .then((waits) => (waits ? run() : undefined))
        .catch(() => undefined);
  };
  const onMessage = (event: MessageEvent) => {
    if ((event.data as { type?: unknown } | null)?.type === 'flush-outbox') runAll();
  };
  const sw = typeof navigator === 'undefined' ? undefined : (navigator as Partial<Navigator>).serviceWorker;

  if (typeof addEventListener === 'function') {
    addEventListener('online', runAll);
    addEventListener(SYNC_RUN_EVENT, runAll);
  }
  if (typeof document !== 'undefined') document.addEventListener('visibilitychange', onVisible);
  sw?.addEventListener('message', onMessage);
  runAll();

  return () => {
    stopped = true;
    evidence.stop();
    clearInterval(tick);
    clearTimeout(wake);
    sets.stop();
    survey.stop();
    clearTimeout(teamWake);
    unsubscribe();
    if (typeof removeEventListener === 'function') {
      removeEventListener('online', runAll);
      removeEventListener(SYNC_RUN_EVENT, runAll);
    }
    if (typeof document !== 'undefined') document.removeEventListener('visibilitychange', onVisible);
    sw?.removeEventListener('message', onMessage);
  };
}
