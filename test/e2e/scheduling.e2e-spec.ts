import { DateTime } from 'luxon';
import request from 'supertest';
import { startTestApp, TestApp } from '../support/app';
import { demoIds } from '../support/demo-data';
import { at, createAgent, everyDay, mondayIn, PARIS, putWeekly, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, signInAs, SignedIn } from '../support/session';

describe('scheduling: booking a booth and an agent together', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>> & SchedulingIds;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let facilitator: SignedIn;
  let agent2Id: string;
  let agent3Id: string;
  /** A week far enough ahead that every slot of it is in the future. */
  const week = mondayIn(3);
  let booth2Id: string;

  const book = (who: SignedIn, body: object) => who.agent.post('/api/consultations').set('X-CSRF-Token', who.csrf).send(body);
  const base = () => ({
    boothId: ids.pithiviersBoothId,
    agentId: ids.demoAgentId,
    consultationTypeId: ids.incomeTaxTypeId,
    citizen: { name: 'Jeanne Martin', phone: '06 12 34 56 78' },
  });

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    ids = { ...(await demoIds(t.dataSource)), ...(await schedulingIds(t.dataSource)) };
    [admin, coordinator, facilitator] = await Promise.all([signIn(t.baseUrl, 'admin'), signIn(t.baseUrl, 'coordinator'), signIn(t.baseUrl, 'facilitator')]);
    agent2Id = await createAgent(admin, t.dataSource, 'agent2@example.fr', ids.ddfipId);
    agent3Id = await createAgent(admin, t.dataSource, 'agent3@example.fr', ids.ddfipId);
    for (const id of [agent2Id, agent3Id]) await putWeekly(coordinator, `/api/agents/${id}/availability`, everyDay('08:00', '18:00'));
    const [booth2] = await t.dataSource.query(`SELECT id FROM booths WHERE msap_site_id = $1 AND id <> $2`, [ids.pithiviersId, ids.pithiviersBoothId]);
    booth2Id = booth2.id;
  });
  afterAll(() => t.close());

  it('books: 201 with Paris offsets and a normalised phone; the agent sees it in their agenda, the coordinator on the board', async () => {
    const res = await book(facilitator, { ...base(), startsAt: at(week, '09:00') }).expect(201);
    expect(res.body).toMatchObject({
      status: 'scheduled',
      startsAt: at(week, '09:00'),
      endsAt: at(week, '09:30'),
      citizen: { name: 'Jeanne Martin', phone: '+33612345678', email: null },
      createdById: facilitator.userId,
    });
    expect(res.body.startsAt).toMatch(/\+0[12]:00$/);
    const agent = await signIn(t.baseUrl, 'agent');
    const agenda = await agent.agent.get('/api/consultations').query({ from: at(week, '00:00'), to: at(week.plus({ days: 1 }), '00:00') }).expect(200);
    expect(agenda.body.map((c: { id: string }) => c.id)).toContain(res.body.id);
    expect(new Set(agenda.body.map((c: { agentId: string }) => c.agentId))).toEqual(new Set([ids.demoAgentId]));
    expect(agenda.body[0]).toMatchObject({ boothName: 'Cabine 1', agentName: 'Antoine Agent', subject: expect.stringContaining('Impôt') });
    const board = await coordinator.agent.get('/api/consultations').query({ from: at(week, '00:00'), to: at(week.plus({ days: 1 }), '00:00'), boothId: ids.pithiviersBoothId });
    expect(board.body.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
    const one = await coordinator.agent.get(`/api/consultations/${res.body.id}`).expect(200);
    expect(one.body.id).toBe(res.body.id);
  });

  it('100 concurrent requests for one slot: exactly one 201, ninety-nine 409, one row', async () => {
    const startsAt = at(week.plus({ days: 1 }), '10:00');
    const statuses = await Promise.all(Array.from({ length: 100 }, () => book(coordinator, { ...base(), startsAt }).then((r) => r.status)));
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(99);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM consultations WHERE starts_at = $1`, [new Date(startsAt)]);
    expect(count).toBe(1);
    // Its messages are written by the booking's own statement: once, and none for the 99 losers.
    const messages: { event: string; channel: string }[] = await t.dataSource.query(
      `SELECT o.event, o.channel FROM notification_outbox o JOIN consultations c ON c.id = o.consultation_id WHERE c.starts_at = $1 ORDER BY o.channel`,
      [new Date(startsAt)],
    );
    expect(messages).toEqual([
      { event: 'booked', channel: 'agent_email' },
      { event: 'booked', channel: 'sms' },
    ]);
  });

  it('14 concurrent moves of consultations of one booth into one free interval: exactly one succeeds', async () => {
    const friday = week.plus({ weeks: 1, days: 4 }); // MSAP 09:00–12:30 and 13:30–17:30, agents 2 and 3 08:00–18:00
    const starts = ['09:00', '09:30', '10:00', '10:30', '11:00', '11:30', '12:00', '13:30', '14:00', '14:30', '15:00', '15:30', '16:00', '16:30'];
    const created: string[] = [];
    for (const [i, hhmm] of starts.entries()) {
      const res = await book(coordinator, { ...base(), agentId: i % 2 ? agent2Id : agent3Id, startsAt: at(friday, hhmm) }).expect(201);
      created.push(res.body.id);
    }
    const target = at(week.plus({ weeks: 2 }), '10:00');
    const statuses = await Promise.all(
      created.map((id) => coordinator.agent.patch(`/api/consultations/${id}`).set('X-CSRF-Token', coordinator.csrf).send({ startsAt: target }).then((r) => r.status)),
    );
    expect(statuses.filter((s) => s === 200)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(starts.length - 1);
    const [{ count }] = await t.dataSource.query(`SELECT count(*)::int AS count FROM consultations WHERE starts_at = $1 AND status = 'scheduled'`, [new Date(target)]);
    expect(count).toBe(1);
  });

  it('a booth-only conflict names the booth, an agent-only conflict names the agent', async () => {
    const day = week.plus({ days: 2 });
    await book(coordinator, { ...base(), startsAt: at(day, '14:00') }).expect(201);
    const boothTaken = await book(coordinator, { ...base(), agentId: agent2Id, startsAt: at(day, '14:15') }).expect(409);
    expect(boothTaken.body).toMatchObject({ code: 'BOOTH_TAKEN', errors: { boothId: ['BOOTH_TAKEN'] } });
    expect(boothTaken.body.message).toMatch(/booth/);
    const agentTaken = await book(coordinator, { ...base(), boothId: booth2Id, startsAt: at(day, '13:45') }).expect(409);
    expect(agentTaken.body).toMatchObject({ code: 'AGENT_TAKEN', errors: { agentId: ['AGENT_TAKEN'] } });
    const bothTaken = await book(coordinator, { ...base(), startsAt: at(day, '14:10') }).expect(409);
    expect(Object.keys(bothTaken.body.errors).sort()).toEqual(['agentId', 'boothId']);
    // Back to back is not an overlap: intervals are half-open.
    await book(coordinator, { ...base(), startsAt: at(day, '14:30') }).expect(201);
    await book(coordinator, { ...base(), agentId: agent2Id, boothId: booth2Id, startsAt: at(day, '14:00') }).expect(201);
  });

  it('the database refuses a double booking whatever the code path (exclusion constraints)', async () => {
    const day = week.plus({ days: 3 });
    const created = await book(coordinator, { ...base(), startsAt: at(day, '09:00') }).expect(201);
    const insert = `INSERT INTO consultations (booth_id, agent_id, administration_id, starts_at, ends_at) VALUES ($1, $2, $3, $4, $5)`;
    const overlap = [new Date(at(day, '09:10')), new Date(at(day, '09:20'))];
    await expect(t.dataSource.query(insert, [ids.pithiviersBoothId, agent2Id, ids.ddfipId, ...overlap])).rejects.toMatchObject({
      driverError: { code: '23P01', constraint: 'consultations_booth_no_overlap' },
    });
    await expect(t.dataSource.query(insert, [booth2Id, ids.demoAgentId, ids.ddfipId, ...overlap])).rejects.toMatchObject({
      driverError: { code: '23P01', constraint: 'consultations_agent_no_overlap' },
    });
    // Cancelled consultations free their interval.
    await coordinator.agent.post(`/api/consultations/${created.body.id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'Citoyen empêché' }).expect(200);
    await t.dataSource.query(insert, [ids.pithiviersBoothId, agent2Id, ids.ddfipId, ...overlap]);
  });

  it('reschedules atomically: a move into a taken interval is a 409 and leaves the consultation where it was', async () => {
    const day = week.plus({ days: 4 });
    const a = await book(coordinator, { ...base(), startsAt: at(day, '09:00') }).expect(201);
    await book(coordinator, { ...base(), agentId: agent2Id, startsAt: at(day, '10:00') }).expect(201);
    const move = (body: object) => coordinator.agent.patch(`/api/consultations/${a.body.id}`).set('X-CSRF-Token', coordinator.csrf).send(body);
    await move({ startsAt: at(day, '10:15') }).expect(409);
    const unchanged = await coordinator.agent.get(`/api/consultations/${a.body.id}`).expect(200);
    expect(unchanged.body).toMatchObject({ startsAt: at(day, '09:00'), boothId: ids.pithiviersBoothId });
    await move({}).expect(422);
    const moved = await move({ startsAt: at(day, '10:15'), boothId: booth2Id }).expect(200);
    expect(moved.body).toMatchObject({ startsAt: at(day, '10:15'), endsAt: at(day, '10:45'), boothId: booth2Id, status: 'scheduled' });
    // The old interval is free again.
    await book(coordinator, { ...base(), agentId: agent3Id, startsAt: at(day, '09:00') }).expect(201);
    const cancelled = await coordinator.agent.post(`/api/consultations/${a.body.id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'Dossier réglé par courrier' }).expect(200);
    // No cause named: the service's own, as the statistics count it.
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationReason: 'Dossier réglé par courrier', cancellationCause: 'service' });
    const [stored] = await t.dataSource.query(`SELECT cancellation_cause FROM consultations WHERE id = $1`, [a.body.id]);
    expect(stored.cancellation_cause).toBe('service');
    await move({ startsAt: at(day, '11:00') }).expect(409);
    await coordinator.agent.post(`/api/consultations/${a.body.id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'encore' }).expect(409);
  });

  it('slot search = availability ∩ opening hours − absences − closures − bookings of booth and agent', async () => {
    const day = week.plus({ weeks: 1 }); // Monday: demo agent 09:00–12:00 and 13:30–17:00; MSAP 09:00–12:30 and 13:30–17:30
    await book(coordinator, { ...base(), startsAt: at(day, '09:30') }).expect(201);
    await admin.agent.post(`/api/agents/${ids.demoAgentId}/absences`).set('X-CSRF-Token', admin.csrf).send({ startsAt: at(day, '14:00'), endsAt: at(day, '18:00') }).expect(201);
    await facilitator.agent.post(`/api/msap-sites/${ids.pithiviersId}/closures`).set('X-CSRF-Token', facilitator.csrf).send({ startsAt: at(day, '11:00'), endsAt: at(day, '11:30'), reason: 'Réunion' }).expect(201);
    const res = await facilitator.agent
      .get('/api/slots')
      .query({ consultationTypeId: ids.incomeTaxTypeId, agentId: ids.demoAgentId, boothId: ids.pithiviersBoothId, from: at(day, '00:00'), to: at(day.plus({ days: 1 }), '00:00'), stepMinutes: '30' })
      .expect(200);
    expect(res.body.durationMinutes).toBe(30);
    expect(res.body.slots.map((s: { startsAt: string }) => DateTime.fromISO(s.startsAt, { zone: PARIS }).toFormat('HH:mm'))).toEqual(['09:00', '10:00', '10:30', '11:30', '13:30']);
    expect(res.body.agents).toEqual([{ id: ids.demoAgentId, displayName: 'Antoine Agent' }]);
    expect(res.body.booths).toEqual([{ id: ids.pithiviersBoothId, name: 'Cabine 1' }]);
    expect(res.body.slots[0]).toMatchObject({ agents: [0], booths: [0] });
    // The whole administration at the whole MSAP: other agents fill what the demo agent cannot.
    const wide = await coordinator.agent
      .get('/api/slots')
      .query({ consultationTypeId: ids.incomeTaxTypeId, msapSiteId: ids.pithiviersId, from: at(day, '09:00'), to: at(day, '10:00') })
      .expect(200);
    const nine = wide.body.slots.find((s: { startsAt: string }) => s.startsAt === at(day, '09:30'));
    const agentIds = nine.agents.map((i: number) => wide.body.agents[i].id);
    expect(agentIds).toEqual(expect.arrayContaining([agent2Id, agent3Id]));
    expect(agentIds).not.toContain(ids.demoAgentId);
    expect(nine.booths.map((i: number) => wide.body.booths[i].id)).toEqual([booth2Id]);
  });

  it('keeps local hours across the daylight-saving changes (March and October)', async () => {
    const site = ids.sullyId;
    const early = await createAgent(admin, t.dataSource, 'early.bird@example.fr', ids.ddfipId);
    await putWeekly(coordinator, `/api/msap-sites/${site}/opening-hours`, everyDay('08:00', '19:00'));
    await putWeekly(coordinator, `/api/agents/${early}/availability`, everyDay('09:00', '10:00'));
    const spring = DateTime.fromISO('2027-03-26T00:00', { zone: PARIS }); // Sunday 28 March 2027: 02:00 → 03:00
    const autumn = DateTime.fromISO('2027-10-29T00:00', { zone: PARIS }); // Sunday 31 October 2027: 03:00 → 02:00
    for (const from of [spring, autumn]) {
      const res = await coordinator.agent
        .get('/api/slots')
        .query({ consultationTypeId: ids.incomeTaxTypeId, agentId: early, msapSiteId: site, from: at(from, '00:00'), to: at(from.plus({ days: 4 }), '00:00'), stepMinutes: '30' })
        .expect(200);
      const starts: string[] = res.body.slots.map((s: { startsAt: string }) => s.startsAt);
      expect(starts).toHaveLength(8);
      for (const s of starts) expect(DateTime.fromISO(s, { zone: PARIS }).toFormat('HH:mm')).toMatch(/^09:(00|30)$/);
      const offsets = new Set(starts.map((s) => s.slice(-6)));
      expect([...offsets].sort()).toEqual(['+01:00', '+02:00']);
    }
    // Booking on the day after the change lands at 09:00 local, i.e. 07:00 UTC in summer time.
    const res = await book(coordinator, { ...base(), boothId: ids.sullyBoothId, agentId: early, startsAt: '2027-03-29T09:00:00+02:00' }).expect(201);
    const [row] = await t.dataSource.query(`SELECT starts_at FROM consultations WHERE id = $1`, [res.body.id]);
    expect((row.starts_at as Date).toISOString()).toBe('2027-03-29T07:00:00.000Z');
    await book(coordinator, { ...base(), boothId: ids.sullyBoothId, agentId: early, startsAt: '2027-03-29T09:00:00+01:00' }).expect(422);
  });

  it('declaring an absence lists the bookings it hits with free colleagues; each is reassigned or cancelled', async () => {
    const day = week.plus({ weeks: 1, days: 1 }); // Tuesday
    const first = await book(coordinator, { ...base(), startsAt: at(day, '09:00') }).expect(201);
    const second = await book(coordinator, { ...base(), startsAt: at(day, '10:00') }).expect(201);
    // agent3 is busy at 10:00, agent2 is free at both.
    await book(coordinator, { ...base(), agentId: agent3Id, boothId: booth2Id, startsAt: at(day, '10:00') }).expect(201);
    const declared = await coordinator.agent
      .post(`/api/agents/${ids.demoAgentId}/absences`)
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ startsAt: at(day, '00:00'), endsAt: at(day.plus({ days: 1 }), '00:00'), reason: 'Formation' })
      .expect(201);
    expect(declared.body.affected.map((a: { consultation: { id: string } }) => a.consultation.id)).toEqual([first.body.id, second.body.id]);
    // Each booking comes with what tells it apart: citizen, booth, MSAP, type (as on the board).
    expect(declared.body.affected[0].consultation).toMatchObject({
      citizen: { name: 'Jeanne Martin' },
      boothName: 'Cabine 1',
      msapSiteId: ids.pithiviersId,
      msapSiteName: 'France Services de Pithiviers',
      agentName: 'Antoine Agent',
      administrationName: 'DDFIP du Loiret',
      subject: expect.stringContaining('Impôt'),
      startsAt: at(day, '09:00'),
    });
    const names = (i: number) => declared.body.affected[i].replacements.map((r: { agentId: string }) => r.agentId).sort();
    expect(names(0)).toEqual(expect.arrayContaining([agent2Id, agent3Id]));
    expect(names(1)).toContain(agent2Id);
    expect(names(1)).not.toContain(agent3Id);
    expect(names(0)).not.toContain(ids.demoAgentId);

    const reassigned = await coordinator.agent.post(`/api/consultations/${first.body.id}/reassign`).set('X-CSRF-Token', coordinator.csrf).send({ agentId: agent2Id }).expect(200);
    expect(reassigned.body).toMatchObject({ agentId: agent2Id, startsAt: at(day, '09:00') });
    // agent3 is busy at 10:00: the database says so even if the list was stale.
    const busy = await coordinator.agent.post(`/api/consultations/${second.body.id}/reassign`).set('X-CSRF-Token', coordinator.csrf).send({ agentId: agent3Id }).expect(409);
    expect(busy.body.errors).toHaveProperty('agentId');
    const before = await coordinator.agent.get(`/api/agents/${ids.demoAgentId}/absences/${declared.body.absence.id}/impact`).expect(200);
    expect(before.body.affected.map((a: { consultation: { id: string; boothName: string } }) => [a.consultation.id, a.consultation.boothName])).toEqual([
      [second.body.id, 'Cabine 1'],
    ]);
    const cancelled = await coordinator.agent
      .post(`/api/consultations/${second.body.id}/cancel`)
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ reason: 'Agent absent', cause: 'agent_absence' })
      .expect(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancellationCause: 'agent_absence' });
    const [stored] = await t.dataSource.query(`SELECT cancellation_cause FROM consultations WHERE id = $1`, [second.body.id]);
    expect(stored.cancellation_cause).toBe('agent_absence');
    const impact = await coordinator.agent.get(`/api/agents/${ids.demoAgentId}/absences/${declared.body.absence.id}/impact`).expect(200);
    expect(impact.body.affected).toEqual([]);
    // No new booking inside the absence.
    const refused = await book(coordinator, { ...base(), startsAt: at(day, '11:00') }).expect(422);
    expect(refused.body).toMatchObject({ code: 'AGENT_ABSENT', errors: { startsAt: ['AGENT_ABSENT'] } });
    // A colleague of another administration is never proposed nor accepted.
    const other = await createAgent(admin, t.dataSource, 'prefecture.agent@example.fr', ids.prefectureId);
    await putWeekly(admin, `/api/agents/${other}/availability`, everyDay('08:00', '18:00'));
    const third = await book(coordinator, { ...base(), agentId: agent2Id, startsAt: at(day, '11:00') }).expect(201);
    await coordinator.agent.post(`/api/consultations/${third.body.id}/reassign`).set('X-CSRF-Token', coordinator.csrf).send({ agentId: other }).expect(422);
  });

  it('scopes: facilitators book at their MSAP only, agents do not book, coordinators stay in their département', async () => {
    const day = week.plus({ weeks: 1, days: 2 });
    await book(facilitator, { ...base(), boothId: ids.sullyBoothId, startsAt: at(day, '09:00') }).expect(403);
    const agent = await signIn(t.baseUrl, 'agent');
    await book(agent, { ...base(), startsAt: at(day, '09:00') }).expect(403);
    await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'coord.18@example.fr', displayName: 'Coord 18', role: 'coordinator', departement: '18', password: 'un-mot-de-passe-long' })
      .expect(201);
    const other = await signInAs(t.baseUrl, 'coord.18@example.fr', 'un-mot-de-passe-long');
    await book(other, { ...base(), startsAt: at(day, '09:00') }).expect(403);
    const put = await other.agent.put(`/api/agents/${agent2Id}/availability`).set('X-CSRF-Token', other.csrf).send(everyDay('08:00', '18:00'));
    expect(put.status).toBe(403);
    const board = await other.agent.get('/api/consultations').query({ from: at(week, '00:00'), to: at(week.plus({ weeks: 3 }), '00:00') }).expect(200);
    expect(board.body).toEqual([]);
  });

  it('bad inputs get a clear 4xx naming the field', async () => {
    const day = week.plus({ weeks: 1, days: 3 });
    const cases: Array<[object, number, string]> = [
      [{ ...base(), startsAt: at(day, '10:00'), endsAt: at(day, '09:00') }, 422, 'endsAt'],
      [{ ...base(), startsAt: at(day, '10:00'), endsAt: at(day.plus({ days: 1 }), '10:00') }, 422, 'endsAt'],
      [{ ...base(), boothId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f', startsAt: at(day, '10:00') }, 422, 'boothId'],
      [{ ...base(), agentId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f', startsAt: at(day, '10:00') }, 422, 'agentId'],
      [{ ...base(), consultationTypeId: '8b0f3c1e-2f6a-4d7e-9c4b-1a2b3c4d5e6f', startsAt: at(day, '10:00') }, 422, 'consultationTypeId'],
      [{ ...base(), startsAt: '2020-01-06T10:00:00+01:00' }, 422, 'startsAt'],
      [{ ...base(), startsAt: at(day.plus({ years: 2 }), '10:00') }, 422, 'startsAt'],
      [{ ...base(), startsAt: day.set({ hour: 10 }).toFormat("yyyy-MM-dd'T'HH:mm:ss") }, 422, 'startsAt'],
      [{ ...base(), startsAt: 'lundi 10h' }, 422, 'startsAt'],
      [{ ...base(), startsAt: at(day, '20:00') }, 422, 'startsAt'],
      [{ ...base(), startsAt: at(day, '10:00'), citizen: { name: '' } }, 422, 'citizen'],
      [{ ...base(), startsAt: at(day, '10:00'), citizen: { name: 'X', phone: 'pas de téléphone' } }, 422, 'citizen'],
      [{ ...base(), startsAt: at(day, '10:00'), citizen: { name: 'X', email: 'nope' } }, 422, 'citizen'],
      [{ ...base(), startsAt: at(day, '10:00'), extra: 1 }, 422, 'extra'],
      [{ ...base(), boothId: 'booth-1', startsAt: at(day, '10:00') }, 422, 'boothId'],
    ];
    for (const [body, status, field] of cases) {
      const res = await book(coordinator, body);
      expect({ body, status: res.status, field: Object.keys(res.body.errors ?? {}) }).toEqual({ body, status, field: expect.arrayContaining([field]) });
    }
    const slots = (query: object) => coordinator.agent.get('/api/slots').query(query);
    const q = { consultationTypeId: ids.incomeTaxTypeId, msapSiteId: ids.pithiviersId, from: at(day, '00:00'), to: at(day.plus({ days: 1 }), '00:00') };
    expect((await slots({ ...q, msapSiteId: undefined })).body.errors).toHaveProperty('msapSiteId');
    expect((await slots({ ...q, msapSiteId: 'x', boothId: ids.pithiviersBoothId })).body.errors).toHaveProperty('msapSiteId');
    expect((await slots({ ...q, msapSiteId: ids.sullyId, boothId: ids.pithiviersBoothId })).body.errors).toHaveProperty('boothId');
    expect((await slots({ ...q, to: at(day.plus({ days: 400 }), '00:00') })).body.errors).toHaveProperty('to');
    expect((await slots({ ...q, stepMinutes: '7' })).body.errors).toHaveProperty('stepMinutes');
    expect((await slots({ ...q, administrationId: ids.prefectureId })).body.errors).toHaveProperty('administrationId');
    const list = await coordinator.agent.get('/api/consultations').query({ from: '2026-01-01T00:00:00Z', to: '2027-06-01T00:00:00Z' }).expect(422);
    expect(list.body.errors).toHaveProperty('to');
    const ranges = await coordinator.agent.put(`/api/agents/${agent2Id}/availability`).set('X-CSRF-Token', coordinator.csrf).send({ ranges: [{ weekday: 8, start: '9h', end: '08:00' }] }).expect(422);
    expect(ranges.body.errors.ranges).toBeDefined();
    const backwards = await coordinator.agent
      .put(`/api/agents/${agent2Id}/availability`)
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ ranges: [{ weekday: 1, start: '12:00', end: '09:00' }] })
      .expect(422);
    expect(backwards.body.errors).toEqual({ ranges: { 0: { end: ['END_BEFORE_START'] } } });
  });

  it('odd bodies and query strings never get a 5xx', async () => {
    const [consultation] = await t.dataSource.query(`SELECT id FROM consultations LIMIT 1`);
    const bodies: unknown[] = [[], [{}], { startsAt: null }, { startsAt: 12 }, { citizen: 'x' }, { citizen: [] }, { ranges: {} }, { ranges: [null] }, { reason: ['a'] }, { agentId: {} }];
    const writes: Array<['post' | 'patch' | 'put', string]> = [
      ['post', '/api/consultations'],
      ['patch', `/api/consultations/${consultation.id}`],
      ['post', `/api/consultations/${consultation.id}/cancel`],
      ['post', `/api/consultations/${consultation.id}/reassign`],
      ['post', `/api/consultations/${consultation.id}/outcome`],
      ['put', `/api/agents/${agent2Id}/availability`],
      ['post', `/api/agents/${agent2Id}/absences`],
      ['put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`],
      ['post', `/api/msap-sites/${ids.pithiviersId}/closures`],
      ['post', '/api/consultation-types'],
    ];
    const not4xx: unknown[] = [];
    for (const [method, path] of writes) {
      for (const body of bodies) {
        const res = await admin.agent[method](path).set('X-CSRF-Token', admin.csrf).send(body as object);
        if (res.status < 400 || res.status >= 500) not4xx.push({ path, body, status: res.status });
      }
    }
    for (const query of ['from[]=1&to=2', 'consultationTypeId=1&msapSiteId=2&from=3&to=4', 'limit=-1', 'stepMinutes=abc&limit=1e9']) {
      for (const path of ['/api/slots', '/api/consultations', `/api/agents/${agent2Id}/absences`, `/api/msap-sites/${ids.pithiviersId}/closures`]) {
        const res = await admin.agent.get(`${path}?${query}`);
        if (res.status < 400 || res.status >= 500) not4xx.push({ path, query, status: res.status });
      }
    }
    expect(not4xx).toEqual([]);
  });

  it('a cancellation names its cause among the staff’s (agent_absence, site_closure, service); any other is a 422 on the field', async () => {
    const day = week.plus({ days: 3 });
    const cancel = (id: string, body: object) => coordinator.agent.post(`/api/consultations/${id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send(body);
    const booking = await book(coordinator, { ...base(), startsAt: at(day, '15:00') }).expect(201);
    // The others are set by their own path (the citizen's link, a mass cancellation), never named here.
    for (const cause of ['citizen', 'mass', 'weather', '', null, 3]) {
      const refused = await cancel(booking.body.id, { reason: 'Site fermé (travaux)', cause }).expect(422);
      expect(refused.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { cause: [expect.any(String)] } });
    }
    expect((await t.dataSource.query(`SELECT status, cancellation_cause FROM consultations WHERE id = $1`, [booking.body.id]))[0]).toEqual({
      status: 'scheduled',
      cancellation_cause: null,
    });
    const done = await cancel(booking.body.id, { reason: 'Site fermé (travaux)', cause: 'site_closure' }).expect(200);
    expect(done.body).toMatchObject({ status: 'cancelled', cancellationCause: 'site_closure' });
    const listed = await coordinator.agent.get(`/api/consultations/${booking.body.id}`).expect(200);
    expect(listed.body.cancellationCause).toBe('site_closure');
  });

  it('refuses the NUL character (which PostgreSQL text cannot hold) anywhere in a body or a query, naming where', async () => {
    const booking = await book(coordinator, { ...base(), startsAt: at(week.plus({ days: 2 }), '10:00'), citizen: { name: 'Jeanne\u0000Martin' } }).expect(422);
    expect(booking.body.errors).toEqual({ citizen: { name: ['NUL_CHARACTER'] } });
    const [consultation] = await t.dataSource.query(`SELECT id FROM consultations WHERE status = 'scheduled' LIMIT 1`);
    const cancel = await coordinator.agent.post(`/api/consultations/${consultation.id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'a\u0000b' }).expect(422);
    expect(cancel.body.errors).toEqual({ reason: ['NUL_CHARACTER'] });
    const search = await coordinator.agent.get('/api/consultations?from=2026%00').expect(422);
    expect(search.body.errors).toEqual({ from: ['NUL_CHARACTER'] });
    const [{ status }] = await t.dataSource.query(`SELECT status FROM consultations WHERE id = $1`, [consultation.id]);
    expect(status).toBe('scheduled');
  });

  it('documents the API with OpenAPI at /api/docs', async () => {
    const html = await request(t.baseUrl).get('/api/docs').redirects(1).expect(200);
    expect(html.text).toMatch(/swagger/i);
    const json = await request(t.baseUrl).get('/api/docs-json').expect(200);
    expect(Object.keys(json.body.paths)).toEqual(expect.arrayContaining(['/api/consultations', '/api/slots', '/api/agents/{id}/absences']));
    expect(json.body.components.schemas.BookConsultationDto.required).toEqual(expect.arrayContaining(['boothId', 'agentId', 'startsAt', 'citizen']));
    // The absence impact's answer is described down to the names of each affected booking.
    const declared = json.body.paths['/api/agents/{id}/absences'].post.responses['201'].content['application/json'].schema;
    expect(declared).toEqual({ $ref: '#/components/schemas/AbsenceImpactView' });
    const schemas = json.body.components.schemas;
    expect(schemas.AffectedConsultationView.properties.consultation).toEqual({ $ref: '#/components/schemas/ConsultationListItem' });
    const listItem = schemas.ConsultationListItem;
    const properties = listItem.properties ?? listItem.allOf?.find((part: { properties?: object }) => part.properties)?.properties;
    expect(Object.keys(properties)).toEqual(expect.arrayContaining(['boothName', 'msapSiteName', 'agentName', 'subject']));
  });
});
