import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A consultation follows its call: 'in_progress' once the agent admits someone, 'ended' once the
 * call is over and until the agent records what happened ('done' held, 'no_show' citizen absent),
 * with a short note. The call's real start and end are kept for punctuality and duration figures.
 * NOTE: ALTER TYPE … ADD VALUE may run inside a transaction (PostgreSQL ≥ 12) as long as the new
 * values are not used in it; nothing here uses them.
 */
export class ConsultationLifecycle1795520000000 implements MigrationInterface {
  name = 'ConsultationLifecycle1795520000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TYPE "public"."consultation_status" ADD VALUE IF NOT EXISTS 'in_progress' AFTER 'scheduled'`);
    await q.query(`ALTER TYPE "public"."consultation_status" ADD VALUE IF NOT EXISTS 'ended' AFTER 'in_progress'`);
    await q.query(`ALTER TABLE "consultations"
      ADD "call_started_at" TIMESTAMP WITH TIME ZONE,
      ADD "call_ended_at" TIMESTAMP WITH TIME ZONE,
      ADD "outcome_note" text,
      ADD "outcome_recorded_at" TIMESTAMP WITH TIME ZONE,
      ADD CONSTRAINT "CHK_consultations_outcome_note_length" CHECK (char_length("outcome_note") <= 1000)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "CHK_consultations_outcome_note_length",
      DROP COLUMN "outcome_recorded_at", DROP COLUMN "outcome_note", DROP COLUMN "call_ended_at", DROP COLUMN "call_started_at"`);
    // PostgreSQL cannot drop enum values: rows in the new states go back to the nearest old one.
    await q.query(`UPDATE "consultations" SET "status" = 'scheduled' WHERE "status"::text = 'in_progress'`);
    await q.query(`UPDATE "consultations" SET "status" = 'done' WHERE "status"::text = 'ended'`);
  }
}
