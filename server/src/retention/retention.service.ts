import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, QueryRunner } from 'typeorm';
import { retentionConfig, RetentionConfig } from '../config/configuration';
import { toParisIso } from '../common/time/paris-time';
import { ConsultationReader } from '../consultations/consultation.reader';
import { ConsultationsService } from '../consultations/consultations.service';
import { BLANK_OUTBOX, SETTLED_STATUSES } from '../notifications/outbox.service';
import { RetentionPolicyView, RetentionRunView, RetentionStatusView } from './dto/retention-status.view';

/** What an erased consultation shows instead of the citizen's name (the column is NOT NULL). */
export const ERASED_CITIZEN_NAME = 'Usager (effacé)';
/** What an erased free text shows instead (an absence's or closure's reason, a mass cancellation's message). */
export const ERASED_TEXT = '(effacé)';
/** What a pseudonymised account shows instead of its holder's name. */
export const ERASED_ACCOUNT_NAME = 'Compte (effacé)';
/** A pseudonymised account's e-mail: unique (the row id) and never delivered (.invalid, RFC 2606). */
const ERASED_EMAIL = { before: 'compte-', after: '@efface.invalid' } as const;
export const erasedAccountEmail = (userId: string) => `${ERASED_EMAIL.before}${userId}${ERASED_EMAIL.after}`;
/** Pairing codes live minutes; a day later they are of no use, even to explain a failed pairing. */
export const PAIRING_CODE_PURGE_DAYS = 1;

const LOCK_KEY = 'visio-msap-retention';
const RECENT_RUNS = 10;

/** The free texts erased after the citizen-data limit: where each lives and what ends its row. */
const FREE_TEXTS = {
  absenceReason: { table: 'agent_absences', column: 'reason', erasedAt: 'reason_erased_at', endedAt: 'ends_at' },
  closureReason: { table: 'msap_closures', column: 'reason', erasedAt: 'reason_erased_at', endedAt: 'ends_at' },
  // A running job has no finished_at: the comparison is NULL, so it is never picked.
  massCancellationMessage: { table: 'mass_cancellation_jobs', column: 'message', erasedAt: 'message_erased_at', endedAt: 'finished_at' },
  // The booth survey's comment may name someone; its response keeps only days (see the Survey migration).
  surveyComment: { table: 'survey_responses', column: 'comment', erasedAt: 'comment_erased_on', endedAt: 'updated_on' },
} as const;
type FreeTextKind = keyof typeof FREE_TEXTS;

export interface RetentionFigures {
  consultationsErased: number;
  outboxErased: number;
  auditEventsDeleted: number;
  sessionsDeleted: number;
  pairingCodesDeleted: number;
  devicesDeleted: number;
  absenceReasonsErased: number;
  closureReasonsErased: number;
  massCancellationMessagesErased: number;
  surveyCommentsErased: number;
  accountsPseudonymised: number;
}

export interface RetentionRunResult extends RetentionFigures {
  startedAt: Date;
  finishedAt: Date;
}

type Counted = { erased: number; outbox?: number; sessions?: number };

/** Each figure of a run and its column in retention_runs: the sweep's zeros, its INSERT and the status reads all come from here. */
const FIGURE_COLUMNS: { readonly [K in keyof RetentionFigures]: string } = {
  consultationsErased: 'consultations_erased',
  outboxErased: 'outbox_erased',
  auditEventsDeleted: 'audit_events_deleted',
  sessionsDeleted: 'sessions_deleted',
  pairingCodesDeleted: 'pairing_codes_deleted',
  devicesDeleted: 'devices_deleted',
  absenceReasonsErased: 'absence_reasons_erased',
  closureReasonsErased: 'closure_reasons_erased',
  massCancellationMessagesErased: 'mass_cancellation_messages_erased',
  surveyCommentsErased: 'survey_comments_erased',
  accountsPseudonymised: 'accounts_pseudonymised',
};
const FIGURES = Object.keys(FIGURE_COLUMNS) as Array<keyof RetentionFigures>;

