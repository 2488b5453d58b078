import { registerAs } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { trustProxySetting, validateEnv } from './env.validation';
import { resolveMediaAddress } from './media-address';

// The only module that reads process.env (convention 4). Values are validated by validateEnv.
export const readEnv = () => validateEnv(process.env);

/** The repository (or image) root: the nearest folder above this file holding package.json. */
function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json')) && dirname(dir) !== dir) dir = dirname(dir);
  return dir;
}

export const appConfig = registerAs('app', () => {
  const env = readEnv();
  return {
    nodeEnv: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    publicUrl: env.PUBLIC_URL ?? null,
    logLevel: env.LOG_LEVEL,
    bodyLimitKb: env.BODY_LIMIT_KB,
    trustProxy: trustProxySetting(env.TRUST_PROXY),
    metricsToken: env.METRICS_TOKEN ?? null,
    clientDistDir: env.CLIENT_DIST_DIR ? resolve(env.CLIENT_DIST_DIR) : join(projectRoot(), 'dist', 'client'),
  };
});

export const databaseConfig = registerAs('database', () => {
  const env = readEnv();
  return {
    url: env.DATABASE_URL ?? null,
    dataDir: resolve(env.DATA_DIR),
    embeddedPort: env.EMBEDDED_PG_PORT,
    // Demo data goes onto the embedded database by default, onto a real server only when asked.
    demoSeed: env.DEMO_SEED ?? env.DATABASE_URL === undefined,
  };
});

export const authConfig = registerAs('auth', () => {
  const env = readEnv();
  return {
    sessionTtlMinutes: env.SESSION_TTL_MINUTES,
    cookieSecure: env.COOKIE_SECURE ?? (env.NODE_ENV === 'production' && (env.PUBLIC_URL ?? '').startsWith('https:')),
    loginRateLimit: env.LOGIN_RATE_LIMIT,
    loginRateWindowSeconds: env.LOGIN_RATE_WINDOW_SECONDS,
    invitationTtlHours: env.ACCOUNT_INVITATION_TTL_HOURS,
    passwordResetTtlMinutes: env.PASSWORD_RESET_TTL_MINUTES,
    publicUrl: env.PUBLIC_URL ?? null,
    pairingCodeTtlMinutes: env.PAIRING_CODE_TTL_MINUTES,
    deviceTokenTtlDays: env.DEVICE_TOKEN_TTL_DAYS,
    oidc: env.OIDC_ENABLED
      ? {
          issuer: env.OIDC_ISSUER as string,
          clientId: env.OIDC_CLIENT_ID as string,
          clientSecret: env.OIDC_CLIENT_SECRET as string,
          redirectUri: env.OIDC_REDIRECT_URI as string,
          scopes: env.OIDC_SCOPES,
        }
      : null,
  };
});

export const mediaConfig = registerAs('media', () => {
  const env = readEnv();
  return {
    workers: env.MEDIA_WORKERS,
    workerBin: env.MEDIASOUP_WORKER_BIN ?? null,
    logLevel: env.MEDIA_LOG_LEVEL,
    webRtc: {
      ...resolveMediaAddress(env),
      basePort: env.RTC_PORT,
      socketBufferBytes: env.RTC_SOCKET_BUFFER_KB * 1024,
    },
  };
});

export const signallingConfig = registerAs('signalling', () => {
  const env = readEnv();
  return {
    joinMarginMinutes: env.JOIN_MARGIN_MINUTES,
    lobbyLateMinutes: env.LOBBY_LATE_MINUTES,
    iceTransportPolicy: env.ICE_TRANSPORT_POLICY,
    heartbeatMs: env.SIGNALLING_HEARTBEAT_SECONDS * 1000,
    turn: env.TURN_URLS
      ? { urls: env.TURN_URLS.split(','), secret: env.TURN_SECRET as string, ttlSeconds: env.TURN_CREDENTIAL_TTL_SECONDS }
      : null,
  };
});

const OFFSET_UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000 } as const;

/** "2d,2h" → [{ label: '2d', ms }, …], largest first, duplicates dropped. */
export function parseReminderOffsets(raw: string): Array<{ label: string; ms: number }> {
  if (raw.trim() === '' || raw.trim() === 'none') return [];
  const seen = new Map<number, string>();
  for (const part of raw.split(',')) {
    const match = /^(\d+)([dhm])$/.exec(part.trim());
    if (!match) continue;
    const ms = Number(match[1]) * OFFSET_UNIT_MS[match[2] as keyof typeof OFFSET_UNIT_MS];
    if (ms > 0 && !seen.has(ms)) seen.set(ms, `${match[1]}${match[2]}`);
  }
  return [...seen.entries()].sort((a, b) => b[0] - a[0]).map(([ms, label]) => ({ label, ms }));
}

export const notificationsConfig = registerAs('notifications', () => {
  const env = readEnv();
  return {
    enabled: env.NOTIFICATIONS_ENABLED,
    intervalMs: env.NOTIFICATIONS_INTERVAL_MS,
    batchSize: env.NOTIFICATIONS_BATCH_SIZE,
    maxAttempts: env.NOTIFICATIONS_MAX_ATTEMPTS,
    retryBaseMs: env.NOTIFICATIONS_RETRY_BASE_MS,
    leaseSeconds: env.NOTIFICATIONS_LEASE_SECONDS,
    publicUrl: env.PUBLIC_URL ?? null,
    // No provider configured: messages are kept in the local outbox, readable by coordinators.
    sms: env.SMS_PROVIDER_URL ? { url: env.SMS_PROVIDER_URL, token: env.SMS_PROVIDER_TOKEN ?? null, sender: env.SMS_SENDER } : null,
    smtp: env.SMTP_HOST
      ? {
          host: env.SMTP_HOST,
          port: env.SMTP_PORT,
          secure: env.SMTP_SECURE,
          auth: env.SMTP_USER ? { user: env.SMTP_USER, pass: env.SMTP_PASSWORD ?? '' } : null,
        }
      : null,
    from: env.SMTP_FROM,
    reminderOffsets: parseReminderOffsets(env.REMINDER_OFFSETS),
    reminderScanIntervalMs: env.REMINDER_SCAN_INTERVAL_SECONDS * 1000,
    massCancelBatchSize: env.MASS_CANCEL_BATCH_SIZE,
    massCancelLeaseSeconds: env.MASS_CANCEL_LEASE_SECONDS,
  };
});

