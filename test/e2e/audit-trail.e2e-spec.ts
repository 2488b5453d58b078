import { DateTime } from 'luxon';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { book, DemoCatalogue, demoCatalogue, openAllWeek } from '../support/booth-day';
import { createConsultation } from '../support/consultations';
import { SignedIn, signIn } from '../support/session';

interface Entry {
  id: string;
  at: string;
  action: string;
  actor: { kind: string; id: string | null; name: string | null; email: string | null };
  subject: { type: string; id: string; label: string | null } | null;
  requestId: string | null;
  details: Record<string, unknown>;
}

describe('audit trail', () => {
  let t: TestApp;
  let admin: SignedIn;
  let c: DemoCatalogue;
  const tomorrow = DateTime.now().setZone('Europe/Paris').plus({ days: 1 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    admin = await signIn(t.baseUrl, 'admin');
    c = await demoCatalogue(t.baseUrl);
    await openAllWeek(c);
  }, 60_000);
  afterAll(() => t?.close());

  const log = async (query: Record<string, string> = {}): Promise<{ items: Entry[]; nextBefore: string | null }> =>
    (await admin.agent.get('/api/audit').query(query).expect(200)).body;
  const csrf = (s: SignedIn) => ({ 'X-CSRF-Token': s.csrf });

  it('records each change of a consultation with its actor, its request and before/after, in the change’s transaction', async () => {
    const id = await book(c, tomorrow, 30, 'Jeanne Martin');
    const moved = await c.coordinator.agent
      .patch(`/api/consultations/${id}`)
      .set(csrf(c.coordinator))
      .set('X-Request-Id', 'move-req-42')
      .send({ startsAt: tomorrow.plus({ hours: 1 }).toISO() })
      .expect(200);
    expect(moved.headers['x-request-id']).toBe('move-req-42');
    await c.coordinator.agent.post(`/api/consultations/${id}/cancel`).set(csrf(c.coordinator)).send({ reason: 'Usager malade' }).expect(200);

    const { items } = await log({ subjectId: id });
    expect(items.map((e) => e.action)).toEqual(['consultation.cancelled', 'consultation.rescheduled', 'consultation.booked']);
    for (const e of items) {
      expect(e.actor).toMatchObject({ kind: 'user', id: c.coordinator.userId, name: 'Camille Coordination', email: 'coordination@demo.visio-msap.fr' });
      expect(e.requestId).toMatch(/\S/);
      expect(e.subject).toMatchObject({ type: 'consultation', id });
      expect(e.subject!.label).toContain(c.boothName);
    }
    const [cancelled, rescheduled, booked] = items;
    expect(rescheduled!.requestId).toBe('move-req-42');
    expect(rescheduled!.details).toMatchObject({
      from: { startsAt: tomorrow.toUTC().toISO({ suppressMilliseconds: false }), boothId: c.boothId, agentId: c.agentId },
      to: { startsAt: tomorrow.plus({ hours: 1 }).toUTC().toISO({ suppressMilliseconds: false }) },
    });
    expect(booked!.details).toMatchObject({ booth: c.boothName, agent: 'Antoine Agent' });
    // The citizen's name and the coordinator's free text stay on the consultation, not in the trail.
    expect(JSON.stringify(items)).not.toContain('Jeanne');
    expect(JSON.stringify(cancelled!.details)).not.toContain('malade');
    expect(cancelled!.details).toMatchObject({ mass: false });
  });

  it('a refused change leaves no trace (the row commits with the change or not at all)', async () => {
    const before = (await log({ family: 'consultation' })).items.length;
    await c.coordinator.agent
      .post('/api/consultations')
      .set(csrf(c.coordinator))
      .send({ boothId: c.boothId, agentId: c.agentId, consultationTypeId: c.typeId, startsAt: DateTime.now().minus({ days: 1 }).toISO(), citizen: { name: 'X' } })
      .expect(422);
    expect((await log({ family: 'consultation' })).items.length).toBe(before);
  });

  it('records a reassignment and a mass cancellation with who started it', async () => {
    const agents = (await c.coordinator.agent.get('/api/agents').expect(200)).body as Array<{ id: string; administrationId: string; displayName: string }>;
    const mine = agents.find((a) => a.id === c.agentId)!;
    const colleague = agents.find((a) => a.id !== c.agentId && a.administrationId === mine.administrationId);
    const at = tomorrow.plus({ hours: 3 });
    const id = await book(c, at, 30, 'Paul Durand');
    if (colleague) {
      await c.coordinator.agent.put(`/api/agents/${colleague.id}/availability`).set(csrf(c.coordinator)).send({ ranges: [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, start: '00:00', end: '24:00' })) }).expect(200);
      await c.coordinator.agent.post(`/api/consultations/${id}/reassign`).set(csrf(c.coordinator)).send({ agentId: colleague.id }).expect(200);
      const [reassigned] = (await log({ action: 'consultation.reassigned' })).items;
      expect(reassigned).toMatchObject({ subject: { id }, details: { from: { agentId: c.agentId }, to: { agentId: colleague.id } } });
    }

    const massFrom = tomorrow.plus({ days: 2 }).startOf('day');
    await book(c, massFrom.plus({ hours: 9 }), 30, 'A');
    await book(c, massFrom.plus({ hours: 10 }), 30, 'B');
    const job = await c.coordinator.agent
      .post('/api/mass-cancellations')
      .set(csrf(c.coordinator))
      .send({ agentId: c.agentId, msapSiteId: c.siteId, from: massFrom.toISO(), to: massFrom.plus({ days: 1 }).toISO(), message: 'Bonjour {nom}, fermeture exceptionnelle.' })
      .expect(202);
    const [started] = (await log({ action: 'mass_cancellation.started' })).items;
    expect(started).toMatchObject({ actor: { id: c.coordinator.userId }, subject: { type: 'mass_cancellation', id: job.body.id }, details: { total: 2, msapSiteId: c.siteId } });
    expect(started!.requestId).toMatch(/\S/);
    const deadline = Date.now() + 30_000;
    let mass: Entry[] = [];
    while (Date.now() < deadline) {
      mass = (await log({ action: 'consultation.cancelled' })).items.filter((e) => e.details.mass === true);
      if (mass.length === 2) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    expect(mass).toHaveLength(2);
    for (const e of mass) {
      // Made by the job for the coordinator who confirmed it, tied to that job; not by any request.
      expect(e).toMatchObject({ actor: { id: c.coordinator.userId }, details: { mass: true, massCancellationId: job.body.id }, requestId: null });
    }
  });

  it('records the outcome the agent gives a consultation that has started', async () => {
    // A consultation under way (booking in the past is refused, so it is written as the call tests write theirs).
    const id = await createConsultation(t.dataSource, c.boothId, 'agent@demo.visio-msap.fr', -5, 30);
    const agent = await signIn(t.baseUrl, 'agent');
    await agent.agent.post(`/api/consultations/${id}/outcome`).set(csrf(agent)).send({ status: 'no_show', note: 'Personne dans la cabine' }).expect(200);
    const { items } = await log({ subjectId: id });
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ action: 'consultation.outcome_recorded', actor: { id: agent.userId, name: 'Antoine Agent' }, details: { outcome: 'no_show' } });
    expect(JSON.stringify(items[0]!.details)).not.toContain('Personne');
  });

  it('filters by actor, action family, subject and period; pages newest first without gaps or repeats', async () => {
    const all: Entry[] = [];
    let before: string | null = null;
    do {
      const page: { items: Entry[]; nextBefore: string | null } = await log({ limit: '3', ...(before ? { before } : {}) });
      expect(page.items.length).toBeLessThanOrEqual(3);
      all.push(...page.items);
      before = page.nextBefore;
    } while (before);
    const ids = all.map((e) => Number(e.id));
    expect(ids).toEqual([...ids].sort((a, b) => b - a));
    expect(new Set(ids).size).toBe(ids.length);
    expect(all.length).toBe((await log({ limit: '200' })).items.length);

    const byActor = (await log({ actorUserId: c.coordinator.userId, limit: '200' })).items;
    expect(byActor.length).toBeGreaterThan(0);
    expect(byActor.every((e) => e.actor.id === c.coordinator.userId)).toBe(true);
    const logins = (await log({ family: 'login', limit: '200' })).items;
    expect(logins.length).toBeGreaterThan(0);
    expect(logins.every((e) => e.action.startsWith('login.'))).toBe(true);
    const today = DateTime.now().setZone('Europe/Paris').toISODate()!;
    expect((await log({ from: today, to: today, limit: '200' })).items.length).toBe(all.length);
    const yesterday = DateTime.now().setZone('Europe/Paris').minus({ days: 1 }).toISODate()!;
    expect((await log({ to: yesterday })).items).toEqual([]);
  });

  it('exports the filtered log as CSV for French spreadsheets, and audits the export', async () => {
    const res = await admin.agent.get('/api/audit').query({ family: 'consultation', format: 'csv' }).buffer(true).parse((r, cb) => {
      let text = '';
      r.setEncoding('utf8');
      r.on('data', (chunk: string) => (text += chunk));
      r.on('end', () => cb(null, text));
    }).expect(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers['content-disposition']).toContain('journal-audit.csv');
    const lines = (res.body as string).split('\r\n').filter(Boolean);
    expect(lines[0]!.startsWith('\uFEFFid;date;action;acteur')).toBe(true);
    const expected = (await log({ family: 'consultation', limit: '200' })).items;
    expect(lines.length - 1).toBe(expected.length);
    expect(lines[1]).toContain(`;${expected[0]!.action};${expected[0]!.actor.name};${expected[0]!.actor.email};consultation;${expected[0]!.subject!.id};`);
    const [exported] = (await log({ action: 'audit.exported' })).items;
    expect(exported).toMatchObject({ actor: { id: admin.userId }, details: { filters: { family: 'consultation' } } });
  });

  it('refuses bad filters with a 422 naming the field', async () => {
    const bad: Array<[Record<string, string>, string]> = [
      [{ action: 'consultation.teleported' }, 'action'],
      [{ family: 'nope' }, 'family'],
      [{ from: '2026-02-30' }, 'from'],
      [{ from: '2026-12-10', to: '2026-12-01' }, 'to'],
      [{ before: 'abc' }, 'before'],
      [{ limit: '0' }, 'limit'],
      [{ actorUserId: 'me' }, 'actorUserId'],
      [{ subjectId: "x' OR 1=1" }, 'subjectId'],
    ];
    for (const [query, field] of bad) {
      const res = await admin.agent.get('/api/audit').query(query);
      expect({ query, status: res.status }).toEqual({ query, status: 422 });
      expect(Object.keys(res.body.errors ?? {})).toContain(field);
    }
  });

  it('is for admins only', async () => {
    for (const role of ['coordinator', 'agent', 'facilitator'] as const) {
      const who = await signIn(t.baseUrl, role);
      await who.agent.get('/api/audit').expect(403);
    }
    await request(t.baseUrl).get('/api/audit').expect(401);
  });

  it('cannot be altered: the database refuses to change or delete a recent row', async () => {
    const [row] = (await t.dataSource.query(`SELECT id FROM audit_events ORDER BY id DESC LIMIT 1`)) as Array<{ id: string }>;
    await expect(t.dataSource.query(`UPDATE audit_events SET action = 'logout' WHERE id = $1`, [row!.id])).rejects.toThrow(/cannot be changed/);
    await expect(t.dataSource.query(`DELETE FROM audit_events WHERE id = $1`, [row!.id])).rejects.toThrow(/cannot be deleted/);
    await expect(t.dataSource.query(`TRUNCATE audit_events`)).rejects.toThrow(/cannot be changed/);
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE id = $1`, [row!.id])).toEqual([{ n: 1 }]);
  });
});
