import type { DocumentView } from '../../shared/documents/documents';
import { startTestApp, TestApp } from '../support/app';
import { createTestDatabase } from '../support/database';
import { freePort, requireBuild, runServer } from '../support/process';
import { pairDevice } from '../support/callers';
import { createConsultation } from '../support/consultations';
import { demoIds } from '../support/demo-data';
import { listDocuments, phonePhoto, settled } from '../support/documents';
import { s3, S3Server, startS3WithBucket } from '../support/s3-server';
import { signIn } from '../support/session';

/** The objects of the bucket, from ListObjectsV2 (keys only). */
async function bucketKeys(server: S3Server & { bucket: string }): Promise<string[]> {
  const listed = await s3(server, 'GET', `/${server.bucket}`, { 'list-type': '2' });
  return [...listed.text.matchAll(/<Key>([^<]+)<\/Key>/g)].map((m) => m[1]!);
}

describe('documents on S3-compatible storage (DOCUMENT_STORAGE=s3, a real S3 server)', () => {
  let server: S3Server & { bucket: string };
  let t: TestApp;

  beforeAll(async () => {
    server = await startS3WithBucket();
    t = await startTestApp({
      DOCUMENT_STORAGE: 's3',
      S3_ENDPOINT: server.endpoint,
      S3_BUCKET: server.bucket,
      S3_REGION: server.region,
      S3_ACCESS_KEY: server.accessKey,
      S3_SECRET_KEY: server.secretKey,
    });
  }, 60_000);
  afterAll(async () => {
    await t?.close();
    await server?.stop();
  });

  it('a photo goes to the bucket encrypted, is checked, served, then deleted from the bucket', async () => {
    const ids = await demoIds(t.dataSource);
    const consultationId = await createConsultation(t.dataSource, ids.pithiviersBoothId, 'agent@demo.visio-msap.fr');
    const booth = await pairDevice(t.baseUrl, ids.pithiviersBoothId);
    const agent = await signIn(t.baseUrl, 'agent');
    const photo = await phonePhoto(800, 600);
    const res = await booth.agent.post(`/api/consultations/${consultationId}/documents`).set('X-CSRF-Token', booth.csrf!).attach('file', photo, 'photo.jpg').expect(201);
    const doc = await settled(agent.agent, consultationId, (res.body as DocumentView).id);
    expect(doc.status).toBe('ready');
    // Only the clean re-encoding stays, under the document's prefix.
    expect(await bucketKeys(server)).toEqual([`${doc.id}/p1`]);
    const image = await agent.agent.get(doc.files[0]!.url!).expect(200);
    expect(image.headers['content-type']).toBe('image/jpeg');
    await agent.agent.delete(`/api/documents/${doc.id}`).set('X-CSRF-Token', agent.csrf).expect(204);
    expect(await bucketKeys(server)).toEqual([]);
    expect(await listDocuments(agent.agent, consultationId)).toEqual([]);
  });

  it('a wrong bucket stops the server at start with one message naming the setting', async () => {
    requireBuild();
    const db = await createTestDatabase();
    try {
      const process = runServer({
        DATABASE_URL: db.url,
        PORT: String(await freePort()),
        DOCUMENT_STORAGE: 's3',
        S3_ENDPOINT: server.endpoint,
        S3_BUCKET: 'no-such-bucket-here',
        S3_REGION: server.region,
        S3_ACCESS_KEY: server.accessKey,
        S3_SECRET_KEY: server.secretKey,
      });
      expect(await process.exited).toBe(1);
      expect(process.output()).toMatch(/S3 bucket "no-such-bucket-here" at .* is not usable: .*S3_BUCKET/);
      expect(process.output()).not.toMatch(/\n\s+at /);
    } finally {
      await db.drop();
    }
  });
});
