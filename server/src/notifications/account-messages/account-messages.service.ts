import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ACCOUNT_EVENTS, AccountMessageInput, renderAccountMessage } from './account-templates';

export interface AccountMessage extends AccountMessageInput {
  userId: string;
  recipient: string;
}

/**
 * The e-mails about an account (invitation, password reset), written into the notification outbox
 * in the caller's transaction: the link and the account change commit together, and the dispatcher
 * sends them like any other e-mail (SMTP, or the local outbox that admins read). They carry no
 * consultation and no département, so coordinators never see them.
 */
@Injectable()
export class AccountMessages {
  async enqueue(manager: EntityManager, m: AccountMessage): Promise<void> {
    const { subject, body } = renderAccountMessage(m);
    // consultation_id is NULL: the outbox's unique key (consultation, event, revision, channel) never
    // merges two links, each of which is a message of its own.
    await manager.query(
      `INSERT INTO notification_outbox (user_id, event, channel, recipient, subject, body)
       VALUES ($1, $2, 'email', $3, $4, $5)`,
      [m.userId, ACCOUNT_EVENTS[m.kind], m.recipient, subject, body],
    );
  }
}

/** A link's path inside an account message; the outbox page masks it once an SMTP server has sent it. */
export const ACCOUNT_LINK_PATTERN = /\/mot-de-passe\/[A-Za-z0-9_-]{43}/g;
