import { DateTime } from 'luxon';
import { OutboxDispatcher } from '../../server/src/notifications/dispatch/outbox-dispatcher.service';
import { ERASED_CITIZEN_NAME, RetentionService } from '../../server/src/retention/retention.service';
import { startTestApp, TestApp } from '../support/app';
import { demoIds } from '../support/demo-data';
import { at, mondayIn, schedulingIds, SchedulingIds } from '../support/scheduling';
import { signIn, SignedIn } from '../support/session';

interface OutboxRow {
  id: string;
  consultation_id: string;
  event: string;
  channel: string;
  recipient: string;
  subject: string | null;
  body: string;
  sms_encoding: string | null;
  sms_segments: number | null;
  status: string;
  handled_by_id: string | null;
}

async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 30_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('messages a citizen can act on', () => {
  let t: TestApp;
  let ids: SchedulingIds;
  let sites: Awaited<ReturnType<typeof demoIds>>;
  let coordinator: SignedIn;
  let facilitator: SignedIn;
  // Two weeks ahead, Monday to Friday, inside the demo opening hours and the agent's availability.
  const week = mondayIn(2);
  const slot = (day: number, hhmm: string) => at(week.plus({ days: day }), hhmm);

  beforeAll(async () => {
    // The dispatcher is driven by hand (drain) so that what it does to each row is observed.
    t = await startTestApp({ NOTIFICATIONS_ENABLED: 'false', LOGIN_RATE_LIMIT: '1000' });
    ids = await schedulingIds(t.dataSource);
    sites = await demoIds(t.dataSource);
    coordinator = await signIn(t.baseUrl, 'coordinator');
    facilitator = await signIn(t.baseUrl, 'facilitator');
  });
  afterAll(() => t.close());

  const book = (caller: SignedIn, startsAt: string, citizen: object, boothId = sites.pithiviersBoothId) =>
    caller.agent
      .post('/api/consultations')
      .set('X-CSRF-Token', caller.csrf)
      .send({ boothId, agentId: ids.demoAgentId, consultationTypeId: ids.incomeTaxTypeId, startsAt, citizen });
  const rowsOf = (consultationId: string): Promise<OutboxRow[]> =>
    t.dataSource.query(`SELECT * FROM notification_outbox WHERE consultation_id = $1 ORDER BY created_at, event, channel`, [consultationId]);
  const setSitePhone = (siteId: string, phone: string | null) =>
    coordinator.agent.patch(`/api/msap-sites/${siteId}`).set('X-CSRF-Token', coordinator.csrf).send({ phone });

  it('refuses a landline at booking with NOT_A_MOBILE (a malformed number with INVALID_PHONE), storing nothing', async () => {
    const [before] = await t.dataSource.query(`SELECT (SELECT count(*)::int FROM consultations) AS c, (SELECT count(*)::int FROM notification_outbox) AS o`);
    for (const [phone, code] of [
      ['02 38 30 12 34', 'NOT_A_MOBILE'],
      ['01 23 45 67 89', 'NOT_A_MOBILE'],
      ['+33 9 12 34 56 78', 'NOT_A_MOBILE'],
      ['0262 12 34 56', 'NOT_A_MOBILE'],
      ['06 12 34 56', 'INVALID_PHONE'],
      ['+33 6 12 34 56 78 9', 'INVALID_PHONE'],
    ] as const) {
      const res = await book(coordinator, slot(0, '09:00'), { name: 'Jeanne Fixe', phone }).expect(422);
      expect({ phone, body: res.body }).toMatchObject({ phone, body: { code: 'VALIDATION_FAILED', errors: { citizen: { phone: [code] } } } });
    }
    const [after] = await t.dataSource.query(`SELECT (SELECT count(*)::int FROM consultations) AS c, (SELECT count(*)::int FROM notification_outbox) AS o`);
    expect(after).toEqual(before);

    // An overseas mobile typed the national way is kept with its own country code, and gets its SMS.
    const reunion = await book(coordinator, slot(0, '09:00'), { name: 'Paul Réunion', phone: '0692 12 34 56' }).expect(201);
    expect(reunion.body.citizen.phone).toBe('+262692123456');
    expect((await rowsOf(reunion.body.id)).map((r) => `${r.channel}:${r.recipient}`)).toEqual(expect.arrayContaining(['sms:+262692123456']));
  });

  it('puts a booking with neither mobile nor e-mail on the list to call, never marks it sent, and audits the call', async () => {
    const booked = await book(facilitator, slot(0, '10:00'), { name: 'Rose Sanscontact' }).expect(201);
    const id = booked.body.id as string;
    const rows = await rowsOf(id);
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ['agent_email', 'pending'],
      ['call', 'to_call'],
    ]);
    const call = rows.find((r) => r.channel === 'call')!;
    expect(call.recipient).toBe('');
    expect(call.body).toMatch(/^Bonjour Rose Sanscontact, RDV visio DDFIP du Loiret le lundi .* à 10 h à France Services de Pithiviers/);

    // The dispatcher (no provider: local delivery) sends the agent's e-mail and leaves the call alone.
    await t.app.get(OutboxDispatcher).drain();
    expect((await rowsOf(id)).map((r) => [r.channel, r.status])).toEqual([
      ['agent_email', 'sent'],
      ['call', 'to_call'],
    ]);

    for (const caller of [coordinator, facilitator]) {
      const list = await caller.agent.get('/api/to-call').expect(200);
      expect(list.body.items).toEqual([
        expect.objectContaining({
          id: call.id,
          consultationId: id,
          event: 'booked',
          phone: null,
          citizenName: 'Rose Sanscontact',
          msapSiteName: 'France Services de Pithiviers',
          administration: 'DDFIP du Loiret',
          message: call.body,
          earlier: 0,
        }),
      ]);
    }
    // A Sully booking is the coordinator's to call, not Pithiviers' facilitator's.
    const sully = await book(coordinator, slot(0, '11:00'), { name: 'Sam Sully' }, sites.sullyBoothId).expect(201);
    expect((await coordinator.agent.get('/api/to-call').expect(200)).body.total).toBe(2);
    expect((await facilitator.agent.get('/api/to-call').expect(200)).body.items.map((i: { citizenName: string }) => i.citizenName)).toEqual(['Rose Sanscontact']);
    const [sullyCall] = (await rowsOf(sully.body.id)).filter((r) => r.channel === 'call');
    await facilitator.agent.post(`/api/to-call/${sullyCall!.id}/handled`).set('X-CSRF-Token', facilitator.csrf).expect(404);

    await facilitator.agent.post(`/api/to-call/${call.id}/handled`).set('X-CSRF-Token', facilitator.csrf).set('X-Request-Id', 'called-rose').expect(204);
    await facilitator.agent.post(`/api/to-call/${call.id}/handled`).set('X-CSRF-Token', facilitator.csrf).expect(409);
    const handled = (await rowsOf(id)).find((r) => r.channel === 'call')!;
    expect(handled).toMatchObject({ status: 'called', handled_by_id: facilitator.userId });
    expect((await facilitator.agent.get('/api/to-call').expect(200)).body.total).toBe(0);
    const audit = await t.dataSource.query(
      `SELECT action, actor_user_id, subject_id, details, request_id FROM audit_events WHERE action = 'to_call.handled' ORDER BY id`,
    );
    expect(audit).toEqual([
      { action: 'to_call.handled', actor_user_id: facilitator.userId, subject_id: id, details: { callId: call.id, event: 'booked', covered: 1 }, request_id: 'called-rose' },
    ]);
    await coordinator.agent.post(`/api/to-call/${sullyCall!.id}/handled`).set('X-CSRF-Token', coordinator.csrf).expect(204);
  });

  it('turns the changes of a citizen booked before with a landline into calls: one line with the latest change, the cancellation with its reason', async () => {
    const booked = await book(coordinator, slot(1, '09:00'), { name: 'Marcel Ancien', phone: '06 98 76 54 32' }).expect(201);
    const id = booked.body.id as string;
    // Booked before the rule existed: a landline was accepted as the phone then (it goes in `landline` now).
    await t.dataSource.query(`UPDATE consultations SET citizen_phone = '+33238301234' WHERE id = $1`, [id]);
    await coordinator.agent.patch(`/api/consultations/${id}`).set('X-CSRF-Token', coordinator.csrf).send({ startsAt: slot(1, '11:00') }).expect(200);
    let list = await coordinator.agent.get('/api/to-call').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ consultationId: id, event: 'rescheduled', phone: '+33238301234', earlier: 0 })]);
    expect(list.body.items[0].message).toMatch(/^Bonjour Marcel Ancien, votre RDV visio DDFIP du Loiret est déplacé au mardi .* à 11 h/);

    // Before cancelling, the notice says it will not be sent but called.
    const notice = await coordinator.agent
      .post(`/api/consultations/${id}/cancellation-notice`)
      .set('X-CSRF-Token', coordinator.csrf)
      .send({ reason: 'agent en formation' })
      .expect(200);
    expect(notice.body).toEqual({
      citizenName: 'Marcel Ancien',
      messages: [{ channel: 'call', recipient: '+33238301234', subject: null, text: expect.stringMatching(/est annulé\. Motif : agent en formation$/), sms: null }],
    });
    await coordinator.agent.post(`/api/consultations/${id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'agent en formation' }).expect(200);
    const rows = await rowsOf(id);
    // Never an SMS to the landline.
    expect(rows.filter((r) => r.recipient === '+33238301234').map((r) => r.channel)).toEqual(['call', 'call']);
    list = await coordinator.agent.get('/api/to-call').expect(200);
    expect(list.body.items).toEqual([expect.objectContaining({ consultationId: id, event: 'cancelled', phone: '+33238301234', earlier: 1, message: notice.body.messages[0].text })]);
    // One call settles both.
    await coordinator.agent.post(`/api/to-call/${list.body.items[0].id}/handled`).set('X-CSRF-Token', coordinator.csrf).expect(204);
    expect((await rowsOf(id)).filter((r) => r.channel === 'call').map((r) => r.status)).toEqual(['called', 'called']);
    const [audit] = await t.dataSource.query(`SELECT details FROM audit_events WHERE action = 'to_call.handled' AND subject_id = $1`, [id]);
    expect(audit.details).toEqual({ callId: list.body.items[0].id, event: 'cancelled', covered: 2 });
  });

  it("keeps the SMS's accents where GSM-7 has them, transliterates the others in a long SMS, and gives the site's number", async () => {
    const bad = await setSitePhone(sites.pithiviersId, '12 34').expect(422);
    expect(bad.body.errors).toEqual({ phone: ['INVALID_PHONE'] });
    const site = await setSitePhone(sites.pithiviersId, '02 38 30 12 34').expect(200);
    expect(site.body.phone).toBe('+33238301234');
    const [audited] = await t.dataSource.query(`SELECT details FROM audit_events WHERE action = 'msap_site.updated' AND subject_id = $1 ORDER BY id DESC LIMIT 1`, [
      sites.pithiviersId,
    ]);
    expect(audited.details).toEqual({ changes: { phone: { from: null, to: '+33238301234' } } });

    const booked = await book(coordinator, slot(2, '09:00'), { name: 'Hélène Françoise Lefèvre', phone: '06 11 22 33 44' }).expect(201);
    const [sms] = (await rowsOf(booked.body.id)).filter((r) => r.channel === 'sms');
    // "ç" and "ô" are not GSM-7 and the text is too long for two UCS-2 parts: only they lose their accent.
    expect(sms).toMatchObject({ sms_encoding: 'GSM-7', recipient: '+33611223344' });
    expect(sms!.body).toMatch(/^Bonjour Hélène Francoise Lefèvre, RDV visio DDFIP du Loiret le mercredi .* à 9 h à France Services de Pithiviers, 2 rue de la Couronne/);
    expect(sms!.body).toContain("Apportez : Pièce d'identité, Dernier avis d'impot.");
    expect(sms!.body.endsWith(' Pour toute question : France Services de Pithiviers, 02 38 30 12 34.')).toBe(true);
    // Basic-table characters only: one septet each, 153 per part once concatenated.
    expect(sms!.sms_segments).toBe(Math.ceil([...sms!.body].length / 153));

    // Sully has no number yet: its SMS say nothing of one.
    const sully = await book(coordinator, slot(2, '10:00'), { name: 'Élise Martin', phone: '06 11 22 33 55' }, sites.sullyBoothId).expect(201);
    const [sullySms] = (await rowsOf(sully.body.id)).filter((r) => r.channel === 'sms');
    expect(sullySms!.body).not.toContain('Pour toute question');
    expect(sullySms!.body).toMatch(/^Bonjour Élise Martin, RDV visio/);
  });

  it('checks a mass cancellation message at its own step (422), and previews exactly what the first citizens are then sent', async () => {
    const day = week.plus({ days: 3 });
    const citizens = [
      { name: 'Anaïs Mobile', phone: '06 10 00 00 01' },
      { name: 'Bruno Courriel', email: 'bruno@example.fr' },
      { name: 'Chloé Sanscontact' },
      { name: 'Denis Deux', phone: '07 10 00 00 02', email: 'denis@example.fr' },
    ];
    const consultations: string[] = [];
    for (const [i, citizen] of citizens.entries()) {
      consultations.push((await book(coordinator, at(day, ['09:00', '10:00', '11:00', '14:00'][i]!), citizen, sites.sullyBoothId).expect(201)).body.id);
    }
    const selection = { agentId: ids.demoAgentId, msapSiteId: sites.sullyId, from: day.toISO(), to: day.plus({ days: 1 }).toISO() };
    const preview = (body: object) => coordinator.agent.post('/api/mass-cancellations/message-preview').set('X-CSRF-Token', coordinator.csrf).send(body);

    for (const [message, code] of [
      ['', 'REQUIRED'],
      ['   ', 'REQUIRED'],
      ['Bonjour {nom}, {inconnu}', 'UNKNOWN_PLACEHOLDERS'],
      ['x'.repeat(481), 'TOO_LONG'],
    ] as const) {
      const res = await preview({ ...selection, message }).expect(422);
      expect(res.body.errors).toEqual({ message: [code] });
    }
    await preview({ ...selection }).expect(422);
    expect((await t.dataSource.query('SELECT count(*)::int AS n FROM mass_cancellation_jobs'))[0].n).toBe(0);

    // Short and with "ê" (not GSM-7): kept as written, in UCS-2.
    const message = 'Bonjour {nom}, fenêtre fermée : RDV du {date} annulé.';
    const res = await preview({ ...selection, message, count: 3 }).expect(200);
    expect(res.body.total).toBe(4);
    expect(res.body.items.map((i: { citizenName: string }) => i.citizenName)).toEqual(['Anaïs Mobile', 'Bruno Courriel', 'Chloé Sanscontact']);
    const [anais, bruno, chloe] = res.body.items;
    expect(anais.messages).toEqual([
      {
        channel: 'sms',
        recipient: '+33610000001',
        subject: null,
        text: expect.stringMatching(/^Bonjour Anaïs Mobile, fenêtre fermée : RDV du jeudi .* à 9 h annulé\.$/),
        sms: { encoding: 'UCS-2', segments: expect.any(Number), characters: expect.any(Number) },
      },
    ]);
    expect(anais.messages[0].sms.segments).toBeLessThanOrEqual(2);
    expect(bruno.messages).toEqual([expect.objectContaining({ channel: 'email', recipient: 'bruno@example.fr', subject: expect.stringMatching(/^Annulation de votre rendez-vous/), sms: null })]);
    expect(bruno.messages[0].text).toMatch(/^Bonjour Bruno Courriel, fenêtre fermée/);
    expect(chloe.messages).toEqual([expect.objectContaining({ channel: 'call', recipient: '', text: expect.stringMatching(/^Bonjour Chloé Sanscontact, fenêtre fermée/) })]);

    await coordinator.agent.post('/api/mass-cancellations').set('X-CSRF-Token', coordinator.csrf).send({ ...selection, message }).expect(202);
    await until('the cancellations', async () => {
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM consultations WHERE id = ANY($1) AND status = 'cancelled'`, [consultations]);
      return n === 4;
    });
    for (const item of res.body.items as Array<{ consultationId: string; messages: Array<{ channel: string; recipient: string; subject: string | null; text: string; sms: { encoding: string; segments: number } | null }> }>) {
      const written = (await rowsOf(item.consultationId)).filter((r) => r.event === 'cancelled' && r.channel !== 'agent_email');
      expect(
        written.map((r) => ({
          channel: r.channel,
          recipient: r.recipient,
          subject: r.subject,
          text: r.body,
          sms: r.channel === 'sms' ? { encoding: r.sms_encoding, segments: r.sms_segments, characters: [...r.body].length } : null,
        })),
      ).toEqual(item.messages);
    }
  });

  it('shows what a single cancellation will send, exactly as it is then written', async () => {
    const booked = await book(facilitator, slot(4, '09:00'), { name: 'Inès Portable', phone: '06 55 44 33 22', email: 'ines@example.fr' }).expect(201);
    const id = booked.body.id as string;
    const notice = (caller: SignedIn, reason: string) =>
      caller.agent.post(`/api/consultations/${id}/cancellation-notice`).set('X-CSRF-Token', caller.csrf).send({ reason });
    expect((await notice(facilitator, 'x').expect(422)).body.errors).toEqual({ reason: ['TOO_SHORT'] });
    const res = await notice(facilitator, 'fermeture exceptionnelle').expect(200);
    expect(res.body.messages.map((m: { channel: string; recipient: string }) => `${m.channel}:${m.recipient}`)).toEqual(['sms:+33655443322', 'email:ines@example.fr']);
    const sms = res.body.messages[0];
    expect(sms.text).toMatch(/^Bonjour Inès Portable, votre RDV visio DDFIP du Loiret du vendredi .* à 9 h à France Services de Pithiviers est annulé\. Motif : fermeture exceptionnelle\. Pour toute question : France Services de Pithiviers, 02 38 30 12 34\.$/);
    // Another site's facilitator is refused, like the cancellation itself would be.
    const sully = await book(coordinator, slot(4, '10:00'), { name: 'Autre Site', phone: '07 77 44 33 23' }, sites.sullyBoothId).expect(201);
    await facilitator.agent.post(`/api/consultations/${sully.body.id}/cancellation-notice`).set('X-CSRF-Token', facilitator.csrf).send({ reason: 'fermeture' }).expect(403);

    await facilitator.agent.post(`/api/consultations/${id}/cancel`).set('X-CSRF-Token', facilitator.csrf).send({ reason: 'fermeture exceptionnelle' }).expect(200);
    const written = (await rowsOf(id)).filter((r) => r.event === 'cancelled' && r.channel !== 'agent_email');
    const shown = res.body.messages.map((m: { channel: string; text: string }) => ({ channel: m.channel, text: m.text }));
    expect(written.map((r) => ({ channel: r.channel, text: r.body })).sort((a, b) => a.channel.localeCompare(b.channel))).toEqual(
      shown.sort((a: { channel: string }, b: { channel: string }) => a.channel.localeCompare(b.channel)),
    );
    await notice(facilitator, 'encore').expect(409);
  });

  it('searches, filters and pages the messages page', async () => {
    const get = (query: string) => coordinator.agent.get(`/api/notifications/outbox?${query}`);
    const byName = await get(`q=${encodeURIComponent('Inès')}`).expect(200);
    expect(byName.body.total).toBeGreaterThanOrEqual(4);
    expect(byName.body.items.every((i: { consultation: { citizenName: string } }) => i.consultation.citizenName === 'Inès Portable')).toBe(true);
    // A phone number however typed: the SMS to it, and the other messages about its citizen.
    const byPhone = await get(`q=${encodeURIComponent('06 55 44')}`).expect(200);
    expect(byPhone.body.items.length).toBeGreaterThan(0);
    expect(new Set(byPhone.body.items.map((i: { consultation: { citizenName: string } }) => i.consultation.citizenName))).toEqual(new Set(['Inès Portable']));
    const byEmail = await get('q=bruno%40example&channel=email').expect(200);
    expect(byEmail.body.items.map((i: { recipient: string; event: string }) => `${i.recipient}/${i.event}`).sort()).toEqual(['bruno@example.fr/booked', 'bruno@example.fr/cancelled']);

    const calls = await get('channel=call&status=to_call').expect(200);
    expect(calls.body.items.map((i: { consultation: { citizenName: string }; event: string }) => `${i.consultation.citizenName}/${i.event}`)).toEqual(['Chloé Sanscontact/cancelled', 'Chloé Sanscontact/booked']);
    const cancelled = await get('event=cancelled&channel=sms').expect(200);
    expect(cancelled.body.items.every((i: { event: string; channel: string }) => i.event === 'cancelled' && i.channel === 'sms')).toBe(true);
    expect(cancelled.body.total).toBe(cancelled.body.items.length);

    // A period: today's messages, none tomorrow.
    const today = DateTime.now().setZone('Europe/Paris').startOf('day');
    const all = await get('pageSize=1').expect(200);
    const inPeriod = await get(`from=${encodeURIComponent(today.toISO()!)}&to=${encodeURIComponent(today.plus({ days: 1 }).toISO()!)}&pageSize=1`).expect(200);
    expect(inPeriod.body.total).toBe(all.body.total);
    expect((await get(`from=${encodeURIComponent(today.plus({ days: 1 }).toISO()!)}`).expect(200)).body.total).toBe(0);
    expect((await get(`from=${encodeURIComponent(today.toISO()!)}&to=${encodeURIComponent(today.minus({ days: 1 }).toISO()!)}`).expect(422)).body.errors).toEqual({
      to: ['END_BEFORE_START'],
    });
    expect((await get('q=a').expect(422)).body.errors).toEqual({ q: ['TOO_SHORT'] });
    expect((await get('channel=fax').expect(422)).body.errors).toEqual({ channel: ['NOT_ALLOWED'] });

    // Pages: every message once, newest first.
    const total = all.body.total as number;
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(total / 7); page++) {
      const res = await get(`pageSize=7&page=${page}`).expect(200);
      expect(res.body).toMatchObject({ page, pageSize: 7, total });
      seen.push(...res.body.items.map((i: { id: string }) => i.id));
    }
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
  });

  describe('a citizen with a landline only', () => {
    // Three weeks ahead: away from the days the tests above count on.
    const later = mondayIn(3);
    const on = (day: number, hhmm: string) => at(later.plus({ days: day }), hhmm);
    const counts = async () =>
      (
        await t.dataSource.query(
          `SELECT (SELECT count(*)::int FROM consultations) AS c, (SELECT count(*)::int FROM notification_outbox) AS o, (SELECT count(*)::int FROM audit_events) AS a`,
        )
      )[0];

    it('refuses a landline in the mobile field (NOT_A_MOBILE) and a mobile in the landline field (NOT_A_LANDLINE), storing nothing', async () => {
      const before = await counts();
      for (const [citizen, errors] of [
        [{ phone: '02 38 30 12 34' }, { phone: ['NOT_A_MOBILE'] }],
        [{ phone: '02 38 30 12 34', landline: '02 38 30 12 34' }, { phone: ['NOT_A_MOBILE'] }],
        [{ landline: '06 12 34 56 78' }, { landline: ['NOT_A_LANDLINE'] }],
        [{ landline: '0692 12 34 56' }, { landline: ['NOT_A_LANDLINE'] }],
        [{ landline: '+32 2 123 45 67' }, { landline: ['NOT_A_LANDLINE'] }],
        [{ landline: '08 00 12 34 56' }, { landline: ['NOT_A_LANDLINE'] }],
        [{ landline: '02 38 30' }, { landline: ['INVALID_PHONE'] }],
        [{ landline: '' }, { landline: ['INVALID_PHONE'] }],
        [{ phone: '02 38 30 12 34', landline: '06 12 34 56 78' }, { phone: ['NOT_A_MOBILE'], landline: ['NOT_A_LANDLINE'] }],
      ] as const) {
        const res = await book(coordinator, on(0, '09:00'), { name: 'Yvonne Mauvaischamp', ...citizen }).expect(422);
        expect({ citizen, body: res.body }).toEqual({ citizen, body: expect.objectContaining({ code: 'VALIDATION_FAILED', errors: { citizen: errors } }) });
      }
      expect(await counts()).toEqual(before);
    });

    it('books with a landline only: stored, a call to that number on the list to call, never marked sent nor audited with the number', async () => {
      const booked = await book(facilitator, on(0, '09:00'), { name: 'Odette Fixe', landline: '02 38 30 99 88' }).set('X-Request-Id', 'book-odette').expect(201);
      const id = booked.body.id as string;
      expect(booked.body.citizen).toEqual({ name: 'Odette Fixe', phone: null, landline: '+33238309988', email: null });
      const [stored] = await t.dataSource.query(`SELECT citizen_phone, citizen_landline, citizen_email FROM consultations WHERE id = $1`, [id]);
      expect(stored).toEqual({ citizen_phone: null, citizen_landline: '+33238309988', citizen_email: null });
      expect((await coordinator.agent.get(`/api/consultations/${id}`).expect(200)).body.citizen.landline).toBe('+33238309988');

      const rows = await rowsOf(id);
      expect(rows.map((r) => [r.channel, r.recipient, r.status])).toEqual([
        ['agent_email', expect.any(String), 'pending'],
        ['call', '+33238309988', 'to_call'],
      ]);
      await t.app.get(OutboxDispatcher).drain();
      expect((await rowsOf(id)).map((r) => [r.channel, r.status])).toEqual([
        ['agent_email', 'sent'],
        ['call', 'to_call'],
      ]);
      const call = rows.find((r) => r.channel === 'call')!;
      const list = await facilitator.agent.get('/api/to-call').expect(200);
      expect(list.body.items).toEqual([expect.objectContaining({ id: call.id, consultationId: id, event: 'booked', phone: '+33238309988', citizenName: 'Odette Fixe', message: call.body })]);

      // The trail says who booked what, never the citizen's number.
      const audit = await t.dataSource.query(`SELECT action, actor_user_id, details, request_id FROM audit_events WHERE subject_id = $1`, [id]);
      expect(audit).toEqual([{ action: 'consultation.booked', actor_user_id: facilitator.userId, details: expect.any(Object), request_id: 'book-odette' }]);
      expect(JSON.stringify(audit)).not.toMatch(/38309988|38 30 99 88|Odette/);

      // A move and a cancellation are calls to that number too: one line, the latest change.
      await coordinator.agent.patch(`/api/consultations/${id}`).set('X-CSRF-Token', coordinator.csrf).send({ startsAt: on(0, '10:00') }).expect(200);
      await coordinator.agent.post(`/api/consultations/${id}/cancel`).set('X-CSRF-Token', coordinator.csrf).send({ reason: 'agent en formation' }).expect(200);
      expect((await rowsOf(id)).filter((r) => r.channel !== 'agent_email').map((r) => `${r.event}:${r.channel}:${r.recipient}`)).toEqual([
        'booked:call:+33238309988',
        'rescheduled:call:+33238309988',
        'cancelled:call:+33238309988',
      ]);
      const latest = (await facilitator.agent.get('/api/to-call').expect(200)).body.items;
      expect(latest).toEqual([expect.objectContaining({ consultationId: id, event: 'cancelled', phone: '+33238309988', earlier: 2 })]);
      await facilitator.agent.post(`/api/to-call/${latest[0].id}/handled`).set('X-CSRF-Token', facilitator.csrf).expect(204);
    });

    it('gives a citizen with a mobile or an e-mail their messages and no call, and keeps the landline beside them', async () => {
      const withMobile = await book(coordinator, on(1, '09:00'), { name: 'Paul Deuxnumeros', phone: '06 44 55 66 77', landline: '01 44 55 66 77' }).expect(201);
      expect(withMobile.body.citizen).toEqual({ name: 'Paul Deuxnumeros', phone: '+33644556677', landline: '+33144556677', email: null });
      expect((await rowsOf(withMobile.body.id)).map((r) => (r.channel === 'sms' ? `sms:${r.recipient}` : r.channel))).toEqual(['agent_email', 'sms:+33644556677']);
      const withEmail = await book(coordinator, on(1, '10:00'), { name: 'Nina Courriel', email: 'nina@example.fr', landline: '09 44 55 66 77' }).expect(201);
      expect((await rowsOf(withEmail.body.id)).map((r) => r.channel).sort()).toEqual(['agent_email', 'email']);
      // Found by either number on the messages page.
      const search = await coordinator.agent.get(`/api/notifications/outbox?q=${encodeURIComponent('01 44 55 66')}`).expect(200);
      expect(new Set(search.body.items.map((i: { consultation: { citizenName: string } }) => i.consultation.citizenName))).toEqual(new Set(['Paul Deuxnumeros']));
    });

    it('names the landline in the mass cancellation report of citizens to call', async () => {
      const day = later.plus({ days: 2 });
      const landlineOnly = await book(coordinator, at(day, '09:00'), { name: 'Germaine Fixe', landline: '02 38 11 22 33' }, sites.sullyBoothId).expect(201);
      await book(coordinator, at(day, '10:00'), { name: 'Hugo Portable', phone: '06 11 22 33 00' }, sites.sullyBoothId).expect(201);
      const selection = { agentId: ids.demoAgentId, msapSiteId: sites.sullyId, from: day.toISO(), to: day.plus({ days: 1 }).toISO() };
      const job = await coordinator.agent.post('/api/mass-cancellations').set('X-CSRF-Token', coordinator.csrf).send({ ...selection, message: 'Bonjour {nom}, RDV du {date} annulé.' }).expect(202);
      await until('the mass cancellation', async () => (await coordinator.agent.get(`/api/mass-cancellations/${job.body.id}`).expect(200)).body.state === 'completed');
      const report = await coordinator.agent.get(`/api/mass-cancellations/${job.body.id}/report`).expect(200);
      expect(report.body.toCall.items).toEqual([
        expect.objectContaining({ consultationId: landlineOnly.body.id, reason: 'no_contact', citizenName: 'Germaine Fixe', phone: null, landline: '+33238112233', email: null }),
      ]);
      const [call] = (await rowsOf(landlineOnly.body.id)).filter((r) => r.event === 'cancelled' && r.channel === 'call');
      expect(call).toMatchObject({ recipient: '+33238112233', status: 'to_call' });
      await coordinator.agent.post(`/api/to-call/${call!.id}/handled`).set('X-CSRF-Token', coordinator.csrf).expect(204);
    });

    it('erases the landline with the rest of the citizen data, and the calls made to it', async () => {
      const booked = await book(facilitator, on(3, '09:00'), { name: 'Lucien Ancien', landline: '05 12 34 56 78' }).expect(201);
      const id = booked.body.id as string;
      // A hundred days later (the bookings API refuses the past: the clock is moved by hand).
      await t.dataSource.query(`UPDATE consultations SET starts_at = now() - interval '100 days', ends_at = now() - interval '100 days' + interval '30 minutes' WHERE id = $1`, [id]);
      const run = await t.app.get(RetentionService).run();
      expect(run?.consultationsErased).toBeGreaterThanOrEqual(1);
      const [erased] = await t.dataSource.query(
        `SELECT citizen_name, citizen_phone, citizen_landline, citizen_email, citizen_erased_at IS NOT NULL AS erased FROM consultations WHERE id = $1`,
        [id],
      );
      expect(erased).toEqual({ citizen_name: ERASED_CITIZEN_NAME, citizen_phone: null, citizen_landline: null, citizen_email: null, erased: true });
      const calls = (await rowsOf(id)).filter((r) => r.channel === 'call');
      expect(calls.map((r) => r.recipient)).toEqual(['']);
      const [{ n }] = await t.dataSource.query(`SELECT count(*)::int AS n FROM audit_events WHERE details::text LIKE '%512345678%' OR details::text LIKE '%05 12 34 56 78%'`);
      expect(n).toBe(0);
    });
  });
});
