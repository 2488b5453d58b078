import { IsUUID } from 'class-validator';

export class CloseProducerDto {
  @IsUUID('4')
  producerId!: string;
}
