import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booth's satisfaction survey and the staff's word on the call (issue 14).
 *
 * Anonymity: `survey_responses` holds the consultation type, the France Services site and the
 * administration, the answers and the DAY they were given, nothing else (no consultation, booth,
 * agent nor citizen), and only the SHA-256 of the one-time token the booth was given. A consultation
 * keeps only that a survey was opened for it, and which day (`survey_openings`, its primary key
 * refusing a second one). Nothing orders the responses (random ids, no sequence, no time finer
 * than the day), so a response can be tied to a consultation no better than "same site, type,
 * administration and day". What remains outside the application's reach: PostgreSQL's own
 * transaction ids and WAL until vacuum, and the HTTP logs (kept no longer than the audit log).
 *
 * `call_feedback`: the problems the agent and the facilitator met, one row per consultation and
 * author, its note erased with the citizen's data.
 */
export class Survey1795557000000 implements MigrationInterface {
  name = 'Survey1795557000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "survey_openings" (
      "consultation_id" uuid NOT NULL,
      "opened_on" date NOT NULL DEFAULT CURRENT_DATE,
      CONSTRAINT "PK_survey_openings" PRIMARY KEY ("consultation_id"),
      CONSTRAINT "FK_survey_openings_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE
    )`);
    await q.query(`CREATE TABLE "survey_responses" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "token_hash" text NOT NULL,
      "consultation_type_id" uuid,
      "msap_site_id" uuid NOT NULL,
      "administration_id" uuid NOT NULL,
      "satisfaction" text,
      "clarity" smallint,
      "sound" text,
      "image" text,
      "documents" text,
      "comment" text,
      "comment_erased_on" date,
      "created_on" date NOT NULL DEFAULT CURRENT_DATE,
      "updated_on" date NOT NULL DEFAULT CURRENT_DATE,
      CONSTRAINT "PK_survey_responses" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_survey_responses_token" UNIQUE ("token_hash"),
      CONSTRAINT "FK_survey_responses_type" FOREIGN KEY ("consultation_type_id") REFERENCES "consultation_types"("id") ON DELETE SET NULL,
      CONSTRAINT "FK_survey_responses_site" FOREIGN KEY ("msap_site_id") REFERENCES "msap_sites"("id"),
      CONSTRAINT "FK_survey_responses_administration" FOREIGN KEY ("administration_id") REFERENCES "administrations"("id"),
      CONSTRAINT "CHK_survey_responses_satisfaction" CHECK ("satisfaction" IN ('bad', 'medium', 'good')),
      CONSTRAINT "CHK_survey_responses_clarity" CHECK ("clarity" BETWEEN 1 AND 5),
      CONSTRAINT "CHK_survey_responses_sound" CHECK ("sound" IN ('bad', 'medium', 'good')),
      CONSTRAINT "CHK_survey_responses_image" CHECK ("image" IN ('bad', 'medium', 'good')),
      CONSTRAINT "CHK_survey_responses_documents" CHECK ("documents" IN ('bad', 'medium', 'good', 'not_concerned')),
      CONSTRAINT "CHK_survey_responses_comment" CHECK (char_length("comment") <= 500)
    )`);
    await q.query(`CREATE INDEX "IDX_survey_responses_site_day" ON "survey_responses" ("msap_site_id", "created_on")`);
    await q.query(`CREATE TABLE "call_feedback" (
      "id" uuid NOT NULL DEFAULT gen_random_uuid(),
      "consultation_id" uuid NOT NULL,
      "author_role" text NOT NULL,
      "user_id" uuid NOT NULL,
      "problems" text[] NOT NULL DEFAULT '{}',
      "note" text,
      "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_call_feedback" PRIMARY KEY ("id"),
      CONSTRAINT "UQ_call_feedback_author" UNIQUE ("consultation_id", "user_id"),
      CONSTRAINT "FK_call_feedback_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "FK_call_feedback_user" FOREIGN KEY ("user_id") REFERENCES "users"("id"),
      CONSTRAINT "CHK_call_feedback_role" CHECK ("author_role" IN ('agent', 'facilitator')),
      CONSTRAINT "CHK_call_feedback_problems" CHECK ("problems" <@ ARRAY['sound', 'image', 'cuts', 'documents', 'other']::text[]),
      CONSTRAINT "CHK_call_feedback_note" CHECK (char_length("note") <= 300)
    )`);
    await q.query(`ALTER TABLE "retention_runs" ADD "survey_comments_erased" integer NOT NULL DEFAULT 0`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "retention_runs" DROP COLUMN "survey_comments_erased"`);
    await q.query(`DROP TABLE "call_feedback"`);
    await q.query(`DROP TABLE "survey_responses"`);
    await q.query(`DROP TABLE "survey_openings"`);
  }
}
