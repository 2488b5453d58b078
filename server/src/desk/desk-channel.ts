import { EntityManager } from 'typeorm';

/** PostgreSQL channel on which every instance hears that a France Services site's day changed. */
export const DESK_CHANNEL = 'visio_desk';

/** A facilitator's short message to a consultation's agent (the call shows it at once). */
export interface DeskMessageNotice {
  id: string;
  consultationId: string;
  /** Whose home page shows it at once. */
  agentUserId: string;
  body: string;
  senderName: string;
  createdAt: string;
}

/**
 * What a desk hears: something of its site's day changed. A consultation's support record or a
 * message (`support`, `message`) is also told to the agent holding its call.
 */
export type DeskNotice =
  | { siteId: string; kind: 'booth' | 'presence' | 'consultation' }
  | { siteId: string; kind: 'support'; consultationId: string }
  | { siteId: string; kind: 'message'; consultationId: string; message: DeskMessageNotice };

/**
 * Tells every instance's desks of this site to read their day again. Sent inside the caller's
 * transaction (or alone), so it is heard only once the change is committed.
 */
export async function notifyDesk(tx: Pick<EntityManager, 'query'>, notice: DeskNotice): Promise<void> {
  await tx.query(`SELECT pg_notify($1, $2)`, [DESK_CHANNEL, JSON.stringify(notice)]);
}
