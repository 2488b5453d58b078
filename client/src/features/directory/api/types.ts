/** The directory as its management page reads it (the lib/directory types are what forms choose from). */
export interface AdministrationRecord {
  id: string;
  name: string;
  departement: string;
}

export interface SiteRecord {
  id: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  departement: string;
}

export type SiteInput = Omit<SiteRecord, 'id'>;

export interface BoothRecord {
  id: string;
  msapSiteId: string;
  name: string;
  /** Set once retired: no new booking or pairing, history kept. */
  retiredAt: string | null;
}
