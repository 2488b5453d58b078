import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Retention of what the first sweep missed (RGPD art. 5-1-e): when the free-text reason of an
 * agent's absence or an MSAP's closure and the message of a mass cancellation were erased, when a
 * long-disabled account was pseudonymised, partial indexes holding only what is still due, and
 * the new figures of each retention run.
 */
export class RetentionFreeTextAndAccounts1795510000000 implements MigrationInterface {
  name = 'RetentionFreeTextAndAccounts1795510000000';

  public async up(q: QueryRunner): Promise<void> {
    for (const table of ['agent_absences', 'msap_closures']) {
      await q.query(`ALTER TABLE "${table}" ADD "reason_erased_at" TIMESTAMP WITH TIME ZONE`);
      // An empty reason holds nothing to erase: it never enters the index.
      await q.query(`CREATE INDEX "IDX_${table}_retention_due" ON "${table}" ("ends_at")
        WHERE "reason_erased_at" IS NULL AND "reason" <> ''`);
    }
    await q.query(`ALTER TABLE "mass_cancellation_jobs" ADD "message_erased_at" TIMESTAMP WITH TIME ZONE`);
    await q.query(`CREATE INDEX "IDX_mass_cancellation_jobs_retention_due" ON "mass_cancellation_jobs" ("finished_at")
      WHERE "message_erased_at" IS NULL AND "finished_at" IS NOT NULL`);

    await q.query(`ALTER TABLE "users" ADD "pseudonymised_at" TIMESTAMP WITH TIME ZONE`);
    // NOTE: whatever the code path, a pseudonymised account stays disabled and holds no credential:
    // re-enabling it or giving it a password back is refused by the database.
    await q.query(`ALTER TABLE "users" ADD CONSTRAINT "users_pseudonymised_closed"
      CHECK ("pseudonymised_at" IS NULL OR ("disabled_at" IS NOT NULL AND "password_hash" IS NULL AND "oidc_subject" IS NULL))`);
    await q.query(`CREATE INDEX "IDX_users_retention_due" ON "users" ("disabled_at")
      WHERE "pseudonymised_at" IS NULL AND "disabled_at" IS NOT NULL`);

    await q.query(`ALTER TABLE "retention_runs"
      ADD "absence_reasons_erased" integer NOT NULL DEFAULT 0,
      ADD "closure_reasons_erased" integer NOT NULL DEFAULT 0,
      ADD "mass_cancellation_messages_erased" integer NOT NULL DEFAULT 0,
      ADD "accounts_pseudonymised" integer NOT NULL DEFAULT 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "retention_runs"
      DROP COLUMN "accounts_pseudonymised", DROP COLUMN "mass_cancellation_messages_erased",
      DROP COLUMN "closure_reasons_erased", DROP COLUMN "absence_reasons_erased"`);
    await q.query(`DROP INDEX "IDX_users_retention_due"`);
    await q.query(`ALTER TABLE "users" DROP CONSTRAINT "users_pseudonymised_closed"`);
    await q.query(`ALTER TABLE "users" DROP COLUMN "pseudonymised_at"`);
    await q.query(`DROP INDEX "IDX_mass_cancellation_jobs_retention_due"`);
    await q.query(`ALTER TABLE "mass_cancellation_jobs" DROP COLUMN "message_erased_at"`);
    for (const table of ['msap_closures', 'agent_absences']) {
      await q.query(`DROP INDEX "IDX_${table}_retention_due"`);
      await q.query(`ALTER TABLE "${table}" DROP COLUMN "reason_erased_at"`);
    }
  }
}
