import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

const LINKS = [
  ['/coordination/planning', 'board'],
  ['/coordination/creneaux', 'slots'],
  ['/coordination/absences', 'absence'],
  ['/coordination/annulation-groupee', 'massCancel'],
  ['/coordination/messages', 'outbox'],
] as const;

/** The coordinator's pages; NavLink sets aria-current="page" on the current one. */
export function CoordinatorNav() {
  const { t } = useTranslation();
  return (
    <nav className="fr-mb-3w" aria-label={t('scheduling.nav.label')}>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {LINKS.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} className={({ isActive }) => `fr-btn fr-btn--sm ${isActive ? '' : 'fr-btn--secondary'}`}>
              {t(`scheduling.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
