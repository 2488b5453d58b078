import { CALL_PROBLEMS } from '../../shared/survey/call-feedback';
import { meanScore } from '../../shared/survey/score';
import { ConsultationsService } from '../../server/src/consultations/consultations.service';
import { RetentionService } from '../../server/src/retention/retention.service';
import { newSurveyToken } from '../../server/src/survey/survey-tokens';
import { startTestApp, TestApp } from '../support/app';
import { Caller, pairDevice } from '../support/callers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { signIn, SignedIn } from '../support/session';

const AGENT = 'agent@demo.visio-msap.fr';
/** The key this test gives the server, so that it can sign tokens of its own (an expired one). */
const SECRET = 'the survey e2e test secret, 32 characters or more';

/**
 * The booth's anonymous survey and the staff's word on the call, against the real PostgreSQL: the
 * token only to the consultation's booth after its call, once; answers one by one, one value per
 * question; a response row, born at the first answer, that names no consultation, booth nor agent
 * and shares no transaction with the opening; the comment erased by retention.
 */
describe('the survey after a call', () => {
  let t: TestApp;
  let lifecycle: ConsultationsService;
  let booth: Caller;
  let otherBooth: Caller;
  let agent: SignedIn;
  let ids: Awaited<ReturnType<typeof demoIds>>;

  const held = async () => {
    const id = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT);
    await lifecycle.callStarted(id);
    await lifecycle.callEnded(id);
    return id;
  };
  const open = (caller: Caller, id: string) => caller.agent.post(`/api/consultations/${id}/survey`).set('X-CSRF-Token', caller.csrf!);
  const answer = (token: string, question: string, value: unknown) =>
    booth.agent.put(`/api/surveys/${token}/answers/${question}`).set('X-CSRF-Token', booth.csrf!).send({ value });
  const responseOf = async (siteId: string) => (await t.dataSource.query('SELECT * FROM survey_responses WHERE msap_site_id = $1', [siteId])) as Array<Record<string, unknown>>;

  beforeAll(async () => {
    t = await startTestApp({ SURVEY_TOKEN_SECRET: SECRET });
    lifecycle = t.app.get(ConsultationsService);
    ids = await demoIds(t.dataSource);
    booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    otherBooth = await pairDevice(t.baseUrl, ids.sullyBoothId);
    agent = await signIn(t.baseUrl, 'agent');
  });
  afterAll(() => t?.close());
  beforeEach(() => t.dataSource.query('DELETE FROM survey_responses'));

  it('is opened only by the consultation’s booth, only once its call has been held and ended, and only once', async () => {
    const id = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT);
    expect((await open(booth, id).expect(409)).body.code).toBe('SURVEY_NOT_AVAILABLE');
    await lifecycle.callStarted(id);
    expect((await open(booth, id).expect(409)).body.code).toBe('SURVEY_NOT_AVAILABLE');
    await lifecycle.callEnded(id);
    expect((await open(otherBooth, id).expect(404)).body.code).toBe('NOT_FOUND');
    expect((await agent.agent.post(`/api/consultations/${id}/survey`).set('X-CSRF-Token', agent.csrf).expect(403)).body.code).toBe('FORBIDDEN');

    const ticket = (await open(booth, id).expect(201)).body as { token: string; expiresAt: string };
    expect(ticket.token).toMatch(/^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);
    expect(new Date(ticket.expiresAt).getTime()).toBeGreaterThan(Date.now());
    expect((await open(booth, id).expect(409)).body.code).toBe('SURVEY_ALREADY_OPENED');
    // Two at once: one opening only. Opening writes no response: the first answer will.
    const raced = await held();
    const both = await Promise.all([open(booth, raced), open(booth, raced)]);
    expect(both.map((r) => r.status).sort()).toEqual([201, 409]);
    expect(await responseOf(ids.pithiviersId)).toHaveLength(0);
    expect(await t.dataSource.query('SELECT consultation_id FROM survey_openings WHERE consultation_id = ANY($1)', [[id, raced]])).toHaveLength(2);
  });

  it('is refused for a cancelled consultation, a no-show and past its window', async () => {
    const cancelled = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT);
    await t.dataSource.query(`UPDATE consultations SET status = 'cancelled', cancellation_cause = 'service', cancelled_at = now() WHERE id = $1`, [cancelled]);
    expect((await open(booth, cancelled).expect(409)).body.code).toBe('CONSULTATION_CANCELLED');
    const noShow = await held();
    await agent.agent.post(`/api/consultations/${noShow}/outcome`).set('X-CSRF-Token', agent.csrf).send({ status: 'no_show' }).expect(200);
    expect((await open(booth, noShow).expect(409)).body.code).toBe('SURVEY_NOT_AVAILABLE');
    const late = await held();
    await t.dataSource.query(`UPDATE consultations SET call_ended_at = now() - interval '31 minutes' WHERE id = $1`, [late]);
    expect((await open(booth, late).expect(409)).body.code).toBe('TOO_LATE');
    expect(await responseOf(ids.pithiviersId)).toHaveLength(0);
  });

  it('takes the answers one by one, one value per question: the same again is a retry, another one corrects a tap by mistake', async () => {
    const id = await held();
    const { token } = (await open(booth, id).expect(201)).body as { token: string };
    expect((await answer(token, 'satisfaction', 'good').expect(200)).body).toEqual({ question: 'satisfaction', value: 'good' });
    await answer(token, 'clarity', 4).expect(200);
    await answer(token, 'satisfaction', 'good').expect(200);
    await answer(token, 'satisfaction', 'bad').expect(200);
    await answer(token, 'satisfaction', 'good').expect(200);
    await answer(token, 'documents', 'not_concerned').expect(200);
    await answer(token, 'comment', '  Très claire, merci.  ').expect(200);

    const [row] = await responseOf(ids.pithiviersId);
    expect(row).toMatchObject({ satisfaction: 'good', clarity: 4, sound: null, image: null, documents: 'not_concerned', comment: 'Très claire, merci.' });
    expect(meanScore([row!.satisfaction as 'good'])).toBe(10);
  });

  it('keeps no consultation, booth, agent nor citizen in the response, and only days as times', async () => {
    const id = await held();
    const { token } = (await open(booth, id).expect(201)).body as { token: string };
    await answer(token, 'sound', 'medium').expect(200);
    const columns = (await t.dataSource.query(
      `SELECT column_name, data_type FROM information_schema.columns WHERE table_name = 'survey_responses' ORDER BY column_name`,
    )) as Array<{ column_name: string; data_type: string }>;
    expect(columns.map((c) => c.column_name).sort()).toEqual(
      ['administration_id', 'clarity', 'comment', 'comment_erased_on', 'consultation_type_id', 'created_on', 'documents', 'id', 'image', 'msap_site_id', 'satisfaction', 'sound', 'token_hash', 'updated_on'].sort(),
    );
    expect(columns.filter((c) => c.data_type.startsWith('timestamp'))).toEqual([]);
    const [row] = await responseOf(ids.pithiviersId);
    const [c] = await t.dataSource.query('SELECT administration_id, consultation_type_id, booth_id, agent_id FROM consultations WHERE id = $1', [id]);
    expect(row).toMatchObject({ administration_id: c.administration_id, consultation_type_id: c.consultation_type_id, sound: 'medium' });
    // The token itself is nowhere: only its hash.
    expect(JSON.stringify(row)).not.toContain(token);
    expect(JSON.stringify(row)).not.toContain(id);
    expect(JSON.stringify(row)).not.toContain(c.booth_id);
    expect(JSON.stringify(row)).not.toContain(c.agent_id);
  });

  it('refuses bad values with field codes, unknown and expired tokens, and keeps nothing of them', async () => {
    const id = await held();
    const { token } = (await open(booth, id).expect(201)).body as { token: string };
    const refused = async (question: string, value: unknown, errors: object) => expect((await answer(token, question, value).expect(422)).body).toMatchObject({ code: 'VALIDATION_FAILED', errors });
    await refused('satisfaction', 'excellent', { value: ['NOT_ALLOWED'] });
    await refused('clarity', 6, { value: ['NOT_ALLOWED'] });
    await refused('clarity', '3', { value: ['INVALID_TYPE'] });
    await refused('sound', 'not_concerned', { value: ['NOT_ALLOWED'] });
    await refused('comment', 'x'.repeat(501), { value: ['TOO_LONG'] });
    await refused('comment', 'bonjour\u001b[31m', { value: ['CONTROL_CHARACTER'] });
    await refused('age', 'good', { question: ['NOT_ALLOWED'] });
    expect((await booth.agent.put(`/api/surveys/${token}/answers/clarity`).set('X-CSRF-Token', booth.csrf!).send({}).expect(422)).body.errors).toEqual({ value: ['REQUIRED'] });
    expect((await answer('not-a-token', 'clarity', 3).expect(404)).body.code).toBe('SURVEY_UNKNOWN');
    // The payload changed (another site), the signature kept; or signed with another key: unknown.
    const [body, signature] = token.split('.') as [string, string];
    const fields = JSON.parse(Buffer.from(body, 'base64url').toString()) as Record<string, unknown>;
    const tampered = `${Buffer.from(JSON.stringify({ ...fields, s: ids.sullyId })).toString('base64url')}.${signature}`;
    expect((await answer(tampered, 'clarity', 3).expect(404)).body.code).toBe('SURVEY_UNKNOWN');
    const payload = { consultationTypeId: fields.t as string | null, msapSiteId: ids.pithiviersId, administrationId: fields.a as string };
    expect((await answer(newSurveyToken('another key, also of 32 characters or more', payload).token, 'clarity', 3).expect(404)).body.code).toBe('SURVEY_UNKNOWN');
    // Signed with the server's key, but issued long enough ago to have expired.
    const expired = newSurveyToken(SECRET, payload, Date.now() - 31 * 60_000).token;
    expect((await answer(expired, 'clarity', 3).expect(410)).body.code).toBe('TOKEN_EXPIRED');
    expect(await responseOf(ids.pithiviersId)).toEqual([]);
    expect(await responseOf(ids.sullyId)).toEqual([]);
    // The genuine token still works, and its response is born at this first answer.
    await answer(token, 'clarity', 3).expect(200);
    expect(await responseOf(ids.pithiviersId)).toMatchObject([{ clarity: 3, satisfaction: null }]);
  });

  it('writes the response at the first answer, in a transaction apart from the opening: no xmin ties them', async () => {
    const tokens: string[] = [];
    for (let i = 0; i < 4; i += 1) tokens.push(((await open(booth, await held()).expect(201)).body as { token: string }).token);
    expect(await responseOf(ids.pithiviersId)).toEqual([]);
    for (const [i, token] of tokens.entries()) {
      await answer(token, 'satisfaction', 'good').expect(200);
      if (i % 2 === 0) await answer(token, 'clarity', 5).expect(200);
    }
    const rows = await responseOf(ids.pithiviersId);
    expect(rows).toHaveLength(4);
    expect(rows.filter((r) => r.clarity === 5)).toHaveLength(2);
    const [{ openings }] = (await t.dataSource.query('SELECT count(*)::int AS openings FROM survey_openings')) as Array<{ openings: number }>;
    expect(openings).toBeGreaterThanOrEqual(4);
    const [{ linked }] = (await t.dataSource.query('SELECT count(*)::int AS linked FROM survey_openings o JOIN survey_responses r ON r.xmin = o.xmin')) as Array<{ linked: number }>;
    expect(linked).toBe(0);
    // Nothing of the token is kept at the opening.
    const columns = (await t.dataSource.query(`SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_openings' ORDER BY column_name`)) as Array<{ column_name: string }>;
    expect(columns.map((c) => c.column_name)).toEqual(['consultation_id', 'opened_on']);
  });

  it('erases comments after the citizen-data limit, keeping the answers', async () => {
    const id = await held();
    const { token } = (await open(booth, id).expect(201)).body as { token: string };
    await answer(token, 'satisfaction', 'medium').expect(200);
    await answer(token, 'comment', 'Madame Dupont était très aimable').expect(200);
    const recent = await held();
    const second = (await open(booth, recent).expect(201)).body as { token: string };
    await answer(second.token, 'comment', 'Rien à dire').expect(200);
    await t.dataSource.query(`UPDATE survey_responses SET created_on = created_on - 91, updated_on = updated_on - 91 WHERE comment LIKE 'Madame%'`);
    const run = await t.app.get(RetentionService).run();
    expect(run?.surveyCommentsErased).toBe(1);
    const rows = (await t.dataSource.query('SELECT satisfaction, comment, comment_erased_on FROM survey_responses ORDER BY comment')) as Array<Record<string, unknown>>;
    expect(rows).toEqual([
      { satisfaction: 'medium', comment: '(effacé)', comment_erased_on: expect.any(Date) },
      { satisfaction: null, comment: 'Rien à dire', comment_erased_on: null },
    ]);
    expect((await t.app.get(RetentionService).run())?.surveyCommentsErased).toBe(0);
  });
});

