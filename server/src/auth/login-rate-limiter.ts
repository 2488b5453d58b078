import { createHash } from 'node:crypto';
import { isIPv4, isIPv6 } from 'node:net';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { authConfig, AuthConfig } from '../config/configuration';

/**
 * What a key counts: one account's passwords, one address's passwords, one address's pairing codes;
 * and, in windows of their own so that they never lock anyone out of signing in, one e-mail's
 * forgotten-password requests and one address's requests and password links tried.
 */
export type AttemptScope = 'account' | 'ip' | 'pairing' | 'reset_account' | 'reset_ip' | 'link';

/** Scopes keyed by an e-mail address; the others by a client address. */
const ACCOUNT_SCOPES: readonly AttemptScope[] = ['account', 'reset_account'];

export interface AttemptKey {
  scope: AttemptScope;
  /** The e-mail (already normalised by the DTO) or the client address; stored only as a SHA-256. */
  key: string;
}

/** An attempt under way: it counts as a failure unless `succeeded` is called with it. */
export interface AttemptPermit {
  readonly keys: readonly HashedKey[];
  /** The instant recorded for it, as the database wrote it (millisecond precision). */
  readonly at: Date;
}

export type AttemptOutcome = { allowed: true; permit: AttemptPermit } | { allowed: false; retryAfterSeconds: number };

interface HashedKey {
  scope: AttemptScope;
  hash: Buffer;
}

/**
 * What an address is counted as: an IPv4 address as itself (also when written as an IPv4-mapped
 * IPv6 address), an IPv6 address by its /64, the block one subscriber line or host usually holds,
 * so that walking through the addresses of one's own /64 does not give a fresh window each time.
 */
export function addressKey(address: string): string {
  const ip = address.trim().toLowerCase().replace(/%.*$/, '');
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(ip);
  if (mapped && isIPv4(mapped[1]!)) return mapped[1]!;
  if (!isIPv6(ip) || ip.includes('.')) return ip;
  const [head, tail] = ip.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  return `${groups.slice(0, 4).map((g) => g.replace(/^0+(?=.)/, '')).join(':')}::/64`;
}

/** Expired windows deleted by each attempt: every attempt can add at most one row per key. */
const PURGE_BATCH = 100;

/**
 * Seconds until one more attempt fits in a sliding window that holds at most `limit` attempts per
 * `windowMs`, given the instants of the attempts recorded for one key; 0 when one fits now.
 */
export function retryAfterSeconds(attempts: readonly Date[], limit: number, windowMs: number, now: Date): number {
  const recent = attempts
    .map((a) => a.getTime())
    .filter((t) => t > now.getTime() - windowMs)
    .sort((a, b) => a - b);
  if (recent.length < limit) return 0;
  // Once this one leaves the window, exactly limit - 1 remain in it.
  const freeing = recent[recent.length - limit]!;
  return Math.max(1, Math.ceil((freeing + windowMs - now.getTime()) / 1000));
}

/**
 * Sliding-window limit of failed attempts per key, shared by every instance through PostgreSQL
 * (table failed_attempts: one row per key with the instants of its recent attempts), so that N
 * instances behind a load balancer still allow LOGIN_RATE_LIMIT failures per window, and a restart
 * forgets nothing.
 *
 * NOTE: an attempt is counted when it starts, not when it has failed: `attempt` takes a place in the
 * window of every key in the same statement that checks the limit (INSERT … ON CONFLICT DO UPDATE
 * … WHERE, which locks the key's row and re-reads its newest version), so concurrent requests on
 * any instance cannot all pass a check before any of them is recorded. A success gives its place
 * back. A request that dies half-way leaves its attempt counted, which errs on the safe side.
 */
@Injectable()
export class LoginRateLimiter {
  private readonly windowSeconds: number;
  private readonly limits: Record<AttemptScope, number>;

  constructor(
    @Inject(authConfig.KEY) config: AuthConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    this.windowSeconds = config.loginRateWindowSeconds;
    this.limits = {
      account: config.loginRateLimit,
      // Ten times more per address, because a whole prefecture or MSAP often reaches us through one
      // NAT address and must not be locked out together.
      ip: config.loginRateLimit * 10,
      // 10^8 pairing codes: a handful of tries per window and address, like passwords.
      pairing: config.loginRateLimit,
      // Forgotten passwords: as many requests per e-mail as failed sign-ins per account (each may
      // send an e-mail), and per client address (requests and links tried) as failed sign-ins.
      reset_account: config.loginRateLimit,
      reset_ip: config.loginRateLimit * 10,
      // Citizens' personal links tried in vain, per address: a mistyped link now and then, not a scan.
      link: config.loginRateLimit * 10,
    };
  }

