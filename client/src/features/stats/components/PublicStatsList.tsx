import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useApi } from '../../../lib/use-api';
import { listPublications } from '../api/publications';

/** The départements that publish their results, each linking to its public page (no sign-in). */
export function PublicStatsList() {
  const { t } = useTranslation();
  const { data, error } = useApi(listPublications, []);
  return (
    <div className="fr-container fr-my-4w">
      <h1>{t('stats.public.listTitle')}</h1>
      <p>{t('stats.public.listIntro')}</p>
      {error ? <p role="alert">{t('common.error')}</p> : null}
      {data && data.length === 0 && <p>{t('stats.public.none')}</p>}
      {data && data.length > 0 && (
        <ul>
          {data.map((p) => (
            <li key={p.departement}>
              <Link className="fr-link" to={`/statistiques/departement/${encodeURIComponent(p.departement)}`}>
                {t('stats.public.departement', { departement: p.departement })}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
