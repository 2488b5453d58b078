import { ApiProperty } from '@nestjs/swagger';
import { toParisIso } from '../../common/time/paris-time';

export class AdministrationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'DDFIP du Loiret' })
  name!: string;

  @ApiProperty({ example: '45' })
  departement!: string;

  @ApiProperty({ type: Number, nullable: true, example: 47.9029, description: "The office's latitude in decimal degrees (WGS 84); null when not given" })
  officeLatitude!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 1.9093, description: "The office's longitude in decimal degrees (WGS 84); null when not given" })
  officeLongitude!: number | null;

  @ApiProperty({ example: '2026-03-30T09:30:00+02:00' })
  createdAt!: string;
}

export class MsapSiteView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'France Services de Pithiviers' })
  name!: string;

  @ApiProperty({ example: '2 rue de la Couronne' })
  address!: string;

  @ApiProperty({ example: '45300' })
  postalCode!: string;

  @ApiProperty({ example: 'Pithiviers' })
  city!: string;

  @ApiProperty({ example: '45' })
  departement!: string;

  @ApiProperty({ type: String, nullable: true, example: '+33238301234', description: 'E.164; null when unknown' })
  phone!: string | null;

  @ApiProperty({ type: Number, nullable: true, example: 48.1719, description: 'Latitude in decimal degrees (WGS 84); null when not given' })
  latitude!: number | null;

  @ApiProperty({ type: Number, nullable: true, example: 2.2519, description: 'Longitude in decimal degrees (WGS 84); null when not given' })
  longitude!: number | null;

  @ApiProperty({ example: '2026-03-30T09:30:00+02:00' })
  createdAt!: string;
}

export class BoothView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  msapSiteId!: string;

  @ApiProperty({ example: 'Cabine 1' })
  name!: string;

  @ApiProperty({ example: '2026-03-30T09:30:00+02:00' })
  createdAt!: string;

  @ApiProperty({ type: String, nullable: true, example: '2026-03-30T09:30:00+02:00', description: 'Set once the booth is retired: no new booking, no pairing, history kept' })
  retiredAt!: string | null;
}

/** What the API answers, whatever the row carries besides (relations): instants with their Paris offset. */
export const toAdministrationView = (a: {
  id: string;
  name: string;
  departement: string;
  officeLatitude: number | null;
  officeLongitude: number | null;
  createdAt: Date;
}): AdministrationView => ({
  id: a.id,
  name: a.name,
  departement: a.departement,
  officeLatitude: a.officeLatitude,
  officeLongitude: a.officeLongitude,
  createdAt: toParisIso(a.createdAt),
});

export const toSiteView = (s: {
  id: string;
  name: string;
  address: string;
  postalCode: string;
  city: string;
  departement: string;
  phone: string | null;
  latitude: number | null;
  longitude: number | null;
  createdAt: Date;
}): MsapSiteView => ({
  id: s.id,
  name: s.name,
  address: s.address,
  postalCode: s.postalCode,
  city: s.city,
  departement: s.departement,
  phone: s.phone,
  latitude: s.latitude,
  longitude: s.longitude,
  createdAt: toParisIso(s.createdAt),
});

export const toBoothView = (b: { id: string; msapSiteId: string; name: string; createdAt: Date; retiredAt: Date | null }): BoothView => ({
  id: b.id,
  msapSiteId: b.msapSiteId,
  name: b.name,
  createdAt: toParisIso(b.createdAt),
  retiredAt: b.retiredAt ? toParisIso(b.retiredAt) : null,
});
