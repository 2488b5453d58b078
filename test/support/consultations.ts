import request from 'supertest';
import { DataSource } from 'typeorm';

/**
 * Inserts a consultation for a booth and an agent around now, bypassing availability rules (call
 * tests need a consultation open right now). The exclusion constraints forbid two live consultations
 * of one booth or agent at once: the newest wins, overlapping ones of that booth or agent are cancelled.
 */
export async function createConsultation(
  dataSource: DataSource,
  boothId: string,
  agentUserEmail: string,
  startOffsetMinutes = -5,
  durationMinutes = 30,
): Promise<string> {
  const [agent] = await dataSource.query(
    `SELECT a.id, a.administration_id FROM agents a JOIN users u ON u.id = a.user_id WHERE u.email = $1`,
    [agentUserEmail],
  );
  await dataSource.query(
    `UPDATE consultations SET status = 'cancelled', cancellation_cause = 'service', cancellation_reason = 'test: replaced', cancelled_at = now()
      WHERE status <> 'cancelled' AND (booth_id = $1 OR agent_id = $2)
        AND starts_at < now() + make_interval(mins => $3::int + $4::int) AND ends_at > now() + make_interval(mins => $3::int)`,
    [boothId, agent.id, startOffsetMinutes, durationMinutes],
  );
  const [row] = await dataSource.query(
    `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at)
     VALUES ($1, $2, $3, now() + make_interval(mins => $4), now() + make_interval(mins => $4 + $5)) RETURNING id`,
    [boothId, agent.id, agent.administration_id, startOffsetMinutes, durationMinutes],
  );
  return row.id as string;
}

/** Signs in and returns the session cookie as a Cookie header value. */
export async function sessionCookie(baseUrl: string, email: string, password: string): Promise<string> {
  const res = await request(baseUrl).post('/api/auth/login').send({ email, password }).expect(200);
  return String(res.headers['set-cookie']).split(';')[0]!;
}
