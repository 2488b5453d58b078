import { useCallback, useEffect, useState } from 'react';
import type { CallEndReason } from '@shared/signalling/protocol';
import { useTranslation } from 'react-i18next';
import { callEndMessage } from '../../call/end-message';
import { privacyWipe } from '../lib/privacy-wipe';
import { IdleReset } from './IdleReset';
import { BoothSurvey } from '../survey/BoothSurvey';

/** Seconds the end screen stays before the booth is back on its welcome screen (no survey to answer). */
export const BOOTH_END_SECONDS = 8;

/**
 * After a consultation. Held and ended by the agent: "Merci" and the satisfaction survey, until the
 * citizen taps "Terminer" or "Passer" (or the kiosk's idle countdown wipes the screen; every answer
 * is saved as it is given), then the privacy wipe. Refused, or left by the citizen: a short word,
 * then the privacy wipe too, back to the welcome screen, which opens the next consultation when its
 * time comes (and offers to go back into the one left).
 */
export function BoothCallEnd({ consultationId, status, reason }: { consultationId: string; status: 'ended' | 'refused'; reason: CallEndReason | null }) {
  if (status === 'ended' && reason === 'ended') return <SurveyEnd consultationId={consultationId} />;
  return <ShortEnd consultationId={consultationId} status={status} reason={reason} />;
}

function SurveyEnd({ consultationId }: { consultationId: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return (
    <div className="fr-container fr-my-2w" data-testid="booth-end">
      <h1 className="fr-h2 fr-mb-1w">{t('survey.title')}</h1>
      <BoothSurvey consultationId={consultationId} onDone={() => void privacyWipe()} />
      <IdleReset />
    </div>
  );
}

function ShortEnd({ consultationId, status, reason }: { consultationId: string; status: 'ended' | 'refused'; reason: CallEndReason | null }) {
  const { t } = useTranslation();
  const [remaining, setRemaining] = useState(BOOTH_END_SECONDS);
  useEffect(() => {
    window.scrollTo(0, 0);
    const timer = setInterval(() => setRemaining((r) => Math.max(0, r - 1)), 1000);
    return () => clearInterval(timer);
  }, []);
  const left = reason === 'left';
  const wipe = useCallback(() => void privacyWipe(left ? { left: consultationId } : {}), [left, consultationId]);
  // Once: the countdown stops at zero, and the wipe's page load follows.
  useEffect(() => {
    if (remaining === 0) wipe();
  }, [remaining, wipe]);
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
          <button type="button" className="fr-btn fr-btn--secondary fr-btn--lg" onClick={wipe}>
            {t('call.back')}
          </button>
        </li>
      </ul>
    </div>
  );
}
