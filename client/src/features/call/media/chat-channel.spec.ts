import type { ChatMessage, Req, Res } from '@shared/signalling/protocol';
import { SignallingRefusal, type SignallingSocket } from '../api/signalling-socket';
import { INITIAL_SNAPSHOT, type ChatState } from './call-state';
import { ChatChannel } from './chat-channel';

/** A server in memory: stores once per clientId, can refuse for rate or drop the connection. */
class FakeServer {
  readonly stored: ChatMessage[] = [];
  refuse: Array<'RATE_LIMITED' | 'DISCONNECTED'> = [];
  readonly socket = {
    request: async (method: string, data: unknown): Promise<unknown> => {
      if (method === 'chatHistory') return { messages: [...this.stored] } satisfies Res<'chatHistory'>;
      const refusal = this.refuse.shift();
      if (refusal) throw new SignallingRefusal(refusal, refusal);
      const { clientId, text } = data as Req<'chatSend'>;
      let message = this.stored.find((m) => m.clientId === clientId);
      if (!message) {
        message = { id: `id-${this.stored.length}`, clientId, text, senderRole: 'booth', senderName: 'Cabine', sentAt: new Date(Date.now() + this.stored.length).toISOString() };
        this.stored.push(message);
      }
      return { message } satisfies Res<'chatSend'>;
    },
  } as unknown as SignallingSocket;
}

describe('ChatChannel', () => {
  let server: FakeServer;
  let state: ChatState;
  let joined: boolean;
  let sut: ChatChannel;
  beforeEach(() => {
    server = new FakeServer();
    state = INITIAL_SNAPSHOT.chat;
    joined = true;
    sut = new ChatChannel({ socket: () => (joined ? server.socket : null), state: () => state, update: (chat) => (state = chat) });
  });

  it('refuses a bad text without sending it', async () => {
    expect(await sut.send('  \r\n ')).toBe('empty');
    expect(await sut.send('a\u0007')).toBe('control_characters');
    expect(server.stored).toEqual([]);
    expect(state.pending).toEqual([]);
  });

  it('sends, and the notification of its own message does not show it twice', async () => {
    expect(await sut.send(' Bonjour ')).toBeNull();
    sut.received(server.stored[0]!);
    expect(state.messages.map((m) => m.text)).toEqual(['Bonjour']);
    expect(state.pending).toEqual([]);
  });

  it('queues while reconnecting and sends after the join, in order, once; a lost answer is not stored twice', async () => {
    joined = false;
    await sut.send('un');
    await sut.send('deux');
    expect(state.pending.map((p) => p.text)).toEqual(['un', 'deux']);
    // Connected again, "trois" goes but its answer is lost with the connection: it stays pending.
    joined = true;
    server.refuse = ['DISCONNECTED'];
    await sut.send('trois');
    expect(state.pending.map((p) => p.text)).toEqual(['un', 'deux', 'trois']);
    await sut.joined(server.socket);
    expect(server.stored.map((m) => m.text)).toEqual(['un', 'deux', 'trois']);
    expect(state).toMatchObject({ pending: [], loaded: true });
    expect(state.messages.map((m) => m.text)).toEqual(['un', 'deux', 'trois']);
    // The next join's history changes nothing.
    await sut.joined(server.socket);
    expect(state.messages).toHaveLength(3);
  });

  it('a message stored whose answer was lost is taken from the history, not sent again', async () => {
    server.stored.push({ id: 'x', clientId: 'c1', text: 'déjà là', senderRole: 'booth', senderName: 'Cabine', sentAt: new Date().toISOString() });
    state = { ...state, pending: [{ clientId: 'c1', text: 'déjà là' }] };
    await sut.joined(server.socket);
    expect(state.pending).toEqual([]);
    expect(server.stored).toHaveLength(1);
  });

  it('a queued message refused for its rate is tried again, not lost; a typed one is given back', async () => {
    state = { ...state, pending: [{ clientId: 'q1', text: 'en attente' }] };
    server.refuse = ['RATE_LIMITED'];
    await sut.joined(server.socket);
    expect(server.stored.map((m) => m.text)).toEqual(['en attente']);
    server.refuse = ['RATE_LIMITED'];
    expect(await sut.send('trop vite')).toBe('RATE_LIMITED');
    expect(state.pending).toEqual([]);
  });
});
