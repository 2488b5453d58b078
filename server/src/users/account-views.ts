import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { AccountStatus } from '../../../shared/accounts/accounts';
import type { Role } from '../auth/roles';
import { UserView } from './dto/user.view';

interface Row {
  id: string;
  email: string;
  display_name: string;
  role: Role;
  departement: string | null;
  msap_site_id: string | null;
  administration_id: string | null;
  agent_title: string | null;
  has_password: boolean;
  oidc: boolean;
  link_expires_at: Date | null;
  disabled_at: Date | null;
  pseudonymised_at: Date | null;
  created_at: Date;
  consultations_ahead: number;
}

// An ex-agent keeps their agents row (consultations point at it): only an agent shows its administration.
const SELECT = `SELECT u.id, u.email, u.display_name, u.role, u.departement, u.msap_site_id,
       CASE WHEN u.role = 'agent' THEN a.administration_id END AS administration_id,
       CASE WHEN u.role = 'agent' THEN a.title END AS agent_title,
       u.password_hash IS NOT NULL AS has_password, u.oidc_subject IS NOT NULL AS oidc,
       (SELECT max(t.expires_at) FROM account_tokens t WHERE t.user_id = u.id AND t.used_at IS NULL AND t.revoked_at IS NULL) AS link_expires_at,
       u.disabled_at, u.pseudonymised_at, u.created_at,
       CASE WHEN a.id IS NULL THEN 0 ELSE (SELECT count(*)::int FROM consultations c
         WHERE c.agent_id = a.id AND c.status = 'scheduled' AND c.ends_at > now()) END AS consultations_ahead
  FROM users u LEFT JOIN agents a ON a.user_id = u.id`;

/** The state an account is listed in (shared/accounts ACCOUNT_STATUSES). */
export function statusOf(r: { pseudonymised_at: Date | null; disabled_at: Date | null; has_password: boolean; oidc: boolean }): AccountStatus {
  if (r.pseudonymised_at) return 'pseudonymised';
  if (r.disabled_at) return 'disabled';
  return r.has_password || r.oidc ? 'active' : 'invited';
}

/** Accounts as administrators list them: state, sign-in methods and attachments, never credentials. */
@Injectable()
export class AccountViews {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(): Promise<UserView[]> {
    const rows: Row[] = await this.dataSource.query(`${SELECT} ORDER BY u.email`);
    return rows.map(toView);
  }

  /** One account, read through `manager` (the transaction that just changed it). */
  async one(manager: EntityManager, id: string): Promise<UserView> {
    const [row] = (await manager.query(`${SELECT} WHERE u.id = $1`, [id])) as Row[];
    if (!row) throw new Error(`account ${id} vanished`);
    return toView(row);
  }
}

function toView(r: Row): UserView {
  return {
    id: r.id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    status: statusOf(r),
    departement: r.departement,
    msapSiteId: r.msap_site_id,
    administrationId: r.administration_id,
    agentTitle: r.agent_title,
    hasPassword: r.has_password,
    provider: r.oidc ? 'oidc' : null,
    linkExpiresAt: r.link_expires_at?.toISOString() ?? null,
    disabledAt: r.disabled_at?.toISOString() ?? null,
    pseudonymisedAt: r.pseudonymised_at?.toISOString() ?? null,
    createdAt: r.created_at.toISOString(),
    consultationsAhead: r.consultations_ahead,
  };
}
