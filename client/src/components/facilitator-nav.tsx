import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';

const LINKS = [
  ['/animation', 'desk'],
  ['/animation/reserver', 'book'],
  ['/animation/planning', 'board'],
  // Keys with a dot are full i18n keys (another feature's strings).
  ['/animation/a-appeler', 'citizenMessages.toCall.nav'],
  ['/animation/cabines', 'booths'],
  ['/animation/statistiques', 'stats.nav'],
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
              {t(key.includes('.') ? key : `facilitator.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
