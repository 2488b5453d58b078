import { Role } from './roles';

export interface UserPrincipal {
  kind: 'user';
  userId: string;
  role: Role;
  displayName: string;
  departement: string | null;
  msapSiteId: string | null;
  sessionId: string;
  csrfToken: string;
}

export interface DevicePrincipal {
  kind: 'device';
  deviceId: string;
  boothId: string;
  msapSiteId: string;
  csrfToken: string;
}

/** Who is calling: a signed-in account or a paired booth terminal. */
export type Principal = UserPrincipal | DevicePrincipal;
