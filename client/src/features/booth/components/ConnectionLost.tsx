import { useTranslation } from 'react-i18next';
import '../i18n';

/**
 * The whole screen says the connection is lost and that the booth is trying again: the citizen
 * has nothing to do. Shown instead of the page (the kiosk hides its main), so its title is the h1.
 */
export function ConnectionLost() {
  const { t } = useTranslation('kiosk');
  return (
    <div className="kiosk-connection-lost" role="alert" data-testid="connection-lost">
      <span className="kiosk-spinner" aria-hidden="true" />
      <h1 className="kiosk-connection-lost__title">{t('offline.title')}</h1>
      <p>{t('offline.text')}</p>
    </div>
  );
}
