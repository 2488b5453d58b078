import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Failed login and pairing attempts, shared by every instance (the limiter was per process): one
 * row per key with the instants of its attempts inside the window. The key is a SHA-256 of the
 * e-mail or address, never the text an attacker typed, and a row is deleted once its window has
 * passed (last_attempt_at, indexed for that purge).
 */
export class FailedAttempts1795512000000 implements MigrationInterface {
  name = 'FailedAttempts1795512000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "failed_attempts" (
      "scope" text NOT NULL,
      "key_hash" bytea NOT NULL,
      "attempted_at" TIMESTAMP WITH TIME ZONE[] NOT NULL,
      "last_attempt_at" TIMESTAMP WITH TIME ZONE NOT NULL,
      CONSTRAINT "PK_failed_attempts" PRIMARY KEY ("scope", "key_hash"),
      CONSTRAINT "CHK_failed_attempts_scope" CHECK ("scope" IN ('account', 'ip', 'pairing')))`);
    await q.query(`CREATE INDEX "IDX_failed_attempts_last_attempt_at" ON "failed_attempts" ("last_attempt_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "failed_attempts"`);
  }
}
