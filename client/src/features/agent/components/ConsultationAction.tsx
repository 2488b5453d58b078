import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { awaitsOutcome, Consultation, isOpen } from '../../../lib/consultations';

/** What the agent can do with a consultation of their list: record its outcome, or join its call. */
export function ConsultationAction({ consultation: c }: { consultation: Consultation }) {
  const { t } = useTranslation();
  if (awaitsOutcome(c)) {
    return (
      <Link className="fr-btn fr-btn--sm fr-btn--secondary" to={`/consultation/${c.id}/resultat`}>
        {t('outcome.record')}
      </Link>
    );
  }
  if (!isOpen(c.status)) return null;
  return (
    <Link className="fr-btn fr-btn--sm" to={`/consultation/${c.id}`}>
      {t('call.join')}
    </Link>
  );
}