describe('the staff’s word on the call', () => {
  let t: TestApp;
  let lifecycle: ConsultationsService;
  let agent: SignedIn;
  let facilitator: SignedIn;
  let boothId: string;

  const feedback = (who: SignedIn, id: string, body: object) => who.agent.put(`/api/consultations/${id}/call-feedback`).set('X-CSRF-Token', who.csrf).send(body);

  beforeAll(async () => {
    t = await startTestApp();
    lifecycle = t.app.get(ConsultationsService);
    boothId = (await demoIds(t.dataSource)).pithiviersBoothId;
    agent = await signIn(t.baseUrl, 'agent');
    facilitator = await signIn(t.baseUrl, 'facilitator');
  });
  afterAll(() => t?.close());

  it('records the agent’s and the facilitator’s problems, one row each, replaced when sent again, and audits them without the note', async () => {
    const id = await createConsultation(t.dataSource, boothId, AGENT);
    expect((await feedback(agent, id, { problems: [] }).expect(422)).body.code).toBe('CONSULTATION_NOT_STARTED');
    await lifecycle.callStarted(id);
    await lifecycle.callEnded(id);
    expect((await feedback(agent, id, { problems: ['sound', 'cuts', 'sound'], note: '  Coupures à 10 h 05.  ' }).expect(200)).body).toEqual({
      consultationId: id,
      authorRole: 'agent',
      problems: ['sound', 'cuts'],
      note: 'Coupures à 10 h 05.',
    });
    await feedback(facilitator, id, { problems: ['image'] }).expect(200);
    await feedback(agent, id, { problems: ['sound'] }).expect(200);
    const rows = await t.dataSource.query('SELECT author_role, problems, note FROM call_feedback WHERE consultation_id = $1 ORDER BY author_role', [id]);
    expect(rows).toEqual([
      { author_role: 'agent', problems: ['sound'], note: null },
      { author_role: 'facilitator', problems: ['image'], note: null },
    ]);
    const audit = await t.dataSource.query(
      `SELECT actor_user_id, details FROM audit_events WHERE action = 'consultation.call_feedback_recorded' AND subject_id = $1 ORDER BY id`,
      [id],
    );
    expect(audit).toEqual([
      { actor_user_id: agent.userId, details: { role: 'agent', problems: ['sound', 'cuts'], note: true } },
      { actor_user_id: facilitator.userId, details: { role: 'facilitator', problems: ['image'], note: false } },
      { actor_user_id: agent.userId, details: { role: 'agent', problems: ['sound'], note: false } },
    ]);
  });

  it('refuses unknown problems, long notes, other people’s consultations and cancelled ones', async () => {
    const id = await createConsultation(t.dataSource, boothId, AGENT);
    await lifecycle.callStarted(id);
    await lifecycle.callEnded(id);
    expect((await feedback(agent, id, { problems: ['smell'] }).expect(422)).body.errors).toEqual({ problems: ['NOT_ALLOWED'] });
    expect((await feedback(agent, id, { problems: 'sound' }).expect(422)).body.errors.problems).toContain('INVALID_TYPE');
    expect((await feedback(agent, id, { problems: [...CALL_PROBLEMS, 'sound'] }).expect(422)).body.errors.problems).toContain('TOO_MANY');
    expect((await feedback(agent, id, { problems: [], note: 'x'.repeat(301) }).expect(422)).body.errors).toEqual({ note: ['TOO_LONG'] });
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    await feedback(coordinator, id, { problems: [] }).expect(403);
    const other = await createConsultation(t.dataSource, (await demoIds(t.dataSource)).sullyBoothId, AGENT);
    await lifecycle.callStarted(other);
    expect((await feedback(facilitator, other, { problems: [] }).expect(403)).body.code).toBe('FORBIDDEN');
    await t.dataSource.query(`UPDATE consultations SET status = 'cancelled', cancellation_cause = 'service', cancelled_at = now() WHERE id = $1`, [other]);
    expect((await feedback(agent, other, { problems: [] }).expect(409)).body.code).toBe('CONSULTATION_CANCELLED');
    expect(await t.dataSource.query('SELECT 1 FROM call_feedback WHERE consultation_id = ANY($1)', [[id, other]])).toEqual([]);
  });

  it('keeps no note when the citizen’s data is erased while it is being written', async () => {
    const id = await createConsultation(t.dataSource, boothId, AGENT);
    await lifecycle.callStarted(id);
    await lifecycle.callEnded(id);
    // The sweep's transaction has marked the consultation erased but not committed yet: the request
    // passes its first check, then its write waits for the sweep and sees the erasure.
    const sweep = t.dataSource.createQueryRunner();
    await sweep.startTransaction();
    try {
      await sweep.query('UPDATE consultations SET citizen_erased_at = now() WHERE id = $1', [id]);
      const sent = feedback(agent, id, { problems: ['sound'], note: 'Mme Dupont entend mal' }).then((r) => r);
      await new Promise((r) => setTimeout(r, 500));
      await sweep.commitTransaction();
      expect((await sent).body).toEqual({ consultationId: id, authorRole: 'agent', problems: ['sound'], note: null });
    } finally {
      if (sweep.isTransactionActive) await sweep.rollbackTransaction();
      await sweep.release();
    }
    expect(await t.dataSource.query('SELECT problems, note FROM call_feedback WHERE consultation_id = $1', [id])).toEqual([{ problems: ['sound'], note: null }]);
    // Once erased, a note is refused outright.
    expect((await feedback(agent, id, { problems: [], note: 'encore' }).expect(409)).body.code).toBe('CONSULTATION_ENDED');
  });

  it('erases the note with the citizen’s data', async () => {
    const id = await createConsultation(t.dataSource, boothId, AGENT, -200, 30);
    await lifecycle.callStarted(id);
    await lifecycle.callEnded(id);
    await feedback(agent, id, { problems: ['other'], note: 'Mme Dupont entend mal' }).expect(200);
    await t.dataSource.query(`UPDATE consultations SET ends_at = now() - interval '91 days', starts_at = now() - interval '92 days', call_ended_at = now() - interval '91 days' WHERE id = $1`, [id]);
    await t.app.get(RetentionService).run();
    expect(await t.dataSource.query('SELECT problems, note FROM call_feedback WHERE consultation_id = $1', [id])).toEqual([{ problems: ['other'], note: null }]);
  });
});
