import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation } from 'react-router-dom';
import { dayLabel, timeOf, todayInParis } from '../../../lib/paris-time';
import { useBoothSchedule } from '../hooks/use-booth-schedule';

/** Where the booth came back from: a consultation the citizen left on purpose is not re-entered by itself. */
export interface BoothHomeState {
  left?: string;
}

/** The citizen-facing screen: big type, one piece of information, nothing to operate. */
export function BoothHome() {
  const { t } = useTranslation();
  const { today, next, openNow } = useBoothSchedule();
  const left = (useLocation().state as BoothHomeState | null)?.left;
  if (openNow && openNow.id !== left) return <Navigate to={`/borne/consultation/${openNow.id}`} replace />;
  return (
    <div className="fr-container fr-my-6w" style={{ fontSize: '1.5rem' }}>
      <h1 className="fr-display--sm">{t('booth.welcome')}</h1>
      <p>{dayLabel(todayInParis())}</p>
      {today &&
        (next ? (
          <>
            <p className="fr-text--lead">{t('booth.intro')}</p>
            <div className="fr-callout">
              <h2 className="fr-callout__title">{t('booth.next')}</h2>
              <p className="fr-callout__text">
                {timeOf(next.startsAt)} – {timeOf(next.endsAt)}
              </p>
              {openNow && (
                <Link className="fr-btn fr-btn--lg fr-mt-2w" to={`/borne/consultation/${openNow.id}`}>
                  {t('call.rejoin')}
                </Link>
              )}
            </div>
          </>
        ) : (
          <p className="fr-text--lead">{t('booth.none')}</p>
        ))}
      <p className="fr-mt-6w">{t('booth.help')}</p>
      <Link className="fr-btn fr-btn--secondary fr-btn--lg" to="/borne/verification">
        {t('booth.check')}
      </Link>
    </div>
  );
}
