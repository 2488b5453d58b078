export const ROLES = ['admin', 'coordinator', 'agent', 'facilitator'] as const;
export type Role = (typeof ROLES)[number];

/** Who a route may be opened to: an account role, or a paired booth terminal. */
export type Audience = Role | 'device';
