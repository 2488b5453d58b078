import { ApiProperty } from '@nestjs/swagger';
import { CitizenMessageView } from './citizen-message.view';

/** What cancelling a consultation with this reason would tell its citizen, before it is done. */
export class CancellationNoticeView {
  @ApiProperty()
  citizenName!: string;

  @ApiProperty({
    type: [CitizenMessageView],
    description: 'The SMS and/or e-mail exactly as they would be written; a single `call` when neither can reach the citizen (the reason is then told by phone)',
  })
  messages!: CitizenMessageView[];
}
