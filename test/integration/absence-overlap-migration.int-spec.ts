import { DataSource } from 'typeorm';
import { MIGRATIONS } from '../../server/src/database/migrations';
import { AbsenceNoOverlap1795552000000 } from '../../server/src/database/migrations/1795552000000-AbsenceNoOverlap';
import { typeormOptions } from '../../server/src/database/typeorm-options';
import { createTestDatabase, TestDatabase } from '../support/database';

/**
 * The migration that forbids overlapping absences on a database that already holds some: each run
 * of overlapping absences of an agent becomes one, over their union, and nothing else moves.
 */
describe('migration AbsenceNoOverlap on absences stored before it', () => {
  let db: TestDatabase;
  let ds: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    const before = MIGRATIONS.filter((m) => m !== AbsenceNoOverlap1795552000000);
    ds = await new DataSource({ ...typeormOptions(db.url), migrations: before, logger: 'advanced-console', logging: false }).initialize();
    await ds.runMigrations();
  });
  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('merges overlapping absences per agent, keeps the rest, then refuses new overlaps', async () => {
    const [adm] = await ds.query(`INSERT INTO administrations (name, departement) VALUES ('DDFIP', '45') RETURNING id`);
    const agent = async (email: string) => {
      const [user] = await ds.query(`INSERT INTO users (email, display_name, role) VALUES ($1, $1, 'agent') RETURNING id`, [email]);
      const [row] = await ds.query(`INSERT INTO agents (user_id, administration_id) VALUES ($1, $2) RETURNING id`, [user.id, adm.id]);
      return row.id as string;
    };
    const [a, b] = [await agent('a@example.fr'), await agent('b@example.fr')];
    const absence = async (agentId: string, from: string, to: string, reason = '') =>
      (await ds.query(`INSERT INTO agent_absences (agent_id, starts_at, ends_at, reason) VALUES ($1, $2, $3, $4) RETURNING id`, [agentId, from, to, reason]))[0].id as string;
    // Agent a: 1–3 and 2–5 and 4–6 overlap in a chain (one run); 6–7 only touches it; 10–12 and a duplicate of it.
    const first = await absence(a, '2030-01-01T00:00Z', '2030-01-03T00:00Z', 'Formation');
    await absence(a, '2030-01-02T00:00Z', '2030-01-05T00:00Z', 'Congé');
    await absence(a, '2030-01-04T00:00Z', '2030-01-06T00:00Z', 'Formation');
    const touching = await absence(a, '2030-01-06T00:00Z', '2030-01-07T00:00Z');
    const tenth = await absence(a, '2030-01-10T00:00Z', '2030-01-12T00:00Z');
    await absence(a, '2030-01-10T00:00Z', '2030-01-12T00:00Z');
    // Agent b over the same days: another agent, untouched.
    const other = await absence(b, '2030-01-01T00:00Z', '2030-01-03T00:00Z', 'Maladie');

    const all = new DataSource({ ...typeormOptions(db.url), logger: 'advanced-console', logging: false });
    await all.initialize();
    try {
      await all.runMigrations();
      const rows = (await all.query(`SELECT id, agent_id, starts_at, ends_at, reason FROM agent_absences ORDER BY agent_id = $1 DESC, starts_at`, [a])) as Array<{
        id: string;
        starts_at: Date;
        ends_at: Date;
        reason: string;
      }>;
      expect(rows.map((r) => [r.id, r.starts_at.toISOString(), r.ends_at.toISOString(), r.reason])).toEqual([
        [first, '2030-01-01T00:00:00.000Z', '2030-01-06T00:00:00.000Z', 'Congé ; Formation'],
        [touching, '2030-01-06T00:00:00.000Z', '2030-01-07T00:00:00.000Z', ''],
        [tenth, '2030-01-10T00:00:00.000Z', '2030-01-12T00:00:00.000Z', ''],
        [other, '2030-01-01T00:00:00.000Z', '2030-01-03T00:00:00.000Z', 'Maladie'],
      ]);
      await expect(absenceIn(all, a, '2030-01-05T00:00Z', '2030-01-08T00:00Z')).rejects.toMatchObject({
        driverError: { code: '23P01', constraint: 'agent_absences_no_overlap' },
      });
      await absenceIn(all, b, '2030-01-03T00:00Z', '2030-01-04T00:00Z');
    } finally {
      await all.destroy();
    }
  });
});

const absenceIn = (ds: DataSource, agentId: string, from: string, to: string) =>
  ds.query(`INSERT INTO agent_absences (agent_id, starts_at, ends_at) VALUES ($1, $2, $3)`, [agentId, from, to]);
