/**
 * Storing a team phone's batch exactly once (issue #15). Each item is checked on its own (a bad
 * one does not hold back the others, and says why by its index and id); the good ones are inserted
 * in one transaction with ON CONFLICT DO NOTHING. An id already stored with the same content (same
 * commune, same SHA-256 of the canonical item) is a duplicate, acknowledged and never counted
 * twice; with other content, or another commune's, it is a conflict: nothing is overwritten.
 */
import { createHash } from 'node:crypto';
import type { z } from 'zod';
import {
  supportEntrySchema,
  SurveyResponseSchema,
  type SupportEntry,
  type Survey,
  type SurveyResponse,
} from '../../domain/community/schemas';
import type { DevicePrincipal } from '../context';
import type { Database } from '../db/schema';
import type { Insertable, Kysely } from 'kysely';
import {
  insertNewRows,
  storedItems,
  type CommunityTable,
  type SurveyResponseRow,
  type TeamEntryRow,
} from '../repositories/community';
import { surveyKey, type CommunityReference } from './reference';

export interface ItemProblem {
  index: number;
  id: string | null;
  /** invalid_item: refused as sent (422) · id_conflict: the id is stored with other content (409). */
  code: 'invalid_item' | 'id_conflict';
  problem: string;
}

export interface IntakeResult {
  accepted: string[];
  duplicates: string[];
  problems: ItemProblem[];
}

const VIETNAM_OFFSET_MS = 7 * 3600 * 1000;

/** JSON with object keys sorted at every depth: the same item always hashes the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

export const contentHash = (item: unknown): string => createHash('sha256').update(canonical(item)).digest('hex');

function idOf(raw: unknown): string | null {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, 64) : null;
}

const describe = (error: z.ZodError): string =>
  error.issues
    .slice(0, 5)
    .map((i) => `${i.path.join('.') || 'item'}: ${i.message}`)
    .join('; ');

/** Answers must name the survey's own questions, each with a value of its type. */
function answersProblem(response: SurveyResponse, survey: Survey | undefined): string | null {
  if (!survey) return `unknown survey ${response.surveyId}@${response.surveyVersion}`;
  for (const [question, answer] of Object.entries(response.answers)) {
    const q = survey.questions.find((x) => x.id === question);
    if (!q) return `answers.${question}: not a question of this survey`;
    if (q.type === 'yesno' && typeof answer !== 'boolean') return `answers.${question}: expected true or false`;
    if (q.type === 'scale5' && typeof answer !== 'number') return `answers.${question}: expected 1 to 5`;
  }
  return null;
}

interface Parsed<R> {
  index: number;
  row: R;
}

async function storeBatch<T extends CommunityTable, R extends Insertable<Database[T]> & { id: string; content_hash: string }>(
  db: Kysely<Database>,
  table: T,
  device: DevicePrincipal,
  parsed: Parsed<R>[],
  problems: ItemProblem[],
): Promise<IntakeResult> {
  // The same id twice in one batch: the first is the one stored, the others compared with it.
  const firstById = new Map<string, Parsed<R>>();
  for (const p of parsed) if (!firstById.has(p.row.id)) firstById.set(p.row.id, p);
  const result = await db.transaction().execute(async (trx) => {
    const added = await insertNewRows(
      trx,
      table,
      [...firstById.values()].map((p) => p.row),
    );
    const stored = await storedItems(
      trx,
      table,
      [...firstById.keys()].filter((id) => !added.has(id)),
    );
    return { added, stored };
  });
  const accepted: string[] = [];
  const duplicates: string[] = [];
  for (const p of parsed) {
    const first = firstById.get(p.row.id);
    if (first === p && result.added.has(p.row.id)) {
      accepted.push(p.row.id);
      continue;
    }
    const held =
      first === p ? result.stored.get(p.row.id) : { commune_code: device.communeCode, content_hash: first?.row.content_hash };
    if (held && held.commune_code === device.communeCode && held.content_hash === p.row.content_hash) duplicates.push(p.row.id);
    else
      problems.push({
        index: p.index,
        id: p.row.id,
        code: 'id_conflict',
        problem: 'this id is already stored with other content; nothing was overwritten',
      });
  }
  problems.sort((a, b) => a.index - b.index);
  return { accepted, duplicates, problems };
}

export async function storeTeamEntries(
  db: Kysely<Database>,
  reference: CommunityReference,
  device: DevicePrincipal,
  items: readonly unknown[],
  receivedAt: string,
): Promise<IntakeResult> {
  const schema = supportEntrySchema(reference.kindIds);
  const problems: ItemProblem[] = [];
  const parsed: Parsed<TeamEntryRow>[] = [];
  items.forEach((raw, index) => {
    const result = schema.safeParse(raw);
    if (!result.success) {
      problems.push({ index, id: idOf(raw), code: 'invalid_item', problem: describe(result.error) });
      return;
    }
    const e: SupportEntry = result.data;
    parsed.push({
      index,
      row: {
        id: e.id,
        commune_code: device.communeCode,
        province_code: device.provinceCode,
        device_id: device.id,
        date: e.date,
        hamlet: e.hamlet,
        kind: e.kind,
        residents: e.residents,
        note: e.note ?? null,
        content_hash: contentHash(e),
        received_at: receivedAt,
      },
    });
  });
  return storeBatch(db, 'team_entries', device, parsed, problems);
}

/**
 * Responses to the bundled surveys, or to a survey a published criteria set of the phone's
 * province carries: `provinceSurveys` is asked (one query) only when a response names a survey
 * that is not bundled. Another province's survey, a draft's or an unknown one is refused per item.
 */
export async function storeSurveyResponses(
  db: Kysely<Database>,
  reference: CommunityReference,
  device: DevicePrincipal,
  items: readonly unknown[],
  receivedAt: string,
  provinceSurveys: () => Promise<ReadonlyMap<string, Survey>> = () => Promise.resolve(new Map()),
): Promise<IntakeResult> {
  const problems: ItemProblem[] = [];
  const parsed: Parsed<SurveyResponseRow>[] = [];
  const results = items.map((raw) => SurveyResponseSchema.safeParse(raw));
  const keyOf = (r: SurveyResponse) => surveyKey(r.surveyId, r.surveyVersion);
  const unbundled = results.some((r) => r.success && !reference.surveys.has(keyOf(r.data)));
  const province = unbundled ? await provinceSurveys() : new Map<string, Survey>();
  const surveyOf = (r: SurveyResponse) => reference.surveys.get(keyOf(r)) ?? province.get(keyOf(r));
  results.forEach((result, index) => {
    const problem = result.success ? answersProblem(result.data, surveyOf(result.data)) : describe(result.error);
    if (!result.success || problem) {
      problems.push({ index, id: idOf(items[index]), code: 'invalid_item', problem: problem ?? 'invalid' });
      return;
    }
    const r = result.data;
    const survey = surveyOf(r);
    const overall = survey ? r.answers[survey.overallQuestion] : undefined;
    parsed.push({
      index,
      row: {
        id: r.id,
        commune_code: device.communeCode,
        province_code: device.provinceCode,
        device_id: device.id,
        survey_id: r.surveyId,
        survey_version: r.surveyVersion,
        answered_at: r.answeredAt,
        answered_on: new Date(Date.parse(r.answeredAt) + VIETNAM_OFFSET_MS).toISOString().slice(0, 10),
        answers: JSON.stringify(r.answers),
        overall: typeof overall === 'number' ? overall : null,
        content_hash: contentHash(r),
        received_at: receivedAt,
      },
    });
  });
  return storeBatch(db, 'survey_responses', device, parsed, problems);
}
