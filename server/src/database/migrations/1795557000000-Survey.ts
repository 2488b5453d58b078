import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The booth's satisfaction survey and the staff's word on the call (issue 14).
 *
 * Anonymity. `survey_openings` says only that a consultation's survey was opened, and which day
 * (its primary key refuses a second one); it holds no token nor hash. `survey_responses` holds the
 * consultation type, the France Services site, the administration, the answers, the DAYS it was
 * created and last changed, and the SHA-256 of its token (unique: one response per token) — no
 * consultation, booth, agent nor citizen, and no key or constraint pointing to an opening. The two
 * are never written together: the opening is one statement of its own, which hands the booth a
 * token signed by the server (SURVEY_TOKEN_SECRET) that carries the type, site and administration;
 * the response is created by the first answer, in another transaction, from that verified token.
 * So no PostgreSQL transaction id (`xmin`) is shared by an opening and a response.
 *
 * What does NOT hold: a reader of the database can still link a response to the consultations of
 * the same site, type, administration and day, and within that group by insertion order (openings
 * and first answers come in the same order; rows' physical places and transaction ids show it).
 * In a small group (one consultation of a type at a site that day) this is identification by
 * elimination: it is inherent to keeping the type, site and administration that issue 14's
 * statistics ask for. Outside the database: the WAL until recycled, and the HTTP logs (survey
 * tokens and the opened consultation are redacted from logged URLs, but lines keep their times).
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
