import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuthService } from '../auth/auth.service';
import { DevicePrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { UserEntity } from '../users/entities/user.entity';
import { DeviceEntity } from './entities/device.entity';

/**
 * The booth's « Espace animateur »: leaving the kiosk or unpairing the screen needs a facilitator of
 * the booth's France Services (or an admin) to type their credentials on it. They are checked like a
 * sign-in (same rate limits) but open no session: nothing of the facilitator stays on the booth.
 * Each sensitive action sends the credentials again, so no unlock state lives on the server.
 */
@Injectable()
export class BoothUnlockService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly auth: AuthService,
    private readonly audit: AuditService,
  ) {}

  /** The facilitator (or admin) these credentials name, if they may act on this booth. */
  async unlock(device: DevicePrincipal, email: string, password: string, ip: string | null): Promise<UserEntity> {
    const user = await this.facilitatorOf(device, email, password, ip);
    await this.audit.record({ action: 'device.unlocked', actorUserId: user.id, actorDeviceId: device.deviceId, subjectType: 'booth', subjectId: device.boothId, ip });
    return user;
  }

  /** The facilitator unpairs this screen from the booth itself; recorded as any revocation. */
  async unpair(device: DevicePrincipal, email: string, password: string, ip: string | null): Promise<void> {
    const user = await this.facilitatorOf(device, email, password, ip);
    // The revocation and its trace commit together.
    await this.dataSource.transaction(async (tx) => {
      const updated = await tx.update(DeviceEntity, { id: device.deviceId, revokedAt: IsNull() }, { revokedAt: new Date(), revokedById: user.id });
      if (updated.affected) {
        await this.audit.record(
          { action: 'device.revoked', actorUserId: user.id, actorDeviceId: device.deviceId, subjectType: 'device', subjectId: device.deviceId, ip, details: { boothId: device.boothId, from: 'booth' } },
          tx,
        );
      }
    });
  }

  private async facilitatorOf(device: DevicePrincipal, email: string, password: string, ip: string | null): Promise<UserEntity> {
    const user = await this.auth.checkCredentials(email, password, ip, { action: 'device.unlock_failed', actorDeviceId: device.deviceId });
    if (user.role === 'admin' || (user.role === 'facilitator' && user.msapSiteId === device.msapSiteId)) return user;
    await this.audit.record({ action: 'device.unlock_refused', actorUserId: user.id, actorDeviceId: device.deviceId, subjectType: 'booth', subjectId: device.boothId, ip });
    throw new DomainError('NOT_BOOTH_FACILITATOR', 'Only a facilitator of this booth’s France Services, or an admin, may unlock it.');
  }
}
