import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Scheduling (issue 4): weekly availability, absences, opening hours, closures, consultation types,
 * citizen and cancellation fields on consultations, and the two exclusion constraints that make a
 * double booking of a booth or of an agent impossible whatever the code path.
 */
export class Scheduling1795441100000 implements MigrationInterface {
  name = 'Scheduling1795441100000';

  public async up(q: QueryRunner): Promise<void> {
    // Trusted extension (PostgreSQL 13+): the database owner may create it; needed for uuid WITH = in GiST.
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);

    await q.query(`CREATE TABLE "consultation_types" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "administration_id" uuid NOT NULL,
      "subject" text NOT NULL,
      "duration_minutes" smallint NOT NULL,
      "documents" text[] NOT NULL DEFAULT '{}',
      "active" boolean NOT NULL DEFAULT true,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "consultation_types_duration_range" CHECK ("duration_minutes" BETWEEN 5 AND 480),
      CONSTRAINT "PK_consultation_types" PRIMARY KEY ("id"),
      CONSTRAINT "FK_consultation_types_administration" FOREIGN KEY ("administration_id") REFERENCES "administrations"("id") ON DELETE RESTRICT)`);
    await q.query(`CREATE INDEX "IDX_consultation_types_administration" ON "consultation_types" ("administration_id")`);

    for (const [table, owner, ref] of [
      ['agent_availabilities', 'agent_id', 'agents'],
      ['msap_opening_hours', 'msap_site_id', 'msap_sites'],
    ] as const) {
      await q.query(`CREATE TABLE "${table}" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "${owner}" uuid NOT NULL,
        "weekday" smallint NOT NULL,
        "start_minute" smallint NOT NULL,
        "end_minute" smallint NOT NULL,
        CONSTRAINT "${table}_weekday_iso" CHECK ("weekday" BETWEEN 1 AND 7),
        CONSTRAINT "${table}_range_valid" CHECK ("start_minute" >= 0 AND "end_minute" <= 1440 AND "end_minute" > "start_minute"),
        CONSTRAINT "PK_${table}" PRIMARY KEY ("id"),
        CONSTRAINT "FK_${table}_owner" FOREIGN KEY ("${owner}") REFERENCES "${ref}"("id") ON DELETE CASCADE)`);
      await q.query(`CREATE INDEX "IDX_${table}_owner" ON "${table}" ("${owner}", "weekday")`);
    }

    for (const [table, owner, ref] of [
      ['agent_absences', 'agent_id', 'agents'],
      ['msap_closures', 'msap_site_id', 'msap_sites'],
    ] as const) {
      await q.query(`CREATE TABLE "${table}" (
        "id" uuid NOT NULL DEFAULT gen_random_uuid(),
        "${owner}" uuid NOT NULL,
        "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL,
        "reason" text NOT NULL DEFAULT '',
        "created_by_id" uuid,
        "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
        CONSTRAINT "${table}_interval_valid" CHECK ("ends_at" > "starts_at"),
        CONSTRAINT "PK_${table}" PRIMARY KEY ("id"),
        CONSTRAINT "FK_${table}_owner" FOREIGN KEY ("${owner}") REFERENCES "${ref}"("id") ON DELETE CASCADE,
        CONSTRAINT "FK_${table}_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL)`);
      await q.query(`CREATE INDEX "IDX_${table}_owner" ON "${table}" ("${owner}", "starts_at")`);
    }

    await q.query(`ALTER TABLE "consultations"
      ADD "consultation_type_id" uuid,
      ADD "citizen_name" text NOT NULL DEFAULT '',
      ADD "citizen_phone" text,
      ADD "citizen_email" text,
      ADD "cancellation_reason" text,
      ADD "cancelled_at" TIMESTAMP WITH TIME ZONE,
      ADD "created_by_id" uuid,
      ADD "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      ADD CONSTRAINT "FK_consultations_type" FOREIGN KEY ("consultation_type_id") REFERENCES "consultation_types"("id") ON DELETE RESTRICT,
      ADD CONSTRAINT "FK_consultations_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL`);
    // Half-open intervals: a consultation ending at 10:00 and one starting at 10:00 do not overlap.
    // Cancelled consultations free their slot; done and no-show ones keep it (they happened).
    await q.query(`ALTER TABLE "consultations" ADD CONSTRAINT "consultations_booth_no_overlap"
      EXCLUDE USING gist ("booth_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" <> 'cancelled')`);
    await q.query(`ALTER TABLE "consultations" ADD CONSTRAINT "consultations_agent_no_overlap"
      EXCLUDE USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&) WHERE ("status" <> 'cancelled')`);
    await q.query(`CREATE INDEX "IDX_consultations_administration_starts" ON "consultations" ("administration_id", "starts_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_consultations_administration_starts"`);
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "consultations_agent_no_overlap"`);
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "consultations_booth_no_overlap"`);
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "FK_consultations_created_by", DROP CONSTRAINT "FK_consultations_type",
      DROP COLUMN "updated_at", DROP COLUMN "created_by_id", DROP COLUMN "cancelled_at", DROP COLUMN "cancellation_reason",
      DROP COLUMN "citizen_email", DROP COLUMN "citizen_phone", DROP COLUMN "citizen_name", DROP COLUMN "consultation_type_id"`);
    for (const table of ['msap_closures', 'agent_absences', 'msap_opening_hours', 'agent_availabilities', 'consultation_types']) {
      await q.query(`DROP TABLE "${table}"`);
    }
  }
}
