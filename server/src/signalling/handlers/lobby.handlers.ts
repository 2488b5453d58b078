import { HandlerContext, HandlerTable, joined } from './handler';
import { TransportOpener } from './media.handlers';

const openTransports = async (ctx: HandlerContext, openTransport: TransportOpener) => ({
  recv: await openTransport(ctx, 'recv'),
  send: await openTransport(ctx, 'send'),
});

/**
 * Entering and leaving: the booth waits in the lobby until the agent admits it. `welcome` tells a
 * lobby member what is true for the agent (after the answer or before: the client takes either);
 * it never throws, so a failed reading does not turn an accepted join into an error.
 */
export const lobbyHandlers = (openTransport: TransportOpener, welcome: (ctx: HandlerContext) => Promise<void>): HandlerTable<'join' | 'admit' | 'leave' | 'end'> => ({
  async join(ctx, dto) {
    const joinedCall = await ctx.call.join(ctx.access, ctx.connection, dto.displayName);
    if (joinedCall.self.phase !== 'call') {
      await welcome(ctx);
      return joinedCall;
    }
    // NOTE: straight into the call (the agent, or anyone coming back after a drop): its transports
    // come with the answer, a round trip less before the remote picture.
    // They are a shortcut: if making them fails, the join still succeeds and the client asks for them.
    const transports = await openTransports(ctx, openTransport).catch(() => undefined);
    // Listed again after those awaits: see Call.othersThan.
    return { ...joinedCall, participants: ctx.call.othersThan(ctx.access.participantId), transports };
  },
  async admit(ctx, dto) {
    ctx.call.admit(joined(ctx), dto.participantId);
    return {};
  },
  async leave(ctx) {
    ctx.call.leave(joined(ctx));
    return {};
  },
  async end(ctx) {
    await ctx.call.end(joined(ctx));
    return {};
  },
});
