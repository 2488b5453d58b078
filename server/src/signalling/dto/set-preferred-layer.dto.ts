import { IsIn, IsUUID } from 'class-validator';

export class SetPreferredLayerDto {
  @IsUUID('4')
  consumerId!: string;

  @IsIn([0, 1, 2], { message: 'spatialLayer must be 0, 1 or 2' })
  spatialLayer!: 0 | 1 | 2;
}
