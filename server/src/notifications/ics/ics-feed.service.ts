import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { UserPrincipal } from '../../auth/principal';
import { hashToken, newToken } from '../../auth/tokens';
import { DomainError } from '../../common/errors/domain.error';
import { notificationsConfig, NotificationsConfig } from '../../config/configuration';
import { toParisIso } from '../../common/time/paris-time';
import { IcsFeedCreatedView, IcsFeedStatusView } from '../dto/ics-feed.view';
import { buildCalendar, callLink, consultationUid, initials } from './ics';
import { ConsultationReader } from '../../consultations/consultation.reader';

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
    private readonly consultations: ConsultationReader,
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
  async feed(file: string, requestOrigin: string): Promise<string> {
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
    const base = (this.config.publicUrl ?? requestOrigin).replace(/\/$/, '');
    const now = Date.now();
    const entries = await this.consultations.agentCalendar(owner.user_id, new Date(now - PAST_DAYS * 86_400_000), new Date(now + FUTURE_DAYS * 86_400_000), MAX_EVENTS);
    const sequences = (await this.dataSource.query(
      'SELECT consultation_id, sequence FROM consultation_notification_sequences WHERE consultation_id = ANY($1::uuid[])',
      [entries.map((c) => c.id)],
    )) as Array<{ consultation_id: string; sequence: number }>;
    const sequence = new Map(sequences.map((r) => [r.consultation_id, r.sequence]));
    return buildCalendar(
      entries.map((c) => ({
        uid: consultationUid(c.id),
        sequence: sequence.get(c.id) ?? 0,
        startsAt: c.startsAt,
        endsAt: c.endsAt,
        // NOTE: the feed's URL is secret and the agent's alone, but calendar apps copy what it says to
        // their own servers and show it on phones' lock screens: the citizen is named by initials
        // only, their full name stays behind the application's sign-in (the link leads there).
        summary: `Visio MSAP : ${c.subject ?? 'consultation'} (${initials(c.citizenName) || 'usager'})`,
        description: [
          `${c.administration} — ${c.msapSiteName}, ${c.boothName}`,
          c.papers && c.papers.length > 0 ? `Pièces à apporter : ${c.papers.join(', ')}` : null,
          `Rejoindre : ${callLink(base, c.id)}`,
        ]
          .filter(Boolean)
          .join('\n'),
        url: callLink(base, c.id),
        location: `${c.msapSiteName}, ${c.boothName} (visioconférence)`,
        status: 'CONFIRMED' as const,
        stamp: c.updatedAt,
      })),
      { name: `Visio MSAP — ${owner.display_name}` },
    );
  }
}
