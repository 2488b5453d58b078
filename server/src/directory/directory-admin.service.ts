import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, QueryFailedError } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { AuditAction } from '../audit/entities/audit-event.entity';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { ConsultationReader } from '../consultations/consultation.reader';
import { CreateAdministrationDto, UpdateAdministrationDto } from './dto/administration.dto';
import { CreateMsapSiteDto, UpdateMsapSiteDto } from './dto/msap-site.dto';
import { AdministrationEntity } from './entities/administration.entity';
import { BoothEntity } from './entities/booth.entity';
import { MsapSiteEntity } from './entities/msap-site.entity';
import { canManageSite } from './site-access';

type Changes = Record<string, { from: unknown; to: unknown }>;

/**
 * Changes to the directory: administrations (admins), MSAP sites (admins; coordinators in their
 * département), booths (admins and coordinators in scope; facilitators rename their own MSAP's).
 * Each change and its audit event are one transaction. Names are unique case-insensitively within
 * their scope (a département, or an MSAP for booths); the check runs under a transaction-scoped
 * advisory lock on that scope, so two concurrent creations cannot both pass it.
 */
@Injectable()
export class DirectoryAdminService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly consultations: ConsultationReader,
  ) {}

  createAdministration(user: UserPrincipal, dto: CreateAdministrationDto): Promise<AdministrationEntity> {
    return this.dataSource.transaction(async (tx) => {
      await this.assertAdministrationNameFree(tx, dto.departement, dto.name, null);
      const created = await tx.save(
        tx.create(AdministrationEntity, { name: dto.name, departement: dto.departement, officeLatitude: dto.officeLatitude ?? null, officeLongitude: dto.officeLongitude ?? null }),
      );
      await this.record(tx, user, 'administration.created', 'administration', created.id, { name: created.name, departement: created.departement });
      return created;
    });
  }

  updateAdministration(user: UserPrincipal, id: string, dto: UpdateAdministrationDto): Promise<AdministrationEntity> {
    requireSomeField(dto, ['name', 'departement', 'officeLatitude', 'officeLongitude']);
    return this.dataSource.transaction(async (tx) => {
      const current = await tx.findOne(AdministrationEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new DomainError('NOT_FOUND', 'No such administration.');
      const next = {
        name: dto.name ?? current.name,
        departement: dto.departement ?? current.departement,
        // The DTO gives both halves or neither: a position changes as a whole.
        officeLatitude: dto.officeLatitude === undefined ? current.officeLatitude : dto.officeLatitude,
        officeLongitude: dto.officeLongitude === undefined ? current.officeLongitude : dto.officeLongitude,
      };
      const changes = diff(current, next);
      if (!changes) return current;
      await this.assertAdministrationNameFree(tx, next.departement, next.name, id);
      await tx.update(AdministrationEntity, id, next);
      await this.record(tx, user, 'administration.updated', 'administration', id, { changes });
      return { ...current, ...next };
    });
  }

  createSite(user: UserPrincipal, dto: CreateMsapSiteDto): Promise<MsapSiteEntity> {
    assertOwnDepartement(user, dto.departement);
    return this.dataSource.transaction(async (tx) => {
      await this.assertSiteNameFree(tx, dto.departement, dto.name, null);
      const created = await tx.save(tx.create(MsapSiteEntity, { ...dto, phone: dto.phone ?? null, latitude: dto.latitude ?? null, longitude: dto.longitude ?? null }));
      await this.record(tx, user, 'msap_site.created', 'msap_site', created.id, { name: created.name, departement: created.departement });
      return created;
    });
  }

  updateSite(user: UserPrincipal, id: string, dto: UpdateMsapSiteDto): Promise<MsapSiteEntity> {
    requireSomeField(dto, ['name', 'address', 'postalCode', 'city', 'departement', 'phone', 'latitude', 'longitude']);
    return this.dataSource.transaction(async (tx) => {
      const current = await tx.findOne(MsapSiteEntity, { where: { id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new DomainError('NOT_FOUND', 'No such MSAP site.');
      if (!canManageSite(user, current)) throw new DomainError('FORBIDDEN', 'This MSAP is outside your scope.');
      if (dto.departement !== undefined) assertOwnDepartement(user, dto.departement);
      const next = {
        name: dto.name ?? current.name,
        address: dto.address ?? current.address,
        postalCode: dto.postalCode ?? current.postalCode,
        city: dto.city ?? current.city,
        departement: dto.departement ?? current.departement,
        phone: dto.phone === undefined ? current.phone : dto.phone,
        latitude: dto.latitude === undefined ? current.latitude : dto.latitude,
        longitude: dto.longitude === undefined ? current.longitude : dto.longitude,
      };
      const changes = diff(current, next);
      if (!changes) return current;
      await this.assertSiteNameFree(tx, next.departement, next.name, id);
      await tx.update(MsapSiteEntity, id, next);
      await this.record(tx, user, 'msap_site.updated', 'msap_site', id, { changes });
      return { ...current, ...next };
    });
  }

  async createBooth(user: UserPrincipal, siteId: string, name: string): Promise<BoothEntity> {
    return this.dataSource.transaction(async (tx) => {
      const site = await tx.findOne(MsapSiteEntity, { where: { id: siteId } });
      if (!site) throw new DomainError('NOT_FOUND', 'No such MSAP site.');
      if (!canManageSite(user, site)) throw new DomainError('FORBIDDEN', 'This MSAP is outside your scope.');
      await this.assertBoothNameFree(tx, siteId, name, null);
      const created = await uniqueBoothName(() => tx.save(tx.create(BoothEntity, { msapSiteId: siteId, name, retiredAt: null })));
      await this.record(tx, user, 'booth.created', 'booth', created.id, { name, msapSiteId: siteId });
      return created;
    });
  }

  renameBooth(user: UserPrincipal, boothId: string, name: string): Promise<BoothEntity> {
    return this.dataSource.transaction(async (tx) => {
      const booth = await this.managedBoothForUpdate(tx, user, boothId);
      if (booth.name === name) return booth;
      await this.assertBoothNameFree(tx, booth.msapSiteId, name, boothId);
      await uniqueBoothName(() => tx.update(BoothEntity, boothId, { name }));
      await this.record(tx, user, 'booth.renamed', 'booth', boothId, { changes: { name: { from: booth.name, to: name } } });
      return { ...booth, name };
    });
  }

  /**
   * Takes a booth out of service. Refused while consultations are still booked on it ahead: they
   * must be moved or cancelled first (the citizens are told then). Its terminals are revoked; its
   * rows stay, so past consultations, terminals and audit entries keep their booth.
   */
  retireBooth(user: UserPrincipal, boothId: string): Promise<BoothEntity> {
    return this.dataSource.transaction(async (tx) => {
      // FOR UPDATE waits for bookings and pairings in flight (they hold the row FOR KEY SHARE), so
      // the count below sees them; later ones wait for this commit and then find the booth retired.
      const booth = await this.managedBoothForUpdate(tx, user, boothId);
      if (booth.retiredAt) throw new DomainError('BOOTH_RETIRED', 'This booth is already retired.', { boothId: ['ALREADY_RETIRED'] });
      const ahead = await this.consultations.countScheduledAhead(tx, boothId);
      if (ahead > 0) {
        throw new DomainError(
          'BOOTH_IN_USE',
          `This booth has ${ahead} scheduled consultation(s) to come: move or cancel them before retiring it.`,
          { boothId: ['BOOKINGS_AHEAD'] },
        );
      }
      const [[retired]] = (await tx.query(`UPDATE booths SET retired_at = now() WHERE id = $1 RETURNING retired_at AS "retiredAt"`, [boothId])) as [
        [{ retiredAt: Date }],
        number,
      ];
      const [revoked] = (await tx.query(
        `UPDATE devices SET revoked_at = now(), revoked_by_id = $2 WHERE booth_id = $1 AND revoked_at IS NULL RETURNING id`,
        [boothId, user.userId],
      )) as [Array<{ id: string }>, number];
      for (const device of revoked) {
        await this.record(tx, user, 'device.revoked', 'device', device.id, { reason: 'booth_retired', boothId });
      }
      // Codes handed out and not used yet end now: a reinstatement must not bring them back.
      await tx.query(`UPDATE pairing_codes SET expires_at = now() WHERE booth_id = $1 AND used_at IS NULL AND expires_at > now()`, [boothId]);
      await this.record(tx, user, 'booth.retired', 'booth', boothId, { name: booth.name, revokedDevices: revoked.length });
      return { ...booth, retiredAt: retired.retiredAt };
    });
  }

  /**
   * Puts a retired booth back in service (a retirement made by mistake, or a booth reopened): it can
   * be booked and paired again. Its terminals stay revoked: they must be paired anew.
   */
  reinstateBooth(user: UserPrincipal, boothId: string): Promise<BoothEntity> {
    return this.dataSource.transaction(async (tx) => {
      const booth = await this.managedBoothForUpdate(tx, user, boothId);
      if (!booth.retiredAt) throw new DomainError('CONFLICT', 'This booth is in service.', { boothId: ['IN_SERVICE'] });
      await tx.query(`UPDATE booths SET retired_at = NULL WHERE id = $1`, [boothId]);
      await this.record(tx, user, 'booth.reinstated', 'booth', boothId, { name: booth.name, retiredAt: booth.retiredAt.toISOString() });
      return { ...booth, retiredAt: null };
    });
  }

  private async managedBoothForUpdate(tx: EntityManager, user: UserPrincipal, boothId: string): Promise<BoothEntity> {
    const booth = await tx.findOne(BoothEntity, { where: { id: boothId }, lock: { mode: 'pessimistic_write' } });
    if (!booth) throw new DomainError('NOT_FOUND', 'No such booth.');
    const site = await tx.findOneOrFail(MsapSiteEntity, { where: { id: booth.msapSiteId } });
    if (!canManageSite(user, site)) throw new DomainError('FORBIDDEN', 'This booth belongs to another MSAP.');
    return booth;
  }

  private async assertAdministrationNameFree(tx: EntityManager, departement: string, name: string, exceptId: string | null): Promise<void> {
    if (await this.nameTaken(tx, 'administrations', 'departement', departement, name, exceptId)) {
      throw new DomainError('NAME_TAKEN', 'An administration of this département already has this name.', { name: ['NAME_TAKEN'] });
    }
  }

  private async assertSiteNameFree(tx: EntityManager, departement: string, name: string, exceptId: string | null): Promise<void> {
    if (await this.nameTaken(tx, 'msap_sites', 'departement', departement, name, exceptId)) {
      throw new DomainError('NAME_TAKEN', 'An MSAP of this département already has this name.', { name: ['NAME_TAKEN'] });
    }
  }

  private async assertBoothNameFree(tx: EntityManager, siteId: string, name: string, exceptId: string | null): Promise<void> {
    const taken = await this.nameTaken(tx, 'booths', 'msap_site_id', siteId, name, exceptId);
    if (taken === 'retired') {
      throw new DomainError('NAME_TAKEN', 'A retired booth of this MSAP has this name; its history keeps it.', { name: ['NAME_OF_RETIRED_BOOTH'] });
    }
    if (taken) throw new DomainError('NAME_TAKEN', 'A booth of this MSAP already has this name.', { name: ['NAME_TAKEN'] });
  }

  /** Whether another row of the scope has this name (case-insensitive); `'retired'` for a retired booth. */
  private async nameTaken(
    tx: EntityManager,
    table: 'administrations' | 'msap_sites' | 'booths',
    scopeColumn: 'departement' | 'msap_site_id',
    scope: string,
    name: string,
    exceptId: string | null,
  ): Promise<false | true | 'retired'> {
    await tx.query(`SELECT pg_advisory_xact_lock(hashtext($1))`, [`directory:${table}:${scope}`]);
    const retired = table === 'booths' ? 'retired_at IS NOT NULL' : 'false';
    const rows = (await tx.query(
      `SELECT ${retired} AS retired FROM ${table} WHERE ${scopeColumn} = $1 AND lower(name) = lower($2) AND id IS DISTINCT FROM $3::uuid LIMIT 1`,
      [scope, name, exceptId],
    )) as Array<{ retired: boolean }>;
    if (rows.length === 0) return false;
    return rows[0]!.retired ? 'retired' : true;
  }

  private record(tx: EntityManager, user: UserPrincipal, action: AuditAction, subjectType: string, subjectId: string, details: Record<string, unknown>) {
    return this.audit.record({ action, actorUserId: user.userId, subjectType, subjectId, details }, tx);
  }
}

/** Coordinators create and move sites only within their own département. */
function assertOwnDepartement(user: UserPrincipal, departement: string): void {
  if (user.role === 'admin') return;
  if (user.role !== 'coordinator' || user.departement !== departement) {
    throw new DomainError('FORBIDDEN', 'You may only manage MSAP sites of your own département.', { departement: ['OUTSIDE_SCOPE'] });
  }
}

function requireSomeField(dto: object, fields: string[]): void {
  if (fields.every((f) => (dto as Record<string, unknown>)[f] === undefined)) {
    throw new DomainError('VALIDATION_FAILED', `Give at least one of ${fields.join(', ')}.`, { [fields[0]!]: ['NOTHING_TO_CHANGE'] });
  }
}

function diff<T extends object>(current: T, next: Partial<T>): Changes | null {
  const changes: Changes = {};
  for (const [key, value] of Object.entries(next)) {
    const from = (current as Record<string, unknown>)[key];
    if (from !== value) changes[key] = { from, to: value };
  }
  return Object.keys(changes).length > 0 ? changes : null;
}

/** The unique (MSAP, name) index settles what the case-insensitive check cannot see: exact duplicates in a race. */
async function uniqueBoothName<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505') {
      throw new DomainError('NAME_TAKEN', 'A booth of this MSAP already has this name.', { name: ['NAME_TAKEN'] });
    }
    throw error;
  }
}
