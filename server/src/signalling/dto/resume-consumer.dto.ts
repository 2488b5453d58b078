import { IsUUID } from 'class-validator';

export class ResumeConsumerDto {
  @IsUUID('4')
  consumerId!: string;
}
