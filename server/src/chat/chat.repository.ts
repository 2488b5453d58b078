import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { ChatMessage, ParticipantRole } from '../../../shared/signalling/protocol';

/** A message about to be stored: `senderId` is the participant id (stable across reconnections). */
export interface NewChatMessage {
  consultationId: string;
  senderId: string;
  clientId: string;
  senderRole: ParticipantRole;
  senderName: string;
  text: string;
}

/** Most messages a history answer carries (the latest ones): a call's chat is far shorter. */
export const CHAT_HISTORY_LIMIT = 500;

const COLUMNS = `id, client_id AS "clientId", sender_role AS "senderRole", sender_name AS "senderName", text, sent_at AS "sentAt"`;

type Row = Omit<ChatMessage, 'sentAt'> & { sentAt: Date };
const toMessage = (row: Row): ChatMessage => ({ ...row, sentAt: row.sentAt.toISOString() });

@Injectable()
export class ChatRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Stores the message unless this sender already stored one with this client id (a resend), in
   * which case the stored one is answered; `created` says which.
   */
  async insertOnce(m: NewChatMessage): Promise<{ message: ChatMessage; created: boolean }> {
    const [inserted] = (await this.dataSource.query(
      `INSERT INTO consultation_chat_messages (consultation_id, sender_id, client_id, sender_role, sender_name, text)
       VALUES ($1, $2, $3, $4, $5, $6)
       ON CONFLICT (consultation_id, sender_id, client_id) DO NOTHING
       RETURNING ${COLUMNS}`,
      [m.consultationId, m.senderId, m.clientId, m.senderRole, m.senderName, m.text],
    )) as Row[];
    if (inserted) return { message: toMessage(inserted), created: true };
    // The conflict waited for the first copy's commit: a new statement sees it.
    return { message: (await this.find(m))!, created: false };
  }

  /** The message this sender stored with this client id, if any. */
  async find(m: Pick<NewChatMessage, 'consultationId' | 'senderId' | 'clientId'>): Promise<ChatMessage | null> {
    const [stored] = (await this.dataSource.query(
      `SELECT ${COLUMNS} FROM consultation_chat_messages WHERE consultation_id = $1 AND sender_id = $2 AND client_id = $3`,
      [m.consultationId, m.senderId, m.clientId],
    )) as Row[];
    return stored ? toMessage(stored) : null;
  }

  async history(consultationId: string): Promise<ChatMessage[]> {
    const rows = (await this.dataSource.query(
      `SELECT * FROM (
         SELECT ${COLUMNS} FROM consultation_chat_messages WHERE consultation_id = $1 ORDER BY sent_at DESC, id DESC LIMIT $2
       ) latest ORDER BY "sentAt", id`,
      [consultationId, CHAT_HISTORY_LIMIT],
    )) as Row[];
    return rows.map(toMessage);
  }

  /** Retention: the chat names and describes the citizen; it goes with the consultation's other personal data. */
  async deleteFor(tx: EntityManager, consultationIds: readonly string[]): Promise<void> {
    await tx.query('DELETE FROM consultation_chat_messages WHERE consultation_id = ANY($1::uuid[])', [consultationIds]);
  }
}
