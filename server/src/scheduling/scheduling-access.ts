import { UserPrincipal } from '../auth/principal';
import { canManageSite } from '../directory/site-access';

/**
 * Who may manage an agent's availability and absences: admins, coordinators of the département of
 * the agent's administration, and the agent for themself.
 */
export function canManageAgent(user: UserPrincipal, agent: { userId: string; departement: string }): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'coordinator':
      return user.departement !== null && user.departement === agent.departement;
    case 'agent':
      return user.userId === agent.userId;
    case 'facilitator':
      return false;
  }
}

/** Who may define an administration's consultation types. */
export function canManageAdministration(user: UserPrincipal, administration: { departement: string }): boolean {
  return user.role === 'admin' || (user.role === 'coordinator' && user.departement === administration.departement);
}

/**
 * Booking at a site: coordinators for any MSAP of their département, facilitators for their own MSAP,
 * admins anywhere. Agents follow their agenda but do not book.
 */
export function canBookAt(user: UserPrincipal, site: { id: string; departement: string }): boolean {
  return user.role !== 'agent' && canManageSite(user, site);
}
