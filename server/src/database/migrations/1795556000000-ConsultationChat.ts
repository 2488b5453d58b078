import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The chat of a consultation's call (issue 14): text between booth, agent and facilitator, kept
 * with the consultation and deleted with its citizen's data by the retention sweep. A message is
 * stored once per sender and client id, so a resend after a reconnection finds the first copy.
 */
export class ConsultationChat1795556000000 implements MigrationInterface {
  name = 'ConsultationChat1795556000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "consultation_chat_messages" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "consultation_id" uuid NOT NULL,
      "sender_id" text NOT NULL,
      "client_id" uuid NOT NULL,
      "sender_role" text NOT NULL,
      "sender_name" text NOT NULL,
      "text" text NOT NULL,
      "sent_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_consultation_chat_messages" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_consultation_chat_messages_client" UNIQUE ("consultation_id", "sender_id", "client_id"),
      CONSTRAINT "consultation_chat_messages_role" CHECK ("sender_role" IN ('booth', 'agent', 'facilitator')),
      CONSTRAINT "consultation_chat_messages_text" CHECK (char_length("text") BETWEEN 1 AND 1000),
      CONSTRAINT "FK_consultation_chat_messages_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE
    )`);
    // The history is read in order for one consultation; the unique constraint's index leads with it.
    await q.query(`CREATE INDEX "IDX_consultation_chat_messages_history" ON "consultation_chat_messages" ("consultation_id", "sent_at")`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "consultation_chat_messages"`);
  }
}
