import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../../auth/principal';
import { hashToken, newToken } from '../../auth/tokens';
import { DomainError } from '../../common/errors/domain.error';
import { notificationsConfig, NotificationsConfig } from '../../config/configuration';
import { toParisIso } from '../../common/time/paris-time';
import { IcsFeedCreatedView, IcsFeedStatusView } from '../dto/ics-feed.view';
import { buildCalendar, consultationUid } from './ics';

const FEED_FILE = /^([A-Za-z0-9_-]{43})\.ics$/;
const PAST_DAYS = 30;
const FUTURE_DAYS = 366;
const MAX_EVENTS = 5000;

/**
 * An agent's agenda as a calendar subscription URL. The secret is in the URL (calendar apps cannot
 * send cookies), so it is long, stored hashed like session and device tokens, shown once, and can
 * be rotated (the old URL stops working) or revoked. The agent can see whether one is live and when
 * a calendar last read it, never the URL again.
 */
@Injectable()
export class IcsFeedService {
  constructor(
    @Inject(notificationsConfig.KEY) private readonly config: NotificationsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async status(user: UserPrincipal): Promise<IcsFeedStatusView> {
    const [row]: Array<{ created_at: Date; last_used_at: Date | null }> = await this.dataSource.query(
      'SELECT created_at, last_used_at FROM ics_feed_tokens WHERE user_id = $1',
      [user.userId],
    );
    if (!row) return { active: false, createdAt: null, lastUsedAt: null };
    return { active: true, createdAt: toParisIso(row.created_at), lastUsedAt: row.last_used_at ? toParisIso(row.last_used_at) : null };
  }

  async rotate(user: UserPrincipal, requestOrigin: string): Promise<IcsFeedCreatedView> {
    const [agent] = await this.dataSource.query('SELECT id FROM agents WHERE user_id = $1', [user.userId]);
    if (!agent) throw new DomainError('FORBIDDEN', 'Only agents have an agenda feed.');
    const token = newToken();
    const [row] = await this.dataSource.query(
      `INSERT INTO ics_feed_tokens (user_id, token_hash) VALUES ($1, $2)
       ON CONFLICT (user_id) DO UPDATE SET token_hash = EXCLUDED.token_hash, created_at = now(), last_used_at = NULL
       RETURNING created_at`,
      [user.userId, hashToken(token)],
    );
    const base = (this.config.publicUrl ?? requestOrigin).replace(/\/$/, '');
    return { url: `${base}/api/ics/${token}.ics`, createdAt: toParisIso(row.created_at as Date) };
  }

  async revoke(user: UserPrincipal): Promise<void> {
    await this.dataSource.query('DELETE FROM ics_feed_tokens WHERE user_id = $1', [user.userId]);
  }

  /** The calendar behind a feed URL; unknown, rotated and revoked tokens all get the same 404. */
  async feed(file: string): Promise<string> {
    const token = FEED_FILE.exec(file)?.[1];
    const notFound = new DomainError('NOT_FOUND', 'No such calendar feed.');
    if (!token) throw notFound;
    const [owner]: Array<{ user_id: string; display_name: string }> = await this.dataSource.query(
      `WITH used AS (
         UPDATE ics_feed_tokens t SET last_used_at = now()
           FROM users u WHERE t.token_hash = $1 AND u.id = t.user_id AND u.disabled_at IS NULL
         RETURNING t.user_id, u.display_name)
       SELECT * FROM used`,
      [hashToken(token)],
    );
    if (!owner) throw notFound;
    const rows: Array<{
      id: string; starts_at: Date; ends_at: Date; citizen_name: string; subject: string | null;
      msap_name: string; booth_name: string; administration: string; sequence: number; updated_at: Date;
    }> = await this.dataSource.query(
      `SELECT c.id, c.starts_at, c.ends_at, c.citizen_name, t.subject, s.name AS msap_name, b.name AS booth_name,
              adm.name AS administration, COALESCE(seq.sequence, 0) AS sequence, c.updated_at
         FROM consultations c
         JOIN agents a ON a.id = c.agent_id
         JOIN booths b ON b.id = c.booth_id
         JOIN msap_sites s ON s.id = b.msap_site_id
         JOIN administrations adm ON adm.id = c.administration_id
         LEFT JOIN consultation_types t ON t.id = c.consultation_type_id
         LEFT JOIN consultation_notification_sequences seq ON seq.consultation_id = c.id
        WHERE a.user_id = $1 AND c.status <> 'cancelled'
          AND c.starts_at >= now() - make_interval(days => $2) AND c.starts_at < now() + make_interval(days => $3)
        ORDER BY c.starts_at LIMIT $4`,
      [owner.user_id, PAST_DAYS, FUTURE_DAYS, MAX_EVENTS],
    );
    return buildCalendar(
      rows.map((c) => ({
        uid: consultationUid(c.id),
        sequence: c.sequence,
        startsAt: c.starts_at,
        endsAt: c.ends_at,
        summary: `Visio MSAP : ${c.subject ?? 'consultation'} (${c.citizen_name || 'usager'})`,
        description: `${c.administration} — ${c.msap_name}, ${c.booth_name}`,
        location: `${c.msap_name}, ${c.booth_name} (visioconférence)`,
        status: 'CONFIRMED' as const,
        stamp: c.updated_at,
      })),
      { name: `Visio MSAP — ${owner.display_name}` },
    );
  }
}