export const retentionConfig = registerAs('retention', () => {
  const env = readEnv();
  return {
    enabled: env.RETENTION_ENABLED,
    intervalMs: env.RETENTION_INTERVAL_MINUTES * 60_000,
    batchSize: env.RETENTION_BATCH_SIZE,
    citizenDataDays: env.CITIZEN_DATA_RETENTION_DAYS,
    outboxDays: env.OUTBOX_RETENTION_DAYS,
    auditDays: env.AUDIT_RETENTION_DAYS,
    disabledAccountDays: env.RETENTION_DISABLED_ACCOUNT_DAYS,
  };
});

/** The project's own ClamAV test signatures (no protection: official ones are installed by the operator). */
export const SHIPPED_SIGNATURES_DIR = join(projectRoot(), 'server', 'src', 'documents', 'antivirus', 'signatures');

/** DOCUMENTS_MASTER_KEYS parsed: the first key encrypts, all of them decrypt (rotation). */
export function parseMasterKeys(raw: string): Array<{ id: string; key: Buffer }> {
  return raw.split(',').map((entry) => {
    const [id = '', key = ''] = entry.trim().split(':');
    return { id, key: Buffer.from(key, 'base64') };
  });
}

export const documentsConfig = registerAs('documents', () => {
  const env = readEnv();
  const dataDir = resolve(env.DATA_DIR);
  return {
    maxBytes: env.DOCUMENT_MAX_MB * 1024 * 1024,
    maxPages: env.DOCUMENT_MAX_PAGES,
    maxPixels: env.DOCUMENT_MAX_MEGAPIXELS * 1_000_000,
    retentionDays: env.DOCUMENT_RETENTION_DAYS,
    linkTtlSeconds: env.DOCUMENT_LINK_TTL_SECONDS,
    // Unset: a key generated on first start and kept in DATA_DIR (one machine only).
    masterKeys: env.DOCUMENTS_MASTER_KEYS ? parseMasterKeys(env.DOCUMENTS_MASTER_KEYS) : null,
    dataDir,
    storage:
      env.DOCUMENT_STORAGE === 's3'
        ? {
            kind: 's3' as const,
            endpoint: env.S3_ENDPOINT as string,
            bucket: env.S3_BUCKET as string,
            region: env.S3_REGION,
            accessKey: env.S3_ACCESS_KEY as string,
            secretKey: env.S3_SECRET_KEY as string,
          }
        : { kind: 'local' as const, dir: join(dataDir, 'documents') },
    clamd: env.CLAMD_URL
      ? { kind: 'external' as const, url: env.CLAMD_URL }
      : { kind: 'embedded' as const, workDir: join(dataDir, 'clamav'), databaseDir: resolve(env.CLAMD_DATABASE_DIR ?? SHIPPED_SIGNATURES_DIR) },
  };
});

/** The facilitator's day desk: when it alerts, when a booth counts as offline. */
export const deskConfig = registerAs('desk', () => {
  const env = readEnv();
  return {
    lobbyAlertMinutes: env.DESK_LOBBY_ALERT_MINUTES,
    boothOfflineSeconds: env.BOOTH_OFFLINE_SECONDS,
    boothIdleSeconds: env.BOOTH_IDLE_SECONDS,
    offlineAlertMinutes: env.DESK_OFFLINE_ALERT_MINUTES,
  };
});

/** The key that signs the booth survey's tokens (see survey-tokens.ts). */
export const surveyConfig = registerAs('survey', () => ({ tokenSecret: readEnv().SURVEY_TOKEN_SECRET }));

/** The public statistics page (open data): the small-count suppression threshold. */
export const publicStatsConfig = registerAs('publicStats', () => ({ minCount: readEnv().STATS_PUBLIC_MIN_COUNT }));

/** The statistics' travel-avoided estimate: detour factor and emission factor, with its source. */
export const statsConfig = registerAs('stats', () => {
  const env = readEnv();
  return { roadFactor: env.STATS_ROAD_FACTOR, co2KgPerKm: env.STATS_CO2_KG_PER_KM, co2Source: env.STATS_CO2_SOURCE };
});

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type AuthConfig = ReturnType<typeof authConfig>;
export type MediaConfig = ReturnType<typeof mediaConfig>;
export type SignallingConfig = ReturnType<typeof signallingConfig>;
export type NotificationsConfig = ReturnType<typeof notificationsConfig>;
export type RetentionConfig = ReturnType<typeof retentionConfig>;
export type DocumentsConfig = ReturnType<typeof documentsConfig>;
export type DeskConfig = ReturnType<typeof deskConfig>;
export type SurveyConfig = ReturnType<typeof surveyConfig>;
export type PublicStatsConfig = ReturnType<typeof publicStatsConfig>;
export type StatsConfig = ReturnType<typeof statsConfig>;
export const configurations = [appConfig, databaseConfig, authConfig, mediaConfig, signallingConfig, notificationsConfig, retentionConfig, documentsConfig, deskConfig, surveyConfig, publicStatsConfig, statsConfig];
