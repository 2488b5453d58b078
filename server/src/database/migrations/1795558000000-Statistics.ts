import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What the statistics (issue 15) count from, where the existing rows did not say it.
 *
 * - `consultations.cancellation_cause`: why a consultation was cancelled, as a closed list the
 *   figures can group by (the reason itself is free text sent to the citizen, erased with their
 *   data). Old rows: a mass cancellation's items are `mass`, the citizen's link wrote its own
 *   fixed reason, every other one is `service`.
 * - `msap_sites.latitude/longitude` and `administrations.office_latitude/office_longitude`: where
 *   the booth is and where the citizen would have had to go, for the travel avoided. Optional: a
 *   consultation without both is counted apart, never guessed.
 * - `call_quality`: one row per consultation whose call was opened, written by the server while
 *   the call runs (who came when, reconnections, ICE restarts, audio-only fallback, why it failed
 *   to connect, the median of its round-trip time and loss samples). No address, user agent or
 *   name: anonymous facts about a call. `call_quality_samples` keeps the raw samples per
 *   participant's role; the retention sweep deletes them after the citizen-data limit, the
 *   summary stays with the consultation row.
 * - `stats_publications`: the départements whose coordinators chose to publish their aggregated
 *   results on the public page.
 */
export class Statistics1795558000000 implements MigrationInterface {
  name = 'Statistics1795558000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TYPE "cancellation_cause" AS ENUM ('citizen', 'agent_absence', 'site_closure', 'mass', 'service')`);
    await q.query(`ALTER TABLE "consultations" ADD "cancellation_cause" "cancellation_cause"`);
    await q.query(`UPDATE "consultations" c SET "cancellation_cause" = CASE
        WHEN EXISTS (SELECT 1 FROM "mass_cancellation_items" i WHERE i."consultation_id" = c."id" AND i."state" = 'cancelled') THEN 'mass'
        WHEN c."cancellation_reason" = 'Annulé par l’usager' THEN 'citizen'
        ELSE 'service' END::"cancellation_cause"
      WHERE c."status" = 'cancelled'`);
    await q.query(`ALTER TABLE "consultations" ADD CONSTRAINT "CHK_consultations_cancellation_cause"
      CHECK (("status" = 'cancelled') = ("cancellation_cause" IS NOT NULL))`);

    await q.query(`ALTER TABLE "msap_sites" ADD "latitude" double precision, ADD "longitude" double precision,
      ADD CONSTRAINT "CHK_msap_sites_position" CHECK (("latitude" IS NULL) = ("longitude" IS NULL)
        AND ("latitude" IS NULL OR ("latitude" BETWEEN -90 AND 90 AND "longitude" BETWEEN -180 AND 180)))`);
    await q.query(`ALTER TABLE "administrations" ADD "office_latitude" double precision, ADD "office_longitude" double precision,
      ADD CONSTRAINT "CHK_administrations_office_position" CHECK (("office_latitude" IS NULL) = ("office_longitude" IS NULL)
        AND ("office_latitude" IS NULL OR ("office_latitude" BETWEEN -90 AND 90 AND "office_longitude" BETWEEN -180 AND 180)))`);

    await q.query(`CREATE TABLE "call_quality" (
      "consultation_id" uuid NOT NULL,
      "booth_lobby_at" TIMESTAMP WITH TIME ZONE,
      "agent_joined_at" TIMESTAMP WITH TIME ZONE,
      "media_connected_at" TIMESTAMP WITH TIME ZONE,
      "first_frame_ms" integer,
      "joins" integer NOT NULL DEFAULT 0,
      "reconnections" integer NOT NULL DEFAULT 0,
      "ice_restarts" integer NOT NULL DEFAULT 0,
      "audio_only" boolean NOT NULL DEFAULT false,
      "connect_failure" text,
      "rtt_median_ms" real,
      "loss_median_pct" real,
      "samples" integer NOT NULL DEFAULT 0,
      "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_call_quality" PRIMARY KEY ("consultation_id"),
      CONSTRAINT "FK_call_quality_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_call_quality_failure" CHECK ("connect_failure" IN ('ice_failed', 'ice_timeout', 'dtls_failed', 'no_media', 'worker_died')),
      CONSTRAINT "CHK_call_quality_counts" CHECK ("joins" >= 0 AND "reconnections" >= 0 AND "ice_restarts" >= 0 AND "samples" >= 0
        AND ("first_frame_ms" IS NULL OR "first_frame_ms" >= 0))
    )`);
    await q.query(`CREATE TABLE "call_quality_samples" (
      "consultation_id" uuid NOT NULL,
      "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      "role" text NOT NULL,
      "rtt_ms" real,
      "loss_pct" real,
      "bitrate_kbps" real,
      CONSTRAINT "FK_call_quality_samples_consultation" FOREIGN KEY ("consultation_id") REFERENCES "consultations"("id") ON DELETE CASCADE,
      CONSTRAINT "CHK_call_quality_samples_role" CHECK ("role" IN ('booth', 'agent', 'facilitator'))
    )`);
    await q.query(`CREATE INDEX "IDX_call_quality_samples_consultation" ON "call_quality_samples" ("consultation_id", "at")`);
    await q.query(`CREATE INDEX "IDX_call_quality_samples_at" ON "call_quality_samples" ("at")`);

    await q.query(`CREATE TABLE "stats_publications" (
      "departement" character varying(3) NOT NULL,
      "published_by_id" uuid,
      "published_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
      CONSTRAINT "PK_stats_publications" PRIMARY KEY ("departement"),
      CONSTRAINT "FK_stats_publications_user" FOREIGN KEY ("published_by_id") REFERENCES "users"("id") ON DELETE SET NULL
    )`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE "stats_publications"`);
    await q.query(`DROP TABLE "call_quality_samples"`);
    await q.query(`DROP TABLE "call_quality"`);
    await q.query(`ALTER TABLE "administrations" DROP CONSTRAINT "CHK_administrations_office_position", DROP COLUMN "office_longitude", DROP COLUMN "office_latitude"`);
    await q.query(`ALTER TABLE "msap_sites" DROP CONSTRAINT "CHK_msap_sites_position", DROP COLUMN "longitude", DROP COLUMN "latitude"`);
    await q.query(`ALTER TABLE "consultations" DROP CONSTRAINT "CHK_consultations_cancellation_cause", DROP COLUMN "cancellation_cause"`);
    await q.query(`DROP TYPE "cancellation_cause"`);
  }
}
