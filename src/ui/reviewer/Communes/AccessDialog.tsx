import { useEffect, useRef, useState } from 'preact/hooks';
import { formatDateTime, useLanguage, useT } from '../../../i18n';
import { Button } from '../../components/Button';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { Loading } from '../../components/Loading';
import { announce } from '../../components/announce';
import { api } from '../api';
import { errorText } from '../errors';
import type { Device, OpenEnrollmentCode } from '../types';
import { useLoad } from '../use-load';

type Revoking = { kind: 'code'; item: OpenEnrollmentCode } | { kind: 'device'; item: Device };

/**
 * Who can still reach a commune's data (issue #9, account management): its enrollment codes not
 * yet used and its enrolled phones. A code handed out by mistake, or a lost phone, is revoked
 * here after a confirmation; both lists reload from the server afterwards.
 */
export function AccessDialog({ commune, onClose }: { commune: { code: string; name: string }; onClose: () => void }) {
  const t = useT('reviewer');
  const lang = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeBtn = useRef<HTMLButtonElement>(null);
  const [state, reload] = useLoad(
    async (signal) => {
      const [codes, devices] = await Promise.all([api.openCodes(commune.code, signal), api.devices(commune.code, signal)]);
      return { codes: codes.codes, devices: devices.devices.filter((d) => d.revokedAt === null) };
    },
    [commune.code],
  );
  const [revoking, setRevoking] = useState<Revoking | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    const el = dialog.current;
    const returnTo = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    if (el && !el.open) el.showModal();
    closeBtn.current?.focus();
    return () => {
      if (el?.open) el.close();
      returnTo?.focus();
    };
  }, [commune.code]);

  const created = (at: string) => formatDateTime(at, lang);
  // A team phone carries its member's display name (issue #15); the role says it is the team's.
  const deviceName = (d: Device) =>
    d.role === 'team'
      ? d.label
        ? t('access.teamDevice', { name: d.label })
        : t('access.teamDeviceUnnamed')
      : d.label || t('access.unnamedDevice');

  const revoke = async () => {
    if (!revoking || busy) return;
    setBusy(true);
    setError('');
    try {
      if (revoking.kind === 'code') await api.revokeCode(revoking.item.id);
      else await api.revokeDevice(revoking.item.id);
      announce(t(revoking.kind === 'code' ? 'access.codeRevoked' : 'access.deviceRevoked', { commune: commune.name }));
      reload();
    } catch (err) {
      setError(errorText(err, t));
      reload();
    } finally {
      setBusy(false);
      setRevoking(undefined);
    }
  };

  const data = state.data;
  return (
    <dialog
      ref={dialog}
      class="rv-enroll rv-access"
      aria-labelledby="rv-access-title"
      onCancel={(e) => {
        e.preventDefault();
        if (!revoking) onClose();
      }}
    >
      <h2 id="rv-access-title">{t('access.title', { commune: commune.name })}</h2>
      <p class="error-text" role="alert">
        {error || (state.status === 'error' ? errorText(state.error, t) : '')}
      </p>
      {!data && state.status === 'loading' && <Loading label={t('common:loading')} />}
      {data && (
        <>
          <h3>{t('access.codes')}</h3>
          {data.codes.length === 0 ? (
            <p class="muted">{t('access.noCodes')}</p>
          ) : (
            <ul class="rv-access__list">
              {data.codes.map((c) => (
                <li key={c.id}>
                  <span>{t('access.codeIssued', { at: created(c.createdAt), expires: formatDateTime(c.expiresAt, lang) })}</span>
                  <Button class="rv-small" onClick={() => setRevoking({ kind: 'code', item: c })}>
                    {t('access.revokeCode', { at: created(c.createdAt) })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
          <h3>{t('access.devices')}</h3>
          {data.devices.length === 0 ? (
            <p class="muted">{t('access.noDevices')}</p>
          ) : (
            <ul class="rv-access__list">
              {data.devices.map((d) => (
                <li key={d.id}>
                  <span>{t('access.deviceEnrolled', { name: deviceName(d), at: created(d.createdAt) })}</span>
                  <Button class="rv-small" onClick={() => setRevoking({ kind: 'device', item: d })}>
                    {t('access.revokeDevice', { name: deviceName(d) })}
                  </Button>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      <div class="actions">
        <Button ref={closeBtn} variant="primary" onClick={onClose}>
          {t('common:actions.close')}
        </Button>
      </div>
      <ConfirmDialog
        open={revoking !== undefined}
        title={t(revoking?.kind === 'device' ? 'access.confirmDeviceTitle' : 'access.confirmCodeTitle')}
        confirmLabel={t('access.confirm')}
        cancelLabel={t('common:actions.cancel')}
        danger
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(undefined)}
      >
        <p>
          {revoking?.kind === 'device'
            ? t('access.confirmDevice', { name: deviceName(revoking.item), commune: commune.name })
            : t('access.confirmCode', { commune: commune.name })}
        </p>
      </ConfirmDialog>
    </dialog>
  );
}
