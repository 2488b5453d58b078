import { plainToInstance, Transform } from 'class-transformer';
import {
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUrl,
  Matches,
  Max,
  Min,
  MinLength,
  ValidateIf,
  validateSync,
} from 'class-validator';
import { availableParallelism } from 'node:os';

const toInt = ({ value }: { value: unknown }): unknown =>
  typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;

// Accepts the spellings operators actually use in env files; anything else stays a string and fails.
const toBool = ({ value }: { value: unknown }): unknown => {
  if (typeof value !== 'string') return value;
  const v = value.trim().toLowerCase();
  if (['1', 'true', 'yes', 'on'].includes(v)) return true;
  if (['0', 'false', 'no', 'off', ''].includes(v)) return false;
  return value;
};

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
export const MEDIA_LOG_LEVELS = ['debug', 'warn', 'error', 'none'] as const;

/**
 * Every setting the service reads, validated once at boot. Each message says what is expected, and
 * the variable name is prefixed by {@link validateEnv}. The README table lists the same variables.
 */
export class EnvironmentVariables {
  @IsIn(['development', 'production', 'test'], { message: 'must be one of development, production, test' })
  NODE_ENV: 'development' | 'production' | 'test' = 'production';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number from 1 to 65535' })
  @Min(1, { message: 'must be an integer port number from 1 to 65535' })
  @Max(65535, { message: 'must be an integer port number from 1 to 65535' })
  PORT = 3000;

  @IsString()
  @Matches(/^[0-9a-fA-F:.]+$|^localhost$/, { message: 'must be an IP address to listen on (e.g. 0.0.0.0)' })
  HOST = '0.0.0.0';

  @IsOptional()
  @IsUrl({ require_tld: false, protocols: ['http', 'https'], require_protocol: true }, { message: 'must be an absolute http(s) URL' })
  PUBLIC_URL?: string;

  @IsIn(LOG_LEVELS, { message: `must be one of ${LOG_LEVELS.join(', ')}` })
  LOG_LEVEL: (typeof LOG_LEVELS)[number] = 'info';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of kilobytes from 1 to 10240' })
  @Min(1, { message: 'must be an integer number of kilobytes from 1 to 10240' })
  @Max(10240, { message: 'must be an integer number of kilobytes from 1 to 10240' })
  BODY_LIMIT_KB = 100;

  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  TRUST_PROXY = false;

  @IsOptional()
  @Matches(/^postgres(ql)?:\/\/.+/, { message: 'must be a postgres:// connection URL' })
  DATABASE_URL?: string;

  @IsString()
  @MinLength(1, { message: 'must be a directory path' })
  DATA_DIR = './data';

  @Transform(toInt)
  @IsInt({ message: 'must be an integer port number from 1024 to 65535' })
  @Min(1024, { message: 'must be an integer port number from 1024 to 65535' })
  @Max(65535, { message: 'must be an integer port number from 1024 to 65535' })
  EMBEDDED_PG_PORT = 54329;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false (1/0)' })
  DEMO_SEED?: boolean;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of minutes from 5 to 10080' })
  @Min(5, { message: 'must be an integer number of minutes from 5 to 10080' })
  @Max(10080, { message: 'must be an integer number of minutes from 5 to 10080' })
  SESSION_TTL_MINUTES = 600;

  @IsOptional()
  @Transform(toBool)
  @IsBoolean({ message: 'must be true or false' })
  COOKIE_SECURE?: boolean;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer from 1 to 1000' })
  @Min(1, { message: 'must be an integer from 1 to 1000' })
  @Max(1000, { message: 'must be an integer from 1 to 1000' })
  LOGIN_RATE_LIMIT = 5;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of seconds from 1 to 86400' })
  @Min(1, { message: 'must be an integer number of seconds from 1 to 86400' })
  @Max(86400, { message: 'must be an integer number of seconds from 1 to 86400' })
  LOGIN_RATE_WINDOW_SECONDS = 900;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of minutes from 1 to 1440' })
  @Min(1, { message: 'must be an integer number of minutes from 1 to 1440' })
  @Max(1440, { message: 'must be an integer number of minutes from 1 to 1440' })
  PAIRING_CODE_TTL_MINUTES = 15;

  @Transform(toInt)
  @IsInt({ message: 'must be an integer number of days from 1 to 1825' })
  @Min(1, { message: 'must be an integer number of days from 1 to 1825' })
  @Max(1825, { message: 'must be an integer number of days from 1 to 1825' })
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

  @Transform(toInt)
  @IsInt({ message: 'must be an integer from 1 to 64' })
  @Min(1, { message: 'must be an integer from 1 to 64' })
  @Max(64, { message: 'must be an integer from 1 to 64' })
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
  if (errors.length > 0) {
    throw new ConfigurationError(
      errors.map((e) => {
        const got = input[e.property];
        const message = Object.values(e.constraints ?? {})[0] ?? 'is invalid';
        return `${e.property} ${message}${got === undefined ? '' : ` (got "${got}")`}`;
      }),
    );
  }
  return env;
}
