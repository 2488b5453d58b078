import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { PasswordService } from '../auth/password.service';
import { UserPrincipal } from '../auth/principal';
import { Role } from '../auth/roles';
import { DomainError, fieldError } from '../common/errors/domain.error';
import { AdministrationEntity } from '../directory/entities/administration.entity';
import { AgentEntity } from '../directory/entities/agent.entity';
import { MsapSiteEntity } from '../directory/entities/msap-site.entity';
import { AccountViews } from './account-views';
import { CreateUserDto } from './dto/create-user.dto';
import { UpdateUserDto } from './dto/update-user.dto';
import { UserView } from './dto/user.view';
import { UserEntity } from './entities/user.entity';
import { PasswordLinks } from './password-links.service';
import { Attachments, changesBetween, resolveAttachments } from './role-attachments';

/**
 * Accounts as administrators run them: invitations, role and attachments, disabling and enabling,
 * links to set a password. Every change is audited with what it changed, in its own transaction.
 */
@Injectable()
export class UsersService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly views: AccountViews,
    private readonly links: PasswordLinks,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  list(): Promise<UserView[]> {
    return this.views.list();
  }

  /**
   * A new account, invited by e-mail to choose its password (a link valid ACCOUNT_INVITATION_TTL_HOURS);
   * with `password` (scripts, tests), active at once and nobody is told.
   */
  async create(actor: UserPrincipal, dto: CreateUserDto, origin: string): Promise<UserView> {
    const passwordHash = dto.password === undefined ? null : await this.passwords.hash(dto.password);
    return this.dataSource.transaction(async (tx) => {
      if (await tx.exists(UserEntity, { where: { email: dto.email } })) {
        throw new DomainError('EMAIL_TAKEN', `An account already uses ${dto.email}.`, fieldError('email', 'EMAIL_TAKEN'));
      }
      const none: Attachments = { departement: null, msapSiteId: null, administrationId: null, agentTitle: null };
      const { departement, msapSiteId, administrationId, agentTitle } = await this.attachments(tx, dto.role, none, dto);
      const user = await tx.save(
        tx.create(UserEntity, { email: dto.email, displayName: dto.displayName, passwordHash, role: dto.role, departement, msapSiteId, oidcSubject: null, disabledAt: null }),
      );
      if (administrationId) await tx.insert(AgentEntity, { userId: user.id, administrationId, title: agentTitle ?? '' });
      const details = { role: dto.role, departement, msapSiteId, administrationId };
      if (passwordHash) {
        await this.record(tx, actor, 'user.created', user.id, details);
      } else {
        const linkExpiresAt = await this.links.send(tx, user, 'invitation', actor.userId, origin);
        await this.record(tx, actor, 'user.invited', user.id, { ...details, linkExpiresAt });
      }
      return this.views.one(tx, user.id);
    }).catch((error: unknown) => {
      // Two invitations of one address at once (a double click): the unique index settles it, as the check above would have.
      if (error instanceof QueryFailedError && (error.driverError as { code?: string; detail?: string }).code === '23505' && /\(email\)/.test(String((error.driverError as { detail?: string }).detail))) {
        throw new DomainError('EMAIL_TAKEN', `An account already uses ${dto.email}.`, fieldError('email', 'EMAIL_TAKEN'));
      }
      throw error;
    });
  }

  /**
   * Name, role and attachments. An administrator cannot change their own role (nobody locks the
   * last administrator out by mistake), and an agent with consultations ahead keeps the role and
   * the administration they were booked for until those are handed over.
   */
  async update(actor: UserPrincipal, userId: string, dto: UpdateUserDto): Promise<UserView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.editable(tx, userId);
      const role = dto.role ?? user.role;
      if (actor.userId === userId && role !== user.role) throw new DomainError('OWN_ACCOUNT', 'You cannot change your own role.');
      const agent = await tx.findOne(AgentEntity, { where: { userId } });
      const isAgent = user.role === 'agent';
      const current: Attachments = {
        departement: user.departement,
        msapSiteId: user.msapSiteId,
        administrationId: isAgent ? (agent?.administrationId ?? null) : null,
        agentTitle: isAgent ? (agent?.title ?? null) : null,
      };
      // An ex-agent made agent again gets back the administration of their row unless another is given.
      const stored = { ...current, administrationId: agent?.administrationId ?? null, agentTitle: agent?.title ?? null };
      const next = await this.attachments(tx, role, stored, dto);
      const leavesAgency = isAgent && (role !== 'agent' || next.administrationId !== current.administrationId);
      if (leavesAgency && (await this.hasConsultationsAhead(tx, userId))) {
        throw new DomainError('CONFLICT', 'This agent still has consultations ahead: hand them over first.', {
          [role !== 'agent' ? 'role' : 'administrationId']: ['CONSULTATIONS_AHEAD'],
        });
      }
      const before = { displayName: user.displayName, role: user.role, ...current };
      const after = { displayName: dto.displayName ?? user.displayName, role, ...next };
      const changes = changesBetween(before, after);
      if (Object.keys(changes).length === 0) return this.views.one(tx, userId);

      await tx.update(UserEntity, userId, { displayName: after.displayName, role, departement: next.departement, msapSiteId: next.msapSiteId });
      if (role === 'agent') {
        // An ex-agent kept their row (consultations point at it): it is theirs again.
        if (agent) await tx.update(AgentEntity, agent.id, { administrationId: next.administrationId!, title: next.agentTitle ?? '' });
        else await tx.insert(AgentEntity, { userId, administrationId: next.administrationId!, title: next.agentTitle ?? '' });
      }
      // Sessions read the role and attachments on every request: open ones follow the change at once.
      if (role !== user.role) {
        await this.record(tx, actor, 'user.role_changed', userId, { from: user.role, to: role, changes });
      } else {
        await this.record(tx, actor, 'user.updated', userId, { changes });
      }
      return this.views.one(tx, userId);
    });
  }

  /** Cannot sign in any more: sessions end now, links stop working. Not one's own account. */
  async disable(actor: UserPrincipal, userId: string): Promise<UserView> {
    if (actor.userId === userId) throw new DomainError('OWN_ACCOUNT', 'You cannot disable your own account.');
    return this.dataSource.transaction(async (tx) => {
      const user = await this.editable(tx, userId);
      if (user.disabledAt) return this.views.one(tx, userId);
      await tx.update(UserEntity, userId, { disabledAt: new Date() });
      const sessionsEnded = await this.auth.endSessions(tx, userId);
      const linksRevoked = await this.links.revokeAll(tx, userId);
      // Allowed with bookings ahead (access may have to end at once); the admin was told how many, the trail keeps it.
      const [{ ahead }] = (await tx.query(
        `SELECT count(*)::int AS ahead FROM consultations c JOIN agents a ON a.id = c.agent_id WHERE a.user_id = $1 AND c.status = 'scheduled' AND c.ends_at > now()`,
        [userId],
      )) as Array<{ ahead: number }>;
      await this.record(tx, actor, 'user.disabled', userId, { changes: { status: { from: 'enabled', to: 'disabled' } }, sessionsEnded, linksRevoked, consultationsAhead: ahead });
      return this.views.one(tx, userId);
    });
  }

  /** Can sign in again with the password or identity provider it had; the retention clock stops. */
  async enable(actor: UserPrincipal, userId: string): Promise<UserView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.editable(tx, userId);
      if (!user.disabledAt) return this.views.one(tx, userId);
      await tx.update(UserEntity, userId, { disabledAt: null });
      await this.record(tx, actor, 'user.enabled', userId, { changes: { status: { from: 'disabled', to: 'enabled' } }, disabledAt: user.disabledAt.toISOString() });
      return this.views.one(tx, userId);
    });
  }

  /** A new invitation for an account that has not chosen a password yet; the previous link stops working. */
  async resendInvitation(actor: UserPrincipal, userId: string, origin: string): Promise<UserView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.usable(tx, userId);
      const [{ signsIn }] = await tx.query('SELECT password_hash IS NOT NULL OR oidc_subject IS NOT NULL AS "signsIn" FROM users WHERE id = $1', [userId]);
      if (signsIn) {
        throw new DomainError('CONFLICT', 'This account already signs in: send a password reset instead.');
      }
      const linkExpiresAt = await this.links.send(tx, user, 'invitation', actor.userId, origin);
      await this.record(tx, actor, 'user.invitation_resent', userId, { linkExpiresAt });
      return this.views.one(tx, userId);
    });
  }

  /** An e-mail with a link to choose a new password; the current one works until then. */
  async sendPasswordReset(actor: UserPrincipal, userId: string, origin: string): Promise<UserView> {
    return this.dataSource.transaction(async (tx) => {
      const user = await this.usable(tx, userId);
      const linkExpiresAt = await this.links.send(tx, user, 'password_reset', actor.userId, origin);
      await this.record(tx, actor, 'user.password_reset_sent', userId, { linkExpiresAt });
      return this.views.one(tx, userId);
    });
  }

  /** The account, locked for the change; a pseudonymised one can never change again. */
  private async editable(tx: EntityManager, userId: string): Promise<UserEntity> {
    const user = await tx.findOne(UserEntity, { where: { id: userId }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new DomainError('NOT_FOUND', 'No such account.');
    if (user.pseudonymisedAt) throw new DomainError('ACCOUNT_PSEUDONYMISED', 'This account was pseudonymised (disabled for too long): it cannot change any more.');
    return user;
  }

  /** An account that may receive a link: editable and enabled. */
  private async usable(tx: EntityManager, userId: string): Promise<UserEntity> {
    const user = await this.editable(tx, userId);
    if (user.disabledAt) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled: enable it first.');
    return user;
  }

  /** The role's attachments after the change, checked: what it needs, nothing else, existing ones. */
  private async attachments(tx: EntityManager, role: Role, current: Attachments, given: Partial<Record<keyof Attachments, string>>): Promise<Attachments> {
    const { attachments, errors } = resolveAttachments(role, current, given);
    if (errors) throw new DomainError('VALIDATION_FAILED', `The role ${role} needs other attachments.`, errors);
    if (given.msapSiteId && !(await tx.exists(MsapSiteEntity, { where: { id: given.msapSiteId } }))) {
      throw new DomainError('VALIDATION_FAILED', 'Unknown MSAP site.', fieldError('msapSiteId', 'UNKNOWN'));
    }
    if (given.administrationId && !(await tx.exists(AdministrationEntity, { where: { id: given.administrationId } }))) {
      throw new DomainError('VALIDATION_FAILED', 'Unknown administration.', fieldError('administrationId', 'UNKNOWN'));
    }
    return attachments;
  }

  private async hasConsultationsAhead(tx: EntityManager, userId: string): Promise<boolean> {
    const [row] = await tx.query(
      `SELECT EXISTS (SELECT 1 FROM consultations c JOIN agents a ON a.id = c.agent_id
                       WHERE a.user_id = $1 AND c.status IN ('scheduled', 'in_progress') AND c.ends_at > now()) AS ahead`,
      [userId],
    );
    return row.ahead as boolean;
  }

  private record(tx: EntityManager, actor: UserPrincipal, action: Parameters<AuditService['record']>[0]['action'], userId: string, details: Record<string, unknown>) {
    return this.audit.record({ action, actorUserId: actor.userId, subjectType: 'user', subjectId: userId, details }, tx);
  }
}
