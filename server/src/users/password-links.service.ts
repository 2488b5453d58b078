import { Inject, Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { PasswordLinkPurpose } from '../../../shared/accounts/accounts';
import { hashToken, newToken } from '../auth/tokens';
import { DomainError } from '../common/errors/domain.error';
import { authConfig, AuthConfig } from '../config/configuration';
import { AccountMessages } from '../notifications/account-messages/account-messages.service';
import { AccountMessageKind } from '../notifications/account-messages/account-templates';
import { AccountTokenEntity } from './entities/account-token.entity';
import { UserEntity } from './entities/user.entity';

/** Used, expired and replaced links are kept this long, so that an old link says why it no longer works. */
const KEEP_DEAD_LINKS_DAYS = 30;

const PURPOSE: Readonly<Record<AccountMessageKind, PasswordLinkPurpose>> = {
  invitation: 'invitation',
  password_reset: 'password_reset',
  password_forgotten: 'password_reset',
};

export interface OpenedLink {
  link: AccountTokenEntity;
  user: UserEntity;
}

/**
 * One-time links to set a password. The token goes into the e-mail only; the table keeps its
 * SHA-256. An account has at most one live link: sending one revokes the others, and so do a
 * password set and a disabled account.
 */
@Injectable()
export class PasswordLinks {
  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    private readonly messages: AccountMessages,
  ) {}

  /**
   * Writes a new link for the account and the e-mail carrying it, in the caller's transaction;
   * `origin` is the address of the request, used when PUBLIC_URL is not set. Returns its end.
   */
  async send(tx: EntityManager, user: Pick<UserEntity, 'id' | 'email' | 'displayName'>, kind: AccountMessageKind, createdById: string | null, origin: string): Promise<Date> {
    await this.revokeAll(tx, user.id);
    await tx.query(`DELETE FROM account_tokens WHERE user_id = $1 AND expires_at < now() - make_interval(days => $2)`, [user.id, KEEP_DEAD_LINKS_DAYS]);
    const validMinutes = kind === 'password_forgotten' ? this.config.passwordResetTtlMinutes : this.config.invitationTtlHours * 60;
    const token = newToken();
    const { expiresAt } = await tx.save(
      tx.create(AccountTokenEntity, {
        userId: user.id,
        purpose: PURPOSE[kind],
        tokenHash: hashToken(token),
        createdById,
        expiresAt: new Date(Date.now() + validMinutes * 60_000),
        usedAt: null,
        revokedAt: null,
      }),
    );
    const base = (this.config.publicUrl ?? origin).replace(/\/+$/, '');
    await this.messages.enqueue(tx, {
      userId: user.id,
      recipient: user.email,
      displayName: user.displayName,
      kind,
      link: `${base}/mot-de-passe/${token}`,
      validMinutes,
      expiresAt,
    });
    return expiresAt;
  }

  /** Revokes the account's live links (a newer one, a password set, a disabled account); returns how many. */
  async revokeAll(tx: EntityManager, userId: string): Promise<number> {
    const [, count] = (await tx.query(
      `UPDATE account_tokens SET revoked_at = now() WHERE user_id = $1 AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()`,
      [userId],
    )) as [unknown, number];
    return count;
  }

  /**
   * The link behind a token and its account, locked with `lock` (to use it), or why it does not
   * work: unknown (NOT_FOUND), used, account disabled, replaced by a newer one, expired.
   */
  async open(tx: EntityManager, token: string, lock: boolean): Promise<OpenedLink> {
    const tokenHash = hashToken(token);
    const found = await tx.findOne(AccountTokenEntity, { where: { tokenHash } });
    if (!found) throw new DomainError('NOT_FOUND', 'This link is unknown: check that it was copied whole.');
    // The account first, then the link: the order of every other writer (disable, resend, forgot →
    // revokeAll), so that a reset and a disable at the same moment wait for each other, never deadlock.
    const user = await tx.findOne(UserEntity, { where: { id: found.userId }, ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}) });
    if (!user) throw new DomainError('NOT_FOUND', 'This link is unknown: check that it was copied whole.');
    const link = lock ? await tx.findOne(AccountTokenEntity, { where: { tokenHash }, lock: { mode: 'pessimistic_write' } }) : found;
    if (!link) throw new DomainError('NOT_FOUND', 'This link is unknown: check that it was copied whole.');
    if (link.usedAt) throw new DomainError('TOKEN_USED', 'This link was already used: it works once.');
    if (user.disabledAt) throw new DomainError('ACCOUNT_DISABLED', 'This account is disabled.');
    if (link.revokedAt) throw new DomainError('TOKEN_REPLACED', 'A newer link was sent (or used) since: use the last one.');
    if (link.expiresAt <= new Date()) throw new DomainError('TOKEN_EXPIRED', 'This link has expired: ask for a new one.');
    return { link, user };
  }
}
