import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A document the agent sends can also go to the citizen's e-mail, when they gave an address and
 * agreed: the document remembers it was asked, and the outbox row carries the document to attach
 * (read when the message leaves, so a document deleted or purged meanwhile is not sent). Each copy
 * is its own message: its revision comes from a sequence.
 */
export class DocumentEmailCopy1795531000000 implements MigrationInterface {
  name = 'DocumentEmailCopy1795531000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "documents" ADD "email_copy" boolean NOT NULL DEFAULT false`);
    await q.query(`ALTER TABLE "notification_outbox" ADD "document_id" uuid,
      ADD CONSTRAINT "FK_notification_outbox_document" FOREIGN KEY ("document_id") REFERENCES "documents"("id") ON DELETE SET NULL`);
    await q.query(`CREATE SEQUENCE "document_copy_revisions" AS integer`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP SEQUENCE "document_copy_revisions"`);
    await q.query(`ALTER TABLE "notification_outbox" DROP CONSTRAINT "FK_notification_outbox_document", DROP COLUMN "document_id"`);
    await q.query(`ALTER TABLE "documents" DROP COLUMN "email_copy"`);
  }
}
