import { INestApplication } from '@nestjs/common';
import { NestExpressApplication } from '@nestjs/platform-express';
import { WsAdapter } from '@nestjs/platform-ws';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { documentErrors } from './common/errors/openapi-errors';
import { RequestContexts } from './common/http/request-context';
import cookieParser from 'cookie-parser';
import { type NextFunction, type Request, type Response } from 'express';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { DomainError, fieldError } from './common/errors/domain.error';
import { HttpExceptionFilter } from './common/errors/http-exception.filter';
import { securityHeaders } from './common/http/security-headers';
import { staticClient } from './common/http/static-client';
import { createValidationPipe } from './common/http/validation.pipe';
import { httpMetrics } from './health/http-metrics.middleware';
import { MetricsService } from './health/metrics.service';
import { AppConfig, appConfig, databaseConfig, DatabaseConfig } from './config/configuration';
import { DemoSeedService } from './seed/demo-seed.service';

const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/**
 * The one route that takes multipart bodies (streamed by the documents module, never parsed here).
 * NOTE: an HTML form can post multipart across sites; the route still needs the CSRF header.
 */
const DOCUMENT_UPLOAD = /^\/api\/consultations\/[0-9a-fA-F-]{36}\/documents\/?$/;
const isDocumentUpload = (req: Request) => req.method === 'POST' && DOCUMENT_UPLOAD.test(req.path) && req.is('multipart/form-data') === 'multipart/form-data';

/** HTTP wiring shared by main.ts and the end-to-end tests, so tests exercise the real pipeline. */
export function configureApp(app: NestExpressApplication): void {
  const config = app.get<AppConfig>(appConfig.KEY);
  app.set('trust proxy', config.trustProxy);
  app.disable('x-powered-by');
  app.use(securityHeaders({ https: (config.publicUrl ?? '').startsWith('https:') }));
  app.use(assignRequestId);
  app.use(httpMetrics(app.get(MetricsService)));
  app.use(cookieParser());
  // Only JSON bodies are accepted: this also stops cross-site HTML form posts (a CSRF vector).
  app.use((req: Request, _res: Response, next: NextFunction) => {
    const hasBody = Number(req.headers['content-length'] ?? 0) > 0 || req.headers['transfer-encoding'] !== undefined;
    if (BODY_METHODS.has(req.method) && hasBody && !req.is('application/json') && !isDocumentUpload(req)) {
      next(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Send the body as application/json.'));
      return;
    }
    next();
  });
  app.useBodyParser('json', { limit: `${config.bodyLimitKb}kb` });
  app.use(bodyParserErrors);
  app.use(refuseNulCharacters);
  app.use(enterRequestContext);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new HttpExceptionFilter());
  app.useWebSocketAdapter(new WsAdapter(app));
  serveApiDocs(app);
  serveClient(app, config.clientDistDir);
  // No enableShutdownHooks(): main.ts owns the signal handling and the order of shutdown.
}

