import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The citizen's personal link and what it lets them ask for. A link is a random token whose SHA-256
 * only is kept (the token itself is in the message or on the printed slip, nowhere else), tied to one
 * consultation, expiring some days after it; a consultation may have several (its confirmation's,
 * one per printed slip). Callback requests hold the phone to call and a short note, both erased with
 * the citizen's data; at most one is open per consultation. Wrong links count against the caller's
 * address in failed_attempts, like wrong passwords.
 */
export class CitizenLinks1795554000000 implements MigrationInterface {
  name = 'CitizenLinks1795554000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "citizen_links" (
      "token_hash" text NOT NULL,
      "consultation_id" uuid NOT NULL,
      "purpose" text NOT NULL,
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_citizen_links" PRIMARY KEY ("token_hash"),
      CONSTRAINT "FK_citizen_links_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_citizen_links_purpose" CHECK ("purpose" IN ('booking', 'slip'))
    )`);
    await q.query(`CREATE INDEX "IDX_citizen_links_consultation" ON "citizen_links" ("consultation_id")`);
    await q.query(`CREATE TABLE "callback_requests" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "consultation_id" uuid NOT NULL,
      "phone" text,
      "note" text,
      "requested_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "handled_at" TIMESTAMP WITH TIME ZONE,
      "handled_by_id" uuid,
      "erased_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_callback_requests" PRIMARY KEY ("id"),
      CONSTRAINT "FK_callback_requests_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_callback_requests_handler" FOREIGN KEY ("handled_by_id") REFERENCES "users"("id") ON DELETE SET NULL,
      CONSTRAINT "CHK_callback_requests_note" CHECK (char_length("note") <= 300)
    )`);
    await q.query(`CREATE UNIQUE INDEX "UQ_callback_requests_open" ON "callback_requests" ("consultation_id") WHERE "handled_at" IS NULL`);
    await q.query(`CREATE INDEX "IDX_callback_requests_requested" ON "callback_requests" ("requested_at")`);
    await q.query(`ALTER TABLE "failed_attempts" DROP CONSTRAINT "CHK_failed_attempts_scope"`);
    await q.query(`ALTER TABLE "failed_attempts" ADD CONSTRAINT "CHK_failed_attempts_scope" CHECK ("scope" IN ('account', 'ip', 'pairing', 'reset_account', 'reset_ip', 'link'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "failed_attempts" WHERE "scope" = 'link'`);
    await q.query(`ALTER TABLE "failed_attempts" DROP CONSTRAINT "CHK_failed_attempts_scope"`);
    await q.query(`ALTER TABLE "failed_attempts" ADD CONSTRAINT "CHK_failed_attempts_scope" CHECK ("scope" IN ('account', 'ip', 'pairing', 'reset_account', 'reset_ip'))`);
    await q.query(`DROP TABLE "callback_requests"`);
    await q.query(`DROP TABLE "citizen_links"`);
  }
}
