import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, EntityManager, IsNull, LessThan, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { DomainError } from '../common/errors/domain.error';
import { authConfig, AuthConfig } from '../config/configuration';
import { preparedQuery } from '../database/prepared-query';
import { DeviceEntity } from '../devices/entities/device.entity';
import { UserEntity } from '../users/entities/user.entity';
import { SessionEntity } from './entities/session.entity';
import { LoginRateLimiter } from './login-rate-limiter';
import { PasswordService } from './password.service';
import { DEVICE_COOKIE, SESSION_COOKIE } from './cookies';
import { DevicePrincipal, Principal, UserPrincipal } from './principal';
import { Role } from './roles';
import { hashToken, newToken } from './tokens';

interface SessionRow {
  sessionId: string;
  csrfToken: string;
  expiresAt: Date;
  userId: string;
  role: Role;
  displayName: string;
  departement: string | null;
  msapSiteId: string | null;
}

export interface IssuedSession {
  token: string;
  expiresAt: Date;
  principal: UserPrincipal;
}

@Injectable()
export class AuthService {
  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @InjectRepository(UserEntity) private readonly users: Repository<UserEntity>,
    @InjectRepository(SessionEntity) private readonly sessions: Repository<SessionEntity>,
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    private readonly passwords: PasswordService,
    private readonly audit: AuditService,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly limiter: LoginRateLimiter,
  ) {}

  async login(email: string, password: string, ip: string | null): Promise<IssuedSession> {
    const user = await this.checkCredentials(email, password, ip, { action: 'login.failed' });
    return this.openSession(user, ip, 'password');
  }

  /**
   * The account these credentials open, rate-limited and audited like a sign-in, without opening a
   * session (sign-in opens one; a facilitator unlocking a booth's settings must not leave one there).
   */
  async checkCredentials(
    email: string,
    password: string,
    ip: string | null,
    failure: { action: 'login.failed' | 'device.unlock_failed'; actorDeviceId?: string },
  ): Promise<UserEntity> {
    // Per account, and per address for guesses spread over many accounts; the attempt counts as a
    // failure from here on unless the password is right.
    const attempt = await this.limiter.attempt([
      { scope: 'account', key: email },
      { scope: 'ip', key: ip ?? 'unknown' },
    ]);
    if (!attempt.allowed) {
      const wait = attempt.retryAfterSeconds;
      await this.audit.record({ action: 'login.rate_limited', ip, details: { email } });
      throw new DomainError('RATE_LIMITED', `Too many failed attempts. Try again in ${wait} s.`, undefined, wait);
    }
    const user = await this.users
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.email = :email', { email })
      .getOne();
    const valid = await this.passwords.verify(user?.passwordHash ?? null, password);
    if (!user || !valid || user.disabledAt !== null) {
      await this.audit.record({ action: failure.action, actorUserId: user?.id ?? null, actorDeviceId: failure.actorDeviceId ?? null, ip, details: { email } });
      throw new DomainError('INVALID_CREDENTIALS', 'Unknown e-mail or wrong password.');
    }
    await this.limiter.succeeded(attempt.permit, ['account']);
    return user;
  }

  /** Opens a session for an already authenticated account (password or OIDC). */
  async openSession(user: UserEntity, ip: string | null, method: 'password' | 'oidc'): Promise<IssuedSession> {
    const token = newToken();
    const expiresAt = new Date(Date.now() + this.config.sessionTtlMinutes * 60_000);
    const session = await this.sessions.save(
      this.sessions.create({ tokenHash: hashToken(token), userId: user.id, csrfToken: newToken(), expiresAt, revokedAt: null }),
    );
    await this.audit.record({ action: 'login.succeeded', actorUserId: user.id, ip, details: { method } });
    // Expired sessions are useless; deleting them on login keeps the table small without a cron.
    await this.sessions.delete({ userId: user.id, expiresAt: LessThan(new Date()) });
    return { token, expiresAt, principal: this.toPrincipal(user, session) };
  }

  async logout(principal: UserPrincipal, ip: string | null): Promise<void> {
    await this.sessions.update({ id: principal.sessionId, revokedAt: IsNull() }, { revokedAt: new Date() });
    await this.audit.record({ action: 'logout', actorUserId: principal.userId, ip });
  }

  /**
   * Ends the account's open sessions, except `keep` (the caller's own, after a password change), in
   * the caller's transaction; returns how many ended. Their next request answers SESSION_EXPIRED.
   */
  async endSessions(manager: EntityManager, userId: string, keep?: string): Promise<number> {
    const [, count] = (await manager.query(
      `UPDATE sessions SET revoked_at = now()
        WHERE user_id = $1 AND revoked_at IS NULL AND expires_at > now() AND ($2::uuid IS NULL OR id <> $2::uuid)`,
      [userId, keep ?? null],
    )) as [unknown, number];
    return count;
  }

  /**
   * The caller behind the request's cookies (account session first, then booth terminal), or null
   * without any. A stale cookie throws SESSION_EXPIRED or DEVICE_REVOKED.
   */
  async authenticateCookies(cookies: Record<string, unknown>): Promise<Principal | null> {
    const session = cookies[SESSION_COOKIE];
    if (typeof session === 'string' && session.length > 0) return this.authenticateSession(session);
    const device = cookies[DEVICE_COOKIE];
    if (typeof device === 'string' && device.length > 0) return this.authenticateDevice(device);
    return null;
  }

  /** The account behind a session cookie; throws SESSION_EXPIRED when it no longer opens anything. */
  async authenticateSession(token: string): Promise<UserPrincipal> {
    // Every signed-in request runs this: one named statement on the unique index, no entity hydration.
    const [row] = await preparedQuery<SessionRow>(
      this.dataSource,
      'auth-session',
      `SELECT s.id AS "sessionId", s.csrf_token AS "csrfToken", s.expires_at AS "expiresAt", u.id AS "userId", u.role,
              u.display_name AS "displayName", u.departement, u.msap_site_id AS "msapSiteId"
         FROM sessions s JOIN users u ON u.id = s.user_id
        WHERE s.token_hash = $1 AND s.revoked_at IS NULL AND u.disabled_at IS NULL`,
      [hashToken(token)],
    );
    if (!row || row.expiresAt <= new Date()) throw new DomainError('SESSION_EXPIRED', 'Your session has ended. Please sign in again.');
    const { sessionId, csrfToken, userId, role, displayName, departement, msapSiteId } = row;
    return { kind: 'user', userId, role, displayName, departement, msapSiteId, sessionId, csrfToken };
  }

  /** The booth terminal behind a device cookie; throws DEVICE_REVOKED when it was revoked or expired. */
  async authenticateDevice(token: string): Promise<DevicePrincipal> {
    const device = await this.devices
      .createQueryBuilder('d')
      .addSelect('d.csrfToken')
      .innerJoinAndSelect('d.booth', 'b')
      .where('d.tokenHash = :hash', { hash: hashToken(token) })
      .getOne();
    if (!device || !device.booth || device.revokedAt || device.expiresAt <= new Date()) {
      throw new DomainError('DEVICE_REVOKED', 'This terminal is no longer paired. Ask the MSAP facilitator to pair it again.');
    }
    // At most one write a minute per terminal: enough to show "last seen" without a write per request.
    if (!device.lastSeenAt || Date.now() - device.lastSeenAt.getTime() > 60_000) {
      await this.devices.update(device.id, { lastSeenAt: new Date() });
    }
    return {
      kind: 'device',
      deviceId: device.id,
      boothId: device.boothId,
      msapSiteId: device.booth.msapSiteId,
      csrfToken: device.csrfToken,
    };
  }

  private toPrincipal(user: UserEntity, session: SessionEntity): UserPrincipal {
    return {
      kind: 'user',
      userId: user.id,
      role: user.role,
      displayName: user.displayName,
      departement: user.departement,
      msapSiteId: user.msapSiteId,
      sessionId: session.id,
      csrfToken: session.csrfToken,
    };
  }
}
