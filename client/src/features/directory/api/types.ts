import type { Schemas } from '../../../api/schemas';

/** The directory as its management page reads it (the lib/directory types are what forms choose from). */
export type AdministrationRecord = Schemas['AdministrationView'];
export type AdministrationInput = Schemas['CreateAdministrationDto'];
export type AdministrationChange = Schemas['UpdateAdministrationDto'];
export type SiteRecord = Schemas['MsapSiteView'];
export type SiteInput = Schemas['CreateMsapSiteDto'];
export type BoothRecord = Schemas['BoothView'];