/** OpenAPI at /api/docs (JSON at /api/docs-json). Outside Nest's router: no guard, no session needed. */
function serveApiDocs(app: NestExpressApplication): void {
  const description = new DocumentBuilder()
    .setTitle('Visio MSAP API')
    .setDescription(
      'Times are ISO 8601 with an offset; answers give them in Europe/Paris time. Signed-in calls carry the session ' +
        'cookie; state-changing calls also the X-CSRF-Token header returned at login. Errors: ErrorBody ' +
        '{statusCode, code, message, errors?}, with a machine code and, per field, a tree of field codes.',
    )
    .setVersion('1')
    .addCookieAuth('visio_session')
    .build();
  const document = documentErrors(SwaggerModule.createDocument(app, description));
  SwaggerModule.setup('api/docs', app, document, { jsonDocumentUrl: 'api/docs-json' });
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** First middleware: every response, even a body-parser failure, carries an id found in the logs. */
function assignRequestId(req: Request & { id?: string }, res: Response, next: NextFunction): void {
  const header = req.headers['x-request-id'];
  req.id = typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
  res.setHeader('X-Request-Id', req.id);
  next();
}

/**
 * Enters the request's context for what follows (the audit trail reads it). After the body parser:
 * its `next` runs from the socket's stream events, outside any context entered before it.
 */
function enterRequestContext(req: Request & { id?: string }, _res: Response, next: NextFunction): void {
  RequestContexts.run({ requestId: req.id ?? randomUUID(), ip: req.ip ?? null, origin: `${req.protocol}://${req.get('host') ?? 'localhost'}` }, next);
}

/** Turns body-parser failures into domain errors before Nest flattens them into a plain 400. */
function bodyParserErrors(err: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
  switch (type) {
    case 'entity.parse.failed':
      return next(new DomainError('INVALID_JSON', 'The request body is not valid JSON.'));
    case 'entity.too.large':
      return next(new DomainError('PAYLOAD_TOO_LARGE', 'The request body is too large.'));
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return next(new DomainError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported body encoding.'));
    default:
      return next(err);
  }
}

/**
 * PostgreSQL text cannot hold U+0000, which JSON and URLs can carry ("\u0000", %00): refused here,
 * naming where it was, for every route, instead of failing in the database as a 500.
 */
function refuseNulCharacters(req: Request, _res: Response, next: NextFunction): void {
  const where = nulPath(req.body, []) ?? nulPath(req.query, []);
  if (where === null) return next();
  const path = where.length > 0 ? where : ['body'];
  next(new DomainError('VALIDATION_FAILED', `${path.join('.')} contains a NUL character.`, fieldError(path, 'NUL_CHARACTER')));
}

/** The path ([] for the value itself) of the first string or key holding U+0000, or null. */
function nulPath(value: unknown, path: readonly string[], depth = 0): string[] | null {
  if (typeof value === 'string') return value.includes('\u0000') ? [...path] : null;
  if (typeof value !== 'object' || value === null || depth > 32) return null;
  for (const [key, item] of Object.entries(value)) {
    // A key cannot be shown back as it is (NUL): the field is named by its position.
    if (key.includes('\u0000')) return [...path, key.replaceAll('\u0000', '?')];
    const found = nulPath(item, [...path, key], depth + 1);
    if (found !== null) return found;
  }
  return null;
}

const isServerPath = (path: string) => path.startsWith('/api/') || path === '/api' || path === '/metrics';

/** The built React app, with index.html for every client-side route (not for /api or /metrics). */
function serveClient(app: NestExpressApplication, dir: string): void {
  const index = join(dir, 'index.html');
  if (!existsSync(index)) return;
  // Only for the client's paths: an API call would otherwise cost a filesystem lookup (stat) each.
  const assets = staticClient(dir);
  app.use((req: Request, res: Response, next: NextFunction) => (isServerPath(req.path) ? next() : assets(req, res, next)));
  app.use((req: Request, res: Response, next: NextFunction) => {
    // HEAD like GET: link checkers and monitoring probe a page's address without its body.
    if ((req.method !== 'GET' && req.method !== 'HEAD') || isServerPath(req.path)) return next();
    // A built file that is not there (an old chunk after a deploy) is a 404: as HTML it would fail as a script.
    if (req.path.startsWith('/assets/') || !req.accepts('html')) return next();
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
}

/** Applies pending migrations, then the demo data when configured. Returns whether it seeded. */
export async function prepareDatabase(app: INestApplication): Promise<boolean> {
  const dataSource = app.get(DataSource);
  // Several instances may start together on one database: one migrates, the others wait for it.
  const lock = dataSource.createQueryRunner();
  await lock.connect();
  try {
    await lock.query('SELECT pg_advisory_lock(hashtext($1))', ['visio-msap-migrations']);
    await dataSource.runMigrations({ transaction: 'each' });
  } finally {
    await lock.query('SELECT pg_advisory_unlock(hashtext($1))', ['visio-msap-migrations']).catch(() => undefined);
    await lock.release();
  }
  const config = app.get<DatabaseConfig>(databaseConfig.KEY);
  if (!config.demoSeed) return false;
  return app.get(DemoSeedService).seed();
}
