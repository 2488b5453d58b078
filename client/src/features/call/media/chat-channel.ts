import type { ChatMessage } from '@shared/signalling/protocol';
import { normaliseChatText, type ChatTextProblem } from '@shared/chat/chat-text';
import { SignallingRefusal, type SignallingSocket } from '../api/signalling-socket';
import type { ChatState } from './call-state';

/** Why a message was not sent: a problem of its text, too many messages at once, or a refusal. */
export type ChatSendError = ChatTextProblem | 'RATE_LIMITED' | 'FAILED';

/** A queued message refused for its rate is tried again after this pause (the server's window is seconds). */
const QUEUE_RETRY_MS = 1000;

/** Answers meaning "not now": the message stays queued and goes after the next join. */
const NOT_NOW = new Set(['DISCONNECTED', 'NOT_JOINED']);

export interface ChatChannelDeps {
  /** The socket to send on, when joined on it (null while connecting or reconnecting). */
  socket(): SignallingSocket | null;
  state(): ChatState;
  update(chat: ChatState): void;
}

/** Oldest first; the server's clock orders them, the id breaks ties the same way everywhere. */
const byTime = (a: ChatMessage, b: ChatMessage) => a.sentAt.localeCompare(b.sentAt) || a.id.localeCompare(b.id);

/**
 * The call's chat, on the client: sends with a client-chosen id, so that a message whose answer
 * was lost with the connection is sent again after the reconnection without being stored twice;
 * reads the history after every join and merges it with what it has (nothing shown disappears).
 */
export class ChatChannel {
  /** The socket whose queue is being sent (a flush on an older one stops at its next step). */
  private flushingOn: SignallingSocket | null = null;

  constructor(private readonly deps: ChatChannelDeps) {}

  /** After a join on `socket`: what was missed, then what waited to be sent. */
  async joined(socket: SignallingSocket): Promise<void> {
    try {
      const { messages } = await socket.request('chatHistory', {});
      this.merge(messages, true);
    } catch {
      return; // the connection went again: the next join reads it
    }
    await this.flush(socket);
  }

  received(message: ChatMessage): void {
    this.merge([message]);
  }

  /** Resolves with null once sent or queued (shown as waiting), else with why not (the text was not kept). */
  async send(raw: string): Promise<ChatSendError | null> {
    const normalised = normaliseChatText(raw);
    if ('problem' in normalised) return normalised.problem;
    const message = { clientId: crypto.randomUUID(), text: normalised.text };
    this.patch({ pending: [...this.deps.state().pending, message] });
    const socket = this.deps.socket();
    if (!socket) return null;
    try {
      this.merge([(await socket.request('chatSend', message)).message]);
      return null;
    } catch (error) {
      const code = error instanceof SignallingRefusal ? error.code : 'FAILED';
      if (NOT_NOW.has(code)) return null;
      this.patch({ pending: this.deps.state().pending.filter((p) => p.clientId !== message.clientId) });
      return code === 'RATE_LIMITED' ? 'RATE_LIMITED' : 'FAILED';
    }
  }

  /** Sends what waited, in order; a rate refusal waits and tries again, for these were already promised. */
  private async flush(socket: SignallingSocket): Promise<void> {
    if (this.flushingOn === socket) return;
    this.flushingOn = socket;
    try {
      // Read again each time: messages written meanwhile join the queue's end.
      const tried = new Set<string>();
      for (;;) {
        const message = this.deps.state().pending.find((p) => !tried.has(p.clientId));
        if (!message || this.flushingOn !== socket) return;
        tried.add(message.clientId);
        for (;;) {
          try {
            this.merge([(await socket.request('chatSend', message)).message]);
            break;
          } catch (error) {
            const code = error instanceof SignallingRefusal ? error.code : 'FAILED';
            if (NOT_NOW.has(code)) return;
            if (code !== 'RATE_LIMITED') {
              // Refused for good (it cannot be: it was checked before queuing): not tried for ever.
              this.patch({ pending: this.deps.state().pending.filter((p) => p.clientId !== message.clientId) });
              break;
            }
            await new Promise((r) => setTimeout(r, QUEUE_RETRY_MS));
          }
        }
      }
    } finally {
      if (this.flushingOn === socket) this.flushingOn = null;
    }
  }

  /** Adds messages not there yet; ours among them are no longer pending. */
  private merge(messages: ChatMessage[], loaded = false): void {
    const { messages: current, pending } = this.deps.state();
    const known = new Set(current.map((m) => m.id));
    const added = messages.filter((m) => !known.has(m.id));
    const stored = new Set(messages.map((m) => m.clientId));
    const stillPending = pending.filter((p) => !stored.has(p.clientId));
    if (added.length === 0 && stillPending.length === pending.length && (!loaded || this.deps.state().loaded)) return;
    this.patch({ messages: [...current, ...added].sort(byTime), pending: stillPending, ...(loaded ? { loaded: true } : {}) });
  }

  private patch(change: Partial<ChatState>): void {
    this.deps.update({ ...this.deps.state(), ...change });
  }
}
