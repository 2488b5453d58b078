import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

const LINKS = [
  ['/animation', 'desk'],
  ['/animation/reserver', 'book'],
  ['/animation/planning', 'board'],
  ['/animation/cabines', 'booths'],
] as const;

/** The facilitator's pages, one navigation on each of them; NavLink sets aria-current="page". */
export function FacilitatorNav() {
  const { t } = useTranslation();
  return (
    <nav className="fr-mb-3w" aria-label={t('facilitator.nav.label')}>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {LINKS.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end className={({ isActive }) => `fr-btn fr-btn--sm ${isActive ? '' : 'fr-btn--secondary'}`}>
              {t(`facilitator.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
