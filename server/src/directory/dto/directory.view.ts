import { ApiProperty } from '@nestjs/swagger';

export class AdministrationView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ example: 'DDFIP du Loiret' })
  name!: string;

  @ApiProperty({ example: '45' })
  departement!: string;

  @ApiProperty()
  createdAt!: Date;
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

  @ApiProperty()
  createdAt!: Date;
}

export class BoothView {
  @ApiProperty({ format: 'uuid' })
  id!: string;

  @ApiProperty({ format: 'uuid' })
  msapSiteId!: string;

  @ApiProperty({ example: 'Cabine 1' })
  name!: string;

  @ApiProperty()
  createdAt!: Date;

  @ApiProperty({ type: Date, nullable: true, description: 'Set once the booth is retired: no new booking, no pairing, history kept' })
  retiredAt!: Date | null;
}
