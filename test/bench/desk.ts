/**
 * Facilitator's desk benchmark: the day of a France Services site with 10 booths and 80
 * consultations, on the built server as its own process, in real Chromium, on loopback. Prints one
 * JSON document; timings are reported, not asserted.
 * - API: GET /api/desk for that day, as the facilitator, over HTTP.
 * - First render: reload of /animation (signed in through the form) until the 80 rows are in the
 *   page and a frame has gone by, from the navigation's start (the page's performance.now()).
 * - Live: a booth terminal's first heartbeat (booth offline) until the desk shows the booth online,
 *   and a support PATCH until the row's support line changes; both seen in the page by a
 *   MutationObserver, against the time the bench sent the request (one machine, one clock).
 * - Live, the citizen: a booth page (Chromium, fake camera) joins a consultation open now whose
 *   agent is already in the call, until the desk row shows the lobby, from the booth's join answered
 *   (its 'visio:joined' mark); then the agent's "Faire entrer" until the row shows the call, from the
 *   agent page sending `admit`. The agent ends each call; each booth and agent serves once. Their
 *   steps are counted from the same origins: the join sent and the click come before (negative), and
 *   so may the server's event, which the presence write sends before the join is answered.
 *
 *   npx ts-node --transpile-only test/bench/desk.ts [runs=20]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { DateTime } from 'luxon';
import type { Page } from 'playwright-core';
import { book, demoCatalogue, openAllWeek } from '../support/booth-day';
import { launchChromium, type TestBrowser } from '../support/browser';
import { deviceTokenOf } from '../support/call-browsers';
import { pairDevice } from '../support/callers';
import { serveBuilt } from '../support/process';
import { signIn } from '../support/session';
import { demoAccount, signInUi } from '../support/ui';

const RUNS = Math.max(5, Number(process.argv[2] ?? 20));
const BOOTHS = 10;
const CONSULTATIONS = 80;
/** One agent per booth: at a given time booth b has agent (b + round) % 10, so no agent is in two booths at once. */
const AGENTS = 10;
const ROUNDS = CONSULTATIONS / BOOTHS;
/** The lowest the server takes: a booth silent this long is offline again, and can be measured coming online again. */
const BOOTH_OFFLINE_SECONDS = 20;
const TARGETS = { firstRenderMs: 1000, liveMs: 1000 };
const PARIS = 'Europe/Paris';
const DESK_PC = { width: 1280, height: 720 };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
const round = (n: number) => Math.round(n * 10) / 10;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (text: string) => process.stderr.write(`${text}\n`);

function stats(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: values.length, median: round(percentile(sorted, 50)), p95: round(percentile(sorted, 95)), max: round(sorted.at(-1) ?? NaN), samples: values.map(round) };
}

/** Median of each named step over the samples that have it. */
function medians(samples: Array<Record<string, number>>): Record<string, number> {
  const names = [...new Set(samples.flatMap((s) => Object.keys(s)))];
  return Object.fromEntries(names.map((name) => [name, round(percentile(samples.map((s) => s[name]).filter((v): v is number => v !== undefined).sort((a, b) => a - b), 50))]));
}

interface Caller {
  cookie: string;
  csrf: string;
}

interface Account {
  email: string;
  password: string;
}

