import { UserPrincipal } from '../auth/principal';

/**
 * Who may act on an MSAP site: admins everywhere, coordinators in their département, facilitators
 * at their own site. One rule, used by every service that scopes by site.
 */
export function canManageSite(user: UserPrincipal, site: { id: string; departement: string }): boolean {
  switch (user.role) {
    case 'admin':
      return true;
    case 'coordinator':
      return user.departement !== null && user.departement === site.departement;
    case 'facilitator':
      return user.msapSiteId === site.id;
    case 'agent':
      return false;
  }
}
