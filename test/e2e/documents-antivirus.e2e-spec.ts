import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import type { DocumentView } from '../../shared/documents/documents';
import { EmbeddedClamd } from '../../server/src/documents/antivirus/embedded-clamd';
import { SHIPPED_SIGNATURES_DIR } from '../../server/src/config/configuration';
import { DocumentsMaintenanceTask } from '../../server/src/documents/documents-maintenance.task';
import { startTestApp, TestApp } from '../support/app';
import { pairDevice } from '../support/callers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { listDocuments, pngImage, settled, simplePdf } from '../support/documents';
import { waitFor } from '../support/browser';
import { signIn } from '../support/session';

describe('documents: the antivirus as operators run it (health, clamd down and back, retention)', () => {
  describe('on the default settings (the server runs its own clamd)', () => {
    let t: TestApp;
    beforeAll(async () => {
      t = await startTestApp();
    });
    afterAll(() => t?.close());

    it('the health endpoint says which signatures are loaded, and warns that test signatures protect nothing', async () => {
      const body = await waitFor('the antivirus to be ready', async () => {
        const res = await request(t.baseUrl).get('/api/health').expect(200);
        return res.body.documents?.antivirus?.state === 'ready' ? res.body : undefined;
      });
      expect(body.documents.antivirus).toMatchObject({ mode: 'embedded', state: 'ready', signatures: { kind: 'test-only' } });
      expect(body.documents.antivirus.warning).toMatch(/TEST signatures/);
      // No version is given to the public: that is for the admin page.
      expect(JSON.stringify(body)).not.toMatch(/ClamAV \d/);
      expect(body.documents.scanning).toEqual({ waiting: 0, oldestSeconds: null });
    });

    it('retention purges the files of consultations long over, and unfinished uploads after a day; rows keep their figures', async () => {
      const ids = await demoIds(t.dataSource);
      const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
      const agent = await signIn(t.baseUrl, 'agent');
      const created = await agent.agent
        .post(`/api/consultations/${consultationId}/documents`)
        .set('X-CSRF-Token', agent.csrf)
        .attach('file', await simplePdf(), 'justificatif.pdf')
        .expect(201);
      const doc = await settled(agent.agent, consultationId, (created.body as DocumentView).id);
      expect(doc.status).toBe('ready');
      const task = t.app.get(DocumentsMaintenanceTask);
      // Within the retention period: nothing goes.
      expect(await task.runOnce()).toEqual({ purged: 0, rewrapped: 0 });
      // The consultation ended 31 days ago (the default retention is 30 days).
      await t.dataSource.query(`UPDATE consultations SET starts_at = now() - interval '31 days 1 hour', ends_at = now() - interval '31 days' WHERE id = $1`, [consultationId]);
      expect(await task.runOnce()).toEqual({ purged: 1, rewrapped: 0 });
      const [row] = await t.dataSource.query(`SELECT title, sender_name, status, pages, purged_at FROM documents WHERE id = $1`, [doc.id]);
      expect(row).toMatchObject({ title: '(effacé)', sender_name: '(effacé)', status: 'ready', pages: 1 });
      expect(row.purged_at).not.toBeNull();
      expect(await t.dataSource.query(`SELECT 1 FROM document_files WHERE document_id = $1`, [doc.id])).toEqual([]);
      const filesOf = (id: string) => (existsSync(join(t.dataDir, 'documents', id)) ? readdirSync(join(t.dataDir, 'documents', id)) : []);
      expect(filesOf(doc.id)).toEqual([]);
      expect(await listDocuments(agent.agent, consultationId)).toEqual([]);
      const audit = await t.dataSource.query(`SELECT details FROM audit_events WHERE action = 'document.purged'`);
      expect(audit).toEqual([{ details: { count: 1, retentionDays: 30 } }]);
      // A second run has nothing left to do.
      expect(await task.runOnce()).toEqual({ purged: 0, rewrapped: 0 });

      // An upload a crash left unfinished (its row still 'uploading', its object on disk) goes after a day, row and all.
      const current = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
      const other = await agent.agent.post(`/api/consultations/${current}/documents`).set('X-CSRF-Token', agent.csrf).attach('file', await simplePdf(), 'b.pdf').expect(201);
      const stale = (other.body as DocumentView).id;
      await settled(agent.agent, current, stale);
      expect(filesOf(stale)).not.toEqual([]);
      await t.dataSource.query(`UPDATE documents SET status = 'uploading', created_at = now() - interval '25 hours' WHERE id = $1`, [stale]);
      expect(await task.runOnce()).toEqual({ purged: 1, rewrapped: 0 });
      expect(await t.dataSource.query(`SELECT 1 FROM documents WHERE id = $1`, [stale])).toEqual([]);
      expect(filesOf(stale)).toEqual([]);
    });
  });

  describe('with CLAMD_URL pointing at a clamd that is not there yet', () => {
    let t: TestApp;
    let workDir: string;
    let clamd: EmbeddedClamd | null = null;
    beforeAll(async () => {
      workDir = mkdtempSync(join(tmpdir(), 'visio-clamd-'));
      t = await startTestApp({ CLAMD_URL: `unix://${join(workDir, 'clamd.sock')}` });
    });
    afterAll(async () => {
      await clamd?.stop();
      await t?.close();
      rmSync(workDir, { recursive: true, force: true });
    });

    it('a document waits in "scanning", says why, is never served, and is checked once clamd is back: nothing lost', async () => {
      const ids = await demoIds(t.dataSource);
      const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
      const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
      const agent = await signIn(t.baseUrl, 'agent');
      const res = await booth.agent
        .post(`/api/consultations/${consultationId}/documents`)
        .set('X-CSRF-Token', booth.csrf!)
        .attach('file', await pngImage(), 'attestation.png')
        .expect(201);
      const id = (res.body as DocumentView).id;
      const waiting = await waitFor('the document to wait for the antivirus', async () => {
        const doc = (await listDocuments(agent.agent, consultationId)).find((d) => d.id === id);
        return doc?.waiting === 'antivirus_unavailable' ? doc : undefined;
      });
      expect(waiting).toMatchObject({ status: 'scanning', pdfUrl: null });
      expect(waiting.files[0]!.url).toBeNull();
      const health = await request(t.baseUrl).get('/api/health').expect(200);
      expect(health.body.documents.antivirus).toMatchObject({ mode: 'external', state: 'unavailable' });
      expect(health.body.documents.scanning.waiting).toBe(1);

      clamd = new EmbeddedClamd({ workDir, databaseDir: SHIPPED_SIGNATURES_DIR, streamMaxBytes: 30 * 1024 * 1024 });
      await clamd.start();
      const ready = await settled(agent.agent, consultationId, id, 90_000);
      expect(ready).toMatchObject({ status: 'ready', waiting: null });
    }, 120_000);
  });
});
