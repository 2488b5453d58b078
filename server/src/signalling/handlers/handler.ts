import { CallAccess } from '../call-access.service';
import { Call, Member } from '../call';
import { SignallingConnection } from '../connection';
import { Method, RequestMap } from '../../../../shared/signalling/protocol';
import { SignallingError } from '../signalling-error';
import type { RequestDto } from '../dto/request-dtos';

export interface HandlerContext {
  call: Call;
  access: CallAccess;
  connection: SignallingConnection;
}

/** Serves one request, its data already validated against the method's DTO (see REQUEST_DTOS). */
export type Handler<M extends Method> = (ctx: HandlerContext, request: RequestDto<M>) => Promise<RequestMap[M]['res']>;
export type HandlerTable<K extends Method> = { [M in K]: Handler<M> };

/** Every request but join needs the caller to have joined on this socket. */
export function joined(ctx: HandlerContext): Member {
  const member = ctx.call.member(ctx.connection);
  if (!member) throw new SignallingError('NOT_JOINED', 'Send "join" first.');
  return member;
}
