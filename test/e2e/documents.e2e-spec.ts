import { existsSync, readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import sharp from 'sharp';
import type { DocumentView } from '../../shared/documents/documents';
import { startTestApp, TestApp } from '../support/app';
import { pairDevice } from '../support/callers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import {
  fakeExecutable,
  infectedJpeg,
  listDocuments,
  pdfWithJavaScript,
  pdfWithTestVirus,
  phonePhoto,
  pngBomb,
  pngImage,
  settled,
  simplePdf,
  TEST_VIRUS,
  zipTail,
} from '../support/documents';
import { Agent, signIn, signInAs } from '../support/session';

interface Caller {
  agent: Agent;
  csrf: string;
}

/** Every object file under DATA_DIR/documents (the encrypted store). */
function storedObjects(t: TestApp): string[] {
  const root = join(t.dataDir, 'documents');
  if (!existsSync(root)) return [];
  return readdirSync(root).flatMap((id) => readdirSync(join(root, id)).map((name) => `${id}/${name}`));
}

/** supertest's parser for a binary body, whatever its type. */
const binary = (res: NodeJS.ReadableStream, cb: (e: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('documents in a consultation: upload, checks, storage, links (real clamd, PostgreSQL, files)', () => {
  let t: TestApp;
  let booth: Caller;
  let agent: Caller;
  let facilitator: Caller;
  let consultationId: string;
  let otherConsultationId: string;

  beforeAll(async () => {
    t = await startTestApp();
    const ids = await demoIds(t.dataSource);
    consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    // Another booth's consultation, with another agent (created by the admin): nobody here belongs to it.
    const admin = await signIn(t.baseUrl, 'admin');
    const administrations = await admin.agent.get('/api/administrations').expect(200);
    await admin.agent
      .post('/api/users')
      .set('X-CSRF-Token', admin.csrf)
      .send({ email: 'agent2@example.fr', displayName: 'Second Agent', role: 'agent', password: 'un-mot-de-passe-long', administrationId: administrations.body[0].id })
      .expect(201);
    otherConsultationId = await createConsultation(t.dataSource, ids.sullyBoothId, 'agent2@example.fr');
    const device = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    booth = { agent: device.agent, csrf: device.csrf! };
    const a = await signIn(t.baseUrl, 'agent');
    agent = { agent: a.agent, csrf: a.csrf };
    const f = await signIn(t.baseUrl, 'facilitator');
    facilitator = { agent: f.agent, csrf: f.csrf };
    // The embedded clamd starts with the server; the first scan waits for it.
  }, 120_000);
  afterAll(() => t?.close());

  const upload = (caller: Caller, files: Array<{ bytes: Buffer; name: string; type?: string }>, id = consultationId) => {
    let req = caller.agent.post(`/api/consultations/${id}/documents`).set('X-CSRF-Token', caller.csrf);
    for (const f of files) req = req.attach('file', f.bytes, { filename: f.name, contentType: f.type ?? 'application/octet-stream' });
    return req;
  };

  const fetchBinary = (caller: Caller, url: string) => caller.agent.get(url).buffer(true).parse(binary as never);

  it('a photo from the booth is scanned, turned upright, stripped of EXIF and GPS, then shown to the agent', async () => {
    const photo = await phonePhoto(400, 200);
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const res = await upload(booth, [{ bytes: photo, name: 'carte-identite.jpg', type: 'image/jpeg' }]).expect(201);
    const created = res.body as DocumentView;
    expect(created).toMatchObject({ status: 'scanning', direction: 'to_agent', senderRole: 'booth', title: 'carte-identite.jpg', pdfUrl: null });
    expect(created.files[0]).toMatchObject({ position: 1, mediaType: 'image/jpeg', size: photo.length, url: null });

    const ready = await settled(agent.agent, consultationId, created.id, 60_000);
    expect(ready).toMatchObject({ status: 'ready', pages: 1, rejection: null });
    expect(ready.files[0]).toMatchObject({ width: 200, height: 400 });
    expect(ready.files[0]!.sha256).toMatch(/^[0-9a-f]{64}$/);

    const image = await fetchBinary(agent, ready.files[0]!.url!).expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    expect(image.headers['cache-control']).toBe('no-store');
    const meta = await sharp(image.body as Buffer).metadata();
    expect([meta.width, meta.height, meta.exif, meta.orientation]).toEqual([200, 400, undefined, undefined]);
    expect((image.body as Buffer).includes(Buffer.from('TestPhone'))).toBe(false);

    // At rest, the file is encrypted: neither the JPEG marker nor the camera name are on disk.
    const objects = storedObjects(t).filter((o) => o.startsWith(created.id));
    expect(objects).toEqual([`${created.id}/p1`]);
  });

  it('the agent sends a PDF form; the booth reads it; the facilitator of the site too', async () => {
    const pdf = await simplePdf(3);
    const res = await upload(agent, [{ bytes: pdf, name: 'cerfa_12345.pdf', type: 'application/pdf' }]).expect(201);
    const ready = await settled(booth.agent, consultationId, (res.body as DocumentView).id);
    expect(ready).toMatchObject({ status: 'ready', direction: 'to_citizen', senderRole: 'agent', pages: 3 });
    const file = await fetchBinary(booth, ready.pdfUrl!).expect(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(Buffer.compare(file.body as Buffer, pdf)).toBe(0);
    const seenByFacilitator = (await listDocuments(facilitator.agent, consultationId)).find((d) => d.id === ready.id)!;
    await fetchBinary(facilitator, `${seenByFacilitator.pdfUrl!}&download=1`)
      .expect(200)
      .expect('content-disposition', /^attachment; filename="cerfa_12345.pdf"/);
  });

  it('several photographed pages make one document, downloadable as one PDF', async () => {
    const pages = [await phonePhoto(300, 200), await pngImage(), await phonePhoto(200, 300)];
    const res = await upload(booth, pages.map((bytes, i) => ({ bytes, name: `page-${i + 1}.${i === 1 ? 'png' : 'jpg'}` }))).expect(201);
    const ready = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    expect(ready.pages).toBe(3);
    expect(ready.files.map((f) => f.mediaType)).toEqual(['image/jpeg', 'image/png', 'image/jpeg']);
    const pdf = await fetchBinary(agent, ready.pdfUrl!).expect(200);
    expect((await PDFDocument.load(pdf.body as Buffer)).getPageCount()).toBe(3);
  });

  it('a file carrying the test signature is refused by the real clamd, with the signature, on both sides, and nothing of it is kept', async () => {
    for (const [bytes, name] of [
      [await pdfWithTestVirus(), 'releve.pdf'],
      [await infectedJpeg(), 'photo.jpg'],
    ] as const) {
      const res = await upload(booth, [{ bytes, name }]).expect(201);
      const id = (res.body as DocumentView).id;
      const seenByAgent = await settled(agent.agent, consultationId, id);
      expect(seenByAgent).toMatchObject({ status: 'rejected', rejection: 'virus', signature: expect.stringContaining('VisioMsap.Test.Signature'), pdfUrl: null });
      expect((await listDocuments(booth.agent, consultationId)).find((d) => d.id === id)).toMatchObject({ status: 'rejected', rejection: 'virus' });
      expect(storedObjects(t).filter((o) => o.startsWith(id))).toEqual([]);
    }
    expect(TEST_VIRUS).toContain('VISIO-MSAP');
  });

  it.each([
    ['a PDF with JavaScript', () => pdfWithJavaScript(), 'active_content'],
    ['a PDF followed by a ZIP archive (polyglot)', async () => Buffer.concat([await simplePdf(), zipTail()]), 'mixed_content'],
    ['a truncated JPEG', async () => { const p = await phonePhoto(600, 400); return p.subarray(0, p.length / 2); }, 'damaged'],
    ['a 60,000 × 60,000 PNG (decompression bomb)', async () => pngBomb(), 'image_too_large'],
  ])('%s is refused after upload with its own reason', async (_what, make, rejection) => {
    const bytes = await make();
    const res = await upload(booth, [{ bytes, name: 'fichier' }]).expect(201);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    expect(doc).toMatchObject({ status: 'rejected', rejection });
    expect(storedObjects(t).filter((o) => o.startsWith(doc.id))).toEqual([]);
  });

  it('a JPEG with a ZIP appended is accepted only as its re-encoding: the hidden archive is gone', async () => {
    const bytes = Buffer.concat([await phonePhoto(), zipTail()]);
    const res = await upload(booth, [{ bytes, name: 'photo.jpg' }]).expect(201);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    expect(doc.status).toBe('ready');
    const image = await fetchBinary(agent, doc.files[0]!.url!).expect(200);
    expect((image.body as Buffer).includes(Buffer.from('PK\x03\x04', 'latin1'))).toBe(false);
  });

  it('refuses at once, with its own code, what must never be stored; nothing stays behind', async () => {
    const before = storedObjects(t).length;
    const count = async () => Number((await t.dataSource.query(`SELECT count(*) FROM documents`))[0].count);
    const rows = await count();

    const exe = await upload(booth, [{ bytes: fakeExecutable(), name: 'formulaire.pdf', type: 'application/pdf' }]).expect(415);
    expect(exe.body.code).toBe('DOCUMENT_TYPE_REFUSED');
    expect(exe.body.message).toContain('windows-executable');

    const mixed = await upload(booth, [{ bytes: await simplePdf(), name: 'a.pdf' }, { bytes: await pngImage(), name: 'b.png' }]).expect(415);
    expect(mixed.body.code).toBe('DOCUMENT_TYPE_REFUSED');

    const tooLarge = await upload(booth, [{ bytes: Buffer.concat([await pngImage(), Buffer.alloc(26 * 1024 * 1024)]), name: 'big.png' }]);
    expect([tooLarge.status, tooLarge.body.code]).toEqual([413, 'DOCUMENT_TOO_LARGE']);

    const none = await booth.agent.post(`/api/consultations/${consultationId}/documents`).set('X-CSRF-Token', booth.csrf).field('title', 'rien').expect(422);
    expect(none.body.errors).toEqual({ file: ['REQUIRED'] });

    const json = await booth.agent.post(`/api/consultations/${consultationId}/documents`).set('X-CSRF-Token', booth.csrf).send({ file: 'x' }).expect(415);
    expect(json.body.code).toBe('UNSUPPORTED_MEDIA_TYPE');

    const noCsrf = await booth.agent.post(`/api/consultations/${consultationId}/documents`).attach('file', await pngImage(), 'a.png').expect(403);
    expect(noCsrf.body.code).toBe('CSRF_MISMATCH');

    expect(storedObjects(t).length).toBe(before);
    expect(await count()).toBe(rows);
  });

  it('a name with a path, control characters or a reversed extension is kept only as a clean label', async () => {
    const res = await upload(booth, [{ bytes: await pngImage(), name: '../../etc/\u202Egnp.exe' }]).expect(201);
    expect((res.body as DocumentView).title).toBe('gnp.exe');
    expect(storedObjects(t).some((o) => o.includes('etc') || o.includes('..'))).toBe(false);
  });

  it('an upload to a consultation one does not belong to, or outside its window, is refused', async () => {
    await upload(booth, [{ bytes: await pngImage(), name: 'a.png' }], otherConsultationId).expect(403);
    await upload(agent, [{ bytes: await pngImage(), name: 'a.png' }], otherConsultationId).expect(403);
    const ids = await demoIds(t.dataSource);
    const later = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr', 24 * 60, 30);
    const res = await upload(booth, [{ bytes: await pngImage(), name: 'a.png' }], later).expect(403);
    expect(res.body.code).toBe('OUTSIDE_WINDOW');
    // A coordinator is not a participant; an admin neither.
    const coordinator = await signIn(t.baseUrl, 'coordinator');
    await coordinator.agent.get(`/api/consultations/${consultationId}/documents`).expect(403);
  });

  it('an upload cut halfway, or with a wrong Content-Length, leaves no file and no row', async () => {
    const before = storedObjects(t).length;
    const rows = Number((await t.dataSource.query(`SELECT count(*) FROM documents`))[0].count);
    const cookie = await deviceCookie();
    const boundary = 'XyZboundary';
    const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
    const photo = await phonePhoto(800, 600);

    // Cut halfway: the client goes away.
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${t.baseUrl}/api/consultations/${consultationId}/documents`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': booth.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(head.length + photo.length + 100) },
      });
      req.on('error', () => resolve());
      req.write(head);
      req.write(photo.subarray(0, photo.length / 2));
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 500);
    });
    // Shorter than declared: the body ends before the closing boundary.
    const body = Buffer.concat([head, photo, Buffer.from(`\r\n--${boundary}--\r\n`)]);
    const short = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest(`${t.baseUrl}/api/consultations/${consultationId}/documents`, {
        method: 'POST',
        headers: { cookie, 'x-csrf-token': booth.csrf, 'content-type': `multipart/form-data; boundary=${boundary}`, 'content-length': String(body.length - 200) },
      });
      req.on('response', (res) => {
        let text = '';
        res.on('data', (c: Buffer) => (text += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      });
      req.on('error', reject);
      req.end(body.subarray(0, body.length - 200));
    });
    expect(short.status).toBe(400);
    expect(JSON.parse(short.body).code).toBe('UPLOAD_INCOMPLETE');
    await new Promise((r) => setTimeout(r, 500));
    expect(storedObjects(t).length).toBe(before);
    expect(Number((await t.dataSource.query(`SELECT count(*) FROM documents`))[0].count)).toBe(rows);
  });

  it('links are bound to the session and expire; a document is never served before its clean scan', async () => {
    const res = await upload(agent, [{ bytes: await simplePdf(), name: 'recu.pdf' }]).expect(201);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    // Another session of the same account cannot use the link.
    const again = await signInAs(t.baseUrl, 'agent@demo.visio-msap.fr', 'demo-agent-2026');
    const refused = await again.agent.get(doc.pdfUrl!).expect(403);
    expect(refused.body.code).toBe('FORBIDDEN');
    // A link whose expiry was changed no longer matches its signature; one past its expiry says so.
    await agent.agent.get(doc.pdfUrl!.replace(/exp=\d+/, 'exp=99999999999')).expect(403);
    const waiting = await t.dataSource.query(`UPDATE documents SET status = 'scanning', next_attempt_at = now() + interval '1 hour' WHERE id = $1 RETURNING id`, [doc.id]);
    expect(waiting).toBeDefined();
    const notReady = await agent.agent.get(doc.pdfUrl!).expect(409);
    expect(notReady.body.code).toBe('DOCUMENT_NOT_READY');
  });

  it('50 parallel uploads are all stored and checked, none answered 5xx', async () => {
    const png = await pngImage(64, 64);
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => upload(booth, [{ bytes: png, name: `p${i}.png` }])));
    expect(results.map((r) => r.status).filter((s) => s !== 201)).toEqual([]);
    for (const r of results) expect((await settled(agent.agent, consultationId, (r.body as DocumentView).id, 120_000)).status).toBe('ready');
  }, 180_000);

  it('the agent deletes a document at once: gone from the list, its files gone, audited', async () => {
    const res = await upload(booth, [{ bytes: await pngImage(), name: 'a-supprimer.png' }]).expect(201);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    await booth.agent.delete(`/api/documents/${doc.id}`).set('X-CSRF-Token', booth.csrf).expect(204); // the sender
    expect((await listDocuments(agent.agent, consultationId)).some((d) => d.id === doc.id)).toBe(false);
    expect(storedObjects(t).filter((o) => o.startsWith(doc.id))).toEqual([]);
    const audit = await t.dataSource.query(`SELECT action FROM audit_events WHERE subject_id = $1 ORDER BY id`, [doc.id]);
    expect(audit.map((a: { action: string }) => a.action)).toEqual(['document.uploaded', 'document.deleted']);
  });

  async function deviceCookie(): Promise<string> {
    // supertest's agent keeps the device cookie in its jar.
    const jar = (booth.agent as unknown as { jar: { getCookies(o: unknown): Array<{ name: string; value: string }> } }).jar;
    const url = new URL(t.baseUrl);
    return jar
      .getCookies({ domain: url.hostname, path: '/', secure: false, script: false })
      .map((c) => `${c.name}=${c.value}`)
      .join('; ');
  }
});
