import { useEffect, useState } from 'react';
import type { CallEndReason } from '@shared/signalling/protocol';
import { useTranslation } from 'react-i18next';
import { callEndMessage } from '../../call/end-message';
import { Link, Navigate } from 'react-router-dom';
import type { BoothHomeState } from './BoothHome';

/** Seconds the end screen stays before the booth is back on its welcome screen. */
export const BOOTH_END_SECONDS = 8;

/**
 * After a consultation (ended, refused, or left by the citizen): a short word, then back to the
 * welcome screen by itself, which opens the next consultation when its time comes.
 */
export function BoothCallEnd({ consultationId, status, reason }: { consultationId: string; status: 'ended' | 'refused'; reason: CallEndReason | null }) {
  const { t } = useTranslation();
  const [remaining, setRemaining] = useState(BOOTH_END_SECONDS);
  useEffect(() => {
    window.scrollTo(0, 0);
    const timer = setInterval(() => setRemaining((r) => r - 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = reason === 'left';
  const home: BoothHomeState = left ? { left: consultationId } : {};
  if (remaining <= 0) return <Navigate to="/borne" replace state={home} />;
  const message = callEndMessage(t, status, reason);
  return (
    <div className="fr-container fr-my-6w" style={{ fontSize: '1.5rem' }} data-testid="booth-end">
      <h1 className="fr-display--sm">{message}</h1>
      {!left && status === 'ended' && <p className="fr-text--lead">{t('call.boothEnd.thanks')}</p>}
      {left && <p>{t('call.boothEnd.leftHint')}</p>}
      <p>{t('call.boothEnd.backIn', { count: remaining })}</p>
      <ul className="fr-btns-group fr-btns-group--inline fr-mt-4w">
        {left && (
          <li>
            {/* A new page: the call view starts afresh. */}
            <a className="fr-btn fr-btn--lg" href={`/borne/consultation/${consultationId}`}>
              {t('call.rejoin')}
            </a>
          </li>
        )}
        <li>
          <Link className="fr-btn fr-btn--secondary fr-btn--lg" to="/borne" replace state={home}>
            {t('call.back')}
          </Link>
        </li>
      </ul>
    </div>
  );
}
