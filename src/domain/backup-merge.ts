/**
 * The import merge plan: what importing a backup file into the phone's store should write.
 * The rule, per answer: the newer `updatedAt` wins and a tie keeps the local answer, so an import
 * never silently replaces a newer local answer and never drops one. An assessment's details
 * (area types, period, helpers) follow the newer record; its status and `lastCode` stay local.
 * A submitted or accepted assessment is left alone. Pure: no Dexie, no DOM.
 */
import { answersByAssessment, toAnswerRow } from './answer-row';
import type { AnswerRow } from './answer-row';
import type { BackupAssessment, BackupFile } from './backup';
import { sameIndicatorValue } from './indicator-value';
import type { Answer, Assessment } from './types';
import { isLocked } from './vocabulary';

/** Optional text that is undefined or "" is dropped, as the store never keeps empty strings. */
function dropEmpty<T extends object>(o: T): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined || out[k] === '') delete out[k];
  return out as T;
}

export interface LocalState {
  assessments: readonly Assessment[];
  answers: readonly AnswerRow[];
}

export interface ImportReport {
  assessmentsAdded: number;
  /** Existing assessments that received at least one change. */
  assessmentsMerged: number;
  assessmentsUnchanged: number;
  answersAdded: number;
  answersUpdated: number;
  /** Incoming answers not taken because the local one is as new or newer. */
  answersKeptLocal: number;
  answersUnchanged: number;
  /** Left untouched: submitted/accepted here (locked), or the same id for another commune. */
  skipped: { assessmentId: string; reason: 'locked' | 'identity-mismatch' }[];
}

export interface ImportPlan {
  addAssessments: Assessment[];
  /** Existing assessments whose record changes (metadata or updatedAt). */
  putAssessments: Assessment[];
  putAnswers: AnswerRow[];
  report: ImportReport;
}

const time = (iso: string) => Date.parse(iso);
const sameContent = (a: Answer, b: Answer) =>
  a.status === b.status &&
  a.note === b.note &&
  a.naReason === b.naReason &&
  a.openName === b.openName &&
  sameIndicatorValue(a.value, b.value);
const sameIdentity = (a: Assessment, b: Assessment) =>
  a.provinceCode === b.provinceCode &&
  a.communeCode === b.communeCode &&
  a.catalogueVersion === b.catalogueVersion &&
  a.methodologyId === b.methodologyId &&
  a.criteriaSet?.id === b.criteriaSet?.id &&
  a.criteriaSet?.version === b.criteriaSet?.version;

/** The fields an import may change on an existing assessment. */
const sameRecord = (a: Assessment, b: Assessment) =>
  a.areaTypes.join() === b.areaTypes.join() &&
  a.period === b.period &&
  a.helpers === b.helpers &&
  a.lastCode === b.lastCode &&
  a.updatedAt === b.updatedAt;

function splitAssessment(b: BackupAssessment): { assessment: Assessment; answers: Answer[] } {
  const { answers, ...assessment } = b;
  return { assessment, answers };
}

/** Merge one existing assessment: the newer record's metadata, the newer answer per code. */
function mergeExisting(local: Assessment, localAnswers: Map<string, Answer>, incoming: BackupAssessment) {
  const { assessment: inc, answers } = splitAssessment(incoming);
  const put: AnswerRow[] = [];
  const counts = { answersAdded: 0, answersUpdated: 0, answersKeptLocal: 0, answersUnchanged: 0 };
  let latest = Math.max(time(local.updatedAt), time(inc.updatedAt));
  for (const a of answers) {
    const mine = localAnswers.get(a.code);
    if (mine && sameContent(mine, a)) counts.answersUnchanged++;
    else if (mine && time(a.updatedAt) <= time(mine.updatedAt)) counts.answersKeptLocal++;
    else {
      put.push(toAnswerRow(local.id, a));
      counts[mine ? 'answersUpdated' : 'answersAdded']++;
      latest = Math.max(latest, time(a.updatedAt));
    }
  }
  const newer = time(inc.updatedAt) > time(local.updatedAt);
  const merged: Assessment = dropEmpty({
    ...local,
    ...(newer ? { areaTypes: inc.areaTypes, period: inc.period, helpers: inc.helpers } : {}),
    lastCode: local.lastCode ?? inc.lastCode,
    updatedAt: latest === time(local.updatedAt) ? local.updatedAt : new Date(latest).toISOString(),
  });
  return { merged: sameRecord(merged, local) ? undefined : merged, put, counts };
}

/**
 * What importing `incoming` into `local` should write. Pure and deterministic: applying the plan
 * and planning the same file again yields a plan with nothing to write.
 */
export function planImport(local: LocalState, incoming: BackupFile): ImportPlan {
  const byId = new Map(local.assessments.map((a) => [a.id, a]));
  const answersOf = new Map<string, Map<string, Answer>>();
  for (const [id, list] of answersByAssessment(local.answers)) answersOf.set(id, new Map(list.map((a) => [a.code, a])));
  const plan: ImportPlan = {
    addAssessments: [],
    putAssessments: [],
    putAnswers: [],
    report: {
      assessmentsAdded: 0,
      assessmentsMerged: 0,
      assessmentsUnchanged: 0,
      answersAdded: 0,
      answersUpdated: 0,
      answersKeptLocal: 0,
      answersUnchanged: 0,
      skipped: [],
    },
  };
  const r = plan.report;
  for (const entry of incoming.assessments) {
    const mine = byId.get(entry.id);
    if (!mine) {
      const { assessment, answers } = splitAssessment(entry);
      plan.addAssessments.push(assessment);
      plan.putAnswers.push(...answers.map((a) => toAnswerRow(assessment.id, a)));
      r.assessmentsAdded++;
      r.answersAdded += answers.length;
      continue;
    }
    if (!sameIdentity(mine, entry)) {
      r.skipped.push({ assessmentId: mine.id, reason: 'identity-mismatch' });
      continue;
    }
    const m = mergeExisting(mine, answersOf.get(mine.id) ?? new Map(), entry);
    const changes = m.put.length > 0 || m.merged !== undefined;
    if (changes && isLocked(mine.status)) {
      // A submitted or accepted assessment is frozen: it changes only through a review.
      r.skipped.push({ assessmentId: mine.id, reason: 'locked' });
      continue;
    }
    if (m.merged) plan.putAssessments.push(m.merged);
    plan.putAnswers.push(...m.put);
    r[changes ? 'assessmentsMerged' : 'assessmentsUnchanged']++;
    r.answersAdded += m.counts.answersAdded;
    r.answersUpdated += m.counts.answersUpdated;
    r.answersKeptLocal += m.counts.answersKeptLocal;
    r.answersUnchanged += m.counts.answersUnchanged;
  }
  return plan;
}
