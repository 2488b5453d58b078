import { createHash } from 'node:crypto';
import request from 'supertest';
import { RetentionService } from '../../server/src/retention/retention.service';
import { startTestApp, TestApp } from '../support/app';
import { pdfPagesText } from '../support/pdf-text';
import { at, mondayIn, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, SignedIn, signInAs } from '../support/session';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const TOKEN = /\/rdv\/([A-Za-z0-9_-]{22})(?![A-Za-z0-9_-])/;
/** A printed slip's token: no look-alike characters, in groups of four. */
const PRINTED_TOKEN = /\/rdv\/((?:[a-hj-km-np-z2-9]{4}-){6}[a-hj-km-np-z2-9]{4})(?![a-z0-9-])/;
const FORGED = 'AAAAAAAAAAAAAAAAAAAAAA';

interface AuditRow {
  action: string;
  actor_user_id: string | null;
  subject_id: string;
  details: Record<string, unknown>;
  request_id: string | null;
}

/**
 * The citizen's personal link, through the real server and database: issued with the booking's
 * confirmation (SMS and e-mail), shown without an account, acted on (callback, cancellation) with
 * every usual effect, refused for forged, expired or late uses with nothing changed, kept by a move,
 * erased by retention; the requests on the staff's lists within their scope; the printed slip.
 */
