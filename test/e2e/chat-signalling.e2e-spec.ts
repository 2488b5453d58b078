import { randomUUID } from 'node:crypto';
import { CHAT_BURST } from '../../server/src/chat/chat-flood-guard';
import { RetentionService } from '../../server/src/retention/retention.service';
import { CHAT_MAX_LENGTH, ChatMessage } from '../../shared/signalling/protocol';
import { startTestApp, TestApp } from '../support/app';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { AGENT, signallingCast, SignallingCast } from '../support/signalling-cast';
import { SignallingClient } from '../support/signalling-client';


describe('chat over signalling', () => {
  let t: TestApp;
  let ids: Awaited<ReturnType<typeof demoIds>>;
  let cast: SignallingCast;
  let boothCookie: string;
  let agentCookie: string;
  let facilitatorCookie: string;
  const connect = (cookie: string, consultation: string) => cast.connect(cookie, consultation);
  const stored = (consultationId: string) =>
    t.dataSource.query(`SELECT client_id, sender_id, sender_role, text FROM consultation_chat_messages WHERE consultation_id = $1 ORDER BY sent_at`, [consultationId]);
  /** A consultation with its agent in the call and its booth in the lobby (not admitted). */
  const room = async () => {
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0]);
    const agent = connect(agentCookie, consultationId);
    await agent.request('join', {});
    const booth = connect(boothCookie, consultationId);
    await booth.request('join', {});
    return { consultationId, agent, booth };
  };

  beforeAll(async () => {
    t = await startTestApp({ LOGIN_RATE_LIMIT: '100', RETENTION_ENABLED: 'false', CITIZEN_DATA_RETENTION_DAYS: '90' });
    ids = await demoIds(t.dataSource);
    cast = await signallingCast(t, ids.pithiviersBoothId);
    ({ boothCookie, agentCookie, facilitatorCookie } = cast);
  });
  afterEach(() => cast.closeAll());
  afterAll(() => t.close());

  it('a booth still in the lobby writes; everyone here is told, the sender too; the history replays it', async () => {
    const { consultationId, agent, booth } = await room();
    const facilitator = connect(facilitatorCookie, consultationId);
    await facilitator.request('join', {});
    const clientId = randomUUID();
    const { message } = await booth.request('chatSend', { clientId, text: '  Je suis sourd(e) ou malentendant(e)\r\nMerci d’écrire  ' });
    expect(message).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      clientId,
      senderRole: 'booth',
      senderName: 'France Services de Pithiviers',
      text: 'Je suis sourd(e) ou malentendant(e)\nMerci d’écrire',
      sentAt: expect.any(String),
    });
    expect(Date.now() - Date.parse(message.sentAt)).toBeLessThan(10_000);
    for (const client of [agent, booth, facilitator]) expect(await client.notification('chatMessage')).toEqual(message);

    const reply = (await agent.request('chatSend', { clientId: randomUUID(), text: 'Bien noté, je vous écris.' })).message;
    expect(reply).toMatchObject({ senderRole: 'agent', senderName: 'Antoine Agent' });
    expect((await booth.notification('chatMessage')).id).toBe(reply.id);

    // A reconnection (a new socket) replays the history, oldest first, for each role.
    booth.close();
    const again = connect(boothCookie, consultationId);
    await again.request('join', {});
    expect((await again.request('chatHistory', {})).messages).toEqual([message, reply]);
    expect((await facilitator.request('chatHistory', {})).messages).toEqual([message, reply]);
  });

  it('a resend with the same clientId (after a reconnection) answers the stored message: stored once, told once', async () => {
    const { consultationId, agent, booth } = await room();
    const clientId = randomUUID();
    const first = (await booth.request('chatSend', { clientId, text: 'Je ne vous entends pas' })).message;
    await agent.notification('chatMessage');
    booth.close();
    const again = connect(boothCookie, consultationId);
    await again.request('join', {});
    // Even with a different text (a client bug), the first copy stands.
    expect((await again.request('chatSend', { clientId, text: 'Je ne vous entends pas' })).message).toEqual(first);
    expect((await again.request('chatSend', { clientId, text: 'autre chose' })).message).toEqual(first);
    // Two resends at once.
    const twice = await Promise.all([again.request('chatSend', { clientId, text: 'x' }), again.request('chatSend', { clientId, text: 'x' })]);
    expect(twice.map((r) => r.message.id)).toEqual([first.id, first.id]);
    await new Promise((r) => setTimeout(r, 300));
    expect(agent.notifications.filter((n) => n.notification === 'chatMessage')).toEqual([]);
    expect(await stored(consultationId)).toHaveLength(1);
    // The same clientId from another sender is another message.
    expect((await agent.request('chatSend', { clientId, text: 'Je vous entends bien' })).message.id).not.toBe(first.id);
    expect(await stored(consultationId)).toHaveLength(2);
  });

  it('bad input gets a specific refusal and stores nothing; HTML stays plain text', async () => {
    const { consultationId, booth } = await room();
    const refusal = (data: unknown) => booth.refusal('chatSend', data);
    expect(await refusal({ clientId: randomUUID(), text: '' })).toEqual({ code: 'VALIDATION_FAILED', message: 'text is empty.' });
    expect(await refusal({ clientId: randomUUID(), text: ' \r\n \n ' })).toEqual({ code: 'VALIDATION_FAILED', message: 'text is empty.' });
    expect(await refusal({ clientId: randomUUID(), text: 'a'.repeat(CHAT_MAX_LENGTH + 1) })).toEqual({
      code: 'VALIDATION_FAILED',
      message: `text is longer than ${CHAT_MAX_LENGTH} characters.`,
    });
    expect((await refusal({ clientId: randomUUID(), text: 'a'.repeat(50_000) })).code).toBe('VALIDATION_FAILED');
    for (const text of ['bip\u0007', 'nul\u0000', 'esc\u001b[2J', 'c1\u009b', 'tab\there']) {
      expect(await refusal({ clientId: randomUUID(), text })).toEqual({ code: 'VALIDATION_FAILED', message: expect.stringContaining('control characters') });
    }
    expect((await refusal({ clientId: 'not-a-uuid', text: 'Bonjour' })).message).toContain('clientId must be a UUID');
    expect((await refusal({ text: 'Bonjour' })).code).toBe('VALIDATION_FAILED');
    expect((await refusal({ clientId: randomUUID(), text: 42 })).code).toBe('VALIDATION_FAILED');
    expect((await refusal({ clientId: randomUUID(), text: 'Bonjour', html: true })).message).toContain('should not exist');
    expect((await booth.refusal('chatHistory', { since: 0 })).code).toBe('VALIDATION_FAILED');
    expect(await stored(consultationId)).toEqual([]);

    const html = '<img src=x onerror=alert(1)> <b>gras</b> &amp; https://exemple.fr/?a=1&b=2';
    expect((await booth.request('chatSend', { clientId: randomUUID(), text: html })).message.text).toBe(html);
    expect((await stored(consultationId))[0].text).toBe(html);
    // Exactly the limit, in characters beyond the basic plane, is accepted.
    const longest = '😀'.repeat(CHAT_MAX_LENGTH);
    expect((await booth.request('chatSend', { clientId: randomUUID(), text: longest })).message.text).toBe(longest);
  });

  it('before join, or in a pre-call check, there is no chat', async () => {
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, AGENT[0]);
    const early = connect(agentCookie, consultationId);
    expect((await early.refusal('chatSend', { clientId: randomUUID(), text: 'Bonjour' })).code).toBe('NOT_JOINED');
    expect((await early.refusal('chatHistory', {})).code).toBe('NOT_JOINED');
    const probe = cast.hold(SignallingClient.probe(t.baseUrl, agentCookie));
    await probe.request('join', {});
    expect((await probe.refusal('chatSend', { clientId: randomUUID(), text: 'Bonjour' })).code).toBe('FORBIDDEN');
  });

  it(`a flood gets RATE_LIMITED after ${CHAT_BURST} messages; every acknowledged message is stored and told, once`, async () => {
    const { consultationId, agent, booth } = await room();
    const sends = Array.from({ length: 12 }, (_, i) => ({ clientId: randomUUID(), text: `message ${i + 1}` }));
    const acks = await Promise.all(sends.map((data) => booth.raw('chatSend', data)));
    const accepted = acks.filter((a) => a.ok).map((a) => (a.data as { message: ChatMessage }).message);
    const refused = acks.filter((a) => !a.ok);
    expect(accepted.map((m) => m.text)).toEqual(sends.slice(0, CHAT_BURST).map((s) => s.text));
    expect(refused.map((a) => a.code)).toEqual(Array(12 - CHAT_BURST).fill('RATE_LIMITED'));
    // The socket stays open (the connection's own flood limit is far above this one).
    expect(booth.socket.readyState).toBe(booth.socket.OPEN);
    // A resend of an acknowledged message while limited still gets its acknowledgement.
    expect((await booth.request('chatSend', sends[0]!)).message.id).toBe(accepted[0]!.id);
    // The others may still write; a new socket of the booth does not reset its allowance.
    await agent.request('chatSend', { clientId: randomUUID(), text: 'Doucement 🙂' });
    booth.close();
    const again = connect(boothCookie, consultationId);
    await again.request('join', {});
    expect((await again.refusal('chatSend', { clientId: randomUUID(), text: 'encore' })).code).toBe('RATE_LIMITED');

    const rows = await stored(consultationId);
    expect(rows.map((r: { text: string }) => r.text)).toEqual([...accepted.map((m) => m.text), 'Doucement 🙂']);
    const told = agent.notifications.filter((n) => n.notification === 'chatMessage').map((n) => (n.data as ChatMessage).id);
    expect(told).toEqual([...accepted.map((m) => m.id), expect.any(String)]);
    expect((await again.request('chatHistory', {})).messages.map((m) => m.id)).toEqual(told);
  });

  it('the retention sweep deletes the chat of consultations whose citizen data it erases, and keeps the others', async () => {
    const old = await room();
    const recent = await room();
    for (const r of [old, recent]) {
      await r.booth.request('chatSend', { clientId: randomUUID(), text: 'Je m’appelle Jeanne Martin, mon numéro fiscal est 1234' });
      await r.agent.request('chatSend', { clientId: randomUUID(), text: 'Merci Madame Martin' });
    }
    cast.closeAll();
    await t.dataSource.query(
      `UPDATE consultations SET status = 'done', cancellation_cause = NULL, starts_at = now() - interval '100 days', ends_at = now() - interval '100 days' + interval '30 minutes' WHERE id = $1`,
      [old.consultationId],
    );
    const run = await t.app.get(RetentionService).run();
    expect(run?.consultationsErased).toBeGreaterThanOrEqual(1);
    expect(await stored(old.consultationId)).toEqual([]);
    expect(await stored(recent.consultationId)).toHaveLength(2);
  });
});
