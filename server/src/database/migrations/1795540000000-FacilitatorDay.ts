import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The facilitator's day: checklist templates (append-only versions per consultation type), the
 * support record of each consultation (checklist answers, presence, autonomy, equipment, themes,
 * notes) with per-field revisions so that two devices never overwrite each other silently, the
 * citizen's consents (kept as history: a revocation closes a row, never deletes it), the booth's
 * last pre-call check, who is in each call (shared by every instance for the desk), and the short
 * messages a facilitator sends an agent.
 */
export class FacilitatorDay1795540000000 implements MigrationInterface {
  name = 'FacilitatorDay1795540000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "checklist_templates" (
      "consultation_type_id" uuid NOT NULL,
      "version" integer NOT NULL,
      "theme" text NOT NULL,
      "items" jsonb NOT NULL,
      "created_by_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_checklist_templates" PRIMARY KEY ("consultation_type_id", "version"),
      CONSTRAINT "FK_checklist_templates_type" FOREIGN KEY ("consultation_type_id") REFERENCES "consultation_types"("id") ON DELETE RESTRICT,
      CONSTRAINT "FK_checklist_templates_creator" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "CHK_checklist_templates_version" CHECK ("version" >= 1),
      CONSTRAINT "CHK_checklist_templates_items" CHECK (jsonb_typeof("items") = 'array')
    )`);
    await q.query(`CREATE TABLE "consultation_support" (
      "consultation_id" uuid NOT NULL,
      "template_type_id" uuid,
      "template_version" integer,
      "answers" jsonb NOT NULL DEFAULT '{}',
      "facilitator_present" boolean,
      "autonomy" text,
      "equipment" text[] NOT NULL DEFAULT '{}',
      "themes" text[] NOT NULL DEFAULT '{}',
      "redirection" text,
      "notes" text NOT NULL DEFAULT '',
      "revision" integer NOT NULL DEFAULT 0,
      "field_revisions" jsonb NOT NULL DEFAULT '{}',
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_by_id" uuid,
      "notes_erased_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_consultation_support" PRIMARY KEY ("consultation_id"),
      CONSTRAINT "FK_consultation_support_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_consultation_support_template" FOREIGN KEY ("template_type_id", "template_version") REFERENCES "checklist_templates"("consultation_type_id", "version") ON DELETE RESTRICT,
      CONSTRAINT "FK_consultation_support_updater" FOREIGN KEY ("updated_by_id") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "CHK_consultation_support_notes" CHECK (char_length("notes") <= 2000),
      CONSTRAINT "CHK_consultation_support_autonomy" CHECK ("autonomy" IS NULL OR "autonomy" IN ('entierement_accompagne', 'partiellement_autonome', 'autonome'))
    )`);
    await q.query(`CREATE TABLE "consultation_consents" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "consultation_id" uuid NOT NULL,
      "kind" text NOT NULL,
      "text_version" text NOT NULL,
      "granted_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "collected_by_id" uuid,
      "collected_by_name" text NOT NULL,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      "revoked_by_name" text,
      CONSTRAINT "PK_consultation_consents" PRIMARY KEY ("id"),
      CONSTRAINT "FK_consultation_consents_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_consultation_consents_collector" FOREIGN KEY ("collected_by_id") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "CHK_consultation_consents_kind" CHECK ("kind" IN ('video', 'documents', 'facilitator_presence'))
    )`);
    // At most one standing consent of each kind per consultation.
    await q.query(`CREATE UNIQUE INDEX "UQ_consultation_consents_active" ON "consultation_consents" ("consultation_id", "kind") WHERE "revoked_at" IS NULL`);
    // The heartbeat of an open booth page (every 15 s), apart from last_seen_at (any request, throttled).
    await q.query(`ALTER TABLE "devices" ADD "last_check" jsonb, ADD "heartbeat_at" TIMESTAMP WITH TIME ZONE`);
    // One word for one thing: a booth's screen is named after its booth, not "Terminal <booth>".
    await q.query(`UPDATE "devices" d SET "label" = b."name" FROM "booths" b WHERE b."id" = d."booth_id" AND d."label" = 'Terminal ' || b."name"`);
    await q.query(`CREATE TABLE "call_presence" (
      "consultation_id" uuid NOT NULL,
      "participant_id" text NOT NULL,
      "role" text NOT NULL,
      "phase" text NOT NULL,
      "since" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "instance_id" uuid NOT NULL,
      "seen_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_call_presence" PRIMARY KEY ("consultation_id", "participant_id"),
      CONSTRAINT "FK_call_presence_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_call_presence_phase" CHECK ("phase" IN ('lobby', 'call'))
    )`);
    await q.query(`CREATE TABLE "desk_messages" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "consultation_id" uuid NOT NULL,
      "sender_id" uuid,
      "sender_name" text NOT NULL,
      "body" text NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_desk_messages" PRIMARY KEY ("id"),
      CONSTRAINT "FK_desk_messages_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_desk_messages_sender" FOREIGN KEY ("sender_id") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "CHK_desk_messages_body" CHECK (char_length("body") BETWEEN 1 AND 280)
    )`);
    await q.query(`CREATE INDEX "IDX_desk_messages_consultation" ON "desk_messages" ("consultation_id", "created_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "desk_messages"`);
    await q.query(`DROP TABLE "call_presence"`);
    await q.query(`ALTER TABLE "devices" DROP COLUMN "heartbeat_at", DROP COLUMN "last_check"`);
    await q.query(`DROP TABLE "consultation_consents"`);
    await q.query(`DROP TABLE "consultation_support"`);
    await q.query(`DROP TABLE "checklist_templates"`);
  }
}