describe('the citizen’s personal link', () => {
  let t: TestApp;
  let ids: SchedulingIds;
  let coordinator: SignedIn;
  let facilitator: SignedIn;
  let otherCoordinator: SignedIn;
  let boothId: string;
  let siteId: string;
  const week = mondayIn(1);
  const citizen = request;

  /** A booking through the API (the coordinator's screen), on Tuesday next week at `time`. */
  async function book(time: string, contact: { phone?: string; email?: string } = { phone: '06 12 34 56 78', email: 'jeanne.martin@example.fr' }, day = 1) {
    const res = await coordinator.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ boothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt: at(week.plus({ days: day }), time), citizen: { name: 'Jeanne Martin', ...contact } })
      .expect(201);
    return res.body.id as string;
  }

  /** The messages written for a consultation, as the coordinator's "Messages" page reads them. */
  async function messages(consultationId: string): Promise<Array<{ event: string; channel: string; text: string; subject: string | null }>> {
    const res = await coordinator.agent.get(`/api/notifications/outbox?consultationId=${consultationId}&pageSize=200`).expect(200);
    return res.body.items;
  }

  /** The text of a consultation's printed slip, as the facilitator gets it. */
  async function slipText(consultationId: string): Promise<string> {
    const res = await facilitator.agent.get(`/api/consultations/${consultationId}/slip.pdf`).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    return (await pdfPagesText(res.body as Buffer))[0]!;
  }

  async function linkOfEmail(consultationId: string): Promise<string> {
    const email = (await messages(consultationId)).find((m) => m.event === 'booked' && m.channel === 'email')!;
    return TOKEN.exec(email.text)![1]!;
  }

  async function linkOf(consultationId: string): Promise<string> {
    const sms = (await messages(consultationId)).find((m) => m.event === 'booked' && m.channel === 'sms')!;
    return TOKEN.exec(sms.text)![1]!;
  }

  const audit = (action: string, subjectId: string): Promise<AuditRow[]> =>
    t.dataSource.query(`SELECT action, actor_user_id, subject_id, details, request_id FROM audit_events WHERE action = $1 AND subject_id = $2 ORDER BY id`, [action, subjectId]);
  const statusOf = async (id: string) => ((await t.dataSource.query(`SELECT status FROM consultations WHERE id = $1`, [id])) as Array<{ status: string }>)[0]!.status;
  const outboxCount = async (id: string) => ((await t.dataSource.query(`SELECT count(*)::int AS n FROM notification_outbox WHERE consultation_id = $1`, [id])) as Array<{ n: number }>)[0]!.n;

  beforeAll(async () => {
    // 2 wrong passwords per account, 20 unknown links per address (tried at the end).
    t = await startTestApp({ NOTIFICATIONS_ENABLED: 'false', LOGIN_RATE_LIMIT: '2' });
    ids = await schedulingIds(t.dataSource);
    coordinator = await signIn(t.baseUrl, 'coordinator');
    facilitator = await signIn(t.baseUrl, 'facilitator');
    const [booth] = await t.dataSource.query(
      `SELECT b.id, s.id AS site_id FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id WHERE s.name = 'France Services de Pithiviers' AND b.name = 'Cabine 1'`,
    );
    boothId = booth.id;
    siteId = booth.site_id;
    // The site's phone, as its coordinator sets it in the directory.
    await coordinator.agent.patch(`/api/msap-sites/${siteId}`).set('X-CSRF-Token', coordinator.csrf).send({ phone: '02 38 30 12 34' }).expect(200);
    // A coordinator of another département.
    const admin = await signIn(t.baseUrl, 'admin');
    await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'coordination18@example.fr', displayName: 'Coordination Cher', role: 'coordinator', departement: '18', password: 'un-mot-de-passe-long' })
      .expect(201);
    otherCoordinator = await signInAs(t.baseUrl, 'coordination18@example.fr', 'un-mot-de-passe-long');
  });
  afterAll(() => t?.close());

  let consultationId: string;
  let token: string;

  it('puts a short personal link in the confirmation, SMS and e-mail alike, and keeps only its hash', async () => {
    consultationId = await book('09:00');
    const booked = (await messages(consultationId)).filter((m) => m.event === 'booked');
    const sms = booked.find((m) => m.channel === 'sms')!;
    const email = booked.find((m) => m.channel === 'email')!;
    token = TOKEN.exec(sms.text)![1]!;
    // Followed by a space: an SMS app takes the whole token into the link, and nothing more.
    expect(sms.text).toContain(`Annuler ou demander un rappel : ${t.baseUrl}/rdv/${token} (lien personnel).`);
    expect(email.text).toContain(`Pour l’annuler ou demander à être rappelé : ${t.baseUrl}/rdv/${token}\n`);
    // The agent's invitation does not carry the citizen's link.
    expect(booked.find((m) => m.channel === 'agent_email')!.text).not.toContain('/rdv/');

    const links: Array<{ token_hash: string; purpose: string; expires_at: Date; ends_at: Date }> = await t.dataSource.query(
      `SELECT l.token_hash, l.purpose, l.expires_at, c.ends_at FROM citizen_links l JOIN consultations c ON c.id = l.consultation_id WHERE l.consultation_id = $1`,
      [consultationId],
    );
    expect(links).toEqual([{ token_hash: sha256(token), purpose: 'booking', expires_at: expect.any(Date), ends_at: expect.any(Date) }]);
    expect(links[0]!.expires_at.getTime() - links[0]!.ends_at.getTime()).toBe(7 * 86_400_000);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM citizen_links WHERE token_hash = $1`, [token]);
    expect(n).toBe(0);
  });

  it('shows the appointment, the place and its address, the papers to bring and the site’s phone, to anyone holding the link', async () => {
    const res = await citizen(t.baseUrl).get(`/api/citizen/appointments/${token}`).expect(200);
    expect(res.headers['cache-control']).toBe('private, no-store');
    const [type] = await t.dataSource.query(`SELECT subject, documents FROM consultation_types WHERE id = $1`, [ids.incomeTaxTypeId]);
    expect(type.documents.length).toBeGreaterThan(0);
    expect(res.body).toEqual({
      state: 'upcoming',
      startsAt: at(week.plus({ days: 1 }), '09:00'),
      endsAt: at(week.plus({ days: 1 }), '09:30'),
      siteName: 'France Services de Pithiviers',
      siteAddress: expect.stringMatching(/^.+, 45300 Pithiviers$/),
      sitePhone: '+33238301234',
      administration: 'DDFIP du Loiret',
      subject: type.subject,
      documents: type.documents,
      phone: '+33612345678',
      messaged: true,
      callback: null,
      canCancel: true,
      canRequestCallback: true,
      expiresAt: expect.any(String),
    });
    const [viewed] = await audit('citizen_link.viewed', consultationId);
    expect(viewed).toMatchObject({ actor_user_id: null, details: { state: 'upcoming' }, request_id: expect.any(String) });
  });

  it('answers a forged, mistyped or truncated token with the same 404, and an expired one with 410, changing nothing', async () => {
    for (const bad of [FORGED, token.slice(0, 21), `${token}x`, 'not-a-token']) {
      const res = await citizen(t.baseUrl).get(`/api/citizen/appointments/${bad}`).expect(404);
      expect(res.body).toMatchObject({ code: 'LINK_UNKNOWN' });
    }
    await citizen(t.baseUrl).post(`/api/citizen/appointments/${FORGED}/cancel`).expect(404);

    const other = await book('10:00');
    const otherToken = await linkOf(other);
    await t.dataSource.query(`UPDATE citizen_links SET expires_at = now() - interval '1 minute' WHERE consultation_id = $1`, [other]);
    expect((await citizen(t.baseUrl).get(`/api/citizen/appointments/${otherToken}`).expect(410)).body).toMatchObject({ code: 'LINK_EXPIRED' });
    const before = await outboxCount(other);
    expect((await citizen(t.baseUrl).post(`/api/citizen/appointments/${otherToken}/cancel`).expect(410)).body).toMatchObject({ code: 'LINK_EXPIRED' });
    await citizen(t.baseUrl).post(`/api/citizen/appointments/${otherToken}/callback-request`).send({ phone: '0612345678' }).expect(410);
    expect(await statusOf(other)).toBe('scheduled');
    expect(await outboxCount(other)).toBe(before);
    const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM callback_requests WHERE consultation_id = $1`, [other]);
    expect(n).toBe(0);
  });

  let callbackId: string;

  it('takes a callback request with a phone and a short note, once, refusing bad input with nothing stored', async () => {
    const url = `/api/citizen/appointments/${token}/callback-request`;
    const badPhone = await citizen(t.baseUrl).post(url).send({ phone: '12', note: 'x' }).expect(422);
    expect(badPhone.body).toMatchObject({ code: 'VALIDATION_FAILED', errors: { phone: ['INVALID_PHONE'] } });
    expect((await citizen(t.baseUrl).post(url).send({ phone: '0698765432', note: 'x'.repeat(301) }).expect(422)).body.errors).toEqual({ note: ['TOO_LONG'] });
    expect((await citizen(t.baseUrl).post(url).send({ note: 'le matin' }).expect(422)).body.errors).toEqual({ phone: ['REQUIRED'] });
    expect((await citizen(t.baseUrl).post(url).send({ phone: '0698765432', consultationId }).expect(422)).body.errors).toEqual({ consultationId: ['UNKNOWN_FIELD'] });
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM callback_requests`))[0].n).toBe(0);

    const res = await citizen(t.baseUrl).post(url).send({ phone: '06 98 76 54 32', note: '  Plutôt le matin  ' }).expect(201);
    expect(res.body).toMatchObject({ state: 'upcoming', callback: { requestedAt: expect.any(String), handledAt: null }, canRequestCallback: false, canCancel: true });
    const again = await citizen(t.baseUrl).post(url).send({ phone: '06 98 76 54 32' }).expect(409);
    expect(again.body).toMatchObject({ code: 'CALLBACK_ALREADY_REQUESTED' });
    const rows = await t.dataSource.query(`SELECT id, phone, note, handled_at FROM callback_requests WHERE consultation_id = $1`, [consultationId]);
    expect(rows).toEqual([{ id: expect.any(String), phone: '+33698765432', note: 'Plutôt le matin', handled_at: null }]);
    callbackId = rows[0].id;
    const [requested] = await audit('callback.requested', consultationId);
    expect(requested).toMatchObject({ actor_user_id: null, details: { callbackRequestId: callbackId, via: 'citizen_link', withNote: true }, request_id: expect.any(String) });
    // The citizen's words stay on the request (erased with their data), not in the trail.
    expect(JSON.stringify(requested!.details)).not.toContain('matin');
  });

  it('lists the request for the département’s coordinator and the site’s facilitator, not for another département', async () => {
    for (const caller of [coordinator, facilitator]) {
      const res = await caller.agent.get('/api/callback-requests').expect(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          id: callbackId,
          consultationId,
          phone: '+33698765432',
          note: 'Plutôt le matin',
          handledAt: null,
          citizenName: 'Jeanne Martin',
          consultationStatus: 'scheduled',
          msapSiteName: 'France Services de Pithiviers',
          boothName: 'Cabine 1',
          administrationName: 'DDFIP du Loiret',
        }),
      ]);
    }
    expect((await otherCoordinator.agent.get('/api/callback-requests').expect(200)).body).toEqual([]);
    await otherCoordinator.agent.post(`/api/callback-requests/${callbackId}/handle`).set('X-CSRF-Token', otherCoordinator.csrf).expect(404);
    expect((await coordinator.agent.get('/api/callback-requests?status=later').expect(422)).body.errors).toEqual({ status: ['NOT_ALLOWED'] });
  });

  it('closes a request once, “traitée”, audited with who did it', async () => {
    const res = await facilitator.agent.post(`/api/callback-requests/${callbackId}/handle`).set('X-CSRF-Token', facilitator.csrf).expect(200);
    expect(res.body).toMatchObject({ id: callbackId, handledAt: expect.any(String), handledByName: expect.any(String) });
    await coordinator.agent.post(`/api/callback-requests/${callbackId}/handle`).set('X-CSRF-Token', coordinator.csrf).expect(200);
    expect((await coordinator.agent.get('/api/callback-requests').expect(200)).body).toEqual([]);
    expect((await coordinator.agent.get('/api/callback-requests?status=handled').expect(200)).body.map((r: { id: string }) => r.id)).toEqual([callbackId]);
    const handled = await audit('callback.handled', consultationId);
    expect(handled).toEqual([expect.objectContaining({ actor_user_id: facilitator.userId, details: { callbackRequestId: callbackId } })]);
    const page = await citizen(t.baseUrl).get(`/api/citizen/appointments/${token}`).expect(200);
    expect(page.body).toMatchObject({ callback: { handledAt: expect.any(String) }, canRequestCallback: true });
  });

  it('keeps the link through a move, its end following the appointment', async () => {
    await coordinator.agent
      .patch(`/api/consultations/${consultationId}`)
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ startsAt: at(week.plus({ days: 1 }), '11:00') })
      .expect(200);
    const res = await citizen(t.baseUrl).get(`/api/citizen/appointments/${token}`).expect(200);
    expect(res.body.startsAt).toBe(at(week.plus({ days: 1 }), '11:00'));
    const [row] = await t.dataSource.query(`SELECT l.expires_at - c.ends_at AS delay FROM citizen_links l JOIN consultations c ON c.id = l.consultation_id WHERE l.token_hash = $1`, [sha256(token)]);
    expect(row.delay).toMatchObject({ days: 7 });
    // The move's SMS and e-mail carry a link of their own (only hashes are kept: a fresh token); the first one still works.
    const moved = (await messages(consultationId)).filter((m) => m.event === 'rescheduled' && (m.channel === 'sms' || m.channel === 'email'));
    expect(moved.map((m) => m.channel).sort()).toEqual(['email', 'sms']);
    const movedToken = TOKEN.exec(moved.find((m) => m.channel === 'sms')!.text)![1]!;
    expect(movedToken).not.toBe(token);
    expect(moved.find((m) => m.channel === 'sms')!.text).toContain(`est déplacé au `);
    expect(moved.find((m) => m.channel === 'sms')!.text).toContain(`Annuler ou demander un rappel : ${t.baseUrl}/rdv/${movedToken} (lien personnel).`);
    expect(moved.find((m) => m.channel === 'email')!.text).toContain(`Pour l’annuler ou demander à être rappelé : ${t.baseUrl}/rdv/`);
    expect((await citizen(t.baseUrl).get(`/api/citizen/appointments/${movedToken}`).expect(200)).body.startsAt).toBe(at(week.plus({ days: 1 }), '11:00'));
    // The e-mail's details give the site's phone.
    expect(moved.find((m) => m.channel === 'email')!.text).toContain('\nTéléphone : 02 38 30 12 34\n');
  });

  it('says whether the citizen gets messages (a mobile or an e-mail), never which', async () => {
    const unreachable = await book('15:00', {});
    // No message, so no link but the printed slip's.
    const printed = PRINTED_TOKEN.exec((await slipText(unreachable)).replace(/\n/g, ''))![1]!;
    const res = await citizen(t.baseUrl).get(`/api/citizen/appointments/${printed}`).expect(200);
    expect(res.body).toMatchObject({ messaged: false, phone: null });
    expect(Object.keys(res.body)).not.toContain('email');
    const onlyEmail = await book('15:30', { email: 'jeanne.martin@example.fr' });
    const emailed = await citizen(t.baseUrl).get(`/api/citizen/appointments/${await linkOfEmail(onlyEmail)}`).expect(200);
    expect(emailed.body).toMatchObject({ messaged: true, phone: null });
    expect(JSON.stringify(emailed.body)).not.toContain('jeanne.martin@example.fr');
  });

  it('prints a one-page PDF slip with the appointment and a fresh personal link, for staff who can see the booking', async () => {
    const res = await facilitator.agent.get(`/api/consultations/${consultationId}/slip.pdf`).buffer(true).parse((response, callback) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => callback(null, Buffer.concat(chunks)));
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    // Inline: the browser's viewer opens it in its tab, to print.
    expect(res.headers['content-disposition']).toMatch(/^inline; filename="convocation-\d{4}-\d{2}-\d{2}\.pdf"$/);
    const [text] = await pdfPagesText(res.body as Buffer);
    const lines = text!.split('\n');
    expect(lines[0]).toBe('France Services de Pithiviers');
    expect(lines).toContain('Cabine 1');
    expect(text).not.toContain('France Services — France Services');
    expect(text).not.toContain('Cabine : Cabine');
    expect(text).toContain('Pour : Jeanne Martin');
    expect(text).toMatch(/à 11 h \(30 minutes\)/);
    expect(text).toMatch(/, 45300 Pithiviers/);
    expect(text).toContain('DDFIP du Loiret');
    expect(text).toContain('Appelez France Services de Pithiviers au 02 38 30 12 34.');
    // Printed for a person to read and type: no i, l, o, 0 nor 1, in groups of four.
    const slipToken = PRINTED_TOKEN.exec(text!.replace(/\n/g, ''))![1]!;
    // Both links work: printing invalidates nothing; the printed one typed without its hyphens, or in capitals, too.
    for (const typed of [slipToken, slipToken.replace(/-/g, ''), slipToken.toUpperCase()]) await citizen(t.baseUrl).get(`/api/citizen/appointments/${typed}`).expect(200);
    await citizen(t.baseUrl).get(`/api/citizen/appointments/${token}`).expect(200);
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM citizen_links WHERE token_hash = $1`, [sha256(slipToken.replace(/-/g, ''))]))[0].n).toBe(1);
    const purposes = await t.dataSource.query(`SELECT purpose FROM citizen_links WHERE consultation_id = $1 ORDER BY created_at`, [consultationId]);
    // The confirmation's, the move's, the slip's.
    expect(purposes.map((p: { purpose: string }) => p.purpose)).toEqual(['booking', 'booking', 'slip']);
    const [printed] = await audit('slip.printed', consultationId);
    expect(printed).toMatchObject({ actor_user_id: facilitator.userId, request_id: expect.any(String) });

    await otherCoordinator.agent.get(`/api/consultations/${consultationId}/slip.pdf`).expect(404);
    await coordinator.agent.get(`/api/consultations/00000000-0000-4000-8000-000000000000/slip.pdf`).expect(404);
    const agent = await signIn(t.baseUrl, 'agent');
    await agent.agent.get(`/api/consultations/${consultationId}/slip.pdf`).expect(403);
  });

  it('cannot cancel through the link once the appointment has started: 409, nothing changed', async () => {
    const started = await book('14:00', { phone: '06 11 22 33 44' });
    const startedToken = await linkOf(started);
    // Time passes: the appointment began five minutes ago.
    await t.dataSource.query(`UPDATE consultations SET starts_at = now() - interval '5 minutes', ends_at = now() + interval '25 minutes' WHERE id = $1`, [started]);
    const before = await outboxCount(started);
    const res = await citizen(t.baseUrl).post(`/api/citizen/appointments/${startedToken}/cancel`).expect(409);
    expect(res.body).toMatchObject({ code: 'TOO_LATE' });
    expect((await citizen(t.baseUrl).post(`/api/citizen/appointments/${startedToken}/callback-request`).send({ phone: '0611223344' }).expect(409)).body).toMatchObject({ code: 'TOO_LATE' });
    expect(await statusOf(started)).toBe('scheduled');
    expect(await outboxCount(started)).toBe(before);
    expect(await audit('consultation.cancelled', started)).toEqual([]);
    expect((await citizen(t.baseUrl).get(`/api/citizen/appointments/${startedToken}`).expect(200)).body).toMatchObject({ state: 'started', canCancel: false, canRequestCallback: false });
  });

  it('cancels through the link like a cancellation by staff: the citizen’s and the agent’s messages, the audit row, via the link', async () => {
    const res = await citizen(t.baseUrl).post(`/api/citizen/appointments/${token}/cancel`).expect(200);
    expect(res.body).toMatchObject({ state: 'cancelled', canCancel: false, canRequestCallback: false });
    const [row] = await t.dataSource.query(`SELECT status, cancellation_reason FROM consultations WHERE id = $1`, [consultationId]);
    expect(row).toEqual({ status: 'cancelled', cancellation_reason: 'Annulé par l’usager' });
    const cancelled = (await messages(consultationId)).filter((m) => m.event === 'cancelled');
    expect(cancelled.map((m) => m.channel).sort()).toEqual(['agent_email', 'email', 'sms']);
    expect(cancelled.find((m) => m.channel === 'sms')!.text).toContain('est annulé. Motif : Annulé par l');
    const [audited] = await audit('consultation.cancelled', consultationId);
    expect(audited).toMatchObject({ actor_user_id: null, details: expect.objectContaining({ via: 'citizen_link' }), request_id: expect.any(String) });

    // Already cancelled: said on the page, no action left.
    expect((await citizen(t.baseUrl).post(`/api/citizen/appointments/${token}/cancel`).expect(409)).body).toMatchObject({ code: 'CONSULTATION_CANCELLED' });
    expect((await citizen(t.baseUrl).post(`/api/citizen/appointments/${token}/callback-request`).send({ phone: '0612345678' }).expect(409)).body).toMatchObject({
      code: 'CONSULTATION_CANCELLED',
    });
    expect((await citizen(t.baseUrl).get(`/api/citizen/appointments/${token}`).expect(200)).body).toMatchObject({ state: 'cancelled', canCancel: false, canRequestCallback: false });
    expect((await audit('consultation.cancelled', consultationId)).length).toBe(1);
    await facilitator.agent.get(`/api/consultations/${consultationId}/slip.pdf`).expect(409);
  });

  it('erases the links and the callback’s phone and note with the citizen’s data', async () => {
    await t.dataSource.query(`UPDATE consultations SET cancelled_at = now() - interval '100 days' WHERE id = $1`, [consultationId]);
    await t.app.get(RetentionService).run();
    expect((await t.dataSource.query(`SELECT count(*)::int AS n FROM citizen_links WHERE consultation_id = $1`, [consultationId]))[0].n).toBe(0);
    const [request] = await t.dataSource.query(`SELECT phone, note, erased_at FROM callback_requests WHERE id = $1`, [callbackId]);
    expect(request).toEqual({ phone: null, note: null, erased_at: expect.any(Date) });
    expect((await citizen(t.baseUrl).get(`/api/citizen/appointments/${token}`).expect(404)).body).toMatchObject({ code: 'LINK_UNKNOWN' });
  });

  it('limits unknown links per address, then refuses every link from it for a while (429 with Retry-After)', async () => {
    const live = await book('16:00', { email: 'x@example.fr' });
    const liveToken = (await messages(live)).find((m) => m.channel === 'email')!.text.match(TOKEN)![1]!;
    let refused: request.Response | undefined;
    for (let i = 0; i < 25 && !refused; i++) {
      const res = await citizen(t.baseUrl).get(`/api/citizen/appointments/${FORGED.slice(0, 20)}${String(i).padStart(2, '0')}`);
      if (res.status === 429) refused = res;
      else expect(res.status).toBe(404);
    }
    expect(refused?.body).toMatchObject({ code: 'RATE_LIMITED' });
    expect(Number(refused!.headers['retry-after'])).toBeGreaterThan(0);
    // A right link from that address waits too: the limit tells nothing about which tokens exist.
    await citizen(t.baseUrl).get(`/api/citizen/appointments/${liveToken}`).expect(429);
  });
});
