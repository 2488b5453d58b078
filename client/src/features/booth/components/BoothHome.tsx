import { useTranslation } from 'react-i18next';
import { Link, Navigate, useSearchParams } from 'react-router-dom';
import { dayLabel, timeOf, todayInParis } from '../../../lib/paris-time';
import { useBoothSchedule } from '../hooks/use-booth-schedule';
import '../i18n';
import { LEFT_PARAM } from '../lib/privacy-wipe';

/**
 * The citizen-facing screen: large calm type, one thing said at a time (loading, the next
 * consultation, none today, all done), nothing to operate but the equipment check.
 */
export function BoothHome() {
  const { t } = useTranslation('kiosk');
  const { state, openNow } = useBoothSchedule();
  // A consultation the citizen left on purpose (said by the end screen's wipe) is not re-entered by itself.
  const left = useSearchParams()[0].get(LEFT_PARAM);
  if (openNow && openNow.id !== left) return <Navigate to={`/borne/consultation/${openNow.id}`} replace />;
  return (
    <div className="fr-container kiosk-page">
      <h1 className="kiosk-title">{t('welcome.title')}</h1>
      <p className="kiosk-day">{dayLabel(todayInParis())}</p>
      <div className="kiosk-state" aria-live="polite" data-testid="booth-welcome-state" data-state={state.kind}>
        {state.kind === 'loading' && <p>{t('welcome.loading')}</p>}
        {state.kind === 'none' && <p className="kiosk-lead">{t('welcome.none')}</p>}
        {state.kind === 'allDone' && <p className="kiosk-lead">{t('welcome.allDone')}</p>}
        {state.kind === 'next' && (
          <>
            <p className="kiosk-lead">{state.open ? t('welcome.soon') : t('welcome.later')}</p>
            <p className="kiosk-appointment">
              <strong>{t('welcome.at', { time: timeOf(state.consultation.startsAt) })}</strong>
              <br />
              {t('welcome.with', { administration: state.consultation.administrationName })}
              {state.consultation.subject && (
                <>
                  <br />
                  {t('welcome.subject', { subject: state.consultation.subject })}
                </>
              )}
            </p>
            {/* Only the citizen who left their call on purpose sees this: the booth does not take them back by itself. */}
            {openNow && (
              <Link className="fr-btn fr-btn--lg" to={`/borne/consultation/${openNow.id}`}>
                {t('welcome.rejoin')}
              </Link>
            )}
          </>
        )}
      </div>
      <p className="kiosk-help">{t('welcome.help')}</p>
      <Link className="fr-btn fr-btn--secondary fr-btn--lg" to="/borne/verification">
        {t('welcome.check')}
      </Link>
    </div>
  );
}