/**
 * Enforces the retention policy (RGPD art. 5-1-e). Personal fields are erased, rows stay: a
 * consultation keeps its status, administration, booth and times, so statistics are unchanged;
 * an outbox message keeps its channel, event and status, but not its recipient and text; an
 * absence, a closure and a mass cancellation keep their times and counts, not their free text; a
 * long-disabled account keeps its role and scope, not its holder's name, e-mail or credentials. Only
 * logs and credentials that no longer open anything are deleted (audit events, sessions, pairing
 * codes, terminals).
 *
 * Each batch is one autocommitted statement over at most `batchSize` rows picked with
 * `FOR UPDATE SKIP LOCKED`, so a large backlog never holds locks for long and a row is erased once.
 * A run holds a session advisory lock on its own connection: instances sweep one at a time (a
 * second one finds the lock taken and skips its turn), and the lock goes with the connection if
 * the process dies.
 */
@Injectable()
export class RetentionService {
  constructor(
    @Inject(retentionConfig.KEY) private readonly config: RetentionConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly consultations: ConsultationsService,
    private readonly consultationRows: ConsultationReader,
  ) {}

  /** One sweep of every kind of data; null when another instance is sweeping right now. */
  async run(): Promise<RetentionRunResult | null> {
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    try {
      const [{ locked }] = await runner.query('SELECT pg_try_advisory_lock(hashtext($1)) AS locked', [LOCK_KEY]);
      if (!locked) return null;
      try {
        return await this.sweep(runner);
      } finally {
        await runner.query('SELECT pg_advisory_unlock(hashtext($1))', [LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }

  /** The policy in force, the last run, and the last runs that erased something (or failed). */
  async status(): Promise<RetentionStatusView> {
    const [last]: RunRow[] = await this.dataSource.query('SELECT * FROM retention_runs ORDER BY id DESC LIMIT 1');
    const recent: RunRow[] = await this.dataSource.query(
      `SELECT * FROM retention_runs
        WHERE ${FIGURES.map((f) => FIGURE_COLUMNS[f]).join(' + ')} > 0 OR error IS NOT NULL
        ORDER BY id DESC LIMIT $1`,
      [RECENT_RUNS],
    );
    return { policy: this.policy(), lastRun: last ? toRunView(last) : null, recentRuns: recent.map(toRunView) };
  }

  policy(): RetentionPolicyView {
    const c = this.config;
    return {
      enabled: c.enabled,
      intervalMinutes: c.intervalMs / 60_000,
      batchSize: c.batchSize,
      citizenDataDays: c.citizenDataDays,
      outboxDays: c.outboxDays,
      auditDays: c.auditDays,
      devicesDays: c.auditDays,
      pairingCodesDays: PAIRING_CODE_PURGE_DAYS,
      disabledAccountDays: c.disabledAccountDays,
      erasedCitizenName: ERASED_CITIZEN_NAME,
      erasedText: ERASED_TEXT,
      erasedAccountName: ERASED_ACCOUNT_NAME,
    };
  }

  private async sweep(runner: QueryRunner): Promise<RetentionRunResult> {
    const startedAt = new Date();
    const figures = Object.fromEntries(FIGURES.map((f) => [f, 0])) as unknown as RetentionFigures;
    let error: string | null = null;
    try {
      await this.batches(runner, (q) => this.eraseCitizens(q), (c) => {
        figures.consultationsErased += c.erased;
        figures.outboxErased += c.outbox ?? 0;
      });
      figures.outboxErased += await this.eraseOutbox(runner);
      await this.batches(runner, (q) => this.eraseFreeText(q, 'absenceReason'), (c) => (figures.absenceReasonsErased += c.erased));
      await this.batches(runner, (q) => this.eraseFreeText(q, 'closureReason'), (c) => (figures.closureReasonsErased += c.erased));
      await this.batches(runner, (q) => this.eraseFreeText(q, 'massCancellationMessage'), (c) => (figures.massCancellationMessagesErased += c.erased));
      await this.batches(runner, (q) => this.eraseFreeText(q, 'surveyComment'), (c) => (figures.surveyCommentsErased += c.erased));
      await this.batches(runner, (q) => this.pseudonymiseAccounts(q), (c) => {
        figures.accountsPseudonymised += c.erased;
        figures.sessionsDeleted += c.sessions ?? 0;
      });
      await this.batches(runner, (q) => this.deleteSessions(q), (c) => (figures.sessionsDeleted += c.erased));
      await this.batches(runner, (q) => this.deletePairingCodes(q), (c) => (figures.pairingCodesDeleted += c.erased));
      await this.batches(runner, (q) => this.deleteAuditEvents(q), (c) => (figures.auditEventsDeleted += c.erased));
      await this.batches(runner, (q) => this.deleteDevices(q), (c) => (figures.devicesDeleted += c.erased));
      // Not one of the run's figures (retention_runs has no column for them): see deleteCallQualitySamples.
      await this.batches(runner, (q) => this.deleteCallQualitySamples(q), () => undefined);
      // The run log itself holds no personal data; it is kept as long as the audit log.
      await runner.query(`DELETE FROM retention_runs WHERE finished_at < now() - make_interval(days => $1)`, [this.config.auditDays]);
    } catch (e) {
      error = e instanceof Error ? e.message : String(e);
    }
    // Recorded even after a failure: what was erased before it stays erased and is accounted for.
    const values = [startedAt, JSON.stringify(this.policy()), error, ...FIGURES.map((f) => figures[f])];
    const [row]: Array<{ finished_at: Date }> = await runner.query(
      `INSERT INTO retention_runs (started_at, policy, error, ${FIGURES.map((f) => FIGURE_COLUMNS[f]).join(', ')})
       VALUES (${values.map((_, i) => `$${i + 1}`).join(', ')}) RETURNING finished_at`,
      values,
    );
    if (error !== null) throw new Error(`retention run failed: ${error}`);
    return { ...figures, startedAt, finishedAt: row!.finished_at };
  }

  /** Repeats one batch statement until a batch comes back short: the backlog is done. */
  private async batches(runner: QueryRunner, batch: (q: QueryRunner) => Promise<Counted>, add: (c: Counted) => void): Promise<void> {
    for (;;) {
      const counted = await batch(runner);
      add(counted);
      if (counted.erased < this.config.batchSize) return;
    }
  }

  /**
   * Citizen name → placeholder, phone, e-mail, the cancellation reason and the outcome note (free
   * texts, often about the citizen) → NULL, for consultations cancelled or ended more than the limit
   * ago (ConsultationsService.eraseCitizens). The sent or failed messages of those consultations are
   * blanked in the same transaction by the notifications' subscriber, whatever the outbox limit:
   * nothing is left that names an erased citizen.
   */
  private eraseCitizens(runner: QueryRunner): Promise<Counted> {
    return runner.manager.transaction(async (tx) => {
      const ids = await this.consultations.eraseCitizens(tx, this.config.citizenDataDays, this.config.batchSize, ERASED_CITIZEN_NAME);
      if (ids.length === 0) return { erased: 0, outbox: 0 };
      // What the subscriber blanked, in this transaction: its rows carry this transaction's now().
      const [{ outbox }] = (await tx.query(
        'SELECT count(*)::int AS outbox FROM notification_outbox WHERE consultation_id = ANY($1::uuid[]) AND erased_at = now()',
        [ids],
      )) as [{ outbox: number }];
      return { erased: ids.length, outbox };
    });
  }

  /**
   * Recipient, text, calendar invitation and provider error (it often quotes the address) of
   * messages sent or failed more than the limit ago, walked in id order; pending and sending ones
   * belong to the dispatcher, and those of a consultation not yet over are kept as what was promised.
   */
  private async eraseOutbox(runner: QueryRunner): Promise<number> {
    let after = '00000000-0000-0000-0000-000000000000';
    let erased = 0;
    for (;;) {
      const candidates = (await runner.query(
        `SELECT id, consultation_id FROM notification_outbox
          WHERE erased_at IS NULL AND status IN (${SETTLED_STATUSES}) AND updated_at < now() - make_interval(days => $1) AND id > $2
          ORDER BY id LIMIT $3`,
        [this.config.outboxDays, after, this.config.batchSize],
      )) as Array<{ id: string; consultation_id: string | null }>;
      if (candidates.length === 0) return erased;
      const over = await this.consultationRows.finishedAmong([...new Set(candidates.flatMap((c) => (c.consultation_id ? [c.consultation_id] : [])))]);
      // A message about an account (an invitation, a reset link) has no consultation to wait for.
      const ids = candidates.filter((c) => c.consultation_id === null || over.has(c.consultation_id)).map((c) => c.id);
      if (ids.length > 0) {
        // The status is checked again: a failed message retried meanwhile belongs to the dispatcher.
        const [, count] = (await runner.query(`${BLANK_OUTBOX} WHERE o.id = ANY($1::uuid[]) AND o.erased_at IS NULL AND o.status IN (${SETTLED_STATUSES})`, [
          ids,
        ])) as [unknown, number];
        erased += count;
      }
      if (candidates.length < this.config.batchSize) return erased;
      after = candidates[candidates.length - 1]!.id;
    }
  }

  /**
   * A free text that may name people, once its row ended more than the citizen-data limit ago: the
   * reason of an agent's absence or an MSAP's closure ("congé maladie", "M. X en formation"), a
   * finished mass cancellation's message, a survey's comment. Times, targets and counters stay, so the schedule's
   * history and the figures are unchanged. An empty text has nothing to erase; a running job has no
   * end yet and still needs its message.
   */
  private async eraseFreeText(runner: QueryRunner, kind: FreeTextKind): Promise<Counted> {
    const { table, column, erasedAt, endedAt } = FREE_TEXTS[kind];
    const [row] = await runner.query(
      `WITH picked AS (
         SELECT id FROM ${table}
          WHERE ${erasedAt} IS NULL AND ${column} <> '' AND ${endedAt} < now() - make_interval(days => $1)
          LIMIT $2 FOR UPDATE SKIP LOCKED),
       erased AS (
         UPDATE ${table} t SET ${column} = $3, ${erasedAt} = now() FROM picked WHERE t.id = picked.id RETURNING t.id)
       SELECT count(*)::int AS erased FROM erased`,
      [this.config.citizenDataDays, this.config.batchSize, ERASED_TEXT],
    );
    return row as Counted;
  }

  /**
   * Accounts disabled longer than the limit: name → placeholder, e-mail → a unique address that is
   * never delivered, password hash and OIDC subject → NULL, the agent's title (free text) blanked,
   * their sessions and calendar-feed tokens deleted. The row stays with its role, département and
   * MSAP, for the consultations and audit entries that point at it; a constraint keeps it disabled
   * and without credentials for ever.
   */
  private async pseudonymiseAccounts(runner: QueryRunner): Promise<Counted> {
    // NOTE: PostgreSQL runs every data-modifying CTE to completion even when the final SELECT does
    // not read it (titles, feeds).
    const [row] = await runner.query(
      `WITH picked AS (
         SELECT id FROM users
          WHERE pseudonymised_at IS NULL AND disabled_at IS NOT NULL AND disabled_at < now() - make_interval(days => $1)
          LIMIT $2 FOR UPDATE SKIP LOCKED),
       done AS (
         UPDATE users u
            SET display_name = $3, email = $4 || u.id || $5, password_hash = NULL, oidc_subject = NULL,
                pseudonymised_at = now(), updated_at = now()
           FROM picked WHERE u.id = picked.id
         RETURNING u.id),
       titles AS (UPDATE agents a SET title = '' FROM done WHERE a.user_id = done.id AND a.title <> '' RETURNING a.id),
       feeds AS (DELETE FROM ics_feed_tokens f USING done WHERE f.user_id = done.id RETURNING f.id),
       sessions AS (DELETE FROM sessions s USING done WHERE s.user_id = done.id RETURNING s.id)
       SELECT (SELECT count(*) FROM done)::int AS erased, (SELECT count(*) FROM sessions)::int AS sessions`,
      [this.config.disabledAccountDays, this.config.batchSize, ERASED_ACCOUNT_NAME, ERASED_EMAIL.before, ERASED_EMAIL.after],
    );
    return { erased: row.erased as number, sessions: row.sessions as number };
  }

  /** Expired or signed-out sessions open nothing (an unknown cookie gets the same answer). */
  private deleteSessions(runner: QueryRunner): Promise<Counted> {
    return this.deleteBatch(runner, 'sessions', 'expires_at < now() OR revoked_at IS NOT NULL', []);
  }

  private deletePairingCodes(runner: QueryRunner): Promise<Counted> {
    return this.deleteBatch(runner, 'pairing_codes', 'expires_at < now() - make_interval(days => $2)', [PAIRING_CODE_PURGE_DAYS]);
  }

  private deleteAuditEvents(runner: QueryRunner): Promise<Counted> {
    return this.deleteBatch(runner, 'audit_events', 'at < now() - make_interval(days => $2)', [this.config.auditDays]);
  }

  /** Terminals revoked or expired longer ago than the audit log that names them is kept. */
  private deleteDevices(runner: QueryRunner): Promise<Counted> {
    return this.deleteBatch(
      runner,
      'devices',
      '(revoked_at < now() - make_interval(days => $2) OR expires_at < now() - make_interval(days => $2))',
      [this.config.auditDays],
    );
  }

  /**
   * A call's raw quality samples (round trip, loss, bitrate per role every 10 s), once older than
   * the citizen-data limit: they would date a consultation to the second long after its citizen was
   * erased. The call's summary row (call_quality) stays, for the statistics.
   */
  private async deleteCallQualitySamples(runner: QueryRunner): Promise<Counted> {
    // The samples have no key of their own: picked by their physical row id, under the same lock.
    const [row] = await runner.query(
      `WITH picked AS (SELECT ctid FROM call_quality_samples WHERE at < now() - make_interval(days => $2) LIMIT $1 FOR UPDATE SKIP LOCKED),
       deleted AS (DELETE FROM call_quality_samples s USING picked WHERE s.ctid = picked.ctid RETURNING 1)
       SELECT count(*)::int AS erased FROM deleted`,
      [this.config.batchSize, this.config.citizenDataDays],
    );
    return row as Counted;
  }

  private async deleteBatch(runner: QueryRunner, table: string, where: string, params: unknown[]): Promise<Counted> {
    const [row] = await runner.query(
      `WITH picked AS (SELECT id FROM ${table} WHERE ${where} LIMIT $1 FOR UPDATE SKIP LOCKED),
       deleted AS (DELETE FROM ${table} t USING picked WHERE t.id = picked.id RETURNING t.id)
       SELECT count(*)::int AS erased FROM deleted`,
      [this.config.batchSize, ...params],
    );
    return row as Counted;
  }
}

/** A retention_runs row: its id, times and error, and one integer column per figure (FIGURE_COLUMNS). */
interface RunRow {
  id: string;
  started_at: Date;
  finished_at: Date;
  error: string | null;
  [figureColumn: string]: unknown;
}

function toRunView(r: RunRow): RetentionRunView {
  return {
    id: r.id,
    startedAt: toParisIso(r.started_at),
    finishedAt: toParisIso(r.finished_at),
    ...(Object.fromEntries(FIGURES.map((f) => [f, r[FIGURE_COLUMNS[f]]])) as unknown as RetentionFigures),
    error: r.error,
  };
}
