import { NavLink } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import { useSession } from '../lib/session';

const LINKS = [
  // The home: the week's figures and the citizens' call-back requests.
  ['/coordination', 'home'],
  ['/coordination/planning', 'board'],
  ['/coordination/creneaux', 'slots'],
  ['/coordination/absences', 'absence'],
  // The mass-cancellation API is for coordinators (it works within their département).
  ['/coordination/annulation-groupee', 'massCancel'],
  ['/coordination/messages', 'outbox'],
  ['/coordination/a-appeler', 'citizenMessages.toCall.nav'],
  ['/coordination/annuaire', 'directory'],
  ['/coordination/fiches', 'checklistTemplates'],
  // Keys with a dot are full i18n keys (the schedules feature's strings).
  ['/coordination/horaires', 'schedules.nav.hours'],
  ['/coordination/disponibilites', 'schedules.nav.availability'],
  ['/coordination/types', 'schedules.nav.types'],
  ['/coordination/statistiques', 'stats.nav'],
] as const;

/** The coordinator's pages; NavLink sets aria-current="page" on the current one. */
export function CoordinatorNav() {
  const { t } = useTranslation();
  const { principal } = useSession();
  const isCoordinator = principal?.kind === 'user' && principal.role === 'coordinator';
  const links = LINKS.filter(([, key]) => key !== 'massCancel' || isCoordinator);
  return (
    <nav className="fr-mb-3w" aria-label={t('scheduling.nav.label')}>
      <ul className="fr-btns-group fr-btns-group--inline fr-btns-group--sm">
        {links.map(([to, key]) => (
          <li key={to}>
            <NavLink to={to} end className={({ isActive }) => `fr-btn fr-btn--sm ${isActive ? '' : 'fr-btn--secondary'}`}>
              {t(key.includes('.') ? key : `scheduling.nav.${key}`)}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
