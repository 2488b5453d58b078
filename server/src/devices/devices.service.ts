import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import { DataSource, In, IsNull, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { LoginRateLimiter } from '../auth/login-rate-limiter';
import { DevicePrincipal, UserPrincipal } from '../auth/principal';
import { hashToken, newPairingCode, newToken } from '../auth/tokens';
import { DomainError } from '../common/errors/domain.error';
import { authConfig, AuthConfig } from '../config/configuration';
import { isRetiredBoothError } from '../directory/booth-in-service';
import { DirectoryService } from '../directory/directory.service';
import { BoothEntity } from '../directory/entities/booth.entity';
import { MsapSiteEntity } from '../directory/entities/msap-site.entity';
import { canManageSite } from '../directory/site-access';
import { notifyDesk } from '../desk/desk-channel';
import { deskConfig, DeskConfig } from '../config/configuration';
import { BoothCheckDto, BoothCheckRecord } from './dto/booth-check.dto';
import { DeviceEntity } from './entities/device.entity';
import { PairingCodeEntity } from './entities/pairing-code.entity';

export interface PairedDevice {
  token: string;
  expiresAt: Date;
  principal: DevicePrincipal;
}

@Injectable()
export class DevicesService {
  constructor(
    @Inject(authConfig.KEY) private readonly config: AuthConfig,
    @Inject(deskConfig.KEY) private readonly desk: DeskConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectRepository(DeviceEntity) private readonly devices: Repository<DeviceEntity>,
    private readonly directory: DirectoryService,
    private readonly audit: AuditService,
    private readonly limiter: LoginRateLimiter,
  ) {}

  /**
   * The booth terminal says it is alive (every 15 s from every booth page). The desk is told only
   * when the booth comes back (it was silent past the offline threshold), not on every beat.
   */
  async heartbeat(device: DevicePrincipal): Promise<void> {
    // TypeORM answers an UPDATE … RETURNING with [rows, count].
    const [[row]] = (await this.dataSource.query(
      `UPDATE devices d SET heartbeat_at = now(), last_seen_at = now() FROM (SELECT heartbeat_at FROM devices WHERE id = $1 FOR UPDATE) old
        WHERE d.id = $1 RETURNING old.heartbeat_at AS "previous"`,
      [device.deviceId],
    )) as [Array<{ previous: Date | null }>, number];
    const wasOffline = !row?.previous || Date.now() - row.previous.getTime() > this.desk.boothOfflineSeconds * 1000;
    if (wasOffline) await notifyDesk(this.dataSource, { siteId: device.msapSiteId, kind: 'booth' });
  }

  /** The booth's last pre-call check, for the facilitator's desk. */
  async reportCheck(device: DevicePrincipal, dto: BoothCheckDto): Promise<void> {
    const record: BoothCheckRecord = {
      outcome: dto.outcome,
      at: new Date().toISOString(),
      camera: dto.camera,
      microphone: dto.microphone,
      network: dto.network,
      route: dto.route ?? null,
      rttMs: dto.rttMs ?? null,
      uplinkKbps: dto.uplinkKbps ?? null,
    };
    await this.dataSource.transaction(async (tx) => {
      await tx.query(`UPDATE devices SET last_check = $2::jsonb, heartbeat_at = now(), last_seen_at = now() WHERE id = $1`, [device.deviceId, JSON.stringify(record)]);
      await this.audit.record({ action: 'device.check_reported', actorDeviceId: device.deviceId, subjectType: 'booth', subjectId: device.boothId, details: { outcome: dto.outcome } }, tx);
      await notifyDesk(tx, { siteId: device.msapSiteId, kind: 'booth' });
    });
  }

  /** Each booth of a site, with its freshest terminal's last beat and last check (the desk). */
  liveness(msapSiteId: string): Promise<Array<{ boothId: string; boothName: string; lastSeenAt: Date | null; lastCheck: BoothCheckRecord | null }>> {
    return this.dataSource.query(
      `SELECT b.id AS "boothId", b.name AS "boothName", d.heartbeat_at AS "lastSeenAt", d.last_check AS "lastCheck"
         FROM booths b
         LEFT JOIN LATERAL (SELECT heartbeat_at, last_check FROM devices
                             WHERE booth_id = b.id AND revoked_at IS NULL AND expires_at > now()
                             ORDER BY heartbeat_at DESC NULLS LAST LIMIT 1) d ON true
        WHERE b.msap_site_id = $1 AND b.retired_at IS NULL
        ORDER BY b.name`,
      [msapSiteId],
    );
  }

  async createPairingCode(user: UserPrincipal, boothId: string): Promise<{ code: string; expiresAt: Date; boothId: string }> {
    const booth = await this.directory.getManagedBooth(user, boothId);
    if (booth.retiredAt) throw new DomainError('BOOTH_RETIRED', 'This booth is retired: no terminal can be paired with it.', { boothId: ['RETIRED'] });
    const expiresAt = new Date(Date.now() + this.config.pairingCodeTtlMinutes * 60_000);
    // A clash with a live code is astronomically rare but must not pair the wrong booth: retry.
    for (let attempt = 0; attempt < 5; attempt++) {
      const code = newPairingCode();
      const inserted = await this.dataSource
        .createQueryBuilder()
        .insert()
        .into(PairingCodeEntity)
        .values({ boothId, codeHash: hashToken(code), createdById: user.userId, expiresAt, usedAt: null })
        .orIgnore()
        .returning(['id'])
        .execute();
      if (inserted.raw.length === 1) {
        await this.audit.record({
          action: 'device.pairing_code_created',
          actorUserId: user.userId,
          subjectType: 'booth',
          subjectId: boothId,
        });
        return { code, expiresAt, boothId };
      }
    }
    throw new DomainError('SERVICE_UNAVAILABLE', 'Could not allocate a pairing code; try again.');
  }

  async pair(code: string, label: string | undefined, ip: string | null): Promise<PairedDevice> {
    // Wrong codes are limited per address like passwords (10^8 codes, a handful of tries per window);
    // the attempt counts as a failure unless the code pairs this terminal.
    const attempt = await this.limiter.attempt([{ scope: 'pairing', key: ip ?? 'unknown' }]);
    if (!attempt.allowed) {
      const wait = attempt.retryAfterSeconds;
      throw new DomainError('RATE_LIMITED', `Too many wrong codes. Try again in ${wait} s.`, undefined, wait);
    }

    const result = await this.dataSource.transaction(async (tx) => {
      // Consuming the code and creating the device commit together: a code pairs exactly one terminal.
      // Wrapped in a CTE so the driver returns plain rows (a bare UPDATE answers [rows, count]).
      const consumed: Array<{ booth_id: string; created_by_id: string }> = await tx.query(
        `WITH used AS (
           UPDATE pairing_codes SET used_at = now()
            WHERE code_hash = $1 AND used_at IS NULL AND expires_at > now()
              AND NOT EXISTS (SELECT 1 FROM booths b WHERE b.id = pairing_codes.booth_id AND b.retired_at IS NOT NULL)
            RETURNING booth_id, created_by_id)
         SELECT booth_id, created_by_id FROM used`,
        [hashToken(code)],
      );
      const row = consumed[0];
      if (!row) {
        // An expired code is said so (the facilitator generates a new one), unless its booth was retired:
        // there is no new code to ask for. Wrong and used ones alike.
        const [expired] = (await tx.query(
          `SELECT 1 FROM pairing_codes p WHERE p.code_hash = $1 AND p.used_at IS NULL AND p.expires_at <= now()
              AND NOT EXISTS (SELECT 1 FROM booths b WHERE b.id = p.booth_id AND b.retired_at IS NOT NULL)`,
          [hashToken(code)],
        )) as unknown[];
        return expired ? ('expired' as const) : null;
      }
      const booth = await tx.findOneOrFail(BoothEntity, { where: { id: row.booth_id }, relations: { msapSite: true } });
      const token = newToken();
      const csrfToken = newToken();
      const expiresAt = new Date(Date.now() + this.config.deviceTokenTtlDays * 86_400_000);
      const device = await tx.save(
        tx.create(DeviceEntity, {
          boothId: booth.id,
          label: label ?? booth.name,
          tokenHash: hashToken(token),
          csrfToken,
          pairedById: row.created_by_id,
          expiresAt,
          lastSeenAt: new Date(),
          revokedAt: null,
          revokedById: null,
        }),
      );
      await this.audit.record(
        { action: 'device.paired', actorUserId: row.created_by_id, actorDeviceId: device.id, subjectType: 'booth', subjectId: booth.id, ip },
        tx,
      );
      const principal: DevicePrincipal = {
        kind: 'device',
        deviceId: device.id,
        boothId: booth.id,
        msapSiteId: booth.msapSiteId,
        csrfToken,
      };
      return { token, expiresAt, principal };
      // A booth retired while this pairing ran: the database refused the terminal (trigger booth_in_service).
    }).catch((error: unknown) => {
      if (isRetiredBoothError(error)) return null;
      throw error;
    });
    if (!result || result === 'expired') {
      await this.audit.record({ action: 'device.pairing_failed', ip });
      if (result === 'expired') throw new DomainError('PAIRING_CODE_EXPIRED', 'This code has expired. Ask for a new code.');
      throw new DomainError('PAIRING_CODE_INVALID', 'This code is wrong or already used. Ask for a new code.');
    }
    await this.limiter.succeeded(attempt.permit);
    return result;
  }

  async list(user: UserPrincipal): Promise<DeviceEntity[]> {
    const sites = await this.dataSource.getRepository(MsapSiteEntity).find();
    const siteIds = sites.filter((site) => canManageSite(user, site)).map((site) => site.id);
    if (siteIds.length === 0) return [];
    return this.devices.find({
      where: { booth: { msapSiteId: In(siteIds) } },
      relations: { booth: true },
      order: { pairedAt: 'DESC' },
    });
  }

  async revoke(user: UserPrincipal, deviceId: string): Promise<void> {
    const device = await this.devices.findOne({ where: { id: deviceId } });
    if (!device) throw new DomainError('NOT_FOUND', 'No such terminal.');
    await this.directory.getManagedBooth(user, device.boothId);
    // The revocation and its trace commit together.
    await this.dataSource.transaction(async (tx) => {
      const updated = await tx.update(DeviceEntity, { id: deviceId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedById: user.userId });
      if (updated.affected) {
        await this.audit.record({ action: 'device.revoked', actorUserId: user.userId, subjectType: 'device', subjectId: deviceId, details: { boothId: device.boothId, label: device.label } }, tx);
      }
    });
  }
}
