import { load } from 'js-yaml';
import { existsSync, readFileSync } from 'node:fs';
import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { join, posix, resolve } from 'node:path';
import request from 'supertest';
import { WORKER_POOL } from '../../media/src/nest/media.module';
import { WorkerPool } from '../../media/src/worker-pool';
import { OutboxService } from '../../server/src/notifications/outbox.service';
import { startTestApp, TestApp } from '../support/app';
import { waitFor } from '../support/browser';
import { insertCitizenConsultations } from '../support/citizen-consultations';
import { demoIds } from '../support/demo-data';
import { Exposition, parseExposition, queryableNames, sampleValue } from '../support/prometheus-text';

const DOCKER = resolve(__dirname, '../../docker');
/** The call series another part of issue 15 adds (signalling); the dashboard reads them. */
const CALL_METRICS = [
  'visio_calls_in_progress',
  'visio_call_joins_total',
  'visio_call_time_to_first_frame_seconds_bucket',
  'visio_ice_failures_total',
  'visio_ice_restarts_total',
  'visio_audio_only_fallbacks_total',
];


const yamlFile = (path: string) => load(readFileSync(join(DOCKER, path), 'utf8'), { filename: path }) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('Prometheus metrics of operations (workers, outbox) and the Grafana dashboard reading them', () => {
  let t: TestApp;
  let provider: Server;
  const scrape = async (): Promise<Exposition> => {
    // Without any credentials, as Prometheus scrapes when METRICS_TOKEN is unset.
    const res = await request(t.baseUrl).get('/metrics').expect(200);
    return parseExposition(res.text);
  };

  beforeAll(async () => {
    // An SMS provider that is down (503 to everything): every send attempt fails.
    provider = createServer((req, res) => {
      req.resume();
      req.on('end', () => res.writeHead(503, { 'Content-Type': 'application/json' }).end('{"error":"down"}'));
    });
    await new Promise<void>((r) => provider.listen(0, '127.0.0.1', r));
    t = await startTestApp({
      MEDIA_WORKERS: '2',
      SMS_PROVIDER_URL: `http://127.0.0.1:${(provider.address() as AddressInfo).port}/sms`,
      NOTIFICATIONS_INTERVAL_MS: '50',
      // A failed SMS waits ten minutes for its next try: it stays pending for the whole suite.
      NOTIFICATIONS_RETRY_BASE_MS: '600000',
    });
  });
  afterAll(async () => {
    await t?.close();
    await new Promise((r) => provider.close(r));
  });

  it('counts each media worker’s CPU, and a killed worker’s restart', async () => {
    const first = await scrape();
    const cpu = (e: Exposition, worker: string) => sampleValue(e, 'visio_media_worker_cpu_seconds_total', { worker });
    for (const worker of ['0', '1']) {
      expect(cpu(first, worker)).toBeGreaterThanOrEqual(0);
      expect(sampleValue(first, 'visio_media_worker_restarts_total', { worker })).toBe(0);
    }
    // Starting a worker and its WebRtcServer takes some CPU, as getrusage() counts it.
    expect(cpu(first, '0')! + cpu(first, '1')!).toBeGreaterThan(0);
    expect(first.types.get('visio_media_worker_cpu_seconds_total')).toBe('counter');
    expect(first.types.get('visio_media_worker_restarts_total')).toBe('counter');

    const pool = t.app.get<WorkerPool>(WORKER_POOL);
    const killed = pool.info()[1]!.pid;
    process.kill(killed, 'SIGKILL');
    const after = await waitFor('worker 1 to be respawned', async () => {
      const e = await scrape();
      return sampleValue(e, 'visio_media_worker_restarts_total', { worker: '1' }) === 1 && sampleValue(e, 'visio_media_workers_alive') === 2 ? e : undefined;
    }, 15_000);
    expect(pool.info()[1]!.pid).not.toBe(killed);
    expect(sampleValue(after, 'visio_media_worker_restarts_total', { worker: '0' })).toBe(0);
    expect(sampleValue(after, 'visio_media_worker_respawns')).toBe(1); // the deprecated gauge, still served
    // Worker 0 kept its process: its count only grows. Worker 1 is a new process, counted again from its start.
    expect(cpu(after, '0')).toBeGreaterThanOrEqual(cpu(first, '0')!);
    expect(cpu(after, '1')).toBeGreaterThanOrEqual(0);
  });

  it('shows the outbox backlog as the table holds it, and counts failed sends by channel', async () => {
    const { pithiviersBoothId } = await demoIds(t.dataSource);
    // i % 4: phone, e-mail, both, neither → two SMS (failing), two e-mails and the agent's (local outbox), one call.
    const ids = await insertCitizenConsultations(t.dataSource, {
      count: 4,
      boothId: pithiviersBoothId,
      agentUserEmail: 'agent@demo.visio-msap.fr',
      firstStart: new Date(Date.now() + 5 * 86_400_000),
    });
    const before = await scrape();
    const failuresBefore = sampleValue(before, 'visio_outbox_send_failures_total', { channel: 'sms' });
    expect(failuresBefore).toBe(0);
    await t.dataSource.transaction((tx) => t.app.get(OutboxService).enqueue(tx, { consultationIds: ids, event: 'booked' }));
    await waitFor('both SMS to fail once', async () => {
      const rows: Array<{ n: number }> = await t.dataSource.query(
        `SELECT count(*)::int AS n FROM notification_outbox WHERE consultation_id = ANY($1) AND channel = 'sms' AND status = 'pending' AND attempts = 1`,
        [ids],
      );
      return rows[0]!.n === 2 || undefined;
    }, 15_000);

    // The backlog is read at most every few seconds: wait for a reading taken after the failures.
    const table: Array<{ channel: string; status: string; n: number }> = await t.dataSource.query(
      `SELECT channel, status, count(*)::int AS n FROM notification_outbox WHERE status IN ('pending', 'sending', 'to_call') GROUP BY 1, 2`,
    );
    const inTable = (channel: string, status: string) => table.find((r) => r.channel === channel && r.status === status)?.n ?? 0;
    expect(inTable('sms', 'pending')).toBe(2);
    expect(inTable('call', 'to_call')).toBeGreaterThanOrEqual(1);
    const e = await waitFor('the backlog to show the failed SMS', async () => {
      const s = await scrape();
      return sampleValue(s, 'visio_outbox_backlog', { channel: 'sms', status: 'pending' }) === 2 ? s : undefined;
    }, 15_000);
    for (const channel of ['sms', 'email', 'agent_email']) {
      for (const status of ['pending', 'sending']) {
        expect([channel, status, sampleValue(e, 'visio_outbox_backlog', { channel, status })]).toEqual([channel, status, inTable(channel, status)]);
      }
    }
    expect(sampleValue(e, 'visio_outbox_backlog', { channel: 'call', status: 'to_call' })).toBe(inTable('call', 'to_call'));
    expect(sampleValue(e, 'visio_outbox_send_failures_total', { channel: 'sms' })).toBe(2);
    expect(sampleValue(e, 'visio_outbox_send_failures_total', { channel: 'email' })).toBe(0);
    const age = sampleValue(e, 'visio_outbox_oldest_pending_age_seconds', { channel: 'sms' })!;
    expect(age).toBeGreaterThan(0);
    expect(age).toBeLessThan(60);
    expect(sampleValue(e, 'visio_outbox_oldest_pending_age_seconds', { channel: 'email' })).toBe(0);
  });

  it('the dashboard queries only series the app serves, through the provisioned data source', async () => {
    const dashboard = JSON.parse(readFileSync(join(DOCKER, 'grafana/dashboards/visio-msap.json'), 'utf8')) as {
      uid: string;
      panels: Array<{ type: string; title: string; datasource?: { uid: string }; targets?: Array<{ expr: string; datasource?: { uid: string } }> }>;
      templating: { list: Array<{ query: { query: string } | string; datasource?: { uid: string } }> };
    };
    const datasource = yamlFile('grafana/provisioning/datasources/prometheus.yaml').datasources[0];
    const queries = dashboard.templating.list.map((v) => (typeof v.query === 'string' ? v.query : v.query.query));
    const graphs = dashboard.panels.filter((p) => p.type !== 'row');
    for (const panel of graphs) {
      expect([panel.title, panel.datasource?.uid]).toEqual([panel.title, datasource.uid]);
      expect(panel.targets?.length).toBeGreaterThan(0);
      for (const target of panel.targets!) queries.push(target.expr);
    }
    const used = new Set(queries.flatMap((q) => q.match(/\bvisio_[a-zA-Z0-9_]+/g) ?? []));
    // What the issue asks the dashboard to show.
    for (const name of [
      'visio_media_worker_cpu_seconds_total',
      'visio_media_worker_restarts_total',
      'visio_outbox_backlog',
      'visio_outbox_send_failures_total',
      'visio_http_request_duration_seconds_bucket',
      'visio_nodejs_eventloop_lag_p99_seconds',
      ...CALL_METRICS,
    ]) {
      expect([name, used.has(name)]).toEqual([name, true]);
    }
    const served = queryableNames(await scrape());
    const missingCalls = CALL_METRICS.filter((name) => !served.has(name));
    if (missingCalls.length > 0) {
      throw new Error(`The call metrics the dashboard reads are not served by GET /metrics yet (the signalling's part of issue 15): ${missingCalls.join(', ')}`);
    }
    expect([...used].filter((name) => !served.has(name))).toEqual([]);
  });

  it('compose provisions Prometheus scraping the app and Grafana with the dashboard, from files that exist', () => {
    const compose = yamlFile('compose.yaml');
    const { prometheus, grafana, app } = compose.services;
    for (const [name, service] of [['prometheus', prometheus], ['grafana', grafana]]) {
      // Pinned: a version, never latest.
      expect([name, service.image]).toEqual([name, expect.stringMatching(/:v?\d+\.\d+\.\d+$/)]);
      for (const volume of service.volumes as string[]) {
        const [source, target] = volume.split(':');
        if (source!.startsWith('.')) expect([volume, existsSync(join(DOCKER, source!))]).toEqual([volume, true]);
        else expect(compose.volumes).toHaveProperty([source!]);
        expect(posix.isAbsolute(target!)).toBe(true);
      }
    }
    const mountOf = (service: { volumes: string[] }, target: string) =>
      service.volumes.map((v) => v.split(':')).find(([, t]) => t === target)?.[0];

    // Grafana: no anonymous access, the admin password from the environment, provisioning mounted where Grafana reads it.
    expect(grafana.environment.GF_AUTH_ANONYMOUS_ENABLED).toBe('false');
    expect(grafana.environment.GF_SECURITY_ADMIN_PASSWORD).toMatch(/^\$\{GRAFANA_ADMIN_PASSWORD[:}-]/);
    expect(mountOf(grafana, '/etc/grafana/provisioning/datasources')).toBe('./grafana/provisioning/datasources');
    expect(mountOf(grafana, '/etc/grafana/provisioning/dashboards')).toBe('./grafana/provisioning/dashboards');
    const provider = yamlFile('grafana/provisioning/dashboards/dashboards.yaml').providers[0];
    const dashboardsDir = mountOf(grafana, provider.options.path);
    expect(dashboardsDir).toBeDefined();
    expect(existsSync(join(DOCKER, dashboardsDir!, 'visio-msap.json'))).toBe(true);
    const datasource = yamlFile('grafana/provisioning/datasources/prometheus.yaml').datasources[0];
    expect(datasource).toMatchObject({ type: 'prometheus', url: 'http://prometheus:9090' });

    // Prometheus: its config mounted where its command reads it, scraping the app's /metrics on the port the app serves.
    const command = (prometheus.command as string[]).join(' ');
    const configFile = /--config\.file=(\S+)/.exec(command)![1]!;
    expect(mountOf(prometheus, configFile)).toBe('./prometheus/prometheus.yml');
    const scrapeConfig = yamlFile('prometheus/prometheus.yml').scrape_configs.find((c: { job_name: string }) => c.job_name === 'visio-msap');
    expect(scrapeConfig.metrics_path).toBe('/metrics');
    expect(scrapeConfig.static_configs[0].targets).toEqual(['app:3000']);
    expect(app.ports).toContain('3000:3000');
    // The token file the scrape sends is the one the command writes from METRICS_TOKEN.
    expect(command).toContain(`> ${scrapeConfig.authorization.credentials_file}`);
    expect(prometheus.environment.METRICS_TOKEN).toBe('${METRICS_TOKEN:-}');
  });
});
