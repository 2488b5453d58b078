import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { AttemptPermit, LoginRateLimiter } from '../auth/login-rate-limiter';
import { PasswordService } from '../auth/password.service';
import { UserPrincipal } from '../auth/principal';
import { DomainError, fieldError } from '../common/errors/domain.error';
import { MyAccountView } from './dto/my-account.view';
import { PasswordTokenView } from './dto/password-token.view';
import { UserEntity } from './entities/user.entity';
import { PasswordLinks } from './password-links.service';

/**
 * Passwords as their holders handle them: asking for a reset link, choosing a password through a
 * link (invitation or reset), changing one's own. Each is limited like signing in (LoginRateLimiter):
 * reset requests per e-mail and per address, links tried per address, current passwords per account.
 */
@Injectable()
export class PasswordsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly links: PasswordLinks,
    private readonly passwords: PasswordService,
    private readonly auth: AuthService,
    private readonly limiter: LoginRateLimiter,
    private readonly audit: AuditService,
  ) {}

  /**
   * "Mot de passe oublié": an e-mail with a short-lived link when the address is an enabled
   * account's. The answer, its delay and its limit are the same whether the account exists or not:
   * nothing tells which addresses have an account. Every request counts, found or not.
   */
  async forgot(email: string, ip: string | null, origin: string): Promise<void> {
    await this.take([
      { scope: 'reset_account', key: email },
      { scope: 'reset_ip', key: ip ?? 'unknown' },
    ]);
    await this.dataSource.transaction(async (tx) => {
      const user = await tx.findOne(UserEntity, { where: { email }, lock: { mode: 'pessimistic_write' } });
      if (!user || user.disabledAt) {
        // Nothing is said of the address typed: it may be nobody's, or a person's who has no account.
        await this.audit.record({ action: 'user.password_reset_requested', ip, details: { outcome: user ? 'account_disabled' : 'no_account' } }, tx);
        return;
      }
      const linkExpiresAt = await this.links.send(tx, user, 'password_forgotten', null, origin);
      // Whoever typed the address is not known (not necessarily its holder): no actor, the account as subject.
      await this.audit.record({ action: 'user.password_reset_requested', actorUserId: null, subjectType: 'user', subjectId: user.id, ip, details: { outcome: 'link_sent', linkExpiresAt } }, tx);
    });
  }

  /** What the link's page shows before a password is chosen, or why the link does not work. */
  async inspect(token: string, ip: string | null): Promise<PasswordTokenView> {
    const permit = await this.take([{ scope: 'reset_ip', key: ip ?? 'unknown' }]);
    const { link, user } = await this.dataSource.transaction((tx) => this.links.open(tx, token, false));
    await this.limiter.succeeded(permit);
    return { purpose: link.purpose, email: user.email, displayName: user.displayName, expiresAt: link.expiresAt.toISOString() };
  }

  /**
   * Sets the password through a one-time link: the link is used up, any other one revoked, and every
   * session of the account ends (a reset often follows a doubt about who knows the old password).
   */
  async setWithLink(token: string, password: string, ip: string | null): Promise<void> {
    const permit = await this.take([{ scope: 'reset_ip', key: ip ?? 'unknown' }]);
    const hash = await this.passwords.hash(password);
    await this.dataSource.transaction(async (tx) => {
      const { link, user } = await this.links.open(tx, token, true);
      await tx.update(UserEntity, user.id, { passwordHash: hash });
      await tx.query('UPDATE account_tokens SET used_at = now() WHERE id = $1', [link.id]);
      await this.links.revokeAll(tx, user.id);
      const sessionsEnded = await this.auth.endSessions(tx, user.id);
      await this.audit.record(
        { action: 'user.password_set', actorUserId: user.id, subjectType: 'user', subjectId: user.id, ip, details: { purpose: link.purpose, linkId: link.id, sessionsEnded } },
        tx,
      );
    });
    await this.limiter.succeeded(permit);
  }

  /**
   * Changes the caller's own password, given the current one (counted like a sign-in: a stolen
   * session cannot guess it at leisure). The caller's other sessions end; this one goes on.
   */
  async change(caller: UserPrincipal, currentPassword: string, newPassword: string, ip: string | null): Promise<void> {
    const account = await this.dataSource
      .getRepository(UserEntity)
      .createQueryBuilder('u')
      .addSelect('u.passwordHash')
      .where('u.id = :id', { id: caller.userId })
      .getOneOrFail();
    const permit = await this.take([
      { scope: 'account', key: account.email },
      { scope: 'ip', key: ip ?? 'unknown' },
    ]);
    if (!(await this.passwords.verify(account.passwordHash, currentPassword))) {
      throw new DomainError('VALIDATION_FAILED', 'The current password is wrong.', fieldError('currentPassword', 'WRONG_PASSWORD'));
    }
    await this.limiter.succeeded(permit, ['account']);
    const hash = await this.passwords.hash(newPassword);
    await this.dataSource.transaction(async (tx) => {
      await tx.update(UserEntity, caller.userId, { passwordHash: hash });
      await this.links.revokeAll(tx, caller.userId);
      const sessionsEnded = await this.auth.endSessions(tx, caller.userId, caller.sessionId);
      await this.audit.record(
        { action: 'user.password_changed', actorUserId: caller.userId, subjectType: 'user', subjectId: caller.userId, ip, details: { sessionsEnded } },
        tx,
      );
    });
  }

  async mine(caller: UserPrincipal): Promise<MyAccountView> {
    const [row] = await this.dataSource.query(
      `SELECT email, display_name AS "displayName", role, password_hash IS NOT NULL AS "hasPassword", oidc_subject IS NOT NULL AS oidc
         FROM users WHERE id = $1`,
      [caller.userId],
    );
    return { email: row.email, displayName: row.displayName, role: row.role, hasPassword: row.hasPassword, provider: row.oidc ? 'oidc' : null };
  }

  /** One attempt on every key, or RATE_LIMITED with the wait. */
  private async take(keys: Parameters<LoginRateLimiter['attempt']>[0]): Promise<AttemptPermit> {
    const attempt = await this.limiter.attempt(keys);
    if (!attempt.allowed) {
      throw new DomainError('RATE_LIMITED', `Too many attempts. Try again in ${attempt.retryAfterSeconds} s.`, undefined, attempt.retryAfterSeconds);
    }
    return attempt.permit;
  }
}
