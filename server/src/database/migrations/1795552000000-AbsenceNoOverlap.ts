import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An agent's absences never overlap: the database refuses a second one over the same time (a
 * duplicate, or a leave typed twice), whatever the code path, as it refuses double bookings.
 * Intervals are half-open, so an absence ending at noon and one starting at noon do not overlap.
 *
 * Absences stored before overlapped nothing by rule: those that do are merged first (per agent, each
 * run of overlapping ones becomes the first of them, the earliest declared among equal starts,
 * stretched over their union, the reasons joined), which changes no one's availability.
 */
export class AbsenceNoOverlap1795552000000 implements MigrationInterface {
  name = 'AbsenceNoOverlap1795552000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE EXTENSION IF NOT EXISTS btree_gist`);
    await q.query(`CREATE TEMPORARY TABLE "absence_runs" AS
      WITH ordered AS (
        SELECT id, agent_id, starts_at, ends_at, created_at, reason, reason_erased_at,
               max(ends_at) OVER (PARTITION BY agent_id ORDER BY starts_at, created_at, id ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach
          FROM agent_absences),
      numbered AS (
        SELECT *, sum(CASE WHEN reach IS NULL OR reach <= starts_at THEN 1 ELSE 0 END) OVER (PARTITION BY agent_id ORDER BY starts_at, created_at, id) AS run
          FROM ordered)
      SELECT (array_agg(id ORDER BY starts_at, created_at, id))[1] AS keep_id,
             array_agg(id) AS ids,
             min(starts_at) AS starts_at,
             max(ends_at) AS ends_at,
             coalesce(string_agg(DISTINCT nullif(reason, ''), ' ; '), '') AS reason,
             CASE WHEN bool_and(reason_erased_at IS NOT NULL OR reason = '') THEN max(reason_erased_at) END AS reason_erased_at
        FROM numbered GROUP BY agent_id, run HAVING count(*) > 1`);
    await q.query(`DELETE FROM agent_absences a USING absence_runs r WHERE a.id = ANY(r.ids) AND a.id <> r.keep_id`);
    await q.query(`UPDATE agent_absences a SET starts_at = r.starts_at, ends_at = r.ends_at, reason = r.reason, reason_erased_at = r.reason_erased_at
                     FROM absence_runs r WHERE a.id = r.keep_id`);
    await q.query(`DROP TABLE "absence_runs"`);
    await q.query(`ALTER TABLE "agent_absences" ADD CONSTRAINT "agent_absences_no_overlap"
      EXCLUDE USING gist ("agent_id" WITH =, tstzrange("starts_at", "ends_at", '[)') WITH &&)`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE "agent_absences" DROP CONSTRAINT "agent_absences_no_overlap"`);
  }
}
