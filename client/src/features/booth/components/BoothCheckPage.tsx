import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate } from 'react-router-dom';
import { useBoothSchedule } from '../hooks/use-booth-schedule';

/**
 * The booth's equipment check (given by the routes): it has a way back, and it gives way to the
 * consultation when its call opens, as the welcome screen does.
 */
export function BoothCheckPage({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { openNow } = useBoothSchedule();
  if (openNow) return <Navigate to={`/borne/consultation/${openNow.id}`} replace />;
  return (
    <div className="fr-container kiosk-page">
      <Link className="fr-btn fr-btn--secondary fr-icon-arrow-left-line fr-btn--icon-left" to="/borne">
        {t('call.back')}
      </Link>
      {children}
    </div>
  );
}
