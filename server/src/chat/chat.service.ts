import { Injectable, OnModuleInit } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { ConsultationEvent, ConsultationEvents } from '../consultations/consultation-events';
import type { ChatMessage } from '../../../shared/signalling/protocol';
import { ChatRepository, NewChatMessage } from './chat.repository';

/** The consultation's chat, stored with it and erased with its citizen's data. */
@Injectable()
export class ChatService implements OnModuleInit {
  constructor(
    private readonly repository: ChatRepository,
    private readonly events: ConsultationEvents,
  ) {}

  onModuleInit(): void {
    // Erased in the retention sweep's transaction, with the citizen's name and notes: the chat is
    // where a citizen says who they are and what their situation is.
    this.events.subscribe({
      onConsultationEvent: async (tx: EntityManager, event: ConsultationEvent) => {
        if (event.type === 'citizen_erased') await this.repository.deleteFor(tx, event.consultationIds);
      },
    });
  }

  /** `text` already normalised (normaliseChatText). */
  send(message: NewChatMessage): Promise<{ message: ChatMessage; created: boolean }> {
    return this.repository.insertOnce(message);
  }

  /** A message already stored (a resend), looked up without storing anything. */
  find(message: NewChatMessage): Promise<ChatMessage | null> {
    return this.repository.find(message);
  }

  history(consultationId: string): Promise<ChatMessage[]> {
    return this.repository.history(consultationId);
  }
}
