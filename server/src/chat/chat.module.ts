import { Module } from '@nestjs/common';
import { ConsultationsModule } from '../consultations/consultations.module';
import { ChatRepository } from './chat.repository';
import { ChatService } from './chat.service';

/** The chat of a consultation's call: its messages are sent and read over signalling. */
@Module({
  imports: [ConsultationsModule],
  providers: [ChatRepository, ChatService],
  exports: [ChatService],
})
export class ChatModule {}
