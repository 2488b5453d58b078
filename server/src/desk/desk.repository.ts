import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { PRESENCE_STALE_SECONDS } from '../signalling/call-presence';
import { notifyDesk, DeskNotice } from './desk-channel';
import type { Presence } from './desk-day';

export interface SiteRow {
  id: string;
  name: string;
  departement: string;
  postalCode: string;
  city: string;
}

export interface MessageRow {
  id: string;
  consultationId: string;
  body: string;
  senderName: string;
  createdAt: Date;
}

/**
 * The desk's reads and writes: the only code that touches `desk_messages`, and the desk's reads of
 * who is in the calls (`call_presence`, written by the signalling module) and of the sites' names.
 */
@Injectable()
export class DeskRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  transaction<T>(work: (tx: EntityManager) => Promise<T>): Promise<T> {
    return this.dataSource.transaction(work);
  }

  async site(id: string): Promise<SiteRow | undefined> {
    const [row] = (await this.dataSource.query(`SELECT id, name, departement, postal_code AS "postalCode", city FROM msap_sites WHERE id = $1`, [id])) as SiteRow[];
    return row;
  }

  /** Who is in these consultations' calls, as last refreshed by the instance holding each (stale rows left out). */
  async presenceOf(ids: readonly string[]): Promise<Map<string, Presence[]>> {
    const out = new Map<string, Presence[]>();
    if (ids.length === 0) return out;
    const rows = (await this.dataSource.query(
      `SELECT consultation_id AS "consultationId", role, phase, since FROM call_presence
        WHERE consultation_id = ANY($1::uuid[]) AND seen_at > now() - make_interval(secs => $2)`,
      [ids, PRESENCE_STALE_SECONDS],
    )) as Presence[];
    for (const r of rows) out.set(r.consultationId, [...(out.get(r.consultationId) ?? []), r]);
    return out;
  }

  async insertMessage(tx: EntityManager, m: { consultationId: string; senderId: string; senderName: string; body: string }): Promise<MessageRow> {
    const [row] = (await tx.query(
      `INSERT INTO desk_messages (consultation_id, sender_id, sender_name, body) VALUES ($1, $2, $3, $4) RETURNING id, created_at AS "createdAt"`,
      [m.consultationId, m.senderId, m.senderName, m.body],
    )) as Array<{ id: string; createdAt: Date }>;
    return { id: row!.id, consultationId: m.consultationId, body: m.body, senderName: m.senderName, createdAt: row!.createdAt };
  }

  /** A day's messages about one agent's consultations, or about one site's. */
  messagesOfDay(who: { agentUserId: string } | { msapSiteId: string }, from: Date, to: Date): Promise<MessageRow[]> {
    const [condition, value] = 'agentUserId' in who ? ['a.user_id = $1', who.agentUserId] : ['b.msap_site_id = $1', who.msapSiteId];
    return this.dataSource.query(
      `SELECT m.id, m.consultation_id AS "consultationId", m.body, m.sender_name AS "senderName", m.created_at AS "createdAt"
         FROM desk_messages m JOIN consultations c ON c.id = m.consultation_id
         JOIN agents a ON a.id = c.agent_id JOIN booths b ON b.id = c.booth_id
        WHERE ${condition} AND c.starts_at < $3 AND c.ends_at > $2
        ORDER BY m.created_at DESC LIMIT 200`,
      [value, from, to],
    );
  }

  async eraseMessagesOf(tx: EntityManager, consultationIds: readonly string[]): Promise<void> {
    await tx.query(`DELETE FROM desk_messages WHERE consultation_id = ANY($1::uuid[])`, [consultationIds]);
  }

  notify(notice: DeskNotice, tx: Pick<EntityManager, 'query'> = this.dataSource): Promise<void> {
    return notifyDesk(tx, notice);
  }
}
