import { CoordinateField, DepartementField, PostalCodeField, SitePhoneField, TextField } from './directory-fields';

export class CreateMsapSiteDto {
  @TextField('name', 120, { example: 'France Services de Pithiviers' })
  name!: string;

  @TextField('address', 200, { example: '2 rue de la Couronne' })
  address!: string;

  @PostalCodeField()
  postalCode!: string;

  @TextField('city', 120, { example: 'Pithiviers' })
  city!: string;

  /** Coordinators may only give their own. */
  @DepartementField()
  departement!: string;

  @SitePhoneField()
  phone?: string | null;

  @CoordinateField('latitude', 'longitude', 'latitude', 48.1719)
  latitude?: number | null;

  @CoordinateField('longitude', 'latitude', 'longitude', 2.2519)
  longitude?: number | null;
}

export class UpdateMsapSiteDto {
  @TextField('name', 120, { optional: true })
  name?: string;

  @TextField('address', 200, { optional: true })
  address?: string;

  @PostalCodeField({ optional: true })
  postalCode?: string;

  @TextField('city', 120, { optional: true })
  city?: string;

  @DepartementField({ optional: true })
  departement?: string;

  @SitePhoneField()
  phone?: string | null;

  @CoordinateField('latitude', 'longitude', 'latitude', 48.1719)
  latitude?: number | null;

  @CoordinateField('longitude', 'latitude', 'longitude', 2.2519)
  longitude?: number | null;
}
