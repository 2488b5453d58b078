import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Notifications (issue 4): the transactional outbox, the per-consultation notification sequence,
 * agents' ICS feed tokens, and mass-cancellation jobs with their per-consultation progress.
 */
export class Notifications1795441231010 implements MigrationInterface {
  name = 'Notifications1795441231010';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "notification_outbox" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "consultation_id" uuid NOT NULL,
      "event" text NOT NULL,
      "revision" integer NOT NULL DEFAULT 0,
      "channel" text NOT NULL,
      "recipient" text NOT NULL,
      "subject" text,
      "body" text NOT NULL,
      "ics" text,
      "sms_encoding" text,
      "sms_segments" smallint,
      "departement" character varying(3) NOT NULL,
      "status" text NOT NULL DEFAULT 'pending',
      "transport" text,
      "attempts" integer NOT NULL DEFAULT 0,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "claim_token" uuid,
      "last_error" text,
      "provider_message_id" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "sent_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_notification_outbox" PRIMARY KEY ("id"),
      CONSTRAINT "notification_outbox_once" UNIQUE ("consultation_id", "event", "revision", "channel"),
      CONSTRAINT "notification_outbox_channel" CHECK ("channel" IN ('sms', 'email', 'agent_email')),
      CONSTRAINT "notification_outbox_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed')),
      CONSTRAINT "notification_outbox_transport" CHECK ("transport" IS NULL OR "transport" IN ('sms_http', 'smtp', 'local')),
      CONSTRAINT "FK_notification_outbox_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_notification_outbox_due" ON "notification_outbox" ("next_attempt_at") WHERE "status" IN ('pending', 'sending')`);
    await q.query(`CREATE INDEX "IDX_notification_outbox_departement" ON "notification_outbox" ("departement", "created_at")`);

    await q.query(`CREATE TABLE "consultation_notification_sequences" (
      "consultation_id" uuid NOT NULL,
      "sequence" integer NOT NULL,
      CONSTRAINT "PK_consultation_notification_sequences" PRIMARY KEY ("consultation_id"),
      CONSTRAINT "FK_consultation_notification_sequences_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE)`);

    await q.query(`CREATE TABLE "ics_feed_tokens" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "token_hash" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "last_used_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_ics_feed_tokens" PRIMARY KEY ("id"),
      CONSTRAINT "FK_ics_feed_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE UNIQUE INDEX "IDX_ics_feed_tokens_user" ON "ics_feed_tokens" ("user_id")`);
    await q.query(`CREATE UNIQUE INDEX "IDX_ics_feed_tokens_hash" ON "ics_feed_tokens" ("token_hash")`);

    await q.query(`CREATE TABLE "mass_cancellation_jobs" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "created_by_id" uuid,
      "departement" character varying(3) NOT NULL,
      "agent_id" uuid,
      "administration_id" uuid,
      "msap_site_id" uuid,
      "range_from" TIMESTAMP WITH TIME ZONE NOT NULL,
      "range_to" TIMESTAMP WITH TIME ZONE NOT NULL,
      "message" text NOT NULL,
      "state" text NOT NULL DEFAULT 'running',
      "total" integer NOT NULL,
      "processed" integer NOT NULL DEFAULT 0,
      "cancelled" integer NOT NULL DEFAULT 0,
      "skipped" integer NOT NULL DEFAULT 0,
      "no_contact" integer NOT NULL DEFAULT 0,
      "lease_owner" uuid,
      "lease_until" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "finished_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_mass_cancellation_jobs" PRIMARY KEY ("id"),
      CONSTRAINT "mass_cancellation_jobs_state" CHECK ("state" IN ('running', 'completed')),
      CONSTRAINT "mass_cancellation_jobs_target" CHECK ("agent_id" IS NOT NULL OR "administration_id" IS NOT NULL),
      CONSTRAINT "FK_mass_cancellation_jobs_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE INDEX "IDX_mass_cancellation_jobs_state" ON "mass_cancellation_jobs" ("state")`);

    await q.query(`CREATE TABLE "mass_cancellation_items" (
      "job_id" uuid NOT NULL,
      "consultation_id" uuid NOT NULL,
      "state" text NOT NULL DEFAULT 'pending',
      "has_contact" boolean,
      "processed_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_mass_cancellation_items" PRIMARY KEY ("job_id", "consultation_id"),
      CONSTRAINT "mass_cancellation_items_state" CHECK ("state" IN ('pending', 'cancelled', 'skipped')),
      CONSTRAINT "FK_mass_cancellation_items_job" FOREIGN KEY ("job_id") REFERENCES "mass_cancellation_jobs"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_mass_cancellation_items_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE)`);
    await q.query(`CREATE INDEX "IDX_mass_cancellation_items_pending" ON "mass_cancellation_items" ("job_id", "state")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['mass_cancellation_items', 'mass_cancellation_jobs', 'ics_feed_tokens', 'consultation_notification_sequences', 'notification_outbox']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
