import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { dayLabel, parisDayRange, timeOf, todayInParis } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { listConsultations } from '../../../lib/consultations';

/** How early the booth opens the call (the server accepts 15 min, JOIN_MARGIN_MINUTES). */
const JOIN_EARLY_MS = 10 * 60_000;

/** The citizen-facing screen: big type, one piece of information, nothing to operate. */
export function BoothHome() {
  const { t } = useTranslation();
  const range = parisDayRange();
  const { data, reload } = useApi(() => listConsultations(range.from, range.to), [range.from, range.to]);
  // The booth checks every 30 s, so a consultation opens by itself: the citizen has nothing to press.
  useEffect(() => {
    const timer = setInterval(reload, 30_000);
    return () => clearInterval(timer);
  }, [reload]);
  const now = Date.now();
  const next = data?.find((c) => c.status === 'scheduled' && new Date(c.endsAt).getTime() > now);
  if (next && new Date(next.startsAt).getTime() - JOIN_EARLY_MS <= now) return <Navigate to={`/borne/consultation/${next.id}`} replace />;
  return (
    <div className="fr-container fr-my-6w" style={{ fontSize: '1.5rem' }}>
      <h1 className="fr-display--sm">{t('booth.welcome')}</h1>
      <p className="fr-text--lead">{t('booth.intro')}</p>
      <p>{dayLabel(todayInParis())}</p>
      {data && (next ? (
        <div className="fr-callout">
          <h2 className="fr-callout__title">{t('booth.next')}</h2>
          <p className="fr-callout__text">
            {timeOf(next.startsAt)} – {timeOf(next.endsAt)}
          </p>
        </div>
      ) : (
        <p>{t('booth.none')}</p>
      ))}
      <p className="fr-mt-6w">{t('booth.help')}</p>
      <Link className="fr-btn fr-btn--secondary fr-btn--lg" to="/borne/verification">
        {t('booth.check')}
      </Link>
    </div>
  );
}
