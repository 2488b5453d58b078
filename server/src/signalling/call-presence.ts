import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { PeriodicTask } from '../common/background/periodic-task';
import { notifyDesk } from '../desk/desk-channel';
import type { Phase } from '../../../shared/signalling/protocol';
import { CallAccess } from './call-access.service';

/** The instance holding a call says so this often; the desk trusts a row seen within PRESENCE_STALE_SECONDS. */
const REFRESH_MS = 15_000;
export const PRESENCE_STALE_SECONDS = 45;

/**
 * Who is in each call, written where every instance can read it: the facilitator's desk shows a
 * citizen waiting in the lobby or in the call, and an agent connected or not, whichever instance
 * holds the call. The calls themselves stay in memory; this is their shadow. Writes of one
 * consultation are chained so that a quick join-then-leave lands in that order. The instance
 * refreshes its rows' `seen_at`: the rows of an instance that died (or a write that failed) stop
 * counting after PRESENCE_STALE_SECONDS instead of showing a call that no longer exists.
 */
@Injectable()
export class CallPresence implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('CallPresence');
  private readonly instanceId = randomUUID();
  private readonly chains = new Map<string, Promise<void>>();
  private readonly refresh: PeriodicTask<void>;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.refresh = new PeriodicTask({
      run: async () => {
        await this.dataSource.query(`UPDATE call_presence SET seen_at = now() WHERE instance_id = $1`, [this.instanceId]);
      },
      intervalMs: REFRESH_MS,
      onError: (error) => this.logger.warn({ err: error }, 'refreshing call presence failed'),
    });
  }

  /** `phase` null: the participant left. */
  set(access: CallAccess, phase: Phase | null): void {
    const key = access.consultationId;
    const previous = this.chains.get(key) ?? Promise.resolve();
    const next = previous
      .then(() => this.write(access, phase))
      .catch((error: unknown) => this.logger.warn({ err: error, consultationId: key }, 'recording call presence failed'));
    this.chains.set(key, next);
    void next.then(() => {
      if (this.chains.get(key) === next) this.chains.delete(key);
    });
  }

  /** Waits for the writes under way (tests, shutdown). */
  async settled(): Promise<void> {
    await Promise.all([...this.chains.values()]);
  }

  /** An instance that died kept its rows: no call lasts a day, so those older are gone for sure. */
  async onApplicationBootstrap(): Promise<void> {
    await this.dataSource.query(`DELETE FROM call_presence WHERE seen_at < now() - interval '1 day'`).catch(() => undefined);
    this.refresh.start(REFRESH_MS);
  }

  async onApplicationShutdown(): Promise<void> {
    await this.refresh.stop();
    await this.settled();
    // Calls held here end with this instance: nobody is in them any more.
    await this.dataSource.query(`DELETE FROM call_presence WHERE instance_id = $1`, [this.instanceId]).catch(() => undefined);
  }

  private async write(access: CallAccess, phase: Phase | null): Promise<void> {
    await this.dataSource.transaction(async (tx) => {
      if (phase === null) {
        // Only our own row: the participant may have moved to another instance's call meanwhile.
        await tx.query(`DELETE FROM call_presence WHERE consultation_id = $1 AND participant_id = $2 AND instance_id = $3`, [
          access.consultationId,
          access.participantId,
          this.instanceId,
        ]);
      } else {
        await tx.query(
          `INSERT INTO call_presence (consultation_id, participant_id, role, phase, instance_id) VALUES ($1, $2, $3, $4, $5)
           ON CONFLICT (consultation_id, participant_id) DO UPDATE
             SET phase = EXCLUDED.phase, instance_id = EXCLUDED.instance_id, seen_at = now(),
                 since = CASE WHEN call_presence.phase = EXCLUDED.phase THEN call_presence.since ELSE now() END`,
          [access.consultationId, access.participantId, access.role, phase, this.instanceId],
        );
      }
      if (access.msapSiteId) await notifyDesk(tx, { siteId: access.msapSiteId, kind: 'presence' });
    });
  }
}
