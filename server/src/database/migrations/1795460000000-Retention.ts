import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention (RGPD art. 5-1-e): when a consultation's citizen data and an outbox message's
 * content were erased, partial indexes that hold only what is still to be erased (so an hourly
 * sweep reads what is due, not the whole history), and the figures of each retention run.
 */
export class Retention1795460000000 implements MigrationInterface {
  name = 'Retention1795460000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consultations" ADD "citizen_erased_at" TIMESTAMP WITH TIME ZONE`);
    // The instant a consultation stops needing its citizen's data: its cancellation, else its end.
    // The retention query repeats this expression exactly, so the planner uses the index.
    await q.query(`CREATE INDEX "IDX_consultations_retention_due" ON "consultations"
      ((CASE WHEN "status" = 'cancelled' THEN COALESCE("cancelled_at", "ends_at") ELSE "ends_at" END))
      WHERE "citizen_erased_at" IS NULL`);
    await q.query(`ALTER TABLE "notification_outbox" ADD "erased_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "IDX_notification_outbox_retention_due" ON "notification_outbox" ("updated_at")
      WHERE "erased_at" IS NULL AND "status" IN ('sent', 'failed')`);
    await q.query(`CREATE TABLE "retention_runs" (
      "id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL,
      "started_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "finished_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "policy" jsonb NOT NULL,
      "consultations_erased" integer NOT NULL DEFAULT 0,
      "outbox_erased" integer NOT NULL DEFAULT 0,
      "audit_events_deleted" integer NOT NULL DEFAULT 0,
      "sessions_deleted" integer NOT NULL DEFAULT 0,
      "pairing_codes_deleted" integer NOT NULL DEFAULT 0,
      "devices_deleted" integer NOT NULL DEFAULT 0,
      "error" text,
      CONSTRAINT "PK_retention_runs" PRIMARY KEY ("id"))`);
    await q.query(`CREATE INDEX "IDX_retention_runs_finished" ON "retention_runs" ("finished_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "retention_runs"`);
    await q.query(`DROP INDEX "IDX_notification_outbox_retention_due"`);
    await q.query(`ALTER TABLE "notification_outbox" DROP COLUMN "erased_at"`);
    await q.query(`DROP INDEX "IDX_consultations_retention_due"`);
    await q.query(`ALTER TABLE "consultations" DROP COLUMN "citizen_erased_at"`);
  }
}
