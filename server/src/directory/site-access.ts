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

const NIL_UUID = '00000000-0000-0000-0000-000000000000';

/**
 * SQL condition on an `administrations` row aliased `ad` that the caller may see, its parameters
 * numbered from `$first`. A directory of public services is not secret, but which agents work where
 * is personal data (RGPD): coordinators see their département's services, facilitators those of
 * their MSAP's département (whom they book with), agents their own service, admins all.
 */
export function visibleAdministrations(user: UserPrincipal, first: number): { sql: string; params: unknown[] } {
  switch (user.role) {
    case 'admin':
      return { sql: 'TRUE', params: [] };
    case 'coordinator':
      return { sql: `ad.departement = $${first}`, params: [user.departement ?? ''] };
    case 'facilitator':
      return { sql: `ad.departement = (SELECT departement FROM msap_sites WHERE id = $${first})`, params: [user.msapSiteId ?? NIL_UUID] };
    case 'agent':
      return { sql: `ad.id = (SELECT administration_id FROM agents WHERE user_id = $${first})`, params: [user.userId] };
  }
}
