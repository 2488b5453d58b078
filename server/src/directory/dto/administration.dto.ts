import { CoordinateField, DepartementField, TextField } from './directory-fields';

export class CreateAdministrationDto {
  @TextField('name', 120, { example: 'DDFIP du Loiret' })
  name!: string;

  @DepartementField()
  departement!: string;

  @CoordinateField('officeLatitude', 'officeLongitude', 'latitude', 47.9029)
  officeLatitude?: number | null;

  @CoordinateField('officeLongitude', 'officeLatitude', 'longitude', 1.9093)
  officeLongitude?: number | null;
}

export class UpdateAdministrationDto {
  @TextField('name', 120, { optional: true, example: 'DDFIP du Loiret' })
  name?: string;

  @DepartementField({ optional: true })
  departement?: string;

  @CoordinateField('officeLatitude', 'officeLongitude', 'latitude', 47.9029)
  officeLatitude?: number | null;

  @CoordinateField('officeLongitude', 'officeLatitude', 'longitude', 1.9093)
  officeLongitude?: number | null;
}
