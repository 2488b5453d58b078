import { IsUUID } from 'class-validator';

export class RestartIceDto {
  @IsUUID('4')
  transportId!: string;
}
