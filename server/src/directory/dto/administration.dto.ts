import { DepartementField, TextField } from './directory-fields';

export class CreateAdministrationDto {
  @TextField('name', 120, { example: 'DDFIP du Loiret' })
  name!: string;

  @DepartementField()
  departement!: string;
}

export class UpdateAdministrationDto {
  @TextField('name', 120, { optional: true, example: 'DDFIP du Loiret' })
  name?: string;

  @DepartementField({ optional: true })
  departement?: string;
}
