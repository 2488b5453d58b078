import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { StatsFilters } from '../../../shared/stats/indicators';
import { UserPrincipal } from '../auth/principal';
import { DomainError, fieldError } from '../common/errors/domain.error';
import { DEPARTEMENT } from '../directory/dto/directory-fields';

type Filter = keyof Omit<StatsFilters, 'from' | 'to'>;

/**
 * What a viewer's statistics cover once their rights are applied: the effective filters (a
 * coordinator's département, a facilitator's site and an agent's own id filled in) and the France
 * Services sites and booths they reach. The queries and the exports read only this.
 */
export interface StatsScope {
  filters: Omit<StatsFilters, 'from' | 'to'>;
  /** The sites of the scope (département and site filters applied), by name. */
  sites: Array<{ id: string; name: string; departement: string }>;
  /** Their booths, retired ones included (their past consultations count). */
  booths: Array<{ id: string; siteId: string; retiredAt: Date | null }>;
  /** Whether the consultations must be narrowed to `booths` (false: every site of the country). */
  bySite: boolean;
}

interface Reference {
  id: string;
  departement: string;
  administrationId?: string | null;
}

const outside = (field: Filter, message: string) => new DomainError('OUTSIDE_SCOPE', message, fieldError(field, 'OUTSIDE_SCOPE'));
const unknown = (field: Filter, what: string) => new DomainError('VALIDATION_FAILED', `${field}: no such ${what}.`, fieldError(field, 'UNKNOWN'));

/**
 * The viewer's rights on the statistics (issue 15): admins see everything; coordinators their
 * département (theirs by default); facilitators their France Services site; agents their own
 * figures. A filter outside those rights is refused (403 OUTSIDE_SCOPE), never answered with an
 * empty report that would read as « nothing happened »; an id that names nothing is a 422 UNKNOWN.
 */
@Injectable()
export class StatsScopeResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async resolve(user: UserPrincipal, asked: Omit<StatsFilters, 'from' | 'to'>): Promise<StatsScope> {
    const filters = checkedShape(asked);
    const refs = await this.references(filters, user);
    const own = refs.ownAgent;

    if (filters.siteId && !refs.site) throw unknown('siteId', 'France Services site');
    if (filters.administrationId && !refs.administration) throw unknown('administrationId', 'administration');
    if (filters.consultationTypeId && !refs.type) throw unknown('consultationTypeId', 'consultation type');
    if (filters.agentId && !refs.agent) throw unknown('agentId', 'agent');

    switch (user.role) {
      case 'admin':
        break;
      case 'coordinator': {
        if (!user.departement) throw outside('departement', 'This coordinator account has no département.');
        if (filters.departement && filters.departement !== user.departement) throw outside('departement', 'A coordinator sees the figures of their own département only.');
        filters.departement = user.departement;
        this.checkDirectory(refs, user.departement);
        break;
      }
      case 'facilitator': {
        const site = refs.ownSite;
        if (!site) throw outside('siteId', 'This facilitator account has no France Services site.');
        if (filters.siteId && filters.siteId !== site.id) throw outside('siteId', 'A facilitator sees the figures of their own France Services site only.');
        if (filters.departement && filters.departement !== site.departement) throw outside('departement', 'A facilitator sees the figures of their own France Services site only.');
        filters.siteId = site.id;
        this.checkDirectory(refs, site.departement);
        break;
      }
      case 'agent': {
        if (!own) throw outside('agentId', 'This account has no agent profile.');
        if (filters.agentId && filters.agentId !== own.id) throw outside('agentId', 'An agent sees their own figures only.');
        filters.agentId = own.id;
        if (refs.administration && refs.administration.id !== own.administrationId) throw outside('administrationId', 'An agent sees their own administration only.');
        if (refs.type && refs.type.administrationId !== own.administrationId) throw outside('consultationTypeId', 'An agent sees the types of their own administration only.');
        break;
      }
    }

