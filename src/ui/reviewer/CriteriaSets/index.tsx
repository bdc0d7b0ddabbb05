import { useEffect, useRef, useState } from 'preact/hooks';
import type { Province } from '../../../domain/admin-units';
import type { CriteriaSet } from '../../../domain/criteria';
import { loadAdminUnits } from '../../../data/load';
import { useT } from '../../../i18n';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Loading';
import { Page } from '../../components/Page';
import { announce } from '../../components/announce';
import { navigate } from '../../router';
import { api } from '../api';
import { criteriaApi } from '../criteria-sets-api';
import { versionOrder } from '../criteria-sets-view';
import { errorText } from '../errors';
import { LoadFailed } from '../LoadFailed';
import { reviewPaths } from '../routes';
import type { CriteriaSetMeta } from '../types';
import { useLoad } from '../use-load';
import { ComparePanel } from './ComparePanel';
import { PreviewPanel } from './PreviewPanel';
import { UploadPanel } from './UploadPanel';
import { VersionTable } from './VersionTable';
import './style.css';

/** The admin picks the province first. */
function ProvincePicker() {
  const t = useT('reviewer');
  const [provinces, setProvinces] = useState<Province[]>([]);
  useEffect(() => {
    loadAdminUnits().then(
      (u) => setProvinces(u.provinces),
      () => undefined,
    );
  }, []);
  return (
    <Page title={t('criteriaSets.title')} class="rv-page rv-cs">
      <p>{t('criteriaSets.adminChoose')}</p>
      <div class="rv-field rv-cs__province">
        <label for="rv-cs-province">{t('criteriaSets.province')}</label>
        <select id="rv-cs-province" value="" onChange={(e) => navigate(reviewPaths.criteriaSets(e.currentTarget.value))}>
          <option value="">{t('criteriaSets.chooseProvince')}</option>
          {provinces.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </select>
      </div>
    </Page>
  );
}

/** Sets already fetched, by server id: a published version never changes, a draft only by a new upload. */
function useSetCache(province: string) {
  const cache = useRef(new Map<string, CriteriaSet>());
  useEffect(() => cache.current.clear(), [province]);
  return {
    put: (id: string, set: CriteriaSet) => cache.current.set(id, set),
    load: async (id: string, signal?: AbortSignal): Promise<CriteriaSet> => {
      const known = cache.current.get(id);
      if (known) return known;
      const { set } = await criteriaApi.get(id, signal);
      cache.current.set(id, set);
      return set;
    },
  };
}

/** #/review/criteria-sets — a province's criteria sets: template, upload, preview, publish, compare. */
export function CriteriaSets({ province, admin }: { province?: string; admin: boolean }) {
  if (!province) return admin ? <ProvincePicker /> : null;
  return <ProvinceCriteriaSets province={province} />;
}

function ProvinceCriteriaSets({ province }: { province: string }) {
  const t = useT('reviewer');
  const [list, reloadList] = useLoad((signal) => criteriaApi.list(province, signal), [province]);
  const [communes] = useLoad((signal) => api.communes(province, signal), [province]);
  const cache = useSetCache(province);
  const [previewing, setPreviewing] = useState<CriteriaSetMeta>();
  const [publishing, setPublishing] = useState<CriteriaSetMeta>();
  const [busy, setBusy] = useState(false);
  const [publishError, setPublishError] = useState('');
  const [previewSet, reloadSet] = useLoad(
    (signal) => (previewing ? cache.load(previewing.id, signal) : Promise.resolve(undefined)),
    [previewing?.id],
  );
  const sets = versionOrder(list.data ?? []);
  const provinceName = communes.data?.provinceName;

  const onPublish = async () => {
    if (!publishing) return;
    setBusy(true);
    setPublishError('');
    try {
      const { meta } = await criteriaApi.publish(publishing.id);
      announce(t('criteriaSets.publishedDone', { set: meta.setId, version: meta.version }));
      setPublishing(undefined);
      if (previewing?.id === meta.id) setPreviewing(meta);
      reloadList();
    } catch (err) {
      setPublishError(errorText(err, t));
    } finally {
      setBusy(false);
    }
  };
  const names = publishing && { set: publishing.setId, version: publishing.version };

  return (
    <Page
      title={provinceName ? t('criteriaSets.titleOf', { province: provinceName }) : t('criteriaSets.title')}
      class="rv-page rv-cs"
    >
      <p class="muted">{t('criteriaSets.intro')}</p>
      {list.status === 'error' && <LoadFailed error={list.error} onRetry={reloadList} />}
      {!list.data && list.status === 'loading' && <Loading label={t('common:loading')} />}
      {list.data && <VersionTable sets={sets} onPreview={setPreviewing} onPublish={setPublishing} />}
      <UploadPanel
        province={province}
        onUploaded={(meta, set) => {
          cache.put(meta.id, set);
          setPreviewing(meta);
          reloadList();
        }}
        onCancelled={reloadList}
      />
      {previewing && previewSet.status === 'error' && <LoadFailed error={previewSet.error} onRetry={reloadSet} />}
      {previewing && previewSet.status === 'ready' && previewSet.data && (
        <PreviewPanel
          key={previewing.id}
          meta={previewing}
          set={previewSet.data}
          communes={communes.data?.communes ?? []}
          onPublish={() => setPublishing(previewing)}
        />
      )}
      {list.data && <ComparePanel key={sets.map((s) => `${s.id}:${s.status}`).join()} sets={sets} load={cache.load} />}
      <ConfirmDialog
        open={publishing !== undefined}
        title={names ? t('criteriaSets.confirmTitle', names) : ''}
        confirmLabel={t('criteriaSets.confirm')}
        cancelLabel={t('common:actions.cancel')}
        busy={busy}
        onConfirm={() => void onPublish()}
        onCancel={() => {
          setPublishing(undefined);
          setPublishError('');
        }}
      >
        <p>{t('criteriaSets.confirmBody')}</p>
        {publishError && (
          <p class="error-text" role="alert">
            {publishError}
          </p>
        )}
      </ConfirmDialog>
    </Page>
  );
}
