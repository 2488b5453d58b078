import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Directory management: a booth can be retired instead of deleted (its consultations, terminals and
 * audit entries keep pointing at it). The database refuses, whatever the code path, to put a
 * scheduled consultation on a retired booth or to pair a terminal with one.
 */
export class BoothRetirement1795500000000 implements MigrationInterface {
  name = 'BoothRetirement1795500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "booths" ADD "retired_at" TIMESTAMP WITH TIME ZONE`);
    // NOTE: the booth row is read FOR KEY SHARE (the lock the foreign key check takes anyway): a
    // retirement holds the row FOR UPDATE while it checks that nothing is booked ahead, so a booking
    // or a pairing either commits before that check sees it, or waits and then sees the booth retired.
    // The row is matched by id alone so that the lock is taken and the newest retired_at is read.
    await q.query(`CREATE FUNCTION "booth_in_service"() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        retired timestamptz;
      BEGIN
        SELECT retired_at INTO retired FROM booths WHERE id = NEW.booth_id FOR KEY SHARE;
        IF retired IS NOT NULL THEN
          RAISE EXCEPTION 'booth % was retired on %', NEW.booth_id, retired
            USING ERRCODE = 'check_violation', CONSTRAINT = 'booth_in_service', TABLE = TG_TABLE_NAME;
        END IF;
        RETURN NEW;
      END $$`);
    await q.query(`CREATE TRIGGER "consultations_booth_in_service" BEFORE INSERT ON "consultations"
      FOR EACH ROW WHEN (NEW.status = 'scheduled') EXECUTE FUNCTION "booth_in_service"()`);
    // Cancelling or recording an outcome does not move a consultation: only a new booth or time is checked.
    await q.query(`CREATE TRIGGER "consultations_booth_in_service_move" BEFORE UPDATE OF "booth_id", "starts_at", "ends_at" ON "consultations"
      FOR EACH ROW WHEN (NEW.status = 'scheduled' AND (NEW.booth_id, NEW.starts_at, NEW.ends_at) IS DISTINCT FROM (OLD.booth_id, OLD.starts_at, OLD.ends_at))
      EXECUTE FUNCTION "booth_in_service"()`);
    await q.query(`CREATE TRIGGER "devices_booth_in_service" BEFORE INSERT OR UPDATE OF "booth_id" ON "devices"
      FOR EACH ROW EXECUTE FUNCTION "booth_in_service"()`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TRIGGER "devices_booth_in_service" ON "devices"`);
    await q.query(`DROP TRIGGER "consultations_booth_in_service_move" ON "consultations"`);
    await q.query(`DROP TRIGGER "consultations_booth_in_service" ON "consultations"`);
    await q.query(`DROP FUNCTION "booth_in_service"()`);
    await q.query(`ALTER TABLE "booths" DROP COLUMN "retired_at"`);
  }
}