async function login(baseUrl: string, who: string | Account): Promise<Caller> {
  const { email, password } = typeof who === 'string' ? demoAccount(who) : who;
  const res = await fetch(`${baseUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) });
  if (res.status !== 200) throw new Error(`${email} login: ${res.status}`);
  return { cookie: String(res.headers.get('set-cookie')).split(';')[0]!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
}

async function call(baseUrl: string, who: Caller, method: string, path: string, body?: object): Promise<Response> {
  const headers: Record<string, string> = { cookie: who.cookie, 'x-csrf-token': who.csrf, ...(body ? { 'content-type': 'application/json' } : {}) };
  const res = await fetch(`${baseUrl}${path}`, { method, headers, body: body && JSON.stringify(body) });
  if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
  return res;
}

/**
 * The site with 10 booths, 10 agents open all week, and 80 consultations (8 per booth) through the
 * public API. Bookings cannot start in the past: the day is the rest of today, slots of up to 30
 * minutes; with less than 16 minutes left before midnight, it is tomorrow at 09:00. Today, the first
 * round (one consultation per booth, each with its own agent) starts within two minutes: open to join.
 */
async function seedDay(baseUrl: string) {
  const c = await demoCatalogue(baseUrl);
  const coordinator = c.coordinator;
  const admin = await signIn(baseUrl, 'admin');
  const benchPassword = 'bench-agent-password';
  for (let n = Number((await coordinator.agent.get(`/api/msap-sites/${c.siteId}/booths`).expect(200)).body.length) + 1; n <= BOOTHS; n++) {
    await coordinator.agent.post(`/api/msap-sites/${c.siteId}/booths`).set('X-CSRF-Token', coordinator.csrf).send({ name: `Cabine ${n}` }).expect(201);
  }
  const booths = ((await coordinator.agent.get(`/api/msap-sites/${c.siteId}/booths`).expect(200)).body as Array<{ id: string; name: string }>).slice(0, BOOTHS);
  const listAgents = async () => (await coordinator.agent.get('/api/agents').expect(200)).body as Array<{ id: string; displayName: string; administrationId: string }>;
  const { administrationId } = (await listAgents()).find((a) => a.id === c.agentId)!;
  for (let n = 2; n <= AGENTS; n++) {
    await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: `agent${n}@bench.visio-msap.fr`, displayName: `Agent Bench ${n}`, role: 'agent', password: benchPassword, administrationId })
      .expect(201);
  }
  const benchAgents = (await listAgents()).filter((a) => a.id === c.agentId || a.displayName.startsWith('Agent Bench '));
  if (benchAgents.length !== AGENTS) throw new Error(`expected ${AGENTS} agents, found ${benchAgents.length}`);
  const agents = benchAgents.map((a) => a.id);
  const accounts = new Map<string, Account>(
    benchAgents.map((a) => [a.id, a.id === c.agentId ? demoAccount('agent') : { email: `agent${a.displayName.slice('Agent Bench '.length)}@bench.visio-msap.fr`, password: benchPassword }]),
  );
  for (const agentId of agents) await openAllWeek({ ...c, agentId });

  const now = DateTime.now().setZone(PARIS);
  const first = now.plus({ minutes: 2 }).startOf('minute');
  const midnight = now.startOf('day').plus({ days: 1 });
  const fit = Math.min(30, Math.floor(midnight.diff(first, 'minutes').minutes / ROUNDS));
  const today = fit >= 2;
  const start = today ? first : midnight.set({ hour: 9 });
  const slotMinutes = today ? fit : 30;
  const firstRound: Array<{ consultationId: string; booth: number; agent: Account }> = [];
  for (let r = 0; r < ROUNDS; r++) {
    for (let b = 0; b < BOOTHS; b++) {
      const startsAt = start.plus({ minutes: r * slotMinutes });
      const agentId = agents[(b + r) % AGENTS]!;
      const consultationId = await book({ ...c, boothId: booths[b]!.id, agentId }, startsAt, slotMinutes, `Usager ${r * BOOTHS + b + 1}`);
      if (r === 0) firstRound.push({ consultationId, booth: b, agent: accounts.get(agentId)! });
    }
  }
  return { booths, agents, firstRound, date: start.toISODate()!, today, from: start.toFormat('HH:mm'), slotMinutes };
}

/** A booth's state (by name), a row's support line or its live state (by consultation). */
type ChangeKind = 'booth' | 'support' | 'live';

/** What the page records (see instrument): all times on the page's clock, `at` as epoch milliseconds. */
interface DeskProbe {
  /** performance.now() when the expected rows were in the document, then one frame later. */
  rows: { dom: number; frame: number } | null;
  changes: Array<{ kind: ChangeKind; key: string; value: string; at: number }>;
  /** Arrivals of the server's `change` events. */
  events: number[];
}

interface PageWindow {
  __deskProbe: DeskProbe;
  document: { querySelectorAll(selector: string): ArrayLike<PageElement> };
  performance: {
    now(): number;
    timeOrigin: number;
    setResourceTimingBufferSize(n: number): void;
    getEntriesByType(type: string): PageTiming[];
    getEntriesByName(name: string): Array<{ startTime: number }>;
  };
  location: { origin: string };
  MutationObserver: new (callback: () => void) => { observe(target: unknown, options: object): void };
  EventSource: new (url: string, init?: object) => { addEventListener(type: string, listener: () => void): void };
  requestAnimationFrame(callback: () => void): void;
  setTimeout(callback: () => void, ms: number): void;
  Date: { now(): number };
}

interface PageElement {
  textContent: string | null;
  getAttribute(name: string): string | null;
  querySelector(selector: string): PageElement | null;
}

interface PageTiming {
  name: string;
  initiatorType: string;
  startTime: number;
  responseEnd: number;
}

/**
 * Runs in the page before its own scripts: records when the rows are all there, every change of a
 * booth's state and of a row's support line, and each `change` event of the desk's stream.
 */
function instrument(expectedRows: number): void {
  const g = globalThis as unknown as PageWindow;
  const doc = g.document;
  const probe: DeskProbe = { rows: null, changes: [], events: [] };
  g.__deskProbe = probe;
  g.performance.setResourceTimingBufferSize(100_000);
  const epoch = () => g.performance.timeOrigin + g.performance.now();

  const Native = g.EventSource;
  g.EventSource = class extends Native {
    constructor(url: string, init?: object) {
      super(url, init);
      this.addEventListener('change', () => probe.events.push(epoch()));
    }
  };

  const last = new Map<string, string>();
  const note = (kind: ChangeKind, key: string, value: string, at: number) => {
    const id = `${kind}:${key}`;
    const before = last.get(id);
    last.set(id, value);
    if (before !== undefined && before !== value) probe.changes.push({ kind, key, value, at });
  };
  new g.MutationObserver(() => {
    const now = g.performance.now();
    const at = g.performance.timeOrigin + now;
    const rows = Array.from(doc.querySelectorAll('[data-testid="desk-row"]'));
    if (!probe.rows && rows.length >= expectedRows) {
      const rowsAt = { dom: now, frame: NaN };
      probe.rows = rowsAt;
      // After the next frame's rendering: the rows have been painted.
      g.requestAnimationFrame(() => g.setTimeout(() => (rowsAt.frame = g.performance.now()), 0));
    }
    for (const booth of Array.from(doc.querySelectorAll('[data-testid="desk-booth"]'))) {
      note('booth', booth.querySelector('strong')?.textContent ?? '?', booth.getAttribute('data-state') ?? '', at);
    }
    for (const row of rows) {
      const key = row.getAttribute('data-consultation') ?? '?';
      const line = row.querySelector('[data-testid="desk-support-line"]');
      if (line) note('support', key, line.textContent ?? '', at);
      note('live', key, row.getAttribute('data-live') ?? '', at);
    }
  }).observe(doc, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state', 'data-live'] });
}

/**
 * The first recorded change of `key` (to `value`, if given) at or after `since` (the bench's
 * Date.now()), with the page's times brought to that clock; and the steps in between: the server's
 * event, the desk's GET /api/desk that followed. Times are counted from `origin`, by default `since`
 * (a later origin: the server may announce the change before the action's answer arrives).
 */
async function changeAfter(page: Page, kind: ChangeKind, key: string, value: string | null, since: number, origin = since) {
  const handle = await page.waitForFunction(
    ({ kind, key, value, since }) => {
      const g = globalThis as unknown as PageWindow;
      const skew = g.performance.timeOrigin + g.performance.now() - g.Date.now();
      const change = g.__deskProbe.changes.find((c) => c.kind === kind && c.key === key && (value === null || c.value === value) && c.at - skew >= since);
      if (!change) return null;
      const event = g.__deskProbe.events.map((t) => t - skew).find((t) => t >= since);
      const fetches = g.performance
        .getEntriesByType('resource')
        .filter((e) => e.name === `${g.location.origin}/api/desk` || e.name.startsWith(`${g.location.origin}/api/desk?`))
        .map((e) => ({ start: g.performance.timeOrigin + e.startTime - skew, end: g.performance.timeOrigin + e.responseEnd - skew }));
      const fetched = event === undefined ? undefined : fetches.find((f) => f.start >= event);
      return { at: change.at - skew, event, fetchStart: fetched?.start, fetchEnd: fetched?.end, skew };
    },
    { kind, key, value, since },
    { timeout: 15_000, polling: 20 },
  );
  const seen = (await handle.jsonValue())!;
  const steps: Record<string, number> = {};
  if (seen.event !== undefined) steps.eventReceived = seen.event - origin;
  if (seen.fetchStart !== undefined) steps.deskRequestStarted = seen.fetchStart - origin;
  if (seen.fetchEnd !== undefined) steps.deskResponseEnded = seen.fetchEnd - origin;
  steps.shown = seen.at - origin;
  return { ms: seen.at - origin, steps, skew: seen.skew };
}

/** One reload of the desk: milliseconds from the navigation's start to each step, up to the rows painted. */
async function reloadDesk(page: Page) {
  await page.reload({ waitUntil: 'commit' });
  await page.waitForFunction(() => Number.isFinite((globalThis as unknown as PageWindow).__deskProbe?.rows?.frame), undefined, { timeout: 30_000, polling: 20 });
  return page.evaluate(() => {
    const g = globalThis as unknown as PageWindow;
    const [nav] = g.performance.getEntriesByType('navigation');
    const resources = g.performance.getEntriesByType('resource');
    const api = (path: string) => resources.find((e) => e.name === `${g.location.origin}${path}`);
    const me = api('/api/auth/me');
    const desk = api('/api/desk') ?? resources.find((e) => e.name.startsWith(`${g.location.origin}/api/desk?`));
    const scripts = resources.filter((e) => e.initiatorType === 'script' || /\.m?js$/.test(e.name));
    const steps: Record<string, number> = { documentLoaded: nav!.responseEnd };
    if (scripts.length > 0) steps.scriptsLoaded = Math.max(...scripts.map((e) => e.responseEnd));
    if (me) Object.assign(steps, { sessionRequestStarted: me.startTime, sessionResponseEnded: me.responseEnd });
    if (desk) Object.assign(steps, { deskRequestStarted: desk.startTime, deskResponseEnded: desk.responseEnd });
    Object.assign(steps, { rowsInDocument: g.__deskProbe.rows!.dom, rowsPainted: g.__deskProbe.rows!.frame });
    return steps;
  });
}

/** The agent page's side: when it sent `admit` (epoch milliseconds, the page's clock). */
interface AgentWindow {
  __admitSent: number[];
  WebSocket: { prototype: { send(data: unknown): void } };
  performance: { now(): number; timeOrigin: number };
  Date: { now(): number };
}

/** Runs in the agent page before its own scripts: notes each signalling `admit` request as it leaves. */
function recordAdmit(): void {
  const g = globalThis as unknown as AgentWindow;
  g.__admitSent = [];
  const send = g.WebSocket.prototype.send;
  g.WebSocket.prototype.send = function (this: unknown, data: unknown) {
    if (typeof data === 'string' && data.includes('"method":"admit"')) g.__admitSent.push(g.performance.timeOrigin + g.performance.now());
    return send.call(this, data);
  };
}

/** The booth page's first join, on the bench's clock: its request sent and its answer in ('visio:join', 'visio:joined'). */
async function boothJoin(page: Page) {
  const handle = await page.waitForFunction(
    () => {
      const g = globalThis as unknown as PageWindow;
      const [sent] = g.performance.getEntriesByName('visio:join');
      const [answered] = g.performance.getEntriesByName('visio:joined');
      if (!sent || !answered) return null;
      const skew = g.performance.timeOrigin + g.performance.now() - g.Date.now();
      return { sent: g.performance.timeOrigin + sent.startTime - skew, answered: g.performance.timeOrigin + answered.startTime - skew, skew };
    },
    undefined,
    { timeout: 20_000, polling: 20 },
  );
  return (await handle.jsonValue())!;
}

/** When the agent page sent its first `admit`, on the bench's clock. */
async function admitSent(page: Page) {
  const handle = await page.waitForFunction(
    () => {
      const g = globalThis as unknown as AgentWindow;
      const sent = g.__admitSent[0];
      if (sent === undefined) return null;
      const skew = g.performance.timeOrigin + g.performance.now() - g.Date.now();
      return { sent: sent - skew, skew };
    },
    undefined,
    { timeout: 10_000, polling: 20 },
  );
  return (await handle.jsonValue())!;
}

/**
 * One citizen's arrival as the desk sees it, on a consultation open now: its agent already in the
 * call, the booth's page opens and joins (lobby), the agent lets the citizen in (in call), then
 * ends the call for everyone so that nothing of it is left to announce later (no 30 s grace).
 */
async function citizenArrives(
  chrome: TestBrowser,
  baseUrl: string,
  desk: Page,
  consultation: { consultationId: string; agent: Account },
  booth: { name: string; caller: Caller; deviceToken: string },
) {
  const id = consultation.consultationId;
  const row = desk.locator(`[data-testid="desk-row"][data-consultation="${id}"]`);
  // The booth already on: its page's first beat would otherwise announce it coming online meanwhile.
  await call(baseUrl, booth.caller, 'POST', '/api/devices/me/heartbeat');
  await desk
    .locator('[data-testid="desk-booth"]:not([data-state="offline"])')
    .filter({ has: desk.getByText(booth.name, { exact: true }) })
    .waitFor({ timeout: 10_000 });
  const session = await login(baseUrl, consultation.agent);
  const agentContext = await chrome.browser.newContext({ viewport: DESK_PC });
  const boothContext = await chrome.browser.newContext({ viewport: DESK_PC });
  try {
    await agentContext.addCookies([{ name: 'visio_session', value: session.cookie.slice(session.cookie.indexOf('=') + 1), url: baseUrl, httpOnly: true }]);
    await agentContext.addInitScript(recordAdmit);
    await boothContext.addCookies([{ name: 'visio_device', value: booth.deviceToken, url: baseUrl, httpOnly: true }]);

    const agent = await agentContext.newPage();
    await agent.goto(`${baseUrl}/consultation/${id}`);
    await agent.locator('[data-call-status="call"]').waitFor({ timeout: 20_000 });
    await row.and(desk.locator('[data-agent="connected"]')).waitFor({ timeout: 10_000 });
    await sleep(300); // the desk idle, as between two real events

    const boothPage = await boothContext.newPage();
    await boothPage.goto(`${baseUrl}/borne/consultation/${id}`);
    const joined = await boothJoin(boothPage);
    // From the join sent: the server writes the presence before it answers.
    const lobby = await changeAfter(desk, 'live', id, 'lobby', joined.sent, joined.answered);
    lobby.steps = { joinRequestSent: joined.sent - joined.answered, ...lobby.steps };

    const admitButton = agent.getByTestId('lobby-banner').getByRole('button', { name: 'Faire entrer' });
    await admitButton.waitFor({ timeout: 10_000 });
    await sleep(300);
    const clicked = Date.now();
    await admitButton.click();
    const admit = await admitSent(agent);
    const admitted = await changeAfter(desk, 'live', id, 'in_call', clicked, admit.sent);
    admitted.steps = { clicked: clicked - admit.sent, ...admitted.steps };

    await agent.getByRole('button', { name: 'Terminer pour tous' }).click();
    await agent.getByRole('button', { name: 'Oui, terminer' }).click();
    await row.and(desk.locator('[data-live="ended"]')).waitFor({ timeout: 10_000 });
    return { lobby, admitted, skews: [lobby.skew, joined.skew, admit.skew] };
  } finally {
    await Promise.all([agentContext.close(), boothContext.close()]);
  }
}

async function main(): Promise<void> {
  if (!process.env.VISIO_TEST_PG_URL) process.env.VISIO_TEST_PG_URL = 'postgres://postgres@127.0.0.1:5432/postgres';
  const dataDir = mkdtempSync(join(tmpdir(), 'visio-bench-desk-'));
  const cleanups: Array<() => unknown> = [() => rmSync(dataDir, { recursive: true, force: true })];
  try {
    log('starting the built server…');
    const served = await serveBuilt({
      DATA_DIR: dataDir,
      LOGIN_RATE_LIMIT: '1000',
      BOOTH_OFFLINE_SECONDS: String(BOOTH_OFFLINE_SECONDS),
      MEDIA_WORKERS: '1',
      RTC_LISTEN_IP: '127.0.0.1',
      // NOTE: the desk never scans a file; the embedded clamd loading its signatures would take a
      // core of two for a minute. A clamd that is not there leaves the server idle instead.
      CLAMD_URL: `unix://${join(dataDir, 'no-clamd.sock')}`,
    });
    cleanups.unshift(() => served.close());
    const baseUrl = served.baseUrl;

    log('creating the site’s day through the API…');
    const day = await seedDay(baseUrl);
    const dateQuery = day.today ? '' : `?date=${day.date}`;
    const facilitator = await login(baseUrl, 'facilitator');
    const read = async () => (await (await call(baseUrl, facilitator, 'GET', `/api/desk${dateQuery}`)).json()) as {
      booths: Array<{ id: string; name: string; state: string }>;
      consultations: Array<{ id: string; startsAt: string; status: string }>;
    };
    const seeded = await read();
    if (seeded.booths.length !== BOOTHS || seeded.consultations.length !== CONSULTATIONS) {
      throw new Error(`the desk shows ${seeded.booths.length} booths and ${seeded.consultations.length} consultations`);
    }
    const terminals = [];
    for (const booth of day.booths) {
      const device = await pairDevice(baseUrl, booth.id);
      const deviceToken = deviceTokenOf(device.agent);
      terminals.push({ name: booth.name, deviceToken, caller: { cookie: `visio_device=${deviceToken}`, csrf: device.csrf! } });
    }

    log('GET /api/desk…');
    const timeGet = async (path: string) => {
      for (let i = 0; i < 5; i++) await call(baseUrl, facilitator, 'GET', path); // warm-up
      const ms: number[] = [];
      let bytes = 0;
      for (let i = 0; i < RUNS; i++) {
        const started = performance.now();
        bytes = Buffer.byteLength(await (await call(baseUrl, facilitator, 'GET', path)).text());
        ms.push(performance.now() - started);
      }
      return { ms, bytes };
    };
    const deskGet = await timeGet(`/api/desk${dateQuery}`);
    // The floor: an authenticated GET that reads the session and nothing else.
    const sessionGet = await timeGet('/api/auth/me');

    const chrome = await launchChromium();
    cleanups.unshift(() => chrome.close());
    const context = await chrome.browser.newContext({ viewport: DESK_PC });
    const page = await context.newPage();
    // The desk always reads today; a day booked tomorrow is read by adding its date to the request.
    if (!day.today) await page.route('**/api/desk', (route) => route.continue({ url: `${route.request().url()}${dateQuery}` }));
    await signInUi(page, baseUrl, 'facilitator', '/animation');
    await page.addInitScript(instrument, CONSULTATIONS);

    log('first render…');
    await reloadDesk(page); // warm-up: the first visit with this script
    const renders: Array<Record<string, number>> = [];
    for (let i = 0; i < RUNS; i++) renders.push(await reloadDesk(page));
    const visible = await page.locator('[data-testid="desk-row"]').count();
    if (visible !== CONSULTATIONS) throw new Error(`${visible} rows on the page`);

    log('live: a booth coming online…');
    const skews: number[] = [];
    const online: Array<{ ms: number; steps: Record<string, number> }> = [];
    const heartbeatMs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const terminal = terminals[i % BOOTHS]!;
      // From the second round on, the booth must first have gone offline again (no beat for 20 s).
      await page
        .locator('[data-testid="desk-booth"][data-state="offline"]')
        .filter({ has: page.getByText(terminal.name, { exact: true }) })
        .waitFor({ timeout: (BOOTH_OFFLINE_SECONDS + 15) * 1000 });
      await sleep(300); // the desk idle, as between two real events
      const sent = Date.now();
      const started = performance.now();
      await call(baseUrl, terminal.caller, 'POST', '/api/devices/me/heartbeat');
      heartbeatMs.push(performance.now() - started);
      const seen = await changeAfter(page, 'booth', terminal.name, 'online', sent);
      online.push(seen);
      skews.push(seen.skew);
    }

    log('live: a support record changing…');
    const support: Array<{ ms: number; steps: Record<string, number> }> = [];
    const patchMs: number[] = [];
    // The latest of the day first: still to come whatever the hour.
    const ids = seeded.consultations.map((c) => c.id).reverse();
    for (let i = 0; i < RUNS; i++) {
      const id = ids[i % ids.length]!;
      const current = (await (await call(baseUrl, facilitator, 'GET', `/api/consultations/${id}/support`)).json()) as { revision: number; facilitatorPresent: boolean | null };
      await sleep(300);
      const sent = Date.now();
      const started = performance.now();
      await call(baseUrl, facilitator, 'PATCH', `/api/consultations/${id}/support`, { base: current.revision, facilitatorPresent: current.facilitatorPresent !== true });
      patchMs.push(performance.now() - started);
      const seen = await changeAfter(page, 'support', id, null, sent);
      support.push(seen);
      skews.push(seen.skew);
    }

    // The first round is open to join now; on a day booked tomorrow, nothing is.
    const citizens: Array<Awaited<ReturnType<typeof citizenArrives>>> = [];
    if (day.today) {
      log('live: a citizen entering the lobby and being admitted…');
      for (const consultation of day.firstRound.slice(0, Math.min(RUNS, BOOTHS))) {
        const seen = await citizenArrives(chrome, baseUrl, page, consultation, terminals[consultation.booth]!);
        citizens.push(seen);
        skews.push(...seen.skews);
      }
    }

    const pick = (name: string) => renders.map((r) => r[name]).filter((v): v is number => v !== undefined);
    const result = {
      benchmark: 'desk',
      machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? null, node: process.version, chromium: chrome.browser.version(), loadAverage: loadavg().map(round) },
      setup: {
        booths: seeded.booths.length,
        consultations: seeded.consultations.length,
        agents: day.agents.length,
        day: day.date,
        dayIsToday: day.today,
        ...(day.today ? {} : { note: 'too late to book today: the page reads tomorrow through request interception, which slows its requests' }),
        firstSlot: day.from,
        slotMinutes: day.slotMinutes,
        boothOfflineSeconds: BOOTH_OFFLINE_SECONDS,
        runs: RUNS,
        citizenRuns: citizens.length,
      },
      targets: TARGETS,
      api: { dayMs: stats(deskGet.ms), responseKb: round(deskGet.bytes / 1024), sessionBaselineMs: stats(sessionGet.ms) },
      page: {
        firstRenderMs: stats(pick('rowsPainted')),
        rowsInDocumentMs: stats(pick('rowsInDocument')),
        medianStepsMs: medians(renders),
      },
      live: {
        boothOnlineMs: stats(online.map((s) => s.ms)),
        boothOnlineMedianStepsMs: medians(online.map((s) => s.steps)),
        heartbeatRequestMs: stats(heartbeatMs),
        supportChangeMs: stats(support.map((s) => s.ms)),
        supportChangeMedianStepsMs: medians(support.map((s) => s.steps)),
        supportPatchRequestMs: stats(patchMs),
        ...(day.today
          ? {
              lobbyMs: stats(citizens.map((c) => c.lobby.ms)),
              lobbyMedianStepsMs: medians(citizens.map((c) => c.lobby.steps)),
              admitMs: stats(citizens.map((c) => c.admitted.ms)),
              admitMedianStepsMs: medians(citizens.map((c) => c.admitted.steps)),
            }
          : { lobbyAndAdmit: 'not measured: the day is tomorrow, no consultation is open to join now' }),
        pageClockSkewMs: { min: round(Math.min(...skews)), max: round(Math.max(...skews)) },
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    for (const cleanup of cleanups) await Promise.resolve(cleanup()).catch((error: unknown) => log(`cleanup: ${String(error)}`));
  }
}

main().catch((error: unknown) => {
  log(error instanceof Error ? (error.stack ?? error.message) : String(error));
  process.exit(1);
});
