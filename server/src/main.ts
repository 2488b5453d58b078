import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { NestExpressApplication } from '@nestjs/platform-express';
import { Logger } from 'nestjs-pino';
import { MediaWorkerUnavailableError } from '../../media/src/worker-pool';
import { AppModule } from './app.module';
import { configureApp, demoCredentialsBanner, prepareDatabase } from './app.setup';
import { appConfig, databaseConfig } from './config/configuration';
import { ConfigurationError } from './config/env.validation';
import { EmbeddedDatabase } from './database/embedded-database';

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
    const seeded = await prepareDatabase(app);
    await app.listen(app$.port, app$.host);
    const logger = app.get(Logger);
    if (db.demoSeed) process.stdout.write(`\n${demoCredentialsBanner()}\n\n`);
    logger.log(
      { port: app$.port, database: embedded ? 'embedded' : 'external', seeded, startMs: Date.now() - started },
      `Visio MSAP listening on http://localhost:${app$.port}`,
    );
  } catch (error) {
    const message =
      error instanceof MediaWorkerUnavailableError || error instanceof ConfigurationError
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
