import { useTranslation } from 'react-i18next';
import { slipUrl } from '../api/slip';

/**
 * "Imprimer la convocation": the slip (PDF) opened in a new tab (the session cookie goes with a plain
 * link), where the browser's viewer prints it: a tablet at the desk has no downloads folder to open.
 */
export function SlipLink({ consultationId, citizenName }: { consultationId: string; citizenName: string }) {
  const { t } = useTranslation();
  return (
    <a
      className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-printer-line"
      href={slipUrl(consultationId)}
      target="_blank"
      rel="noopener"
      aria-label={t('slip.printLabel', { citizen: citizenName })}
      data-testid="slip-link"
    >
      {t('slip.print')}
    </a>
  );
}
