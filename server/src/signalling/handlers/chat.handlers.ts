import { isUUID } from 'class-validator';
import { ChatService } from '../../chat/chat.service';
import { ChatFloodGuard, CHAT_BURST, CHAT_WINDOW_MS } from '../../chat/chat-flood-guard';
import { normaliseChatText, ChatTextProblem } from '../../../../shared/chat/chat-text';
import { CHAT_MAX_LENGTH } from '../../../../shared/signalling/protocol';
import { SignallingError } from '../signalling-error';
import { HandlerContext, HandlerTable, joined } from './handler';

const PROBLEMS: Record<ChatTextProblem, string> = {
  empty: 'text is empty.',
  too_long: `text is longer than ${CHAT_MAX_LENGTH} characters.`,
  control_characters: 'text contains control characters (only line feeds are allowed).',
};

/** A pre-call check's room is nobody's consultation: it has no chat to store. */
const consultationOf = (ctx: HandlerContext): string => {
  if (!isUUID(ctx.call.consultationId)) throw new SignallingError('FORBIDDEN', 'A pre-call check has no chat.');
  return ctx.call.consultationId;
};

/**
 * The consultation's chat, for everyone who joined, lobby included: a deaf citizen can say so
 * before the agent lets them in. Text is plain text; the clients never interpret it as HTML.
 */
export function chatHandlers(chat: ChatService, guard = new ChatFloodGuard()): HandlerTable<'chatSend' | 'chatHistory'> {
  return {
    async chatSend(ctx, dto) {
      const member = joined(ctx);
      const consultationId = consultationOf(ctx);
      const normalised = normaliseChatText(dto.text);
      if ('problem' in normalised) throw new SignallingError('VALIDATION_FAILED', PROBLEMS[normalised.problem]);
      const { access } = member;
      // NOTE: a resend (same clientId) is answered from the table before the rate is checked: a
      // client flushing its queue after a reconnection must get its acknowledgements, not refusals.
      const message = { consultationId, senderId: access.participantId, clientId: dto.clientId, senderRole: access.role, senderName: access.displayName, text: normalised.text };
      if (!guard.allow(ctx.call, access.participantId)) {
        const resent = await chat.find(message);
        if (resent) return { message: resent };
        throw new SignallingError('RATE_LIMITED', `At most ${CHAT_BURST} messages every ${CHAT_WINDOW_MS / 1000} seconds.`);
      }
      const stored = await chat.send(message);
      if (stored.created) ctx.call.notifyAll('chatMessage', stored.message);
      return { message: stored.message };
    },
    async chatHistory(ctx) {
      joined(ctx);
      return { messages: await chat.history(consultationOf(ctx)) };
    },
  };
}
