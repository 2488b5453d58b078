import { applyDecorators } from '@nestjs/common';
import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateBy,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { isIP } from 'node:net';
import { availableParallelism } from 'node:os';
import { resolveMediaAddress } from './media-address';

const MEDIA_ADDRESS_SETTINGS = ['RTC_LISTEN_IP', 'RTC_ANNOUNCED_ADDRESS', 'PUBLIC_URL'];

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

/** How operators write "off" in env files (an empty value included). */
const isFalseWord = (value: string) => ['0', 'false', 'no', 'off', ''].includes(value.trim().toLowerCase());

// Accepts the spellings operators actually use in env files; anything else stays a string and fails.
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  if (['1', 'true', 'yes', 'on'].includes(value.trim().toLowerCase())) return true;
  if (isFalseWord(value)) return false;
  return value;
};

/** An integer setting within bounds; the message says the unit and the range. */
function IntInRange(min: number, max: number, unit = ''): PropertyDecorator {
  const message = `must be an integer ${unit}from ${min} to ${max}`;
  return applyDecorators(Transform(toInt), IsInt({ message }), Min(min, { message }), Max(max, { message }));
}

const toNumber = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^\d+(\.\d+)?$/.test(value.trim()) ? Number(value.trim()) : value;

/** A decimal number in a range (e.g. 0.5 minutes). */
function NumberInRange(min: number, max: number, unit = ''): PropertyDecorator {
  const message = `must be a number ${unit}from ${min} to ${max}`;
  return applyDecorators(Transform(toNumber), IsNumber({ allowNaN: false, allowInfinity: false }, { message }), Min(min, { message }), Max(max, { message }));
}

/** A number setting that must not exceed another one (checked only once both are valid integers). */
function NotAbove(other: string, why: string): PropertyDecorator {
  const limitOf = (object: object): unknown => (object as Record<string, unknown>)[other];
  return ValidateBy({
    name: 'notAbove',
    constraints: [other],
    validator: {
      validate: (value: unknown, args) => {
        const limit = args ? limitOf(args.object) : undefined;
        return typeof value !== 'number' || typeof limit !== 'number' || value <= limit;
      },
      defaultMessage: (args) => `must not exceed ${other} (${String(args ? limitOf(args.object) : '?')}): ${why}`,
    },
  });
}

/** One entry of a TRUST_PROXY list: a name proxy-addr knows, an IP address, or a subnet in CIDR form. */
function isProxyAddress(entry: string): boolean {
  if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return true;
  const [address = '', prefix, extra] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || extra !== undefined) return false;
  return prefix === undefined || (/^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128));
}

/** A TRUST_PROXY given as the number of proxies in front. */
const PROXY_HOPS = /^[1-9]$/;

const isTrustProxy = (value: unknown): boolean =>
  typeof value === 'string' && (value === 'false' || PROXY_HOPS.test(value) || value.split(',').every((e) => isProxyAddress(e.trim())));

/** The TRUST_PROXY setting as Express takes it: false, a number of hops, or a list of addresses. */
export function trustProxySetting(value: string): false | number | string {
  if (value === 'false') return false;
  return PROXY_HOPS.test(value) ? Number(value) : value;
}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const MEDIA_LOG_LEVELS = ['debug', 'warn', 'error', 'none'] as const;
/** `relay`: browsers use TURN only (networks where nothing but the TURN server is reachable). */
export const ICE_TRANSPORT_POLICIES = ['all', 'relay'] as const;

/** `tcp://host:port` or `unix:///absolute/path` (what parseClamdUrl takes). */
const CLAMD_URL_PATTERN = /^tcp:\/\/[A-Za-z0-9.-]+:\d{1,5}$|^tcp:\/\/\[[0-9a-fA-F:]+\]:\d{1,5}$|^unix:\/\/\/.+$/;
/** `id:base64` entries, comma-separated: 32-byte AES keys, the first one encrypts. */
const MASTER_KEYS_PATTERN = /^\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*(,\s*[A-Za-z0-9_-]{1,32}:[A-Za-z0-9+/]{43}=\s*)*$/;
export const DOCUMENT_STORAGES = ['local', 's3'] as const;
/** SURVEY_TOKEN_SECRET when unset: known to all, so refused in production with a PUBLIC_URL. */
export const DEVELOPMENT_SURVEY_TOKEN_SECRET = 'development-only survey token secret, set SURVEY_TOKEN_SECRET';

