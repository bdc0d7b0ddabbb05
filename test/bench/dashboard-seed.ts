/**
 * National scale for the province dashboard: every commune of the 34 provinces (3,321) with an
 * assessment for each of 3 periods, each with 2 revisions (19,926 revision rows with full
 * payloads and server scores), written straight into the server's tables through its own
 * connection and migrations (src/server/db). Scores come from the shared scoring module; the
 * content hash is the domain's canonical hash, computed with node:crypto for speed. The dashboard
 * table commune_scores is filled by the server's own recordCommuneScore with each assessment's
 * latest revision, as a real submission does, so the seed cannot drift from what the server stores.
 */
import type { Kysely } from 'kysely';
import type { Commune } from '../../src/domain/admin-units';
import { scoreAssessment } from '../../src/domain/scoring';
import type { Submission } from '../../src/domain/submission';
import { submissionContentHash as contentHash } from '../support/submission-hash';
import type { Answer, AreaType } from '../../src/domain/types';
import { openPostgres, openSqlite } from '../../src/server/db/connect';
import { migrateToLatest } from '../../src/server/db/migrate';
import type { AssessmentRevisionsTable, AssessmentsTable, Database } from '../../src/server/db/schema';
import { recordCommuneScore, type CommuneScoreSource } from '../../src/server/repositories/commune-scores';
import { fullAnswers, fullSubmission, reference } from './fixture';
import { pick, seededRandom } from './stats';

export const PERIODS = ['2024', '2025', '2026'] as const;
const MOUNTAIN_PROVINCES = new Set(['04', '08', '11', '12', '14', '15', '19', '20', '25', '52', '66', '68']);

function areaTypesOf(c: Commune, provinceCode: string, random: () => number): AreaType[] {
  if (c.type === 'phường') return ['urban'];
  if (c.type === 'đặc khu') return ['mountain-border-island'];
  if (MOUNTAIN_PROVINCES.has(provinceCode))
    return random() < 0.2 ? ['rural', 'mountain-border-island'] : ['mountain-border-island'];
  return ['rural'];
}

type AssessmentRow = AssessmentsTable;
type RevisionRow = AssessmentRevisionsTable;

interface CommuneRows {
  assessments: AssessmentRow[];
  revisions: RevisionRow[];
  latest: CommuneScoreSource[];
}

function rowsForCommune(c: Commune, provinceCode: string, seed: number): CommuneRows {
  const ref = reference();
  const catalogue = ref.catalogues.get(ref.current.catalogueVersion);
  const methodology = ref.methodologies.get(ref.current.methodologyId);
  if (!catalogue || !methodology) throw new Error('no catalogue or methodology');
  const random = seededRandom(seed);
  const areaTypes = areaTypesOf(c, provinceCode, random);
  const assessments: AssessmentRow[] = [];
  const revisions: RevisionRow[] = [];
  const latest: CommuneScoreSource[] = [];
  PERIODS.forEach((period, p) => {
    const id = `bench-${c.code}-${period}`;
    let answers: Answer[] = fullAnswers(ref, { seed: seed * 7 + p, areaTypes, noteShare: 0.25 });
    const day = Date.parse(`${period}-11-01T02:00:00Z`) + Math.floor(random() * 20) * 86_400_000;
    for (const revision of [1, 2]) {
      if (revision === 2)
        answers = answers.map((a) =>
          typeof a.status === 'number' && random() < 0.1 ? { ...a, status: Math.min(3, a.status + 1) as 0 | 1 | 2 | 3 } : a,
        );
      const submission: Submission = {
        ...fullSubmission(ref, revision, answers, { communeCode: c.code, provinceCode, areaTypes }),
        period,
        submittedAt: new Date(day + revision * 86_400_000).toISOString(),
      };
      const score = scoreAssessment({
        catalogue,
        methodology,
        areaTypes,
        answers: Object.fromEntries(submission.answers.map((a) => [a.code, a])),
      });
      const receivedAt = new Date(day + revision * 86_400_000 + 90_000).toISOString();
      const stored: RevisionRow = {
        assessment_id: id,
        revision,
        base_revision: revision === 1 ? null : revision - 1,
        device_id: `bench-device-${c.code}`,
        content_hash: contentHash(submission),
        payload: JSON.stringify(submission),
        score: JSON.stringify(score),
        score_index: score.index,
        level: score.level,
        period,
        area_types: JSON.stringify(areaTypes),
        submitted_at: submission.submittedAt,
        received_at: receivedAt,
      };
      revisions.push(stored);
      if (revision === 2) {
        latest.push({ revision: stored, provinceCode, communeCode: c.code, submission, score, catalogue, methodology });
        const state = pick(['submitted', 'accepted', 'accepted', 'returned'] as const, random);
        assessments.push({
          id,
          commune_code: c.code,
          province_code: provinceCode,
          latest_revision: 2,
          review_state: state,
          reviewed_revision: state === 'submitted' ? null : 2,
          created_at: revisions[revisions.length - 2]?.received_at ?? receivedAt,
          updated_at: receivedAt,
        });
      }
    }
  });
  return { assessments, revisions, latest };
}

/** Seeds the database; returns the number of revision rows written. */
export async function seedNational(target: { sqliteFile?: string; databaseUrl?: string }, signal: AbortSignal): Promise<number> {
  const opened = target.databaseUrl ? openPostgres(target.databaseUrl) : openSqlite(target.sqliteFile ?? '');
  const db: Kysely<Database> = opened.db;
  try {
    await migrateToLatest(db);
    const communes = reference().adminUnits.provinces.flatMap((p) => p.communes.map((c) => ({ c, provinceCode: p.code })));
    let written = 0;
    const batch = 40;
    for (let i = 0; i < communes.length; i += batch) {
      if (signal.aborted) throw new Error('seeding aborted');
      const parts = communes.slice(i, i + batch).map(({ c, provinceCode }, k) => rowsForCommune(c, provinceCode, i + k + 1));
      const assessments = parts.flatMap((p) => p.assessments);
      const revisions = parts.flatMap((p) => p.revisions);
      const latest = parts.flatMap((p) => p.latest);
      await db.transaction().execute(async (trx) => {
        await trx.insertInto('assessments').values(assessments).execute();
        for (let r = 0; r < revisions.length; r += 60)
          await trx
            .insertInto('assessment_revisions')
            .values(revisions.slice(r, r + 60))
            .execute();
        for (const source of latest) await recordCommuneScore(trx, source);
      });
      written += revisions.length;
    }
    return written;
  } finally {
    await db.destroy();
  }
}
