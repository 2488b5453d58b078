import request from 'supertest';
import { DataSource } from 'typeorm';

/** Inserts a consultation for a booth and an agent (scheduling comes with issue 4). */
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
