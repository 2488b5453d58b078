import { useTranslation } from 'react-i18next';
import '../i18n';

/**
 * The whole screen says the connection is lost and that the booth is trying again: the citizen
 * has nothing to do. Reusable wherever the booth waits for its link (the call's reconnection too).
 */
export function ConnectionLost() {
  const { t } = useTranslation('kiosk');
  return (
    <div className="kiosk-connection-lost" role="alert" data-testid="connection-lost">
      <span className="kiosk-spinner" aria-hidden="true" />
      <p className="kiosk-connection-lost__title">{t('offline.title')}</p>
      <p>{t('offline.text')}</p>
    </div>
  );
}
