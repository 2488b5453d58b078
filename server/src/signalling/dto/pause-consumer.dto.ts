import { ResumeConsumerDto } from './resume-consumer.dto';

/** The same one field as resuming: which of the caller's consumers. */
export class PauseConsumerDto extends ResumeConsumerDto {}