    const [sites, booths] = await Promise.all([
      this.dataSource.query(
        `SELECT id, name, departement FROM msap_sites
          WHERE ($1::varchar IS NULL OR departement = $1) AND ($2::uuid IS NULL OR id = $2) ORDER BY name, id`,
        [filters.departement ?? null, filters.siteId ?? null],
      ) as Promise<StatsScope['sites']>,
      this.dataSource.query(
        `SELECT b.id, b.msap_site_id AS "siteId", b.retired_at AS "retiredAt" FROM booths b JOIN msap_sites s ON s.id = b.msap_site_id
          WHERE ($1::varchar IS NULL OR s.departement = $1) AND ($2::uuid IS NULL OR s.id = $2)`,
        [filters.departement ?? null, filters.siteId ?? null],
      ) as Promise<StatsScope['booths']>,
    ]);
    return { filters, sites, booths, bySite: filters.departement !== undefined || filters.siteId !== undefined };
  }

  /** Coordinators and facilitators: the site, administration, type and agent filters must lie in `departement`. */
  private checkDirectory(refs: References, departement: string): void {
    if (refs.site && refs.site.departement !== departement) throw outside('siteId', 'This France Services site is outside your département.');
    if (refs.administration && refs.administration.departement !== departement) throw outside('administrationId', 'This administration is outside your département.');
    if (refs.type && refs.type.departement !== departement) throw outside('consultationTypeId', 'This consultation type is outside your département.');
    if (refs.agent && refs.agent.departement !== departement) throw outside('agentId', 'This agent is outside your département.');
  }

  /** Every id the filters and the viewer name, read in one round trip. */
  private async references(filters: Omit<StatsFilters, 'from' | 'to'>, user: UserPrincipal): Promise<References> {
    const [row] = (await this.dataSource.query(
      `SELECT
         (SELECT json_build_object('id', id, 'departement', departement) FROM msap_sites WHERE id = $1::uuid) AS site,
         (SELECT json_build_object('id', id, 'departement', departement) FROM administrations WHERE id = $2::uuid) AS administration,
         (SELECT json_build_object('id', t.id, 'departement', ad.departement, 'administrationId', t.administration_id)
            FROM consultation_types t JOIN administrations ad ON ad.id = t.administration_id WHERE t.id = $3::uuid) AS type,
         (SELECT json_build_object('id', a.id, 'departement', ad.departement, 'administrationId', a.administration_id)
            FROM agents a JOIN administrations ad ON ad.id = a.administration_id WHERE a.id = $4::uuid) AS agent,
         (SELECT json_build_object('id', a.id, 'departement', ad.departement, 'administrationId', a.administration_id)
            FROM agents a JOIN administrations ad ON ad.id = a.administration_id WHERE a.user_id = $5::uuid) AS "ownAgent",
         (SELECT json_build_object('id', id, 'departement', departement) FROM msap_sites WHERE id = $6::uuid) AS "ownSite"`,
      [
        filters.siteId ?? null,
        filters.administrationId ?? null,
        filters.consultationTypeId ?? null,
        filters.agentId ?? null,
        user.role === 'agent' ? user.userId : null,
        user.role === 'facilitator' ? user.msapSiteId : null,
      ],
    )) as References[];
    return row!;
  }
}

interface References {
  site: Reference | null;
  administration: Reference | null;
  type: Reference | null;
  agent: Reference | null;
  ownAgent: Reference | null;
  ownSite: Reference | null;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const FILTERS: Filter[] = ['departement', 'siteId', 'administrationId', 'consultationTypeId', 'agentId'];

/**
 * The filters given, empty ones left out, each of the right shape: the HTTP DTOs check it already,
 * but the exports and the public page call the service directly (a bad id must be a 422, not a
 * PostgreSQL error).
 */
function checkedShape(filters: Omit<StatsFilters, 'from' | 'to'>): Omit<StatsFilters, 'from' | 'to'> {
  const out: Omit<StatsFilters, 'from' | 'to'> = {};
  for (const key of FILTERS) {
    const value = filters[key];
    if (value === undefined || value === '') continue;
    if (key === 'departement' ? !DEPARTEMENT.test(value) : !UUID.test(value)) {
      throw new DomainError('VALIDATION_FAILED', `${key} is malformed.`, fieldError(key, key === 'departement' ? 'INVALID_DEPARTEMENT' : 'INVALID_ID'));
    }
    out[key] = value;
  }
  return out;
}
