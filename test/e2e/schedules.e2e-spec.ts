import { startTestApp, TestApp } from '../support/app';
import { demoIds } from '../support/demo-data';
import { at, createAgent, mondayIn, putWeekly, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, signInAs, SignedIn } from '../support/session';

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  subject_type: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
}

const WEEKDAYS = [1, 2, 3, 4, 5];
/** The demo MSAPs' hours (server/src/seed): 09:00–12:30 and 13:30–17:30, Monday to Friday. */
const DEMO_OPENING = WEEKDAYS.flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:30' },
  { weekday, start: '13:30', end: '17:30' },
]);
/** The demo agent's: 09:00–12:00 and 13:30–17:00, Monday to Friday. */
const DEMO_AVAILABILITY = WEEKDAYS.flatMap((weekday) => [
  { weekday, start: '09:00', end: '12:00' },
  { weekday, start: '13:30', end: '17:00' },
]);

/**
 * Opening hours, closures, availability and consultation types as the coordinators' screens change
 * them: each bad input refused with its code and nothing stored, the bookings a change would leave
 * outside listed before it is saved (and until each is settled), and every change audited with what
 * it replaced, in its own transaction, under the request's id.
 */
describe('schedules: opening hours, closures, availability, consultation types', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>> & SchedulingIds;
  let admin: SignedIn;
  let coordinator: SignedIn;
  let colleagueId: string;
  const week = mondayIn(3);
  let requests = 0;

  /** A write with a request id of its own, to find its audit row by. */
  const send = (who: SignedIn, method: 'put' | 'post' | 'patch' | 'delete', path: string, body?: object) => {
    const requestId = `schedules-${++requests}`;
    const req = who.agent[method](path).set('X-CSRF-Token', who.csrf).set('X-Request-Id', requestId);
    return { requestId, res: body === undefined ? req : req.send(body) };
  };
  const auditOf = async (requestId: string): Promise<AuditRow[]> =>
    t.dataSource.query(`SELECT action, actor_user_id, subject_type, subject_id, details, request_id FROM audit_events WHERE request_id = $1 ORDER BY id`, [requestId]);
  const auditCount = async (): Promise<number> => Number((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events`))[0].n);
  const opening = async () => (await coordinator.agent.get(`/api/msap-sites/${ids.pithiviersId}/opening-hours`).expect(200)).body;
  const availability = async (agentId: string) => (await coordinator.agent.get(`/api/agents/${agentId}/availability`).expect(200)).body;
  const closures = async () => t.dataSource.query(`SELECT id, starts_at, ends_at FROM msap_closures WHERE msap_site_id = $1 ORDER BY starts_at`, [ids.pithiviersId]);
  const book = async (startsAt: string, agentId = ids.demoAgentId): Promise<string> => {
    const res = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId: ids.pithiviersBoothId, agentId, consultationTypeId: ids.incomeTaxTypeId, startsAt, citizen: { name: 'Louise Bernard', phone: '06 12 34 56 78' } })
      .expect(201);
    return res.body.id as string;
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    ids = { ...(await demoIds(t.dataSource)), ...(await schedulingIds(t.dataSource)) };
    [admin, coordinator] = await Promise.all([signIn(t.baseUrl, 'admin'), signIn(t.baseUrl, 'coordinator')]);
    colleagueId = await createAgent(admin, t.dataSource, 'collegue@example.fr', ids.ddfipId);
    await putWeekly(coordinator, `/api/agents/${colleagueId}/availability`, { ranges: DEMO_AVAILABILITY });
  });
  afterAll(() => t.close());

  describe('bad input: a specific 4xx, nothing stored, nothing audited', () => {
    it('overlapping opening ranges: 422 naming each range that overlaps, for the save and its dry run', async () => {
      const before = await opening();
      const audits = await auditCount();
      const body = {
        ranges: [
          { weekday: 1, start: '09:00', end: '12:30' },
          { weekday: 1, start: '12:00', end: '17:00' },
          { weekday: 2, start: '09:00', end: '12:00' },
          { weekday: 2, start: '12:00', end: '13:00' },
          { weekday: 2, start: '08:00', end: '18:00' },
        ],
      };
      for (const path of ['opening-hours', 'opening-hours/impact']) {
        const method = path === 'opening-hours' ? 'put' : 'post';
        const { res } = send(coordinator, method, `/api/msap-sites/${ids.pithiviersId}/${path}`, body);
        const answer = await res.expect(422);
        expect(answer.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { ranges: { 1: ['OVERLAPS'], 2: ['OVERLAPS'], 3: ['OVERLAPS'] } } });
        expect(Object.keys(answer.body.errors.ranges)).toEqual(['1', '2', '3']);
      }
      expect(await opening()).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('a range ending before it starts, or starting at 24:00: 422 on that field', async () => {
      const { res } = send(coordinator, 'put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: [{ weekday: 3, start: '14:00', end: '10:00' }] });
      expect((await res.expect(422)).body.errors).toEqual({ ranges: { 0: { end: ['END_BEFORE_START'] } } });
      const late = send(coordinator, 'put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: [{ weekday: 3, start: '24:00', end: '24:00' }] });
      expect((await late.res.expect(422)).body.errors).toEqual({ ranges: { 0: { start: ['TOO_LARGE'] } } });
      expect(await opening()).toEqual(DEMO_OPENING);
    });

    it('an availability range that meets no MSAP opening of its weekday: 422 OUTSIDE_OPENING_HOURS; partly outside, or on a day no MSAP opens, is accepted', async () => {
      const before = await availability(colleagueId);
      const audits = await auditCount();
      const body = {
        ranges: [
          { weekday: 1, start: '09:00', end: '12:00' },
          { weekday: 1, start: '18:00', end: '20:00' },
          { weekday: 2, start: '12:30', end: '13:30' },
        ],
      };
      for (const [method, path] of [
        ['put', 'availability'],
        ['post', 'availability/impact'],
      ] as const) {
        const { res } = send(coordinator, method, `/api/agents/${colleagueId}/${path}`, body);
        expect((await res.expect(422)).body).toMatchObject({ code: 'OUTSIDE_OPENING_HOURS', errors: { ranges: { 1: ['OUTSIDE_OPENING_HOURS'], 2: ['OUTSIDE_OPENING_HOURS'] } } });
      }
      expect(await availability(colleagueId)).toEqual(before);
      expect(await auditCount()).toBe(audits);

      // 08:00–10:00 overlaps the opening from 09:00; no MSAP of the Loiret opens on Saturday.
      const accepted = [
        { weekday: 1, start: '08:00', end: '10:00' },
        { weekday: 6, start: '09:00', end: '12:00' },
      ];
      const { res } = send(coordinator, 'post', `/api/agents/${colleagueId}/availability/impact`, { ranges: accepted });
      expect((await res.expect(200)).body).toEqual({ affected: [], total: 0 });
    });

    it('a consultation type of 0 or 900 minutes: 422 TOO_SMALL / TOO_LARGE, on creation and on change', async () => {
      const types = async () => t.dataSource.query(`SELECT id, subject, duration_minutes FROM consultation_types ORDER BY id`);
      const before = await types();
      const audits = await auditCount();
      for (const [minutes, code] of [
        [0, 'TOO_SMALL'],
        [900, 'TOO_LARGE'],
      ] as const) {
        const created = send(coordinator, 'post', '/api/consultation-types', { administrationId: ids.ddfipId, subject: 'Prélèvement à la source', durationMinutes: minutes });
        expect((await created.res.expect(422)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { durationMinutes: [code] } });
        const changed = send(coordinator, 'patch', `/api/consultation-types/${ids.incomeTaxTypeId}`, { durationMinutes: minutes });
        expect((await changed.res.expect(422)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { durationMinutes: [code] } });
      }
      const blank = send(coordinator, 'patch', `/api/consultation-types/${ids.incomeTaxTypeId}`, { subject: '  a   ' });
      expect((await blank.res.expect(422)).body.errors).toEqual({ subject: ['TOO_SHORT'] });
      expect(await types()).toEqual(before);
      expect(await auditCount()).toBe(audits);
    });

    it('a closure ending before it starts: 422 END_BEFORE_START on endsAt, for the save and its dry run', async () => {
      const audits = await auditCount();
      const body = { startsAt: at(week, '14:00'), endsAt: at(week, '10:00'), reason: 'Travaux' };
      for (const path of ['closures', 'closures/impact']) {
        const { res } = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/${path}`, body);
        expect((await res.expect(422)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { endsAt: ['END_BEFORE_START'] } });
      }
      expect(await closures()).toEqual([]);
      expect(await auditCount()).toBe(audits);
    });

    it('out of scope: a coordinator of another département changes nothing (403)', async () => {
      await admin.agent
        .post('/api/users')
        .set('X-CSRF-Token', admin.csrf)
        .send({ email: 'coord18@example.fr', displayName: 'Coordination Cher', role: 'coordinator', departement: '18', password: 'un-mot-de-passe-long' })
        .expect(201);
      const other = await signInAs(t.baseUrl, 'coord18@example.fr', 'un-mot-de-passe-long');
      const audits = await auditCount();
      const writes = [
        send(other, 'put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: [] }),
        send(other, 'post', `/api/msap-sites/${ids.pithiviersId}/opening-hours/impact`, { ranges: [] }),
        send(other, 'post', `/api/msap-sites/${ids.pithiviersId}/closures`, { startsAt: at(week, '00:00'), endsAt: at(week.plus({ days: 1 }), '00:00') }),
        send(other, 'put', `/api/agents/${colleagueId}/availability`, { ranges: [] }),
        send(other, 'post', `/api/agents/${colleagueId}/availability/impact`, { ranges: [] }),
        send(other, 'patch', `/api/consultation-types/${ids.incomeTaxTypeId}`, { durationMinutes: 40 }),
        send(other, 'post', '/api/consultation-types', { administrationId: ids.ddfipId, subject: 'Autre objet', durationMinutes: 20 }),
      ];
      for (const { res } of writes) expect((await res).status).toBe(403);
      expect(await opening()).toEqual(DEMO_OPENING);
      expect(await availability(colleagueId)).toEqual(DEMO_AVAILABILITY);
      expect(await closures()).toEqual([]);
      expect(await auditCount()).toBe(audits);
    });
  });

  describe('the bookings a change would leave outside', () => {
    let monday4pm: string;
    let tuesday10am: string;

    beforeAll(async () => {
      monday4pm = await book(at(week, '16:00'));
      tuesday10am = await book(at(week.plus({ days: 1 }), '10:00'));
    });

    it('new opening hours: the dry run lists the bookings they leave outside and stores nothing', async () => {
      const shorter = DEMO_OPENING.filter((r) => !(r.weekday === 1 && r.start === '13:30'));
      const { res } = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/opening-hours/impact`, { ranges: shorter });
      const impact = (await res.expect(200)).body;
      expect(impact.total).toBe(1);
      expect(impact.affected).toEqual([
        {
          consultation: expect.objectContaining({ id: monday4pm, startsAt: at(week, '16:00'), citizen: expect.objectContaining({ name: 'Louise Bernard' }), msapSiteName: 'France Services de Pithiviers' }),
          replacements: [],
        },
      ]);
      expect(await opening()).toEqual(DEMO_OPENING);
      // The same hours as now leave nothing outside.
      const same = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/opening-hours/impact`, { ranges: DEMO_OPENING });
      expect((await same.res.expect(200)).body).toEqual({ affected: [], total: 0 });
    });

    it('a closure: the dry run lists the bookings it falls on, part-day closures included', async () => {
      const day = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/closures/impact`, { startsAt: at(week, '00:00'), endsAt: at(week.plus({ days: 2 }), '00:00') });
      expect((await day.res.expect(200)).body.affected.map((a: { consultation: { id: string } }) => a.consultation.id)).toEqual([monday4pm, tuesday10am]);
      const afternoon = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/closures/impact`, { startsAt: at(week, '16:15'), endsAt: at(week, '18:00') });
      expect((await afternoon.res.expect(200)).body).toMatchObject({ total: 1, affected: [{ consultation: { id: monday4pm } }] });
      expect(await closures()).toEqual([]);
    });

    it('an availability: the dry run lists the agent’s bookings it leaves outside, with the colleagues free to take each', async () => {
      const mornings = DEMO_AVAILABILITY.filter((r) => r.start === '09:00');
      const { res } = send(coordinator, 'post', `/api/agents/${ids.demoAgentId}/availability/impact`, { ranges: mornings });
      const impact = (await res.expect(200)).body;
      expect(impact).toMatchObject({ total: 1, affected: [{ consultation: { id: monday4pm }, replacements: [{ agentId: colleagueId, displayName: 'collegue' }] }] });
      expect(await availability(ids.demoAgentId)).toEqual(DEMO_AVAILABILITY);
    });

    it('saved anyway: the same question lists the bookings still to settle, until each is moved or cancelled', async () => {
      const shorter = DEMO_OPENING.filter((r) => !(r.weekday === 1 && r.start === '13:30'));
      const saved = send(coordinator, 'put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: shorter });
      await saved.res.expect(200);
      const ask = () => send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/opening-hours/impact`, { ranges: shorter }).res.expect(200);
      expect((await ask()).body.total).toBe(1);
      await coordinator.agent.patch(`/api/consultations/${monday4pm}`).set('X-CSRF-Token', coordinator.csrf).send({ startsAt: at(week, '10:00') }).expect(200);
      expect((await ask()).body).toEqual({ affected: [], total: 0 });

      const closure = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/closures/impact`, { startsAt: at(week.plus({ days: 1 }), '00:00'), endsAt: at(week.plus({ days: 2 }), '00:00') });
      expect((await closure.res.expect(200)).body.total).toBe(1);
      await coordinator.agent.post(`/api/consultations/${tuesday10am}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'France Services fermée' }).expect(200);
      const after = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/closures/impact`, { startsAt: at(week.plus({ days: 1 }), '00:00'), endsAt: at(week.plus({ days: 2 }), '00:00') });
      expect((await after.res.expect(200)).body).toEqual({ affected: [], total: 0 });
      await putWeekly(coordinator, `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: DEMO_OPENING });
    });
  });

  describe('the bookings still to settle, as the stored schedules stand', () => {
    const toSettle = async (path: string) => (await coordinator.agent.get(path).expect(200)).body as { affected: Array<{ consultation: { id: string }; replacements: Array<{ agentId: string }> }>; total: number };
    const idsOf = (impact: { affected: Array<{ consultation: { id: string } }> }) => impact.affected.map((a) => a.consultation.id);

    it('an MSAP: the bookings outside its stored hours or on one of its closures, until each is settled; an agent: those outside their availability', async () => {
      const later = week.plus({ weeks: 1 });
      const monday4pm = await book(at(later, '16:00'));
      const tuesday10am = await book(at(later.plus({ days: 1 }), '10:00'));
      const site = `/api/msap-sites/${ids.pithiviersId}/bookings-to-settle`;
      const agent = `/api/agents/${ids.demoAgentId}/bookings-to-settle`;
      expect(await toSettle(site)).toEqual({ affected: [], total: 0 });
      expect(await toSettle(agent)).toEqual({ affected: [], total: 0 });

      await putWeekly(coordinator, `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: DEMO_OPENING.filter((r) => !(r.weekday === 1 && r.start === '13:30')) });
      const closure = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/closures`, { startsAt: at(later.plus({ days: 1 }), '09:30'), endsAt: at(later.plus({ days: 1 }), '11:00') });
      const closureId = (await closure.res.expect(201)).body.id as string;
      await putWeekly(coordinator, `/api/agents/${ids.demoAgentId}/availability`, { ranges: DEMO_AVAILABILITY.filter((r) => r.start === '09:00') });

      const atSite = await toSettle(site);
      expect({ ids: idsOf(atSite), total: atSite.total }).toEqual({ ids: [monday4pm, tuesday10am], total: 2 });
      expect(atSite.affected.every((a) => a.replacements.length === 0)).toBe(true);
      const ofAgent = await toSettle(agent);
      expect(ofAgent).toMatchObject({ total: 1, affected: [{ consultation: { id: monday4pm }, replacements: [{ agentId: colleagueId }] }] });

      // Settled one by one: moved into the hours, cancelled.
      await coordinator.agent.patch(`/api/consultations/${monday4pm}`).set('X-CSRF-Token', coordinator.csrf).send({ startsAt: at(later, '10:00') }).expect(200);
      expect(idsOf(await toSettle(site))).toEqual([tuesday10am]);
      expect(await toSettle(agent)).toEqual({ affected: [], total: 0 });
      // The closure removed, the booking it fell on is held again.
      await send(coordinator, 'delete', `/api/msap-sites/${ids.pithiviersId}/closures/${closureId}`).res.expect(204);
      expect(await toSettle(site)).toEqual({ affected: [], total: 0 });

      // Out of scope: a coordinator of another département (created above) is refused.
      const other = await signInAs(t.baseUrl, 'coord18@example.fr', 'un-mot-de-passe-long');
      await other.agent.get(site).expect(403);
      await other.agent.get(agent).expect(403);
      await coordinator.agent.post(`/api/consultations/${tuesday10am}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'Fin du test' }).expect(200);
      await putWeekly(coordinator, `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: DEMO_OPENING });
      await putWeekly(coordinator, `/api/agents/${ids.demoAgentId}/availability`, { ranges: DEMO_AVAILABILITY });
    });

    it('"propose another slot" for a booking a schedule change left outside: audited as coming from the schedule; an unknown cause is refused', async () => {
      const later = week.plus({ weeks: 2 });
      const booked = await book(at(later, '16:00'));
      const proposal = (await coordinator.agent.get(`/api/consultations/${booked}/proposed-slot`).expect(200)).body;
      const bad = send(coordinator, 'post', `/api/consultations/${booked}/propose-slot`, { startsAt: proposal.startsAt, agentId: proposal.agentId, via: 'telepathy' });
      expect((await bad.res.expect(422)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { via: ['NOT_ALLOWED'] } });
      expect(await auditOf(bad.requestId)).toEqual([]);
      const moved = send(coordinator, 'post', `/api/consultations/${booked}/propose-slot`, { startsAt: proposal.startsAt, agentId: proposal.agentId, via: 'schedule' });
      expect((await moved.res.expect(200)).body.startsAt).toBe(proposal.startsAt);
      expect(await auditOf(moved.requestId)).toEqual([
        expect.objectContaining({ action: 'consultation.rescheduled', actor_user_id: coordinator.userId, subject_id: booked, details: expect.objectContaining({ via: 'schedule' }), request_id: moved.requestId }),
      ]);
      await coordinator.agent.post(`/api/consultations/${booked}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'Fin du test' }).expect(200);
    });
  });

  describe('every change audited with what it replaced, under its request', () => {
    it('opening hours: before and after; saving the same hours again records nothing', async () => {
      const next = DEMO_OPENING.map((r) => (r.weekday === 3 && r.start === '13:30' ? { ...r, end: '16:00' } : r));
      const { requestId, res } = send(coordinator, 'put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: next });
      expect((await res.expect(200)).body).toEqual(next);
      expect(await auditOf(requestId)).toEqual([
        {
          action: 'opening_hours.changed',
          actor_user_id: coordinator.userId,
          subject_type: 'msap_site',
          subject_id: ids.pithiviersId,
          details: { before: DEMO_OPENING, after: next },
          request_id: requestId,
        },
      ]);
      const again = send(coordinator, 'put', `/api/msap-sites/${ids.pithiviersId}/opening-hours`, { ranges: next });
      await again.res.expect(200);
      expect(await auditOf(again.requestId)).toEqual([]);
    });

    it('closures: created and deleted, with their interval and not their reason; one already covered is refused', async () => {
      const body = { startsAt: at(week.plus({ days: 3 }), '00:00'), endsAt: at(week.plus({ days: 4 }), '00:00'), reason: 'Ascension' };
      const created = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/closures`, body);
      const closure = (await created.res.expect(201)).body;
      expect(closure).toMatchObject({ startsAt: body.startsAt, endsAt: body.endsAt, reason: 'Ascension' });
      const span = { startsAt: body.startsAt, endsAt: body.endsAt };
      expect(await auditOf(created.requestId)).toEqual([
        {
          action: 'closure.created',
          actor_user_id: coordinator.userId,
          subject_type: 'msap_site',
          subject_id: ids.pithiviersId,
          details: { closureId: closure.id, after: span },
          request_id: created.requestId,
        },
      ]);

      const audits = await auditCount();
      for (const dup of [body, { startsAt: at(week.plus({ days: 3 }), '09:00'), endsAt: at(week.plus({ days: 3 }), '12:00') }]) {
        const twice = send(coordinator, 'post', `/api/msap-sites/${ids.pithiviersId}/closures`, dup);
        expect((await twice.res.expect(422)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { startsAt: ['ALREADY_CLOSED'] } });
      }
      expect((await closures()).length).toBe(1);
      expect(await auditCount()).toBe(audits);

      const deleted = send(coordinator, 'delete', `/api/msap-sites/${ids.pithiviersId}/closures/${closure.id}`);
      await deleted.res.expect(204);
      expect(await auditOf(deleted.requestId)).toEqual([
        {
          action: 'closure.deleted',
          actor_user_id: coordinator.userId,
          subject_type: 'msap_site',
          subject_id: ids.pithiviersId,
          details: { closureId: closure.id, before: span },
          request_id: deleted.requestId,
        },
      ]);
      const gone = send(coordinator, 'delete', `/api/msap-sites/${ids.pithiviersId}/closures/${closure.id}`);
      await gone.res.expect(404);
      expect(await auditOf(gone.requestId)).toEqual([]);
    });

    it('availability: before and after, whoever saves it (here the agent themself)', async () => {
      const agent = await signIn(t.baseUrl, 'agent');
      const next = DEMO_AVAILABILITY.filter((r) => r.weekday !== 5);
      const { requestId, res } = send(agent, 'put', `/api/agents/${ids.demoAgentId}/availability`, { ranges: next });
      await res.expect(200);
      expect(await auditOf(requestId)).toEqual([
        {
          action: 'availability.changed',
          actor_user_id: agent.userId,
          subject_type: 'agent',
          subject_id: ids.demoAgentId,
          details: { before: DEMO_AVAILABILITY, after: next },
          request_id: requestId,
        },
      ]);
    });

    it('consultation types: created with its values, changed with each field from and to; a change to nothing records nothing', async () => {
      const created = send(coordinator, 'post', '/api/consultation-types', {
        administrationId: ids.ddfipId,
        subject: '  Prélèvement à la source ',
        durationMinutes: 25,
        documents: ['Pièce d’identité', '  ', 'Dernier avis d’impôt '],
      });
      const type = (await created.res.expect(201)).body;
      expect(type).toMatchObject({ subject: 'Prélèvement à la source', durationMinutes: 25, documents: ['Pièce d’identité', 'Dernier avis d’impôt'], active: true });
      const values = { subject: 'Prélèvement à la source', durationMinutes: 25, documents: ['Pièce d’identité', 'Dernier avis d’impôt'], active: true };
      expect(await auditOf(created.requestId)).toEqual([
        {
          action: 'consultation_type.created',
          actor_user_id: coordinator.userId,
          subject_type: 'consultation_type',
          subject_id: type.id,
          details: { administrationId: ids.ddfipId, after: values },
          request_id: created.requestId,
        },
      ]);

      const changed = send(admin, 'patch', `/api/consultation-types/${type.id}`, { durationMinutes: 40, subject: 'Prélèvement à la source', active: false });
      expect((await changed.res.expect(200)).body).toMatchObject({ durationMinutes: 40, active: false });
      expect(await auditOf(changed.requestId)).toEqual([
        {
          action: 'consultation_type.updated',
          actor_user_id: admin.userId,
          subject_type: 'consultation_type',
          subject_id: type.id,
          details: { administrationId: ids.ddfipId, changes: { durationMinutes: { from: 25, to: 40 }, active: { from: true, to: false } } },
          request_id: changed.requestId,
        },
      ]);
      const same = send(admin, 'patch', `/api/consultation-types/${type.id}`, { durationMinutes: 40 });
      await same.res.expect(200);
      expect(await auditOf(same.requestId)).toEqual([]);
    });
  });
});
