import { createHash } from 'node:crypto';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';

// Two servers on one database, as behind a load balancer: the failed-attempt windows live in
// PostgreSQL (failed_attempts), so the limit is the same whichever instance answers.
const ENV = { LOGIN_RATE_LIMIT: '3', LOGIN_RATE_WINDOW_SECONDS: '60' };
const AGENT = { email: 'agent@demo.visio-msap.fr', password: 'demo-agent-2026' };

function login(t: TestApp, email: string, password: string) {
  return request(t.baseUrl).post('/api/auth/login').send({ email, password });
}

describe('login rate limit shared by the instances', () => {
  let db: TestDatabase;
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    db = await createTestDatabase();
    first = await startTestApp(ENV, { database: db });
    second = await startTestApp(ENV, { database: db });
  });
  afterAll(async () => {
    await second?.close();
    await first?.close();
    await db?.drop();
  });
  // Every test starts from empty windows (all requests come from 127.0.0.1: one address key).
  beforeEach(() => first.dataSource.query('DELETE FROM failed_attempts'));

  /** Moves every recorded attempt of the table back in time, as if they had been made earlier. */
  async function age(seconds: number, where = 'true'): Promise<void> {
    await first.dataSource.query(
      `UPDATE failed_attempts SET attempted_at = ARRAY(SELECT a - make_interval(secs => $1) FROM unnest(attempted_at) a),
                                  last_attempt_at = last_attempt_at - make_interval(secs => $1)
        WHERE ${where}`,
      [seconds],
    );
  }

  it('concurrent wrong passwords spread over two instances get exactly the limit of tries, not twice it', async () => {
    const email = 'target@example.fr';
    const answers = await Promise.all(
      Array.from({ length: 10 }, (_, i) => login(i % 2 === 0 ? first : second, email, `guess-${i}`)),
    );
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses.filter((s) => s === 401)).toHaveLength(3);
    expect(statuses.filter((s) => s === 429)).toHaveLength(7);
    // Both instances refuse, the right password too.
    for (const t of [first, second]) {
      const res = await login(t, email, 'still-wrong');
      expect(res.status).toBe(429);
      expect(res.body.code).toBe('RATE_LIMITED');
    }
  });

  it('failures on one instance block the account on the other, right password included', async () => {
    for (let i = 0; i < 3; i++) expect((await login(first, AGENT.email, 'wrong')).status).toBe(401);
    const blocked = await login(second, AGENT.email, AGENT.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.code).toBe('RATE_LIMITED');
  });

  it('Retry-After counts from the oldest failure in the window, on either instance', async () => {
    const email = 'retry@example.fr';
    for (let i = 0; i < 3; i++) expect((await login(first, email, 'wrong')).status).toBe(401);
    const fresh = await login(second, email, 'wrong');
    expect(fresh.status).toBe(429);
    expect(Number(fresh.headers['retry-after'])).toBeGreaterThanOrEqual(58);
    expect(Number(fresh.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(fresh.body.message).toContain(`${fresh.headers['retry-after']} s`);

    // The failures made 50, 20 and 10 seconds ago: the first one leaves the window in 10 s.
    await first.dataSource.query(
      `UPDATE failed_attempts
          SET attempted_at = ARRAY[now() - interval '50 seconds', now() - interval '20 seconds', now() - interval '10 seconds']
        WHERE scope = 'account'`,
    );
    const later = await login(first, email, 'wrong');
    expect(later.status).toBe(429);
    expect([9, 10]).toContain(Number(later.headers['retry-after']));

    // Once it has left the window, one more try is allowed, and only one.
    await age(11);
    expect((await login(second, email, 'wrong')).status).toBe(401);
    expect((await login(first, email, 'wrong')).status).toBe(429);
  });

  it('a right password resets the account (not the address) and does not count as a failure', async () => {
    const email = 'coordination@demo.visio-msap.fr';
    for (let i = 0; i < 2; i++) expect((await login(first, email, 'wrong')).status).toBe(401);
    await login(second, email, 'demo-coord-2026').expect(200);
    const rows: Array<{ scope: string; attempts: number }> = await first.dataSource.query(
      `SELECT scope, cardinality(attempted_at) AS attempts FROM failed_attempts ORDER BY scope`,
    );
    expect(rows).toEqual([{ scope: 'ip', attempts: 2 }]);
    // The account has its full allowance again: three more failures before a refusal.
    for (let i = 0; i < 3; i++) expect((await login(i % 2 ? first : second, email, 'wrong')).status).toBe(401);
    expect((await login(first, email, 'wrong')).status).toBe(429);
  });

  it('a refused attempt does not count: the other key keeps its room', async () => {
    const email = 'refused@example.fr';
    for (let i = 0; i < 3; i++) await login(first, email, 'wrong').expect(401);
    for (let i = 0; i < 5; i++) await login(second, email, 'wrong').expect(429);
    const [ip] = await first.dataSource.query(`SELECT cardinality(attempted_at) AS attempts FROM failed_attempts WHERE scope = 'ip'`);
    expect(ip.attempts).toBe(3);
  });

  it('the address limit (ten times the account limit) holds across instances for guesses over many accounts', async () => {
    for (let i = 0; i < 30; i++) await login(i % 2 ? first : second, `guess${i}@example.fr`, 'x').expect(401);
    const res = await login(first, AGENT.email, AGENT.password);
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('keys are stored as SHA-256, never as typed, and expired windows are purged by later attempts', async () => {
    const email = 'someone.private@example.fr';
    await login(first, email, 'wrong').expect(401);
    const rows: Array<{ scope: string; key_hash: Buffer }> = await first.dataSource.query(`SELECT scope, key_hash FROM failed_attempts`);
    const account = rows.find((r) => r.scope === 'account')!;
    expect(account.key_hash.equals(createHash('sha256').update(email).digest())).toBe(true);
    // The address key is the hash of the address as counted (IPv4, not its ::ffff: mapped form).
    const address = rows.find((r) => r.scope === 'ip')!;
    expect(address.key_hash.equals(createHash('sha256').update('127.0.0.1').digest())).toBe(true);

    await age(61, `scope = 'account'`);
    await login(second, 'other@example.fr', 'wrong').expect(401);
    const left: Array<{ key_hash: Buffer }> = await first.dataSource.query(`SELECT key_hash FROM failed_attempts WHERE scope = 'account'`);
    expect(left).toHaveLength(1);
    expect(left[0]!.key_hash.equals(account.key_hash)).toBe(false);
  });

  it('wrong pairing codes are limited per address across instances', async () => {
    for (let i = 0; i < 3; i++) {
      const res = await request((i % 2 ? first : second).baseUrl).post('/api/devices/pair').send({ code: '0000000' + i });
      expect(res.body.code).toBe('PAIRING_CODE_INVALID');
    }
    const res = await request(first.baseUrl).post('/api/devices/pair').send({ code: '00000009' });
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('behind one proxy (TRUST_PROXY=1), a forged X-Forwarded-For gives no fresh window, nor does another address of the same IPv6 /64', async () => {
    const proxied = await startTestApp({ ...ENV, TRUST_PROXY: '1' }, { database: db });
    try {
      // The proxy appends the address it saw; what the client wrote comes before it.
      const pair = (forged: string, seen: string) =>
        request(proxied.baseUrl).post('/api/devices/pair').set('X-Forwarded-For', `${forged}, ${seen}`).send({ code: '00000000' });
      for (let i = 0; i < 3; i++) expect((await pair(`198.51.100.${i}`, '203.0.113.9')).body.code).toBe('PAIRING_CODE_INVALID');
      expect((await pair('198.51.100.99', '203.0.113.9')).status).toBe(429);
      for (let i = 1; i <= 3; i++) expect((await pair('198.51.100.1', `2001:db8:1:2::${i}`)).body.code).toBe('PAIRING_CODE_INVALID');
      expect((await pair('198.51.100.1', '2001:db8:1:2:ffff::4')).status).toBe(429);
      // Another /64 is another subscriber.
      expect((await pair('198.51.100.1', '2001:db8:1:3::1')).body.code).toBe('PAIRING_CODE_INVALID');
    } finally {
      await proxied.close();
    }
  });

  it('the windows survive a restart of both instances', async () => {
    const email = 'restart@example.fr';
    for (let i = 0; i < 3; i++) await login(first, email, 'wrong').expect(401);
    await second.close();
    await first.close();
    first = await startTestApp(ENV, { database: db });
    second = await startTestApp(ENV, { database: db });
    const res = await login(second, email, 'wrong');
    expect(res.status).toBe(429);
    expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
    expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(60);
  });
});
