import { Button } from '@codegouvfr/react-dsfr/Button';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { shortDayLabel, dateOf, timeOf } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { Booth, listBooths } from '../../../lib/directory';
import { useSession } from '../../../lib/session';
import { createPairingCode, listDevices, revokeDevice } from '../api/booths';

/**
 * Pairing the screen of a booth (a tablet or a PC in the booth) with a one-time code typed on it,
 * and the screens paired so far, which the facilitator can unpair (a lost or replaced tablet).
 */
export function BoothPairing() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const siteId = principal?.kind === 'user' ? principal.msapSiteId : null;
  const booths = useApi(() => (siteId ? listBooths(siteId) : Promise.resolve([] as Booth[])), [siteId]);
  const devices = useApi(listDevices, []);
  const [code, setCode] = useState<{ booth: string; code: string; expiresAt: string } | null>(null);

  const pair = async (booth: Booth) => {
    const created = await createPairingCode(booth.id);
    setCode({ booth: booth.name, code: created.code, expiresAt: created.expiresAt });
  };

  return (
    <section aria-labelledby="pairing-title" className="fr-mb-4w">
      <h2 id="pairing-title">{t('facilitator.booths')}</h2>
      <p>{t('facilitator.pairIntro')}</p>
      <ul className="fr-btns-group fr-btns-group--inline">
        {booths.data?.map((booth) => (
          <li key={booth.id}>
            <Button priority="secondary" onClick={() => void pair(booth)}>
              {booth.name} — {t('facilitator.pair')}
            </Button>
          </li>
        ))}
      </ul>
      {code && (
        <div className="fr-callout" aria-live="polite">
          <h3 className="fr-callout__title">{t('facilitator.codeFor', { booth: code.booth })}</h3>
          <p className="fr-display--xs" style={{ letterSpacing: '0.3em' }} data-testid="pairing-code">
            {code.code.slice(0, 4)} {code.code.slice(4)}
          </p>
          <p className="fr-callout__text">{t('facilitator.codeExpires', { time: timeOf(code.expiresAt) })}</p>
        </div>
      )}
      <h3 className="fr-mt-4w fr-h5">{t('facilitator.terminals')}</h3>
      {devices.data?.length === 0 && <p>{t('facilitator.noTerminals')}</p>}
      <ul className="fr-raw-list">
        {devices.data?.map((d) => (
          <li key={d.id} className="fr-mb-1w" data-testid="paired-screen">
            {t('facilitator.screenOf', { booth: d.booth?.name ?? d.label, day: shortDayLabel(dateOf(d.pairedAt)) })}
            {d.label !== d.booth?.name && ` (${d.label})`}{' '}
            {d.revokedAt ? (
              <em>{t('facilitator.revoked')}</em>
            ) : (
              <Button size="small" priority="tertiary" onClick={() => void revokeDevice(d.id).then(devices.reload)}>
                {t('facilitator.revoke')}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
