/**
 * #/a/:id/report — one printable page (A4): who, where, when, under which catalogue and
 * methodology, the index and level, scores by layer and group with the radar, completeness and
 * the whole gap list (issue #10 item 8). Under a criteria set: its total, level and points per
 * group instead of the provisional method's index, table, radar and gaps.
 * Every user text (names, notes) is rendered as text, never as HTML.
 */
import { useMemo } from 'preact/hooks';
import { formatDate, formatDateTime, formatNumber, useLanguage, useT } from '../../../i18n';
import { Button, LinkButton } from '../../components/Button';
import { Page } from '../../components/Page';
import { paths } from '../../router';
import { LoadState } from '../assessment/LoadState';
import { useAssessmentData } from '../assessment/use-assessment-data';
import type { AssessmentData } from '../assessment/use-assessment-data';
import { RadarChart } from '../Summary/RadarChart';
import { ScoreTable } from '../Summary/ScoreTable';
import { useRadar } from '../Summary/use-radar';
import { useResult } from '../Summary/use-result';
import { levelName } from '../../../domain/vocabulary';
import { gateCappedText } from '../Summary/gate-text';
import { gapRows, gateNotices } from '../Summary/view-model';
import { GapTable } from './GapTable';
import { CriteriaResult } from '../assessment/CriteriaResult';
import { criteriaGapRows } from '../assessment/criteria-gaps';
import { criteriaScoreOf } from '../assessment/criteria-result';
import './style.css';

export default function Report({ id }: { id: string }) {
  const t = useT('summary');
  const loaded = useAssessmentData(id);
  if (loaded.status !== 'ready') return <LoadState loaded={loaded} title={t('report.title')} />;
  return <ReportBody data={loaded.data} />;
}

function ReportBody({ data }: { data: AssessmentData }) {
  const t = useT('summary');
  const tc = useT('criteria');
  const ta = useT('assess');
  const lang = useLanguage();
  const { score, gaps } = useResult(data);
  const set = data.criteriaSet;
  const criteria = useMemo(() => (set ? criteriaScoreOf(data, set) : undefined), [data, set]);
  const criteriaRows = useMemo(
    () => (set && criteria ? criteriaGapRows(data, set, criteria, lang) : []),
    [data, set, criteria, lang],
  );
  const { assessment: a, methodology: m } = data;
  const rows = useMemo(() => gapRows(gaps, data.catalogue, data.translation), [gaps, data]);
  const radar = useRadar(score, m, lang);
  const c = score.completeness;
  const fact = (label: string, value: string) => (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );

  return (
    <Page title={t('report.title')} class="report-page">
      <p class="report-actions no-print">
        <Button variant="primary" onClick={() => window.print()}>
          {t('report.print')}
        </Button>
        <LinkButton href={`#${paths.summary(a.id)}`}>{t('report.back')}</LinkButton>
      </p>
      <dl class="report-facts">
        {fact(t('report.commune'), data.commune?.name ?? a.communeCode)}
        {fact(t('report.province'), data.province?.name ?? a.provinceCode)}
        {fact(ta('facts.areaTypes'), a.areaTypes.map((x) => ta(`areaType.${x}`)).join('; '))}
        {fact(ta('facts.period'), a.period)}
        {a.helpers ? fact(ta('facts.helpers'), a.helpers) : null}
        {fact(t('report.status'), t(`report.assessmentStatus.${a.status}`))}
        {set
          ? fact(tc('checklist.set'), lang === 'en' ? set.title.en : set.title.vi)
          : fact(t('report.methodology'), lang === 'en' ? m.title.en : m.title.vi)}
        {fact(t('report.updated'), formatDateTime(a.updatedAt))}
        {fact(t('report.date'), formatDate(new Date().toISOString()))}
      </dl>
      {set && criteria ? (
        <section class="report-result" aria-labelledby="rep-result">
          <h2 id="rep-result">{t('report.result')}</h2>
          {set.notice && <p class="report-set-notice">{lang === 'en' ? set.notice.en : set.notice.vi}</p>}
          <CriteriaResult set={set} score={criteria} lang={lang} />
          <section aria-labelledby="rep-gaps">
            <h2 id="rep-gaps">{t('report.gapsTitle', { n: criteriaRows.length })}</h2>
            <GapTable
              rows={criteriaRows}
              methodology={m}
              lang={lang}
              words={{ none: tc('result.gapsNone'), caption: tc('result.gapsCaption'), item: tc('result.colIndicator') }}
            />
          </section>
        </section>
      ) : (
        <>
          <section class="report-result" aria-labelledby="rep-result">
            <h2 id="rep-result">{t('report.result')}</h2>
            <p class="report-index">
              {t('report.indexLine', {
                index: formatNumber(score.index, { minimumFractionDigits: 1, maximumFractionDigits: 1 }),
                level: t('level', { n: score.level, name: levelName(m, score.level, lang) }),
              })}
              {!score.complete && <span class="report-provisional">{t('provisional.badge')}</span>}
            </p>
            {gateNotices(score, m, gaps, lang).map((g) => (
              <p key={g.id} class="report-gate">
                {gateCappedText(t, g)}
              </p>
            ))}
            <p>
              {t('completeness.answered', {
                answered: c.answered,
                total: c.counted,
                percent: formatNumber(c.ratio, { percent: true, maximumFractionDigits: 0 }),
              })}{' '}
              {score.complete
                ? t('completeness.complete')
                : t('completeness.essentialMissing', { n: c.essentialTotal - c.essentialAnswered, total: c.essentialTotal })}
            </p>
          </section>
          <section aria-labelledby="rep-scores">
            <h2 id="rep-scores">{t('scores.title')}</h2>
            <ScoreTable
              result={score}
              catalogue={data.catalogue}
              methodology={m}
              translation={data.translation}
              lang={lang}
              compact
            />
            <RadarChart input={radar.input} ariaLabel={radar.ariaLabel} caption={t('radar.caption')} />
          </section>
          <section aria-labelledby="rep-gaps">
            <h2 id="rep-gaps">{t('report.gapsTitle', { n: rows.length })}</h2>
            <GapTable rows={rows} methodology={m} lang={lang} />
          </section>
        </>
      )}
      <p class="report-foot">
        {t('report.disclaimer', {
          methodology: set ? (lang === 'en' ? set.title.en : set.title.vi) : lang === 'en' ? m.title.en : m.title.vi,
        })}
      </p>
      {/* Internal ids only here, for whoever checks which data scored this report (issue #10 item 6). */}
      <p class="report-technical muted">
        {t('report.technical', {
          catalogue: a.catalogueVersion,
          methodology: a.criteriaSet ? `${a.criteriaSet.id} ${a.criteriaSet.version}` : a.methodologyId,
        })}
      </p>
    </Page>
  );
}
