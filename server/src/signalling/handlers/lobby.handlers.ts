import { AdmitParticipantDto } from '../dto/admit-participant.dto';
import { EmptyDto } from '../dto/empty.dto';
import { JoinCallDto } from '../dto/join-call.dto';
import { validateRequest } from '../validate-request';
import { HandlerTable, joined } from './handler';

/** Entering and leaving: the booth waits in the lobby until the agent admits it. */
export const lobbyHandlers: HandlerTable<'join' | 'admit' | 'leave' | 'end'> = {
  async join(ctx, data) {
    const dto = await validateRequest(JoinCallDto, data);
    return ctx.call.join(ctx.access, ctx.connection, dto.displayName);
  },
  async admit(ctx, data) {
    const dto = await validateRequest(AdmitParticipantDto, data);
    ctx.call.admit(joined(ctx), dto.participantId);
    return {};
  },
  async leave(ctx, data) {
    await validateRequest(EmptyDto, data);
    ctx.call.leave(joined(ctx));
    return {};
  },
  async end(ctx, data) {
    await validateRequest(EmptyDto, data);
    ctx.call.end(joined(ctx));
    return {};
  },
};
