import type { Role } from '../auth/roles';
import type { FieldErrors } from '../common/errors/domain.error';

/** What an account's role is attached to: a département (coordinator), an MSAP (facilitator), an administration (agent). */
export interface Attachments {
  departement: string | null;
  msapSiteId: string | null;
  administrationId: string | null;
  agentTitle: string | null;
}

/** The one attachment each role needs (admins need none). */
const NEEDED: Readonly<Record<Role, keyof Attachments | null>> = {
  admin: null,
  coordinator: 'departement',
  facilitator: 'msapSiteId',
  agent: 'administrationId',
};

/** Which role uses each attachment. */
const USED_BY: Readonly<Record<keyof Attachments, Role>> = {
  departement: 'coordinator',
  msapSiteId: 'facilitator',
  administrationId: 'agent',
  agentTitle: 'agent',
};

/**
 * The attachments of an account once `role` applies: the given ones, else the current ones the role
 * uses; the others are dropped (a coordinator made facilitator loses the département). A given
 * attachment the role does not use is refused (NOT_ALLOWED), the one it needs and has not REQUIRED.
 */
export function resolveAttachments(role: Role, current: Attachments, given: Partial<Attachments>): { attachments: Attachments; errors: FieldErrors | null } {
  const errors: FieldErrors = {};
  const attachments = { departement: null, msapSiteId: null, administrationId: null, agentTitle: null } as Attachments;
  for (const key of Object.keys(USED_BY) as Array<keyof Attachments>) {
    const value = given[key];
    if (USED_BY[key] !== role) {
      if (value !== undefined) errors[key] = ['NOT_ALLOWED'];
      continue;
    }
    attachments[key] = value !== undefined ? value : current[key];
  }
  const needed = NEEDED[role];
  if (needed && !attachments[needed] && !errors[needed]) errors[needed] = ['REQUIRED'];
  if (role === 'agent') attachments.agentTitle ??= '';
  return { attachments, errors: Object.keys(errors).length > 0 ? errors : null };
}

/** The fields that differ, as { field: { from, to } } for the audit trail (nothing when equal). */
export function changesBetween<T extends object>(before: T, after: T): Record<string, { from: unknown; to: unknown }> {
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (before[key] !== after[key]) changes[key as string] = { from: before[key], to: after[key] };
  }
  return changes;
}
