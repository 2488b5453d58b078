import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger, PinoLogger } from 'nestjs-pino';
import pino from 'pino';
import { WORKER_POOL } from '../../media/src/nest/media.module';
import { MediaWorkerUnavailableError, WorkerPool } from '../../media/src/worker-pool';
import { AppModule } from './app.module';
import { configureApp, prepareDatabase } from './app.setup';
import { appConfig, databaseConfig, mediaConfig, signallingConfig } from './config/configuration';
import { demoAccountsIfSeeded, renderStartupSummary } from './startup-summary';
import { ConfigurationError } from './config/env.validation';
import { EmbeddedDatabase } from './database/embedded-database';
import { StorageUnusableError } from './documents/storage/s3-storage';

async function bootstrap(): Promise<void> {
  const started = Date.now();
  const app$ = appConfig();
  const db = databaseConfig();
  const embedded = db.url ? null : new EmbeddedDatabase(db.dataDir, db.embeddedPort);
  let app: NestExpressApplication | null = null;

  // Signals close the HTTP server, the media workers, the pool, then the embedded PostgreSQL.
  let stopping = false;
  const shutdown = async (signal: string, code = 0) => {
    if (stopping) return;
    stopping = true;
    process.stderr.write(`${JSON.stringify({ level: 30, msg: `received ${signal}, shutting down` })}\n`);
    const force = setTimeout(() => process.exit(1), 15_000).unref();
    try {
      await app?.close();
      await embedded?.stop();
    } finally {
      clearTimeout(force);
      process.exit(code);
    }
  };
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
  process.once('SIGINT', () => void shutdown('SIGINT'));

  try {
    const databaseUrl = db.url ?? (await embedded!.start());
    app = await NestFactory.create<NestExpressApplication>(AppModule.register({ databaseUrl }), {
      bufferLogs: true,
      bodyParser: false,
      // Our own SIGTERM handler above owns the order of shutdown.
      abortOnError: false,
    });
    app.useLogger(app.get(Logger));
    configureApp(app);
    await prepareDatabase(app);
    await app.listen(app$.port, app$.host);
    const media = mediaConfig();
    const workers = app.get<WorkerPool>(WORKER_POOL).info();
    const mediaAddress = media.webRtc.announcedAddress ?? media.webRtc.listenIp;
    const summary = {
      url: app$.publicUrl ?? `http://localhost:${app$.port}`,
      database: embedded ? ('embedded' as const) : ('external' as const),
      startMs: Date.now() - started,
      media: workers.flatMap((w) => (w.rtcPort === null ? [] : [{ worker: w.index, address: mediaAddress, udp: w.rtcPort, tcp: w.rtcPort }])),
      mediaListen: media.webRtc.announcedAddress ? media.webRtc.listenIp : null,
      turn: signallingConfig().turn?.urls ?? [],
      // Listed whenever the demo data set is there, not only on the start that seeded it.
      demoAccounts: demoAccountsIfSeeded(db.demoSeed),
    };
    // NOTE: pino writes to stdout asynchronously, through its own stream: the summary goes through
    // that stream too, so that it comes after the start-up lines (the route list), never among them.
    const logStream = (PinoLogger.root as unknown as Record<symbol, { write(text: string): unknown } | undefined>)[pino.symbols.streamSym];
    (logStream ?? process.stdout).write(renderStartupSummary(summary, process.stdout.isTTY === true));
  } catch (error) {
    const message =
      error instanceof MediaWorkerUnavailableError || error instanceof ConfigurationError || error instanceof StorageUnusableError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error);
    process.stderr.write(`\nVisio MSAP failed to start:\n${message}\n\n`);
    await shutdown('startup failure', 1);
  }
}

try {
  // Validate every setting before touching anything, and say which variable is wrong.
  appConfig();
  void bootstrap();
} catch (error) {
  process.stderr.write(`\n${error instanceof Error ? error.message : String(error)}\n\n`);
  process.exit(1);
}
