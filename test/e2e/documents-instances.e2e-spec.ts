import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocumentView } from '../../shared/documents/documents';
import { DocumentsMaintenanceTask } from '../../server/src/documents/documents-maintenance.task';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase, TestDatabase } from '../support/database';
import { waitFor } from '../support/browser';
import { pairDevice } from '../support/callers';
import { createConsultation, sessionCookie } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { listDocuments, pngImage, settled, simplePdf } from '../support/documents';
import { signIn } from '../support/session';
import { SignallingClient } from '../support/signalling-client';

const key = () => randomBytes(32).toString('base64');

describe('documents with several instances, and master key rotation', () => {
  let shared: string;
  let db: TestDatabase;
  let a: TestApp;
  let b: TestApp | null = null;

  beforeAll(async () => {
    // Both instances share the database and the files (a shared volume; S3 works the same way), and
    // B scans with the clamd A runs (CLAMD_URL), as a deployment of several instances would.
    shared = mkdtempSync(join(tmpdir(), 'visio-shared-'));
    db = await createTestDatabase();
    a = await startTestApp({ DATA_DIR: shared, DOCUMENTS_MASTER_KEYS: `k1:${key()}` }, { database: db });
  });
  afterAll(async () => {
    await b?.close();
    await a?.close();
    await db?.drop();
    rmSync(shared, { recursive: true, force: true });
  });

  it('a document uploaded to one instance is announced to the call held by the other, as it is checked', async () => {
    b = await startTestApp({ DATA_DIR: shared, DOCUMENTS_MASTER_KEYS: process.env.DOCUMENTS_MASTER_KEYS!, CLAMD_URL: `unix://${join(shared, 'clamav', 'clamd.sock')}` }, { database: db });
    const ids = await demoIds(a.dataSource);
    const consultationId = await createConsultation(a.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    // The agent's call is on B.
    const cookie = await sessionCookie(b.baseUrl, 'agent@demo.visio-msap.fr', 'demo-agent-2026');
    const socket = SignallingClient.connect(b.baseUrl, consultationId, cookie);
    await socket.request('join', {});
    // The booth uploads to A.
    const booth = await pairDevice(a.baseUrl, ids.pithiviersBoothId);
    const res = await booth.agent.post(`/api/consultations/${consultationId}/documents`).set('X-CSRF-Token', booth.csrf!).attach('file', await pngImage(), 'a.png').expect(201);
    const id = (res.body as DocumentView).id;
    const statuses = () => socket.notifications.filter((n) => n.notification === 'documentChanged' && (n.data as { documentId: string }).documentId === id).map((n) => (n.data as { status: string }).status);
    await waitFor('the ready notice on the other instance', async () => (statuses().includes('ready') ? true : undefined));
    expect(statuses()).toEqual(['scanning', 'ready']);
    // And B serves what A stored.
    const agent = await signIn(b.baseUrl, 'agent');
    const doc = (await listDocuments(agent.agent, consultationId)).find((d) => d.id === id)!;
    await agent.agent.get(doc.files[0]!.url!).expect(200);
    socket.socket.close();
  });

  it('a new master key put first rewraps every data key; documents stay readable, and the old key can then go', async () => {
    await b?.close();
    b = null;
    const ids = await demoIds(a.dataSource);
    const consultationId = await createConsultation(a.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    const agent = await signIn(a.baseUrl, 'agent');
    const res = await agent.agent.post(`/api/consultations/${consultationId}/documents`).set('X-CSRF-Token', agent.csrf).attach('file', await simplePdf(), 'recu.pdf').expect(201);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    const old = process.env.DOCUMENTS_MASTER_KEYS!;
    await a.close();

    // Restart with k2 first and k1 still known: the sweep rewraps with k2.
    const both = `k2:${key()},${old}`;
    a = await startTestApp({ DATA_DIR: shared, DOCUMENTS_MASTER_KEYS: both }, { database: db });
    const rewrapped = await a.app.get(DocumentsMaintenanceTask).runOnce();
    expect(rewrapped.rewrapped).toBeGreaterThanOrEqual(2);
    expect(await a.dataSource.query(`SELECT DISTINCT key_id FROM documents WHERE purged_at IS NULL`)).toEqual([{ key_id: 'k2' }]);
    await a.close();

    // k1 gone: everything still opens with k2 alone.
    a = await startTestApp({ DATA_DIR: shared, DOCUMENTS_MASTER_KEYS: both.split(',')[0]! }, { database: db });
    const again = await signIn(a.baseUrl, 'agent');
    const listed = (await listDocuments(again.agent, consultationId)).find((d) => d.id === doc.id)!;
    await again.agent.get(listed.pdfUrl!).expect(200);
  });
});
