import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { listAudit } from '../api/list-audit';
import { AUDIT_ACTION_LABELS } from '../../../i18n/fr-audit';
import { stampLabel } from '../../../lib/paris-time';
import { useApi } from '../../../lib/use-api';
import { AntivirusPanel } from './AntivirusPanel';
import { RetentionPanel } from './RetentionPanel';

export function AdminHome() {
  const { t } = useTranslation();
  const audit = useApi(() => listAudit(20), []);
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('admin.title')}</h1>
      <ul>
        <li>
          <Link className="fr-link" to="/coordination">
            {t('admin.coordinationLink')}
          </Link>
        </li>
        <li>
          <Link className="fr-link" to="/coordination/annuaire">
            {t('directory.adminLink')}
          </Link>
        </li>
      </ul>
      <h2>{t('admin.users')}</h2>
      <p>
        <Link className="fr-link" to="/admin/comptes">
          {t('accounts.adminLink')}
        </Link>
      </p>
      <h2>{t('admin.audit')}</h2>
      <ul>
        {audit.data?.map((e) => (
          <li key={e.id}>
            {stampLabel(e.at)} — {AUDIT_ACTION_LABELS[e.action]}
            {e.actor.name ? ` — ${e.actor.name}` : ''}
          </li>
        ))}
      </ul>
      <p>
        <Link className="fr-link" to="/admin/journal">
          {t('audit.link')}
        </Link>
      </p>
      <AntivirusPanel />
      <RetentionPanel />
    </div>
  );
}
