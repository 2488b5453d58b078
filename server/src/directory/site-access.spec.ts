import { UserPrincipal } from '../auth/principal';
import { Role } from '../auth/roles';
import { canManageSite } from './site-access';

const user = (role: Role, extra: Partial<UserPrincipal> = {}): UserPrincipal => ({
  kind: 'user',
  userId: 'u',
  role,
  displayName: 'x',
  departement: null,
  msapSiteId: null,
  sessionId: 's',
  csrfToken: 'c',
  ...extra,
});
const site = { id: 'site-1', departement: '45' };

describe('canManageSite', () => {
  it.each([
    ['admin', {}, true],
    ['coordinator', { departement: '45' }, true],
    ['coordinator', { departement: '18' }, false],
    ['coordinator', {}, false],
    ['facilitator', { msapSiteId: 'site-1' }, true],
    ['facilitator', { msapSiteId: 'site-2' }, false],
    ['agent', { departement: '45', msapSiteId: 'site-1' }, false],
  ] as const)('%s %j → %s', (role, extra, expected) => {
    expect(canManageSite(user(role, extra), site)).toBe(expected);
  });
});