  /**
   * Takes one attempt on every key if each of them has room for it, otherwise on none, and says
   * how long to wait (the longest wait of the keys that are full).
   */
  async attempt(keys: readonly AttemptKey[]): Promise<AttemptOutcome> {
    // Keys are always locked in the same order (account, then ip), so two attempts never deadlock.
    const order: AttemptScope[] = ['account', 'ip', 'pairing', 'reset_account', 'reset_ip', 'link'];
    const hashed = [...keys]
      .sort((a, b) => order.indexOf(a.scope) - order.indexOf(b.scope))
      .map((k) => ({ scope: k.scope, hash: createHash('sha256').update(ACCOUNT_SCOPES.includes(k.scope) ? k.key : addressKey(k.key)).digest() }));
    const taken: Array<{ scope: AttemptScope; key_hash: Buffer; at: Date }> = await this.dataSource.query(
      `WITH input AS (
         SELECT * FROM unnest($1::text[], $2::bytea[], $3::int[]) WITH ORDINALITY AS i(scope, key_hash, max_attempts, ord)
       ), taken AS (
         INSERT INTO failed_attempts AS f (scope, key_hash, attempted_at, last_attempt_at)
         SELECT scope, key_hash, ARRAY[date_trunc('milliseconds', now())], now() FROM input ORDER BY ord
         ON CONFLICT (scope, key_hash) DO UPDATE
           SET attempted_at = ARRAY(SELECT a FROM unnest(f.attempted_at) a WHERE a > now() - make_interval(secs => $4) ORDER BY a)
                              || date_trunc('milliseconds', now()),
               last_attempt_at = now()
           WHERE (SELECT count(*) FROM unnest(f.attempted_at) a WHERE a > now() - make_interval(secs => $4))
                 < (SELECT i.max_attempts FROM input i WHERE i.scope = f.scope AND i.key_hash = f.key_hash)
         RETURNING f.scope, f.key_hash
       )
       SELECT scope, key_hash, date_trunc('milliseconds', now()) AS at FROM taken`,
      [hashed.map((k) => k.scope), hashed.map((k) => k.hash), hashed.map((k) => this.limits[k.scope]), this.windowSeconds],
    );
    await this.purge();
    const at = taken[0]?.at ?? new Date();
    if (taken.length === hashed.length) return { allowed: true, permit: { keys: hashed, at } };

    // Some key was full: give back the places taken on the others, then say how long to wait.
    const isTaken = (k: HashedKey) => taken.some((t) => t.scope === k.scope && t.key_hash.equals(k.hash));
    for (const key of hashed.filter(isTaken)) await this.giveBack(key, at);
    const full = hashed.filter((k) => !isTaken(k));
    const rows: Array<{ scope: AttemptScope; attempted_at: Date[]; now: Date }> = await this.dataSource.query(
      `SELECT f.scope, f.attempted_at, now() AS now
         FROM failed_attempts f JOIN unnest($1::text[], $2::bytea[]) AS i(scope, key_hash) USING (scope, key_hash)`,
      [full.map((k) => k.scope), full.map((k) => k.hash)],
    );
    const wait = Math.max(
      1,
      ...rows.map((r) => retryAfterSeconds(r.attempted_at, this.limits[r.scope], this.windowSeconds * 1000, r.now)),
    );
    return { allowed: false, retryAfterSeconds: wait };
  }

  /** The attempt succeeded: it does not count, and the keys of the `reset` scopes forget their failures. */
  async succeeded(permit: AttemptPermit, reset: readonly AttemptScope[] = []): Promise<void> {
    // One statement per key, in the order `attempt` locks them: never two row locks held at once.
    for (const key of permit.keys) {
      if (reset.includes(key.scope)) {
        await this.dataSource.query(`DELETE FROM failed_attempts WHERE scope = $1 AND key_hash = $2`, [key.scope, key.hash]);
      } else {
        await this.giveBack(key, permit.at);
      }
    }
  }

  /** Removes one occurrence of `at` from the key's attempts (another attempt may share the instant). */
  private async giveBack(key: HashedKey, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE failed_attempts f
          SET attempted_at = f.attempted_at[:array_position(f.attempted_at, $3::timestamptz) - 1]
                             || f.attempted_at[array_position(f.attempted_at, $3::timestamptz) + 1:]
        WHERE f.scope = $1 AND f.key_hash = $2 AND $3::timestamptz = ANY (f.attempted_at)`,
      [key.scope, key.hash, at],
    );
  }

  /**
   * A key with no attempt inside the window is of no use: deleted here, a batch per attempt, rather
   * than by a timer, so the table holds little more than the windows in progress. SKIP LOCKED: it
   * never waits for (or deadlocks with) the attempts running on other instances.
   */
  private async purge(): Promise<void> {
    await this.dataSource.query(
      `WITH picked AS (
         SELECT scope, key_hash FROM failed_attempts
          WHERE last_attempt_at < now() - make_interval(secs => $1)
          LIMIT $2 FOR UPDATE SKIP LOCKED)
       DELETE FROM failed_attempts f USING picked WHERE f.scope = picked.scope AND f.key_hash = picked.key_hash`,
      [this.windowSeconds, PURGE_BATCH],
    );
  }
}
