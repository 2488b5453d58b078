import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AppModule } from '../../server/src/app.module';
import { configureApp, prepareDatabase } from '../../server/src/app.setup';
import { createTestDatabase, TestDatabase } from './database';
import { randomRtcPort } from './process';

export interface TestApp {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  dataSource: DataSource;
  /** This app's DATA_DIR (documents, their key, its clamd), removed on close unless given. */
  dataDir: string;
  close(): Promise<void>;
}

export interface TestAppOptions {
  /**
   * Run on this existing database instead of a fresh one, and leave it in place on close: a second
   * app on the same database plays a restarted server.
   */
  database?: TestDatabase;
}

/**
 * The real server (same module, same HTTP pipeline as main.ts) on a fresh database and a random
 * port. `env` overrides configuration for this app only; it is restored on close.
 */
export async function startTestApp(env: Record<string, string> = {}, options: TestAppOptions = {}): Promise<TestApp> {
  // Media on loopback, on ports of its own; files (documents, the antivirus's socket) in a folder of its own.
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'visio-test-data-'));
  const defaults: Record<string, string> = {
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    MEDIA_WORKERS: '1',
    DEMO_SEED: '1',
    NODE_ENV: 'test',
    RTC_LISTEN_IP: '127.0.0.1',
    RTC_PORT: randomRtcPort(),
  };
  const saved: Record<string, string | undefined> = {};
  for (const [key, value] of Object.entries({ ...defaults, ...env })) {
    saved[key] = process.env[key];
    process.env[key] = value;
  }
  const db = options.database ?? (await createTestDatabase());
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register({ databaseUrl: db.url }), {
    bodyParser: false,
    logger: false,
    // A failed start throws its error into the test (Nest would otherwise exit the test process).
    abortOnError: false,
  });
  configureApp(app);
  await prepareDatabase(app);
  await app.listen(0, '127.0.0.1');
  const address = app.getHttpServer().address() as { port: number };
  return {
    app,
    baseUrl: `http://127.0.0.1:${address.port}`,
    db,
    dataSource: app.get(DataSource),
    dataDir,
    async close() {
      await app.close();
      if (!options.database) await db.drop();
      if (!env.DATA_DIR) rmSync(dataDir, { recursive: true, force: true });
      for (const [key, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[key];
        else process.env[key] = value;
      }
    },
  };
}
