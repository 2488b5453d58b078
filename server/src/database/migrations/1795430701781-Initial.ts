import { MigrationInterface, QueryRunner } from "typeorm";

export class Initial1795430701781 implements MigrationInterface {
    name = 'Initial1795430701781'

    public async up(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`CREATE TABLE "audit_events" ("id" bigint GENERATED ALWAYS AS IDENTITY NOT NULL, "at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "action" text NOT NULL, "actor_user_id" uuid, "actor_device_id" uuid, "subject_type" text, "subject_id" text, "ip" inet, "details" jsonb NOT NULL DEFAULT '{}'::jsonb, CONSTRAINT "PK_910f64d901a5c3e9878f0d4a407" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_3648e11676f1929b9875ee272b" ON "audit_events" ("at") `);
        await queryRunner.query(`CREATE INDEX "IDX_68d908019304f757740bc47a0a" ON "audit_events" ("action") `);
        await queryRunner.query(`CREATE TABLE "booths" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "msap_site_id" uuid NOT NULL, "name" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_13c9749e8a08d40cc3257ef7360" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_557381d2b3988da74e5bace764" ON "booths" ("msap_site_id", "name") `);
        await queryRunner.query(`CREATE TABLE "msap_sites" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "address" text NOT NULL, "postal_code" character varying(5) NOT NULL, "city" text NOT NULL, "departement" character varying(3) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_5de444f42c4e5592a6d729e2f69" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."user_role" AS ENUM('admin', 'coordinator', 'agent', 'facilitator')`);
        await queryRunner.query(`CREATE TABLE "users" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "email" text NOT NULL, "display_name" text NOT NULL, "password_hash" text, "role" "public"."user_role" NOT NULL, "departement" character varying(3), "msap_site_id" uuid, "oidc_subject" text, "disabled_at" TIMESTAMP WITH TIME ZONE, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "updated_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "users_email_lowercase" CHECK ("email" = lower("email")), CONSTRAINT "PK_a3ffb1c0c8416b9fc6f907b7433" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_97672ac88f789774dd47f7c8be" ON "users" ("email") `);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_00cd8589872c3fd7162ed747f5" ON "users" ("oidc_subject") WHERE "oidc_subject" IS NOT NULL`);
        await queryRunner.query(`CREATE TABLE "sessions" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "token_hash" text NOT NULL, "user_id" uuid NOT NULL, "csrf_token" text NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "revoked_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_3238ef96f18b355b671619111bc" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_abaa9e068cdd390bc5210f7988" ON "sessions" ("token_hash") `);
        await queryRunner.query(`CREATE INDEX "IDX_9cfe37d28c3b229a350e086d94" ON "sessions" ("expires_at") `);
        await queryRunner.query(`CREATE TABLE "administrations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "name" text NOT NULL, "departement" character varying(3) NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "PK_12da45c1c01beca2a84ee9e47e1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TABLE "agents" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "user_id" uuid NOT NULL, "administration_id" uuid NOT NULL, "title" text NOT NULL DEFAULT '', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "UQ_57ee94c84a8e570e362af59dcea" UNIQUE ("user_id"), CONSTRAINT "REL_57ee94c84a8e570e362af59dce" UNIQUE ("user_id"), CONSTRAINT "PK_9c653f28ae19c5884d5baf6a1d9" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE TYPE "public"."consultation_status" AS ENUM('scheduled', 'cancelled', 'done', 'no_show')`);
        await queryRunner.query(`CREATE TABLE "consultations" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booth_id" uuid NOT NULL, "agent_id" uuid NOT NULL, "administration_id" uuid NOT NULL, "starts_at" TIMESTAMP WITH TIME ZONE NOT NULL, "ends_at" TIMESTAMP WITH TIME ZONE NOT NULL, "status" "public"."consultation_status" NOT NULL DEFAULT 'scheduled', "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT "consultations_interval_valid" CHECK ("ends_at" > "starts_at"), CONSTRAINT "PK_c5b78e9424d9bc68464f6a12103" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE INDEX "IDX_1e17a09d71be0ef9cb5fad8e30" ON "consultations" ("agent_id", "starts_at") `);
        await queryRunner.query(`CREATE INDEX "IDX_8fad4f7e9c88051518a3f9dd5e" ON "consultations" ("booth_id", "starts_at") `);
        await queryRunner.query(`CREATE TABLE "devices" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booth_id" uuid NOT NULL, "label" text NOT NULL, "token_hash" text NOT NULL, "csrf_token" text NOT NULL, "paired_by_id" uuid, "paired_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "last_seen_at" TIMESTAMP WITH TIME ZONE, "revoked_at" TIMESTAMP WITH TIME ZONE, "revoked_by_id" uuid, CONSTRAINT "PK_b1514758245c12daf43486dd1f0" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_26e12813565b42b2a5d82ad2a4" ON "devices" ("token_hash") `);
        await queryRunner.query(`CREATE TABLE "pairing_codes" ("id" uuid NOT NULL DEFAULT gen_random_uuid(), "booth_id" uuid NOT NULL, "code_hash" text NOT NULL, "created_by_id" uuid NOT NULL, "created_at" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), "expires_at" TIMESTAMP WITH TIME ZONE NOT NULL, "used_at" TIMESTAMP WITH TIME ZONE, CONSTRAINT "PK_08509f00aaa786863d624b68fb1" PRIMARY KEY ("id"))`);
        await queryRunner.query(`CREATE UNIQUE INDEX "IDX_d464958c8d698ca0419aaf475b" ON "pairing_codes" ("code_hash") `);
        await queryRunner.query(`ALTER TABLE "booths" ADD CONSTRAINT "FK_5b3b58af9d55bf2f85d80c80053" FOREIGN KEY ("msap_site_id") REFERENCES "msap_sites"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "users" ADD CONSTRAINT "FK_11e241f792ae7dd21b45597965d" FOREIGN KEY ("msap_site_id") REFERENCES "msap_sites"("id") ON DELETE SET NULL ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "sessions" ADD CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agents" ADD CONSTRAINT "FK_57ee94c84a8e570e362af59dcea" FOREIGN KEY ("user_id") REFERENCES "users"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "agents" ADD CONSTRAINT "FK_fc72b6987583e5855f9a5e667eb" FOREIGN KEY ("administration_id") REFERENCES "administrations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consultations" ADD CONSTRAINT "FK_c1e4d43cf490a0fbd9fe3e929df" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consultations" ADD CONSTRAINT "FK_a6a66383d034c46028edc21c411" FOREIGN KEY ("agent_id") REFERENCES "agents"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "consultations" ADD CONSTRAINT "FK_c3ec3b6c03d81ecbcc3d85c2d41" FOREIGN KEY ("administration_id") REFERENCES "administrations"("id") ON DELETE RESTRICT ON UPDATE NO ACTION`);
        await queryRunner.query(`ALTER TABLE "devices" ADD CONSTRAINT "FK_a4ad1ac0469f29bc93b799deaaf" FOREIGN KEY ("booth_id") REFERENCES "booths"("id") ON DELETE CASCADE ON UPDATE NO ACTION`);
    }

    public async down(queryRunner: QueryRunner): Promise<void> {
        await queryRunner.query(`ALTER TABLE "devices" DROP CONSTRAINT "FK_a4ad1ac0469f29bc93b799deaaf"`);
        await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "FK_c3ec3b6c03d81ecbcc3d85c2d41"`);
        await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "FK_a6a66383d034c46028edc21c411"`);
        await queryRunner.query(`ALTER TABLE "consultations" DROP CONSTRAINT "FK_c1e4d43cf490a0fbd9fe3e929df"`);
        await queryRunner.query(`ALTER TABLE "agents" DROP CONSTRAINT "FK_fc72b6987583e5855f9a5e667eb"`);
        await queryRunner.query(`ALTER TABLE "agents" DROP CONSTRAINT "FK_57ee94c84a8e570e362af59dcea"`);
        await queryRunner.query(`ALTER TABLE "sessions" DROP CONSTRAINT "FK_085d540d9f418cfbdc7bd55bb19"`);
        await queryRunner.query(`ALTER TABLE "users" DROP CONSTRAINT "FK_11e241f792ae7dd21b45597965d"`);
        await queryRunner.query(`ALTER TABLE "booths" DROP CONSTRAINT "FK_5b3b58af9d55bf2f85d80c80053"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_d464958c8d698ca0419aaf475b"`);
        await queryRunner.query(`DROP TABLE "pairing_codes"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_26e12813565b42b2a5d82ad2a4"`);
        await queryRunner.query(`DROP TABLE "devices"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_8fad4f7e9c88051518a3f9dd5e"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_1e17a09d71be0ef9cb5fad8e30"`);
        await queryRunner.query(`DROP TABLE "consultations"`);
        await queryRunner.query(`DROP TYPE "public"."consultation_status"`);
        await queryRunner.query(`DROP TABLE "agents"`);
        await queryRunner.query(`DROP TABLE "administrations"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_9cfe37d28c3b229a350e086d94"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_abaa9e068cdd390bc5210f7988"`);
        await queryRunner.query(`DROP TABLE "sessions"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_00cd8589872c3fd7162ed747f5"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_97672ac88f789774dd47f7c8be"`);
        await queryRunner.query(`DROP TABLE "users"`);
        await queryRunner.query(`DROP TYPE "public"."user_role"`);
        await queryRunner.query(`DROP TABLE "msap_sites"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_557381d2b3988da74e5bace764"`);
        await queryRunner.query(`DROP TABLE "booths"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_68d908019304f757740bc47a0a"`);
        await queryRunner.query(`DROP INDEX "public"."IDX_3648e11676f1929b9875ee272b"`);
        await queryRunner.query(`DROP TABLE "audit_events"`);
    }

}
