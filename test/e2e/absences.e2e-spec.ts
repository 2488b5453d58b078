import { startTestApp, TestApp } from '../support/app';
import { demoIds } from '../support/demo-data';
import { at, createAgent, everyDay, mondayIn, putWeekly, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, signInAs, SignedIn } from '../support/session';

interface Absence {
  id: string;
  agentId: string;
  agentName: string;
  administrationName: string;
  startsAt: string;
  endsAt: string;
  reason: string;
}

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  subject_id: string | null;
  details: Record<string, unknown>;
  request_id: string | null;
}

/**
 * Absences done properly: never two over the same time for one agent (409 with the dates of the
 * first), listed per period across agents, deleted, audited; and a booking the absence hits is
 * moved to the nearest free slot of its booth, the citizen told.
 */
describe('absences: declare, refuse overlaps, list, delete, move the bookings they hit', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>> & SchedulingIds;
  let admin: SignedIn;
  let coordinator: SignedIn;
  /** Weeks of their own per test, far enough ahead that every slot is in the future. */
  const week = mondayIn(2);

  const csrf = (who: SignedIn) => ({ 'X-CSRF-Token': who.csrf });
  const declare = (who: SignedIn, agentId: string, body: object) => who.agent.post(`/api/agents/${agentId}/absences`).set(csrf(who)).send(body);
  const book = (body: object) => coordinator.agent.post('/api/consultations').set(csrf(coordinator)).send(body);
  const booking = (startsAt: string, extra: object = {}) => ({
    boothId: ids.pithiviersBoothId,
    agentId: ids.demoAgentId,
    consultationTypeId: ids.incomeTaxTypeId,
    citizen: { name: 'Jeanne Martin', phone: '06 12 34 56 78', email: 'jeanne.martin@example.fr' },
    startsAt,
    ...extra,
  });
  const absencesOf = async (agentId: string) =>
    ((await t.dataSource.query(`SELECT id, starts_at, ends_at FROM agent_absences WHERE agent_id = $1 ORDER BY starts_at`, [agentId])) as Array<{ id: string }>).map(
      (r) => r.id,
    );
  const audit = (action: string, subjectId: string): Promise<AuditRow[]> =>
    t.dataSource.query(`SELECT action, actor_user_id, subject_id, details, request_id FROM audit_events WHERE action = $1 AND subject_id = $2 ORDER BY id`, [action, subjectId]);

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '1000' });
    ids = { ...(await demoIds(t.dataSource)), ...(await schedulingIds(t.dataSource)) };
    [admin, coordinator] = await Promise.all([signIn(t.baseUrl, 'admin'), signIn(t.baseUrl, 'coordinator')]);
  }, 60_000);
  afterAll(() => t?.close());

  it('refuses an absence over another of the same agent (409 naming it), an end before the start (422), and stores nothing', async () => {
    const thursday = week.plus({ days: 3 });
    const first = await declare(coordinator, ids.demoAgentId, { startsAt: at(thursday, '00:00'), endsAt: at(thursday.plus({ days: 1 }), '00:00'), reason: 'Formation' }).expect(201);
    const stored = await absencesOf(ids.demoAgentId);

    // The same again, and one that overlaps its end: both refused with the first one's dates.
    for (const body of [
      { startsAt: at(thursday, '00:00'), endsAt: at(thursday.plus({ days: 1 }), '00:00') },
      { startsAt: at(thursday, '14:00'), endsAt: at(thursday.plus({ days: 1 }), '10:00'), reason: 'Congé' },
      { startsAt: at(thursday.minus({ days: 1 }), '09:00'), endsAt: at(thursday.plus({ days: 2 }), '09:00') },
    ]) {
      const refused = await declare(coordinator, ids.demoAgentId, body).expect(409);
      expect(refused.body).toMatchObject({ code: 'ABSENCE_OVERLAP', errors: { startsAt: ['ABSENCE_OVERLAP'], endsAt: ['ABSENCE_OVERLAP'] } });
      expect(refused.body.message).toContain(first.body.absence.id);
      expect(refused.body.message).toContain(at(thursday, '00:00'));
      expect(refused.body.message).toContain(at(thursday.plus({ days: 1 }), '00:00'));
    }
    // An end before (or at) the start: a field code, before anything is looked up.
    for (const [startsAt, endsAt] of [
      [at(thursday, '15:00'), at(thursday, '14:00')],
      [at(thursday, '15:00'), at(thursday, '15:00')],
    ]) {
      const invalid = await declare(coordinator, ids.demoAgentId, { startsAt, endsAt }).expect(422);
      expect(invalid.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { endsAt: ['END_BEFORE_START'] } });
    }
    expect(await absencesOf(ids.demoAgentId)).toEqual(stored);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE action = 'absence.declared'`))[0].n).toBe(1);

    // Back to back is not an overlap (half-open intervals); another agent's absence is not either.
    await declare(coordinator, ids.demoAgentId, { startsAt: at(thursday.plus({ days: 1 }), '00:00'), endsAt: at(thursday.plus({ days: 1 }), '12:00') }).expect(201);
    const agent2 = await createAgent(admin, t.dataSource, 'agent2@example.fr', ids.ddfipId);
    await declare(coordinator, agent2, { startsAt: at(thursday, '00:00'), endsAt: at(thursday.plus({ days: 1 }), '00:00') }).expect(201);

    // Ten identical declarations at once: the database lets exactly one through.
    const friday = week.plus({ weeks: 1, days: 4 });
    const statuses = await Promise.all(
      Array.from({ length: 10 }, () => declare(coordinator, agent2, { startsAt: at(friday, '09:00'), endsAt: at(friday, '12:00') }).then((r) => r.status)),
    );
    expect(statuses.sort()).toEqual([201, ...Array<number>(9).fill(409)]);
  });

  it('lists the absences of a period, per agent or for every agent of the scope, and deletes one with its audit trail', async () => {
    const tuesday = week.plus({ weeks: 2, days: 1 });
    const declared = await declare(coordinator, ids.demoAgentId, { startsAt: at(tuesday, '14:00'), endsAt: at(tuesday, '17:00'), reason: 'Rendez-vous médical' }).expect(201);
    const id = declared.body.absence.id as string;
    expect(declared.body.absence).toMatchObject({ startsAt: at(tuesday, '14:00'), endsAt: at(tuesday, '17:00'), reason: 'Rendez-vous médical' });

    const period = { from: at(tuesday, '00:00'), to: at(tuesday.plus({ days: 1 }), '00:00') };
    const all = (await coordinator.agent.get('/api/absences').query(period).expect(200)).body as Absence[];
    expect(all.map((a) => a.id)).toEqual([id]);
    expect(all[0]).toMatchObject({ agentId: ids.demoAgentId, agentName: 'Antoine Agent', administrationName: 'DDFIP du Loiret', startsAt: at(tuesday, '14:00') });
    const one = (await coordinator.agent.get('/api/absences').query({ ...period, agentId: ids.demoAgentId }).expect(200)).body as Absence[];
    expect(one.map((a) => a.id)).toEqual([id]);
    // A period that ends when the absence starts does not show it.
    const before = (await coordinator.agent.get('/api/absences').query({ from: period.from, to: at(tuesday, '14:00') }).expect(200)).body as Absence[];
    expect(before).toEqual([]);
    const badRange = await coordinator.agent.get('/api/absences').query({ from: period.to, to: period.from }).expect(422);
    expect(badRange.body.errors).toEqual({ to: ['END_BEFORE_START'] });

    // Another département's coordinator sees none of them, and may not name this agent.
    await admin.agent
      .post('/api/users')
      .set(csrf(admin))
      .send({ email: 'coord.18@example.fr', displayName: 'Coord 18', role: 'coordinator', departement: '18', password: 'un-mot-de-passe-long' })
      .expect(201);
    const other = await signInAs(t.baseUrl, 'coord.18@example.fr', 'un-mot-de-passe-long');
    expect((await other.agent.get('/api/absences').query(period).expect(200)).body).toEqual([]);
    await other.agent.get('/api/absences').query({ ...period, agentId: ids.demoAgentId }).expect(403);
    await other.agent.delete(`/api/agents/${ids.demoAgentId}/absences/${id}`).set(csrf(other)).expect(403);
    // Those who plan around the agent see when they are away, not why (often about health).
    const facilitator = await signIn(t.baseUrl, 'facilitator');
    for (const who of [other, facilitator]) {
      expect((await who.agent.get(`/api/agents/${ids.demoAgentId}/absences`).query(period).expect(200)).body).toEqual([expect.objectContaining({ id, reason: '' })]);
    }
    expect((await coordinator.agent.get(`/api/agents/${ids.demoAgentId}/absences`).query(period).expect(200)).body).toEqual([
      expect.objectContaining({ id, reason: 'Rendez-vous médical' }),
    ]);

    await coordinator.agent.delete(`/api/agents/${ids.demoAgentId}/absences/${id}`).set(csrf(coordinator)).expect(204);
    expect((await coordinator.agent.get('/api/absences').query(period).expect(200)).body).toEqual([]);
    await coordinator.agent.delete(`/api/agents/${ids.demoAgentId}/absences/${id}`).set(csrf(coordinator)).expect(404);

    // Declared and deleted, by whom, in which request, with the dates; never the reason (about the agent's health here).
    const [declaredRow] = await audit('absence.declared', id);
    const [deletedRow] = await audit('absence.deleted', id);
    for (const row of [declaredRow!, deletedRow!]) {
      expect(row).toMatchObject({
        actor_user_id: coordinator.userId,
        subject_id: id,
        details: { agentId: ids.demoAgentId, startsAt: new Date(at(tuesday, '14:00')).toISOString(), endsAt: new Date(at(tuesday, '17:00')).toISOString() },
      });
      expect(row.request_id).toMatch(/\S/);
      expect(JSON.stringify(row.details)).not.toContain('médical');
    }
    expect(await audit('absence.deleted', id)).toHaveLength(1);
  });

  it('says in the list how many bookings each absence still leaves to settle, counting down as they are', async () => {
    const wednesday = week.plus({ weeks: 3, days: 2 });
    const first = await book(booking(at(wednesday, '09:00'))).expect(201);
    await book(booking(at(wednesday, '10:00'))).expect(201);
    const declared = await declare(coordinator, ids.demoAgentId, { startsAt: at(wednesday, '00:00'), endsAt: at(wednesday.plus({ days: 1 }), '00:00') }).expect(201);
    const period = { from: at(wednesday, '00:00'), to: at(wednesday.plus({ days: 1 }), '00:00') };
    const list = async () => ((await coordinator.agent.get('/api/absences').query(period).expect(200)).body as Array<Absence & { toSettle: number }>).find((a) => a.id === declared.body.absence.id)!;
    expect((await list()).toSettle).toBe(2);
    expect(declared.body.affected).toHaveLength(2);
    await coordinator.agent.post(`/api/consultations/${first.body.id}/cancel`).set(csrf(coordinator)).send({ reason: 'Absence de l’agent' }).expect(200);
    expect((await list()).toSettle).toBe(1);
  });

  it('"propose another slot" moves a booking the absence hits to the nearest free slot of its booth and tells the citizen', async () => {
    // Week 3, Tuesday: the MSAP opens 09:00–12:30 and 13:30–17:30, the demo agent works 09:00–12:00 and 13:30–17:00.
    const tuesday = week.plus({ weeks: 3, days: 1 });
    const morning = await book(booking(at(tuesday, '09:00'))).expect(201);
    const declared = await declare(coordinator, ids.demoAgentId, { startsAt: at(tuesday, '08:00'), endsAt: at(tuesday, '12:00') }).expect(201);
    expect(declared.body.affected.map((a: { consultation: { id: string } }) => a.consultation.id)).toEqual([morning.body.id]);

    // No colleague of the DDFIP works that day: the same agent, once back (12:00–13:30 he does not work).
    const preview = await coordinator.agent.get(`/api/consultations/${morning.body.id}/proposed-slot`).expect(200);
    expect(preview.body).toEqual({
      startsAt: at(tuesday, '13:30'),
      endsAt: at(tuesday, '14:00'),
      agentId: ids.demoAgentId,
      agentName: 'Antoine Agent',
      sameAgent: true,
      boothId: ids.pithiviersBoothId,
      boothName: 'Cabine 1',
    });
    // Looking changes nothing.
    expect((await coordinator.agent.get(`/api/consultations/${morning.body.id}`).expect(200)).body.startsAt).toBe(at(tuesday, '09:00'));

    const moved = await coordinator.agent
      .post(`/api/consultations/${morning.body.id}/propose-slot`)
      .set(csrf(coordinator))
      .send({ startsAt: preview.body.startsAt, agentId: preview.body.agentId })
      .expect(200);
    expect(moved.body).toMatchObject({ id: morning.body.id, status: 'scheduled', startsAt: at(tuesday, '13:30'), endsAt: at(tuesday, '14:00'), boothName: 'Cabine 1', agentName: 'Antoine Agent' });
    // The citizen is told by SMS and e-mail, the agent by e-mail, in the move's transaction.
    const messages = (await t.dataSource.query(`SELECT channel, recipient, body FROM notification_outbox WHERE consultation_id = $1 AND event = 'rescheduled' ORDER BY channel`, [
      morning.body.id,
    ])) as Array<{ channel: string; recipient: string; body: string }>;
    expect(messages.map((m) => [m.channel, m.recipient])).toEqual([
      ['agent_email', 'agent@demo.visio-msap.fr'],
      ['email', 'jeanne.martin@example.fr'],
      ['sms', '+33612345678'],
    ]);
    expect(messages.find((m) => m.channel === 'sms')!.body).toMatch(/déplacé au \S+ \d+ \S+ \d{4} à 13 h 30/);
    // The move is audited as a move, saying it came from an absence.
    const [rescheduled] = await audit('consultation.rescheduled', morning.body.id);
    expect(rescheduled).toMatchObject({ actor_user_id: coordinator.userId, details: { via: 'absence' } });
    expect(rescheduled!.request_id).toMatch(/\S/);

    // A colleague free at the next quarter hour takes the next booking the absence hits.
    const agent3 = await createAgent(admin, t.dataSource, 'agent3@example.fr', ids.ddfipId);
    await putWeekly(coordinator, `/api/agents/${agent3}/availability`, everyDay('08:00', '18:00'));
    const eleven = await book(booking(at(tuesday.plus({ weeks: 1 }), '11:00'))).expect(201);
    await declare(coordinator, ids.demoAgentId, { startsAt: at(tuesday.plus({ weeks: 1 }), '08:00'), endsAt: at(tuesday.plus({ weeks: 1 }), '18:00') }).expect(201);
    const toColleague = await coordinator.agent.get(`/api/consultations/${eleven.body.id}/proposed-slot`).expect(200);
    expect(toColleague.body).toMatchObject({ startsAt: at(tuesday.plus({ weeks: 1 }), '11:30'), agentId: agent3, sameAgent: false, boothName: 'Cabine 1' });
    // Booked without a body: the nearest at that moment.
    const direct = await coordinator.agent.post(`/api/consultations/${eleven.body.id}/propose-slot`).set(csrf(coordinator)).send({}).expect(200);
    expect(direct.body).toMatchObject({ startsAt: at(tuesday.plus({ weeks: 1 }), '11:30'), agentId: agent3 });

    // A proposal taken meanwhile (the booth at 13:30, since the first move) is refused as any move
    // would be, and the booking stays where it was.
    const ten = await book(booking(at(tuesday, '10:00'), { agentId: agent3 })).expect(201);
    const stale = await coordinator.agent
      .post(`/api/consultations/${ten.body.id}/propose-slot`)
      .set(csrf(coordinator))
      .send({ startsAt: at(tuesday, '13:30'), agentId: agent3 })
      .expect(409);
    expect(stale.body).toMatchObject({ code: 'BOOTH_TAKEN' });
    expect((await coordinator.agent.get(`/api/consultations/${ten.body.id}`).expect(200)).body.startsAt).toBe(at(tuesday, '10:00'));
    const half = await coordinator.agent.post(`/api/consultations/${ten.body.id}/propose-slot`).set(csrf(coordinator)).send({ startsAt: at(tuesday, '15:00') }).expect(422);
    expect(half.body.errors).toEqual({ agentId: ['REQUIRED'] });
  });

  it('says so (409 NO_FREE_SLOT) when the booth has no free slot in the next 30 days, and moves nothing', async () => {
    const wednesday = week.plus({ weeks: 5, days: 2 });
    const stuck = await book(booking(at(wednesday, '09:00'), { boothId: ids.sullyBoothId })).expect(201);
    await coordinator.agent
      .post(`/api/msap-sites/${ids.sullyId}/closures`)
      .set(csrf(coordinator))
      .send({ startsAt: at(wednesday, '09:30'), endsAt: at(wednesday.plus({ days: 40 }), '00:00'), reason: 'Travaux' })
      .expect(201);
    const none = await coordinator.agent.get(`/api/consultations/${stuck.body.id}/proposed-slot`).expect(409);
    expect(none.body).toMatchObject({ code: 'NO_FREE_SLOT' });
    expect(none.body.message).toContain('30 days');
    await coordinator.agent.post(`/api/consultations/${stuck.body.id}/propose-slot`).set(csrf(coordinator)).send({}).expect(409);
    expect((await coordinator.agent.get(`/api/consultations/${stuck.body.id}`).expect(200)).body.startsAt).toBe(at(wednesday, '09:00'));
    expect(await audit('consultation.rescheduled', stuck.body.id)).toEqual([]);

    // A cancelled booking is not moved; a facilitator does not use this tool.
    await coordinator.agent.post(`/api/consultations/${stuck.body.id}/cancel`).set(csrf(coordinator)).send({ reason: 'Travaux' }).expect(200);
    const cancelled = await coordinator.agent.get(`/api/consultations/${stuck.body.id}/proposed-slot`).expect(409);
    expect(cancelled.body.code).toBe('CONSULTATION_NOT_SCHEDULED');
    const facilitator = await signIn(t.baseUrl, 'facilitator');
    await facilitator.agent.get(`/api/consultations/${stuck.body.id}/proposed-slot`).expect(403);
  });
});
