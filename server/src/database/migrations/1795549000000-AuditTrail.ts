import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An audit trail people can use: each row names the HTTP request that made it (to join it to the
 * logs), is found by actor, subject and period, and cannot be altered through the application — the
 * database refuses UPDATE, and DELETE of a row younger than the shortest retention the settings allow
 * (AUDIT_RETENTION_DAYS ≥ 30), so only the retention sweep removes rows, and only old ones.
 */
export class AuditTrail1795549000000 implements MigrationInterface {
  name = 'AuditTrail1795549000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "audit_events" ADD "request_id" text`);
    await q.query(`CREATE INDEX "IDX_audit_events_actor" ON "audit_events" ("actor_user_id", "id")`);
    await q.query(`CREATE INDEX "IDX_audit_events_subject" ON "audit_events" ("subject_id", "id")`);
    await q.query(`CREATE FUNCTION audit_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP IN ('UPDATE', 'TRUNCATE') THEN
          RAISE EXCEPTION 'audit_events rows cannot be changed' USING ERRCODE = 'insufficient_privilege';
        END IF;
        IF OLD.at > now() - interval '30 days' THEN
          RAISE EXCEPTION 'audit_events rows younger than 30 days cannot be deleted' USING ERRCODE = 'insufficient_privilege';
        END IF;
        RETURN OLD;
      END $$`);
    await q.query(`CREATE TRIGGER "audit_events_append_only" BEFORE UPDATE OR DELETE ON "audit_events"
      FOR EACH ROW EXECUTE FUNCTION audit_events_append_only()`);
    await q.query(`CREATE TRIGGER "audit_events_no_truncate" BEFORE TRUNCATE ON "audit_events"
      FOR EACH STATEMENT EXECUTE FUNCTION audit_events_append_only()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "audit_events_no_truncate" ON "audit_events"`);
    await q.query(`DROP TRIGGER "audit_events_append_only" ON "audit_events"`);
    await q.query(`DROP FUNCTION audit_events_append_only()`);
    await q.query(`DROP INDEX "IDX_audit_events_subject"`);
    await q.query(`DROP INDEX "IDX_audit_events_actor"`);
    await q.query(`ALTER TABLE "audit_events" DROP COLUMN "request_id"`);
  }
}
