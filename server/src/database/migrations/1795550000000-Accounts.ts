import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Accounts run from the UI: invitations and password resets by one-time links, and their e-mails
 * through the notification outbox.
 *
 * - account_tokens: one row per link sent, holding only a SHA-256 of the token; a link is used once
 *   (used_at), ends at expires_at, and is revoked (revoked_at) when a newer link is sent for the same
 *   account, when a password is set, or when the account is disabled.
 * - notification_outbox: a message is about a consultation (with its département, which scopes the
 *   coordinators' reading) or about an account (user_id, no département: only admins read it).
 * - failed_attempts: forgotten-password requests and link redemptions count in windows of their own,
 *   so that asking for a reset never locks anyone out of signing in.
 */
export class Accounts1795550000000 implements MigrationInterface {
  name = 'Accounts1795550000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "account_tokens" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "user_id" uuid NOT NULL,
      "purpose" text NOT NULL,
      "token_hash" text NOT NULL,
      "created_by_id" uuid,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      "used_at" TIMESTAMP WITH TIME ZONE,
      "revoked_at" TIMESTAMP WITH TIME ZONE,
      CONSTRAINT "PK_account_tokens" PRIMARY KEY ("id"),
      CONSTRAINT "account_tokens_purpose" CHECK ("purpose" IN ('invitation', 'password_reset')),
      CONSTRAINT "FK_account_tokens_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_account_tokens_created_by" FOREIGN KEY ("created_by_id") REFERENCES "users"("id") ON DELETE SET NULL)`);
    await q.query(`CREATE UNIQUE INDEX "IDX_account_tokens_hash" ON "account_tokens" ("token_hash")`);
    await q.query(`CREATE INDEX "IDX_account_tokens_user" ON "account_tokens" ("user_id", "created_at")`);

    await q.query(`ALTER TABLE "notification_outbox" ADD "user_id" uuid`);
    await q.query(`ALTER TABLE "notification_outbox" ALTER COLUMN "consultation_id" DROP NOT NULL`);
    await q.query(`ALTER TABLE "notification_outbox" ALTER COLUMN "departement" DROP NOT NULL`);
    await q.query(`ALTER TABLE "notification_outbox" ADD CONSTRAINT "FK_notification_outbox_user" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE`);
    await q.query(`ALTER TABLE "notification_outbox" ADD CONSTRAINT "notification_outbox_about" CHECK (
      ("consultation_id" IS NOT NULL AND "departement" IS NOT NULL AND "user_id" IS NULL)
      OR ("consultation_id" IS NULL AND "departement" IS NULL AND "user_id" IS NOT NULL))`);
    await q.query(`CREATE INDEX "IDX_notification_outbox_user" ON "notification_outbox" ("user_id") WHERE "user_id" IS NOT NULL`);

    await q.query(`ALTER TABLE "failed_attempts" DROP CONSTRAINT "CHK_failed_attempts_scope"`);
    await q.query(`ALTER TABLE "failed_attempts" ADD CONSTRAINT "CHK_failed_attempts_scope"
      CHECK ("scope" IN ('account', 'ip', 'pairing', 'reset_account', 'reset_ip'))`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DELETE FROM "failed_attempts" WHERE "scope" IN ('reset_account', 'reset_ip')`);
    await q.query(`ALTER TABLE "failed_attempts" DROP CONSTRAINT "CHK_failed_attempts_scope"`);
    await q.query(`ALTER TABLE "failed_attempts" ADD CONSTRAINT "CHK_failed_attempts_scope" CHECK ("scope" IN ('account', 'ip', 'pairing'))`);
    await q.query(`DELETE FROM "notification_outbox" WHERE "user_id" IS NOT NULL`);
    await q.query(`DROP INDEX "IDX_notification_outbox_user"`);
    await q.query(`ALTER TABLE "notification_outbox" DROP CONSTRAINT "notification_outbox_about"`);
    await q.query(`ALTER TABLE "notification_outbox" DROP CONSTRAINT "FK_notification_outbox_user"`);
    await q.query(`ALTER TABLE "notification_outbox" ALTER COLUMN "departement" SET NOT NULL`);
    await q.query(`ALTER TABLE "notification_outbox" ALTER COLUMN "consultation_id" SET NOT NULL`);
    await q.query(`ALTER TABLE "notification_outbox" DROP COLUMN "user_id"`);
    await q.query(`DROP TABLE "account_tokens"`);
  }
}
