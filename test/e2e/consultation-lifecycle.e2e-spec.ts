import { ConsultationsService } from '../../server/src/consultations/consultations.service';
import { startTestApp, TestApp } from '../support/app';
import { pairDevice } from '../support/callers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { signIn, SignedIn } from '../support/session';

/**
 * A consultation's status follows its call (against the real PostgreSQL): each change moves forward
 * only from the statuses it expects, so a late or repeated signal changes nothing.
 */
describe('the consultation life cycle', () => {
  let t: TestApp;
  let lifecycle: ConsultationsService;
  let agent: SignedIn;
  let boothId: string;

  const row = async (id: string) =>
    (await t.dataSource.query(`SELECT status, call_started_at, call_ended_at, ends_at, outcome_note FROM consultations WHERE id = $1`, [id]))[0] as {
      status: string;
      call_started_at: Date | null;
      call_ended_at: Date | null;
      ends_at: Date;
      outcome_note: string | null;
    };

  beforeAll(async () => {
    t = await startTestApp();
    lifecycle = t.app.get(ConsultationsService);
    agent = await signIn(t.baseUrl, 'agent');
    boothId = (await demoIds(t.dataSource)).pithiviersBoothId;
  });
  afterAll(() => t?.close());

  it('admission starts it once; ending ends it; neither comes back to an earlier status', async () => {
    const id = await createConsultation(t.dataSource, boothId, 'agent@demo.visio-msap.fr');
    await lifecycle.callStarted(id);
    const started = await row(id);
    expect(started.status).toBe('in_progress');
    await lifecycle.callStarted(id); // a second admission (a reconnection) keeps the first start
    expect((await row(id)).call_started_at).toEqual(started.call_started_at);
    await lifecycle.callEnded(id);
    expect((await row(id)).status).toBe('ended');
    await lifecycle.callStarted(id);
    expect((await row(id)).status).toBe('ended');
  });

  it('a call emptied before its booked end stays in progress; after it, the consultation ends', async () => {
    const id = await createConsultation(t.dataSource, boothId, 'agent@demo.visio-msap.fr', -5, 30);
    await lifecycle.callStarted(id);
    await lifecycle.callEmptied(id);
    expect((await row(id)).status).toBe('in_progress');
    const { ends_at } = await row(id);
    await lifecycle.callEmptied(id, new Date(ends_at.getTime() + 1000));
    expect((await row(id)).status).toBe('ended');
  });

  it('a call left in progress past its window (the instance holding it went away) is ended by the scan, at the window’s end', async () => {
    const overdue = await createConsultation(t.dataSource, boothId, 'agent@demo.visio-msap.fr', -120, 30);
    const current = await createConsultation(t.dataSource, boothId, 'agent@demo.visio-msap.fr', -5, 30);
    await t.dataSource.query(`UPDATE consultations SET status = 'in_progress', call_started_at = starts_at WHERE id = ANY($1)`, [[overdue, current]]);
    expect(await lifecycle.endOverdue()).toBe(1);
    const ended = await row(overdue);
    expect(ended.status).toBe('ended');
    expect(ended.call_ended_at).toEqual(new Date(ended.ends_at.getTime() + 15 * 60_000));
    expect((await row(current)).status).toBe('in_progress');
  });

  it('the agent records the outcome with a note; a cancelled one, or a note too long, is refused', async () => {
    const id = await createConsultation(t.dataSource, boothId, 'agent@demo.visio-msap.fr');
    await lifecycle.callStarted(id);
    await lifecycle.callEnded(id);
    const outcome = (body: object) => agent.agent.post(`/api/consultations/${id}/outcome`).set('X-CSRF-Token', agent.csrf).send(body);
    const tooLong = await outcome({ status: 'done', note: 'x'.repeat(1001) }).expect(422);
    expect(tooLong.body.errors).toEqual({ note: ['TOO_LONG'] });
    expect((await row(id)).status).toBe('ended');
    const done = await outcome({ status: 'done', note: '  Avis envoyé par courrier.  ' }).expect(200);
    expect(done.body).toMatchObject({ status: 'done', outcomeNote: 'Avis envoyé par courrier.' });
    // A correction: the citizen had in fact not come.
    await outcome({ status: 'no_show' }).expect(200);
    expect(await row(id)).toMatchObject({ status: 'no_show', outcome_note: null });

    const cancelled = await createConsultation(t.dataSource, boothId, 'agent@demo.visio-msap.fr');
    await t.dataSource.query(`UPDATE consultations SET status = 'cancelled', cancellation_cause = 'service', cancelled_at = now() WHERE id = $1`, [cancelled]);
    const refused = await agent.agent.post(`/api/consultations/${cancelled}/outcome`).set('X-CSRF-Token', agent.csrf).send({ status: 'done' }).expect(409);
    expect(refused.body.code).toBe('CONSULTATION_CANCELLED');
  });

  it('a booth terminal sees when its consultations are, never who they are for nor the agent’s note', async () => {
    const id = await createConsultation(t.dataSource, boothId, 'agent@demo.visio-msap.fr');
    await t.dataSource.query(`UPDATE consultations SET citizen_name = 'Jeanne Martin', citizen_phone = '+33612345678', outcome_note = 'note' WHERE id = $1`, [id]);
    const device = await pairDevice(t.baseUrl, boothId);
    const seen = (await device.agent.get(`/api/consultations/${id}`).expect(200)).body;
    expect(seen).toMatchObject({ id, citizen: { name: '', phone: null, email: null }, outcomeNote: null });
    const byAgent = (await agent.agent.get(`/api/consultations/${id}`).expect(200)).body;
    expect(byAgent).toMatchObject({ citizen: { name: 'Jeanne Martin', phone: '+33612345678' }, outcomeNote: 'note' });
  });
});
