import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';

describe('operations endpoints', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ MEDIA_WORKERS: '2' });
  });
  afterAll(() => t.close());

  it('GET /api/health reports database up and the live media workers', async () => {
    const res = await request(t.baseUrl).get('/api/health').expect(200);
    expect(res.body.status).toBe('ok');
    expect(res.body.database.status).toBe('up');
    expect(res.body.media.workers).toBe(2);
    expect(res.body.media.pids).toHaveLength(2);
    for (const pid of res.body.media.pids as number[]) {
      expect(() => process.kill(pid, 0)).not.toThrow(); // a real process
    }
  });

  it('GET /metrics serves Prometheus text with worker and HTTP metrics', async () => {
    await request(t.baseUrl).get('/api/health');
    // A route with a parameter is counted under its pattern, a 401 included; an unknown path is not counted.
    await request(t.baseUrl).get('/api/consultations/7d0e5a56-1c1f-4d5e-9a39-4a0a3f0e2b11').expect(401);
    await request(t.baseUrl).get('/api/no-such-route-4711').expect(404);
    const res = await request(t.baseUrl).get('/metrics').expect(200);
    expect(res.headers['content-type']).toMatch(/text\/plain/);
    expect(res.text).toMatch(/^visio_media_workers_alive 2$/m);
    expect(res.text).toMatch(/visio_http_requests_total\{method="GET",route="\/api\/health",status="200"\} \d+/);
    expect(res.text).toMatch(/visio_http_requests_total\{method="GET",route="\/api\/consultations\/:id",status="401"\} 1$/m);
    expect(res.text).toMatch(/visio_http_request_duration_seconds_count\{method="GET",route="\/api\/health"\} \d+/);
    expect(res.text).not.toMatch(/no-such-route|route="unmatched"/);
    expect(res.text).toMatch(/visio_process_cpu_seconds_total/);
  });

  it('every response carries a request id, reusing a sane incoming one', async () => {
    const res = await request(t.baseUrl).get('/api/health').set('X-Request-Id', 'abc-123');
    expect(res.headers['x-request-id']).toBe('abc-123');
    const other = await request(t.baseUrl).get('/api/health').set('X-Request-Id', 'bad id with spaces');
    expect(other.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('reports 503 when the database is unreachable', async () => {
    await t.dataSource.destroy();
    try {
      const res = await request(t.baseUrl).get('/api/health').expect(503);
      expect(res.body.database.status).toBe('down');
      expect(res.body.status).toBe('down');
    } finally {
      await t.dataSource.initialize();
    }
  });
});