/**
 * Every setting the service reads, validated once at boot. Each message says what is expected, and
 * the variable name is prefixed by {@link validateEnv}. The README table lists the same variables.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'], { message: 'must be one of development, production, test' })
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @IntInRange(1, 65535, 'port number ')
  PORT = 3000;

  @IsString()
  @Matches(/^[0-9a-fA-F:.]+$|^localhost$/, { message: 'must be an IP address to listen on (e.g. 0.0.0.0)' })
  HOST = '0.0.0.0';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an absolute http(s) URL' })
  PUBLIC_URL?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @IntInRange(1, 10240, 'number of kilobytes ')
  BODY_LIMIT_KB = 100;

  /**
   * Express's 'trust proxy'. Not `true`: Express would then take the leftmost X-Forwarded-For entry,
   * which the client writes itself (proxies append to the header), and every address-based limit
   * would fall to a forged header.
   */
  @Transform(({ value }) => (typeof value === 'string' ? (isFalseWord(value) ? 'false' : value.trim()) : value))
  @ValidateBy({ name: 'trustProxy', validator: { validate: isTrustProxy } }, {
    message:
      'must be false, the number of reverse proxies in front of the service (e.g. 1), or their addresses or subnets ' +
      '(e.g. loopback or 10.0.0.0/8, comma-separated); true is refused: it would trust an X-Forwarded-For written by the client',
  })
  TRUST_PROXY = 'false';

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'must be a directory path' })
  DATA_DIR = './data';

  @IntInRange(1024, 65535, 'port number ')
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false (1/0)' })
  DEMO_SEED?: boolean;

  @IntInRange(5, 10080, 'number of minutes ')
  SESSION_TTL_MINUTES = 600;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  COOKIE_SECURE?: boolean;

  @IntInRange(1, 1000)
  LOGIN_RATE_LIMIT = 5;

  @IntInRange(1, 86400, 'number of seconds ')
  LOGIN_RATE_WINDOW_SECONDS = 900;

  // An invitation (or a reset sent by an administrator) has to reach people who read their mail once a day.
  @IntInRange(1, 720, 'number of hours ')
  ACCOUNT_INVITATION_TTL_HOURS = 72;

  // A reset the person asked for themselves is used at once: a short life limits a leaked mailbox.
  @IntInRange(5, 1440, 'number of minutes ')
  PASSWORD_RESET_TTL_MINUTES = 30;

  @IntInRange(1, 1440, 'number of minutes ')
  PAIRING_CODE_TTL_MINUTES = 15;

  @IntInRange(1, 1825, 'number of days ')
  DEVICE_TOKEN_TTL_DAYS = 365;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  OIDC_ENABLED = false;

  @ValidateIf((e: EnvironmentVariables) => e.OIDC_ENABLED)
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be the issuer URL when OIDC_ENABLED=true' })
  OIDC_ISSUER?: string;

  @ValidateIf((e: EnvironmentVariables) => e.OIDC_ENABLED)
  @IsString({ message: 'is required when OIDC_ENABLED=true' })
  @MinLength(1, { message: 'is required when OIDC_ENABLED=true' })
  OIDC_CLIENT_ID?: string;

  @ValidateIf((e: EnvironmentVariables) => e.OIDC_ENABLED)
  @IsString({ message: 'is required when OIDC_ENABLED=true' })
  @MinLength(1, { message: 'is required when OIDC_ENABLED=true' })
  OIDC_CLIENT_SECRET?: string;

  @ValidateIf((e: EnvironmentVariables) => e.OIDC_ENABLED)
  @IsUrl({ require_tld: false, require_protocol: true }, { message: 'must be the callback URL when OIDC_ENABLED=true' })
  OIDC_REDIRECT_URI?: string;

  @IsString()
  OIDC_SCOPES = 'openid email given_name usual_name';

  @IntInRange(1, 64)
  // availableParallelism() honours CPU affinity (taskset, container cpusets), unlike cpus().length.
  MEDIA_WORKERS = Math.max(1, availableParallelism());

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must be the path of a mediasoup-worker binary' })
  MEDIASOUP_WORKER_BIN?: string;

  @IsIn(MEDIA_LOG_LEVELS, { message: `must be one of ${MEDIA_LOG_LEVELS.join(', ')}` })
  MEDIA_LOG_LEVEL: (typeof MEDIA_LOG_LEVELS)[number] = 'warn';

  @IsOptional()
  @IsString()
  @MinLength(16, { message: 'must be at least 16 characters' })
  METRICS_TOKEN?: string;

  /** Where the built web client is (default dist/client): an image may keep it elsewhere, a test its own copy. */
  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must be the folder of the built client (vite build --outDir)' })
  CLIENT_DIST_DIR?: string;

  /** Unset: 127.0.0.1 without PUBLIC_URL (browsers on this machine), 0.0.0.0 with one (see media-address.ts). */
  @IsOptional()
  @IsString()
  @ValidateBy({ name: 'isIp', validator: { validate: (value: unknown) => typeof value === 'string' && isIP(value) !== 0 } }, {
    message: 'must be an IP address to bind media to (e.g. 127.0.0.1, or 0.0.0.0 with RTC_ANNOUNCED_ADDRESS)',
  })
  RTC_LISTEN_IP?: string;

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9:.-]+$/, { message: 'must be the public IP address or host name browsers reach the media on' })
  RTC_ANNOUNCED_ADDRESS?: string;

  @IntInRange(1024, 65000, 'port number ')
  RTC_PORT = 40000;

  @IntInRange(64, 65536, 'number of kilobytes ')
  RTC_SOCKET_BUFFER_KB = 4096;

  @IntInRange(0, 120, 'number of minutes ')
  JOIN_MARGIN_MINUTES = 15;

  /** How long after the booked start a booth waiting alone is told its agent is late. */
  @IntInRange(1, 60, 'number of minutes ')
  LOBBY_LATE_MINUTES = 5;

  @IsOptional()
  @IsString()
  @Matches(/^(turns?|stun):[^\s,]+(,(turns?|stun):[^\s,]+)*$/, { message: 'must be comma-separated turn:, turns: or stun: URLs' })
  TURN_URLS?: string;

  @ValidateIf((e: EnvironmentVariables) => e.TURN_URLS !== undefined)
  @IsString({ message: 'is required when TURN_URLS is set (coturn static-auth-secret)' })
  @MinLength(16, { message: 'must be at least 16 characters (coturn static-auth-secret)' })
  TURN_SECRET?: string;

  @IntInRange(60, 86400, 'number of seconds ')
  TURN_CREDENTIAL_TTL_SECONDS = 3600;

  /**
   * Signs the booth survey's tokens, which carry what the response keeps (type, site, administration)
   * so that the opening and the answers are never written together. The same on every instance. The
   * default is public: fit for development and a single machine without PUBLIC_URL only (a forged
   * token could add a response, never name anyone); required in production with a PUBLIC_URL.
   */
  @IsString()
  @MinLength(32, { message: 'must be at least 32 characters (openssl rand -base64 32)' })
  SURVEY_TOKEN_SECRET = DEVELOPMENT_SURVEY_TOKEN_SECRET;

  @IsIn(ICE_TRANSPORT_POLICIES, { message: `must be one of ${ICE_TRANSPORT_POLICIES.join(', ')}` })
  ICE_TRANSPORT_POLICY: (typeof ICE_TRANSPORT_POLICIES)[number] = 'all';

  @IntInRange(2, 120, 'number of seconds ')
  SIGNALLING_HEARTBEAT_SECONDS = 10;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  NOTIFICATIONS_ENABLED = true;

  @IntInRange(50, 600_000, 'number of milliseconds ')
  NOTIFICATIONS_INTERVAL_MS = 2000;

  @IntInRange(1, 1000)
  NOTIFICATIONS_BATCH_SIZE = 100;

  @IntInRange(1, 20)
  NOTIFICATIONS_MAX_ATTEMPTS = 6;

  @IntInRange(10, 3_600_000, 'number of milliseconds ')
  NOTIFICATIONS_RETRY_BASE_MS = 30_000;

  @IntInRange(5, 3600, 'number of seconds ')
  NOTIFICATIONS_LEASE_SECONDS = 120;

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be the http(s) URL of the SMS provider' })
  SMS_PROVIDER_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must be the API token of the SMS provider' })
  SMS_PROVIDER_TOKEN?: string;

  @IsString()
  @Matches(/^(?=.*[A-Za-z])[A-Za-z0-9 ]{1,11}$|^\+[1-9]\d{6,14}$/, {
    message: 'must be an alphanumeric sender of 1 to 11 characters (with a letter) or an E.164 number',
  })
  SMS_SENDER = 'VisioMSAP';

  @IsOptional()
  @IsString()
  @Matches(/^[A-Za-z0-9.-]+$/, { message: 'must be the SMTP server host name or IP address' })
  SMTP_HOST?: string;

  @IntInRange(1, 65535, 'port number ')
  SMTP_PORT = 587;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false (true: TLS from the start, as on port 465)' })
  SMTP_SECURE = false;

  @IsOptional()
  @IsString()
  SMTP_USER?: string;

  @ValidateIf((e: EnvironmentVariables) => e.SMTP_USER !== undefined)
  @IsString({ message: 'is required when SMTP_USER is set' })
  SMTP_PASSWORD?: string;

  @IsString()
  @Matches(/^[^\s@<>]+@[^\s@<>]+$|^[^<>]*<[^\s@<>]+@[^\s@<>]+>$/, { message: 'must be an e-mail address, optionally as "Name <address>"' })
  SMTP_FROM = 'Visio MSAP <ne-pas-repondre@visio-msap.localhost>';

  @IsString()
  @Matches(/^\s*\d{1,4}[dhm](\s*,\s*\d{1,4}[dhm])*\s*$|^\s*$|^none$/, {
    message: 'must be comma-separated offsets such as 2d,2h,30m (days, hours, minutes), or none',
  })
  REMINDER_OFFSETS = '2d,2h';

  @IntInRange(1, 3600, 'number of seconds ')
  REMINDER_SCAN_INTERVAL_SECONDS = 60;

  @IntInRange(10, 5000)
  MASS_CANCEL_BATCH_SIZE = 500;

  @IntInRange(5, 3600, 'number of seconds ')
  MASS_CANCEL_LEASE_SECONDS = 60;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  RETENTION_ENABLED = true;

  @IntInRange(1, 1440, 'number of minutes ')
  RETENTION_INTERVAL_MINUTES = 60;

  @IntInRange(10, 10_000)
  RETENTION_BATCH_SIZE = 500;

  @IntInRange(1, 3650, 'number of days ')
  CITIZEN_DATA_RETENTION_DAYS = 90;

  @IntInRange(1, 3650, 'number of days ')
  @NotAbove('CITIZEN_DATA_RETENTION_DAYS', "the messages hold the citizen's name and contact")
  OUTBOX_RETENTION_DAYS = 30;

  // Below a month the security log would not cover the time it takes to notice an intrusion.
  @IntInRange(30, 3650, 'number of days ')
  AUDIT_RETENTION_DAYS = 365;

  // Pseudonymisation cannot be undone: a month at least to notice an account disabled by mistake.
  @IntInRange(30, 3650, 'number of days ')
  RETENTION_DISABLED_ACCOUNT_DAYS = 365;

  /** One document (a PDF, or all the photographed pages together). */
  @IntInRange(1, 200, 'number of megabytes ')
  DOCUMENT_MAX_MB = 25;

  @IntInRange(1, 500)
  DOCUMENT_MAX_PAGES = 50;

  /** Decoded size of one image: a phone's 50-megapixel photo passes, a decompression bomb does not. */
  @IntInRange(1, 500, 'number of megapixels ')
  DOCUMENT_MAX_MEGAPIXELS = 60;

  @IntInRange(1, 3650, 'number of days ')
  @NotAbove('CITIZEN_DATA_RETENTION_DAYS', "documents are the citizen's papers")
  DOCUMENT_RETENTION_DAYS = 30;

  @IntInRange(30, 3600, 'number of seconds ')
  DOCUMENT_LINK_TTL_SECONDS = 300;

  /** The facilitator's desk alerts when a citizen has waited this long in the lobby without the agent (decimals allowed: 0.5). */
  @NumberInRange(0.05, 120, 'of minutes ')
  DESK_LOBBY_ALERT_MINUTES = 5;

  /** A booth silent this long (no heartbeat, one every 15 s) shows as offline on the desk. */
  @IntInRange(20, 600, 'number of seconds ')
  BOOTH_OFFLINE_SECONDS = 45;

  /** A booth page left untouched this long (outside the welcome screen and the call) counts down to its privacy wipe. */
  @IntInRange(2, 3600, 'number of seconds ')
  BOOTH_IDLE_SECONDS = 90;

  /** A booth offline this many minutes before a consultation's start raises an alert on the desk. */
  @IntInRange(0, 120, 'number of minutes ')
  DESK_OFFLINE_ALERT_MINUTES = 15;

  @IsOptional()
  @IsString()
  @Matches(MASTER_KEYS_PATTERN, {
    message: 'must be comma-separated id:key entries, each key 32 random bytes in base64 (openssl rand -base64 32); the first one encrypts',
  })
  DOCUMENTS_MASTER_KEYS?: string;

  @IsIn(DOCUMENT_STORAGES, { message: `must be one of ${DOCUMENT_STORAGES.join(', ')}` })
  DOCUMENT_STORAGE: (typeof DOCUMENT_STORAGES)[number] = 'local';

  @ValidateIf((e: EnvironmentVariables) => e.DOCUMENT_STORAGE === 's3')
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be the http(s) URL of the S3 endpoint when DOCUMENT_STORAGE=s3' })
  S3_ENDPOINT?: string;

  @ValidateIf((e: EnvironmentVariables) => e.DOCUMENT_STORAGE === 's3')
  @IsString({ message: 'is required when DOCUMENT_STORAGE=s3' })
  @Matches(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, { message: 'must be an S3 bucket name (3 to 63 lower-case letters, digits, dots, hyphens)' })
  S3_BUCKET?: string;

  @IsString()
  @Matches(/^[a-z0-9-]{1,32}$/, { message: 'must be a region name such as us-east-1 or fr-par' })
  S3_REGION = 'us-east-1';

  @ValidateIf((e: EnvironmentVariables) => e.DOCUMENT_STORAGE === 's3')
  @IsString({ message: 'is required when DOCUMENT_STORAGE=s3' })
  @MinLength(1, { message: 'is required when DOCUMENT_STORAGE=s3' })
  S3_ACCESS_KEY?: string;

  @ValidateIf((e: EnvironmentVariables) => e.DOCUMENT_STORAGE === 's3')
  @IsString({ message: 'is required when DOCUMENT_STORAGE=s3' })
  @MinLength(1, { message: 'is required when DOCUMENT_STORAGE=s3' })
  S3_SECRET_KEY?: string;

  /** Unset: the server runs its own clamd (Debian clamav-daemon) with the signatures of CLAMD_DATABASE_DIR. */
  @IsOptional()
  @IsString()
  @Matches(CLAMD_URL_PATTERN, { message: 'must be tcp://host:port or unix:///path/to/clamd.sock' })
  CLAMD_URL?: string;

  @IsOptional()
  @IsString()
  @MinLength(1, { message: 'must be a directory holding ClamAV signature databases' })
  CLAMD_DATABASE_DIR?: string;

  /**
   * The public statistics page hides every count from 1 to this minus one, and every rate, median or
   * score computed over fewer: 11 is the usual statistical-secrecy threshold (« moins de 11 »); under 5 protects nobody.
   */
  @IntInRange(5, 1000)
  STATS_PUBLIC_MIN_COUNT = 11;

  /** Travel avoided: road distance ≈ great-circle distance × this detour factor (1.3: the usual French rural-road estimate). */
  @NumberInRange(1, 3)
  STATS_ROAD_FACTOR = 1.3;

  /**
   * Travel avoided: kg CO₂e per km of an average passenger car. Default: ADEME, impactco2.fr
   * « Voiture thermique » (Base Empreinte), 0.218 kg CO₂e/km, the car's manufacture and the fuel's
   * production included. Set STATS_CO2_SOURCE with it when changing it.
   */
  @NumberInRange(0.01, 1, 'kg CO2e per km ')
  STATS_CO2_KG_PER_KM = 0.218;

  /** Where STATS_CO2_KG_PER_KM comes from, said on the statistics page and in the exports. */
  @IsString()
  @MinLength(5, { message: 'must name the source of STATS_CO2_KG_PER_KM' })
  STATS_CO2_SOURCE = 'ADEME, impactco2.fr (Base Empreinte) : voiture thermique, 0,218 kg CO₂e/km, fabrication du véhicule et production du carburant comprises';
}

