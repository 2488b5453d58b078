import { registerAs } from '@nestjs/config';
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { validateEnv } from './env.validation';

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
    trustProxy: env.TRUST_PROXY,
    metricsToken: env.METRICS_TOKEN ?? null,
    clientDistDir: join(projectRoot(), 'dist', 'client'),
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
      listenIp: env.RTC_LISTEN_IP,
      basePort: env.RTC_PORT,
      ...(env.RTC_ANNOUNCED_ADDRESS ? { announcedAddress: env.RTC_ANNOUNCED_ADDRESS } : {}),
    },
  };
});

export const signallingConfig = registerAs('signalling', () => {
  const env = readEnv();
  return {
    joinMarginMinutes: env.JOIN_MARGIN_MINUTES,
    iceTransportPolicy: env.ICE_TRANSPORT_POLICY,
    heartbeatMs: env.SIGNALLING_HEARTBEAT_SECONDS * 1000,
    turn: env.TURN_URLS
      ? { urls: env.TURN_URLS.split(','), secret: env.TURN_SECRET as string, ttlSeconds: env.TURN_CREDENTIAL_TTL_SECONDS }
      : null,
  };
});

export type AppConfig = ReturnType<typeof appConfig>;
export type DatabaseConfig = ReturnType<typeof databaseConfig>;
export type AuthConfig = ReturnType<typeof authConfig>;
export type MediaConfig = ReturnType<typeof mediaConfig>;
export type SignallingConfig = ReturnType<typeof signallingConfig>;
export const configurations = [appConfig, databaseConfig, authConfig, mediaConfig, signallingConfig];
