import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Documents exchanged during a consultation and their files (one per photographed page, or the
 * PDF). A document's row outlives its files: once purged (retention) or deleted it keeps its
 * direction, status, rejection and counts for statistics, not its title nor its files.
 * The data key of each document is stored wrapped by a master key named by `key_id` (rotation).
 */
export class Documents1795530000000 implements MigrationInterface {
  name = 'Documents1795530000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "public"."document_status" AS ENUM('uploading', 'scanning', 'ready', 'rejected')`);
    await q.query(`CREATE TYPE "public"."document_direction" AS ENUM('to_agent', 'to_citizen')`);
    await q.query(`CREATE TABLE "documents" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "consultation_id" uuid NOT NULL,
      "direction" "public"."document_direction" NOT NULL,
      "sender_role" text NOT NULL,
      "sender_user_id" uuid,
      "sender_device_id" uuid,
      "sender_name" text NOT NULL,
      "title" text NOT NULL,
      "status" "public"."document_status" NOT NULL DEFAULT 'uploading',
      "rejection" text,
      "signature" text,
      "waiting" text,
      "pages" integer,
      "size_bytes" bigint NOT NULL DEFAULT 0,
      "key_id" text NOT NULL,
      "wrapped_key" bytea NOT NULL,
      "scan_attempts" integer NOT NULL DEFAULT 0,
      "check_failures" integer NOT NULL DEFAULT 0,
      "claim_token" uuid,
      "next_attempt_at" TIMESTAMP WITH TIME ZONE,
      "lease_until" TIMESTAMP WITH TIME ZONE,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "ready_at" TIMESTAMP WITH TIME ZONE,
      "deleted_at" TIMESTAMP WITH TIME ZONE,
      "purged_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_documents" PRIMARY KEY ("id"),
      CONSTRAINT "FK_documents_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_documents_sender_user" FOREIGN KEY ("sender_user_id") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "FK_documents_sender_device" FOREIGN KEY ("sender_device_id") REFERENCES "devices"("id") ON DELETE SET NULL,
      CONSTRAINT "CHK_documents_sender_role" CHECK ("sender_role" IN ('booth', 'agent', 'facilitator')),
      CONSTRAINT "CHK_documents_title_length" CHECK (char_length("title") BETWEEN 1 AND 200),
      CONSTRAINT "CHK_documents_rejection" CHECK (("status" = 'rejected') = ("rejection" IS NOT NULL)),
      CONSTRAINT "CHK_documents_pages" CHECK ("pages" IS NULL OR "pages" >= 1)
    )`);
    await q.query(`CREATE INDEX "IDX_documents_consultation" ON "documents" ("consultation_id", "created_at")`);
    // The processor's queue: documents waiting for their scan, oldest due first.
    await q.query(`CREATE INDEX "IDX_documents_scan_queue" ON "documents" ("next_attempt_at") WHERE "status" = 'scanning'`);
    await q.query(`CREATE TABLE "document_files" (
      "document_id" uuid NOT NULL,
      "position" smallint NOT NULL,
      "object_key" text NOT NULL,
      "original_name" text NOT NULL,
      "media_type" text NOT NULL,
      "size_bytes" bigint NOT NULL,
      "sha256" character(64) NOT NULL,
      "width" integer,
      "height" integer,
      CONSTRAINT "PK_document_files" PRIMARY KEY ("document_id", "position"),
      CONSTRAINT "FK_document_files_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_document_files_position" CHECK ("position" BETWEEN 1 AND 500),
      CONSTRAINT "CHK_document_files_media_type" CHECK ("media_type" IN ('image/jpeg', 'image/png', 'application/pdf')),
      CONSTRAINT "CHK_document_files_name_length" CHECK (char_length("original_name") BETWEEN 1 AND 200)
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "document_files"`);
    await q.query(`DROP TABLE "documents"`);
    await q.query(`DROP TYPE "public"."document_direction"`);
    await q.query(`DROP TYPE "public"."document_status"`);
  }
}
