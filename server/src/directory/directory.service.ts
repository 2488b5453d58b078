import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { UserPrincipal } from '../auth/principal';
import { DomainError } from '../common/errors/domain.error';
import { AdministrationEntity } from './entities/administration.entity';
import { BoothEntity } from './entities/booth.entity';
import { MsapSiteEntity } from './entities/msap-site.entity';
import { canManageSite, visibleAdministrations } from './site-access';

@Injectable()
export class DirectoryService {
  constructor(
    @InjectRepository(AdministrationEntity) private readonly administrations: Repository<AdministrationEntity>,
    @InjectRepository(MsapSiteEntity) private readonly sites: Repository<MsapSiteEntity>,
    @InjectRepository(BoothEntity) private readonly booths: Repository<BoothEntity>,
  ) {}

  listAdministrations(user: UserPrincipal): Promise<AdministrationEntity[]> {
    const scope = visibleAdministrations(user, 1);
    return this.administrations.query(
      `SELECT ad.id, ad.name, ad.departement, ad.office_latitude AS "officeLatitude", ad.office_longitude AS "officeLongitude", ad.created_at AS "createdAt"
         FROM administrations ad WHERE ${scope.sql} ORDER BY ad.name`,
      scope.params,
    );
  }

  /** Sites the caller may work with; agents see every site (they consult for any of them). */
  async listSites(user: UserPrincipal): Promise<MsapSiteEntity[]> {
    const all = await this.sites.find({ order: { name: 'ASC' } });
    return user.role === 'agent' ? all : all.filter((site) => canManageSite(user, site));
  }

  /** The MSAP's booths in service; with `includeRetired`, the retired ones too (the directory page). */
  async listBooths(user: UserPrincipal, siteId: string, includeRetired = false): Promise<BoothEntity[]> {
    await this.getManagedSite(user, siteId);
    return this.booths.find({ where: { msapSiteId: siteId, ...(includeRetired ? {} : { retiredAt: IsNull() }) }, order: { name: 'ASC' } });
  }

  /** The booth with its site, once the caller is known to manage that site. */
  async getManagedBooth(user: UserPrincipal, boothId: string): Promise<BoothEntity & { msapSite: MsapSiteEntity }> {
    const booth = await this.booths.findOne({ where: { id: boothId }, relations: { msapSite: true } });
    if (!booth || !booth.msapSite) throw new DomainError('NOT_FOUND', 'No such booth.');
    if (!canManageSite(user, booth.msapSite)) throw new DomainError('FORBIDDEN', 'This booth belongs to another MSAP.');
    return booth as BoothEntity & { msapSite: MsapSiteEntity };
  }

  private async getManagedSite(user: UserPrincipal, siteId: string): Promise<MsapSiteEntity> {
    const site = await this.sites.findOne({ where: { id: siteId } });
    if (!site) throw new DomainError('NOT_FOUND', 'No such MSAP site.');
    if (!canManageSite(user, site)) throw new DomainError('FORBIDDEN', 'This MSAP is outside your scope.');
    return site;
  }
}
