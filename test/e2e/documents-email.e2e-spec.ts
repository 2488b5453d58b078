import type { DocumentView } from '../../shared/documents/documents';
import { OutboxDispatcher } from '../../server/src/notifications/dispatch/outbox-dispatcher.service';
import { startTestApp, TestApp } from '../support/app';
import { pairDevice } from '../support/callers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { pngImage, settled, simplePdf } from '../support/documents';
import { Agent, signIn } from '../support/session';
import { ReceivedMail, startSmtpServer } from '../support/smtp';

/** The base64 body of the MIME part of the given type, decoded. */
function attachmentOf(raw: string, type: string): Buffer | null {
  const start = raw.indexOf(`Content-Type: ${type}`);
  if (start < 0) return null;
  const body = raw.slice(raw.indexOf('\r\n\r\n', start) + 4);
  return Buffer.from(body.slice(0, body.indexOf('\r\n--')).replace(/\s+/g, ''), 'base64');
}

describe('a copy of the agent’s document to the citizen’s e-mail (real SMTP server)', () => {
  let t: TestApp;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let received: ReceivedMail[];
  let consultationId: string;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    received = smtp.received;
    t = await startTestApp({ SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), SMTP_FROM: 'Visio MSAP <noreply@visio.test>', NOTIFICATIONS_ENABLED: 'false' });
    const ids = await demoIds(t.dataSource);
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
  });
  afterAll(async () => {
    await t?.close();
    await smtp?.close();
  });

  const send = (caller: { agent: Agent; csrf: string }, bytes: Buffer, name: string, emailCopy: string) =>
    caller.agent.post(`/api/consultations/${consultationId}/documents`).set('X-CSRF-Token', caller.csrf).field('emailCopy', emailCopy).attach('file', bytes, name);

  it('is refused when the citizen gave no address, or when anyone but the agent asks for it', async () => {
    const agent = await signIn(t.baseUrl, 'agent');
    const noAddress = await send(agent, await simplePdf(), 'a.pdf', 'true').expect(422);
    expect(noAddress.body.errors).toEqual({ emailCopy: ['NOT_ALLOWED'] });
    const booth = await pairDevice(t.baseUrl, (await demoIds(t.dataSource)).pithiviersBoothId);
    await t.dataSource.query(`UPDATE consultations SET citizen_email = 'jeanne.martin@example.fr' WHERE id = $1`, [consultationId]);
    const fromBooth = await send({ agent: booth.agent, csrf: booth.csrf! }, await pngImage(), 'b.png', 'true').expect(422);
    expect(fromBooth.body.errors).toEqual({ emailCopy: ['NOT_ALLOWED'] });
    const bad = await send(agent, await simplePdf(), 'a.pdf', 'oui').expect(422);
    expect(bad.body.errors).toEqual({ emailCopy: ['INVALID_TYPE'] });
    expect(await t.dataSource.query(`SELECT count(*)::int AS n FROM documents`)).toEqual([{ n: 0 }]);
  });

  it('goes once the document is clean, with the file attached, to the address given at booking', async () => {
    const agent = await signIn(t.baseUrl, 'agent');
    const pdf = await simplePdf(2, 'Liste des pieces a fournir');
    const res = await send(agent, pdf, 'Pièces à fournir.pdf', 'true').expect(201);
    expect((res.body as DocumentView).emailCopy).toBe(true);
    // Nothing leaves before the checks.
    await t.app.get(OutboxDispatcher).drain();
    expect(received).toEqual([]);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    expect(doc.status).toBe('ready');
    await t.app.get(OutboxDispatcher).drain();
    expect(received.map((m) => m.to)).toEqual(['jeanne.martin@example.fr']);
    const mail = received[0]!.raw;
    expect(mail).toMatch(/Subject: =\?UTF-8\?Q\?Document_transmis/);
    expect(attachmentOf(mail, 'application/pdf')?.equals(pdf)).toBe(true);
    const [row] = await t.dataSource.query(`SELECT event, status, document_id FROM notification_outbox WHERE document_id = $1`, [doc.id]);
    expect(row).toMatchObject({ event: 'document_sent', status: 'sent' });
  });

  it('is not sent when the document was deleted before the message left', async () => {
    const agent = await signIn(t.baseUrl, 'agent');
    const res = await send(agent, await simplePdf(), 'retire.pdf', 'true').expect(201);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    await agent.agent.delete(`/api/documents/${doc.id}`).set('X-CSRF-Token', agent.csrf).expect(204);
    const before = received.length;
    await t.app.get(OutboxDispatcher).drain();
    expect(received.length).toBe(before);
    const [row] = await t.dataSource.query(`SELECT status, last_error FROM notification_outbox WHERE document_id = $1`, [doc.id]);
    expect(row).toEqual({ status: 'failed', last_error: 'the attached document no longer exists' });
  });
});
