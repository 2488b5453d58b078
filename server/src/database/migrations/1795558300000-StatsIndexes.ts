import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The statistics' consultations export (issue 15) reads a period's consultations in appointment
 * order through a cursor. Every index on consultations.starts_at had another column first (booth,
 * agent, administration), so a national period was read whole, joined, then sorted (333,000 rows
 * for a year of the benchmark: a sort spilled to disk before the first line was sent). With
 * (starts_at, id), the order of the file, the cursor streams from its first FETCH.
 *
 * The page's own queries keep their plans: a département's are served by (booth_id, starts_at),
 * a national period's read a third of the table or more, where a sequential scan is cheaper.
 * NOTE: a plain CREATE INDEX (migrations run in a transaction): it holds writes on consultations
 * for the time of the build, a few seconds per million rows.
 *
 * IDX_consultations_stats (later, same issue): the statistics page's national queries read a
 * period's consultations whole (a third of the table for a year), but only a few narrow columns.
 * Covering them, the period is read by an index-only scan of its own entries (~120 bytes each)
 * rather than a sequential scan of the whole table with its citizen columns: measured on the
 * benchmark (1,000,000 consultations, a national year), the totals, per-site and travel queries'
 * CPU fell from 700/660/430 ms to 590/380/80 ms. Its cost: ~120 MB per million consultations,
 * and updates of these columns (a call's start and end, a status) are no longer HOT updates.
 */
export class StatsIndexes1795558300000 implements MigrationInterface {
  name = 'StatsIndexes1795558300000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE INDEX "IDX_consultations_starts_at" ON "consultations" ("starts_at", "id")`);
    await q.query(
      `CREATE INDEX "IDX_consultations_stats" ON "consultations" ("starts_at")
         INCLUDE ("id", "booth_id", "administration_id", "status", "cancellation_cause", "created_at", "ends_at", "call_started_at", "call_ended_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "IDX_consultations_stats"`);
    await q.query(`DROP INDEX "IDX_consultations_starts_at"`);
  }
}
