import { IsString, IsUUID, MaxLength } from 'class-validator';
import { CHAT_MAX_LENGTH, type Req } from '../../../../shared/signalling/protocol';

export class ChatSendDto implements Req<'chatSend'> {
  @IsUUID('all', { message: 'clientId must be a UUID' })
  clientId!: string;

  // The exact rule (trimmed, line ends, control characters, characters not UTF-16 units) is
  // normaliseChatText's, in the handler; this bound only keeps absurd sizes out of it.
  @IsString()
  @MaxLength(CHAT_MAX_LENGTH * 4, { message: `text must be at most ${CHAT_MAX_LENGTH} characters` })
  text!: string;
}
