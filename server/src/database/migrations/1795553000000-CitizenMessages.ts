import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Messages a citizen can act on (issue 13): an MSAP's phone number (the SMS say who to call back),
 * and citizens who can get neither SMS nor e-mail kept in the outbox as calls to make (channel
 * `call`, status `to_call` until someone marks it `called`), never as messages marked sent.
 */
export class CitizenMessages1795553000000 implements MigrationInterface {
  name = 'CitizenMessages1795553000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "msap_sites" ADD "phone" text`);
    await q.query(`ALTER TABLE "notification_outbox"
      DROP CONSTRAINT "notification_outbox_channel",
      ADD CONSTRAINT "notification_outbox_channel" CHECK ("channel" IN ('sms', 'email', 'agent_email', 'call')),
      DROP CONSTRAINT "notification_outbox_status",
      ADD CONSTRAINT "notification_outbox_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed', 'to_call', 'called')),
      ADD CONSTRAINT "notification_outbox_call_status" CHECK (("channel" = 'call') = ("status" IN ('to_call', 'called'))),
      ADD "handled_at" TIMESTAMP WITH TIME ZONE,
      ADD "handled_by_id" uuid,
      ADD CONSTRAINT "FK_notification_outbox_handled_by" FOREIGN KEY ("handled_by_id") REFERENCES "users"("id") ON DELETE SET NULL`);
    // The list of citizens to call reads the calls still to make.
    await q.query(`CREATE INDEX "IDX_notification_outbox_to_call" ON "notification_outbox" ("consultation_id") WHERE "status" = 'to_call'`);
    // Retention blanks calls too, made or not, once their consultation is over.
    await q.query(`DROP INDEX "IDX_notification_outbox_retention_due"`);
    await q.query(`CREATE INDEX "IDX_notification_outbox_retention_due" ON "notification_outbox" ("updated_at")
      WHERE "erased_at" IS NULL AND "status" IN ('sent', 'failed', 'called', 'to_call')`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_notification_outbox_retention_due"`);
    await q.query(`CREATE INDEX "IDX_notification_outbox_retention_due" ON "notification_outbox" ("updated_at")
      WHERE "erased_at" IS NULL AND "status" IN ('sent', 'failed')`);
    await q.query(`DROP INDEX "IDX_notification_outbox_to_call"`);
    await q.query(`DELETE FROM "notification_outbox" WHERE "channel" = 'call'`);
    await q.query(`ALTER TABLE "notification_outbox"
      DROP CONSTRAINT "FK_notification_outbox_handled_by",
      DROP COLUMN "handled_by_id",
      DROP COLUMN "handled_at",
      DROP CONSTRAINT "notification_outbox_call_status",
      DROP CONSTRAINT "notification_outbox_status",
      ADD CONSTRAINT "notification_outbox_status" CHECK ("status" IN ('pending', 'sending', 'sent', 'failed')),
      DROP CONSTRAINT "notification_outbox_channel",
      ADD CONSTRAINT "notification_outbox_channel" CHECK ("channel" IN ('sms', 'email', 'agent_email'))`);
    await q.query(`ALTER TABLE "msap_sites" DROP COLUMN "phone"`);
  }
}
