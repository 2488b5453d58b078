import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { hashToken } from '../auth/tokens';
import { RequestContexts } from '../common/http/request-context';
import { appConfig, AppConfig } from '../config/configuration';
import { BookingCompanion, ConsultationEvent, ConsultationEvents, ConsultationEventSubscriber, NewBooking } from '../consultations/consultation-events';
import { CitizenLinkRepository } from './citizen-link.repository';

/** A link works until this many days after its appointment's end (a question after it, a late look). */
export const LINK_DAYS_AFTER_END = 7;

/** 128 random bits, URL-safe: 22 characters, short enough for an SMS, far beyond guessing. */
export const newLinkToken = (): string => randomBytes(16).toString('base64url');

/**
 * A printed slip's token is read and typed by a person: lower-case letters and digits none of which
 * can be taken for another (no i, l, o, 0, 1), 28 of them (138 bits), printed in groups of four
 * joined by hyphens ("k7mq-…"), which the page takes with or without.
 */
const PRINTABLE = 'abcdefghjkmnpqrstuvwxyz23456789';
const PRINTABLE_LENGTH = 28;
export function newPrintableToken(): string {
  let token = '';
  while (token.length < PRINTABLE_LENGTH) {
    // 31 symbols: a byte's low 5 bits, 31 itself drawn again (no bias).
    for (const byte of randomBytes(PRINTABLE_LENGTH)) {
      const n = byte & 31;
      if (n < PRINTABLE.length && token.length < PRINTABLE_LENGTH) token += PRINTABLE[n];
    }
  }
  return token.replace(/(.{4})(?!$)/g, '$1-');
}
const PRINTED_TOKEN = /^[a-hj-km-np-z2-9]{4}(?:-?[a-hj-km-np-z2-9]{4}){6}$/i;

/** The token as issued (tokens of messages: 22 URL-safe characters) or printed; anything else is no token. */
export const LINK_TOKEN = /^(?:[A-Za-z0-9_-]{22}|[a-hj-km-np-z2-9]{4}(?:-?[a-hj-km-np-z2-9]{4}){6})$/i;

/** What is hashed: a printed token without its hyphens, in lower case (however it was typed). */
export const canonicalToken = (token: string): string => (PRINTED_TOKEN.test(token) ? token.replace(/-/g, '').toLowerCase() : token);

/** The path of the citizen's page for a token (the client's route). */
export const linkPath = (token: string) => `/rdv/${token}`;

/** A request URL with the token of a citizen's page or API call hidden (for logs). */
export const withoutLinkTokens = (url: string): string => url.replace(/^(\/rdv\/|\/api\/citizen\/appointments\/)[^/?#]+/, '$1…');

export interface IssuedLink {
  /** The full URL, for the message or the slip: the only place the token is ever written. */
  url: string;
  /** The booking statement's companion that stores the token's hash. */
  companion: BookingCompanion;
}

/**
 * The citizen's personal links: a random token per message or printed slip, of which only a SHA-256
 * is stored, tied to the consultation. The plaintext exists only in what is handed to the citizen:
 * a new booking's confirmation (its hash inserted by the booking's own statement, see
 * BookingCompanion), each message of a move or a reminder, and each printed slip (a fresh token in
 * each, one that reads well on paper for a slip; the earlier ones keep working, so a new one
 * invalidates nothing). A move keeps them and moves their end with the appointment; the erasure of the
 * citizen's data deletes them (and blanks their callback requests) in the retention sweep's transaction.
 */
@Injectable()
export class CitizenLinks implements ConsultationEventSubscriber, OnModuleInit {
  constructor(
    @Inject(appConfig.KEY) private readonly config: AppConfig,
    private readonly events: ConsultationEvents,
    private readonly repository: CitizenLinkRepository,
  ) {}

  onModuleInit(): void {
    this.events.subscribe(this);
  }

  /** A new booking's link (its hash written with the booking, or not at all). */
  withBooking(booking: NewBooking): IssuedLink {
    const token = newLinkToken();
    return {
      url: this.url(token),
      companion: {
        insert: (p, condition) =>
          `INSERT INTO citizen_links (token_hash, consultation_id, purpose, expires_at)
           SELECT $${p}::text, $${p + 1}::uuid, 'booking', $${p + 2}::timestamptz ${condition}`,
        values: [hashToken(token), booking.id, new Date(booking.endsAt.getTime() + LINK_DAYS_AFTER_END * 86_400_000)],
      },
    };
  }

  /** New links for consultations already written, in the caller's transaction: consultation id → URL. */
  async issue(tx: EntityManager, consultationIds: readonly string[], purpose: 'booking' | 'slip'): Promise<Map<string, string>> {
    const tokens = [...new Set(consultationIds)].map((consultationId) => ({ consultationId, token: purpose === 'slip' ? newPrintableToken() : newLinkToken() }));
    await this.repository.insertLinks(tx, tokens.map((t) => ({ consultationId: t.consultationId, hash: hashToken(canonicalToken(t.token)) })), purpose, LINK_DAYS_AFTER_END);
    return new Map(tokens.map((t) => [t.consultationId, this.url(t.token)]));
  }

  async onConsultationEvent(tx: EntityManager, event: ConsultationEvent): Promise<void> {
    if (event.type === 'rescheduled') await this.repository.followMove(tx, event.consultationId, LINK_DAYS_AFTER_END);
    if (event.type === 'citizen_erased') await this.repository.eraseFor(tx, event.consultationIds);
  }

  /**
   * PUBLIC_URL when set; otherwise where the request that writes the message reached us (what
   * `npm start` serves without a PUBLIC_URL), and localhost for jobs outside any request.
   */
  private url(token: string): string {
    const base = this.config.publicUrl ?? RequestContexts.current()?.origin ?? `http://localhost:${this.config.port}`;
    return `${base.replace(/\/$/, '')}${linkPath(token)}`;
  }
}