export class ConfigurationError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigurationError';
  }
}

/** Validates raw environment variables; throws a {@link ConfigurationError} listing every problem. */
export function validateEnv(raw: Record<string, string | undefined>): EnvironmentVariables {
  const known = Object.keys(new EnvironmentVariables());
  const input: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw)) {
    // Empty variables mean "not set", as in most env-file tooling.
    if (value !== undefined && value !== '' && known.includes(key)) {
      input[key] = value;
    }
  }
  const env = plainToInstance(EnvironmentVariables, input, { exposeDefaultValues: true });
  const errors = validateSync(env, { skipMissingProperties: false });
  const problems = errors.map((e) => {
    // A secret refused is not echoed into the boot log.
    const got = e.property === 'SURVEY_TOKEN_SECRET' ? undefined : input[e.property];
    const message = Object.values(e.constraints ?? {})[0] ?? 'is invalid';
    return `${e.property} ${message}${got === undefined ? '' : ` (got "${got}")`}`;
  });
  // Settings that are valid one by one but not together.
  if (!errors.some((e) => MEDIA_ADDRESS_SETTINGS.includes(e.property))) {
    try {
      resolveMediaAddress(env);
    } catch (error) {
      problems.push((error as Error).message);
    }
  }
  // Links in messages (a password link, a citizen's personal link) are built from PUBLIC_URL, else
  // from the address the request came to: a forged Host header would then put an attacker's site in
  // a real e-mail. In production, messages leave the server only with PUBLIC_URL set.
  if (env.NODE_ENV === 'production' && !env.PUBLIC_URL && (env.SMTP_HOST || env.SMS_PROVIDER_URL)) {
    problems.push('PUBLIC_URL must be set in production when SMTP_HOST or SMS_PROVIDER_URL sends messages: their links are built from it');
  }
  // Served to others, a known key would let anyone forge survey tokens (made-up responses in the statistics).
  if (env.NODE_ENV === 'production' && env.PUBLIC_URL && env.SURVEY_TOKEN_SECRET === DEVELOPMENT_SURVEY_TOKEN_SECRET) {
    problems.push('SURVEY_TOKEN_SECRET must be set in production with a PUBLIC_URL (the same on every instance): it signs the booth survey tokens');
  }
  if (problems.length > 0) throw new ConfigurationError(problems);
  return env;
}
