import { useTranslation } from 'react-i18next';
import { slipUrl } from '../api/slip';

/**
 * "Imprimer la convocation": the slip as a PDF file (the session cookie goes with a plain link), for
 * the citizen at the desk; printed from the browser's PDF viewer.
 */
export function SlipLink({ consultationId, citizenName }: { consultationId: string; citizenName: string }) {
  const { t } = useTranslation();
  return (
    <a
      className="fr-btn fr-btn--secondary fr-btn--icon-left fr-icon-printer-line"
      href={slipUrl(consultationId)}
      download
      aria-label={t('slip.printLabel', { citizen: citizenName })}
      data-testid="slip-link"
    >
      {t('slip.print')}
    </a>
  );
}
