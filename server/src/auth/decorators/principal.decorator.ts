import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { DomainError } from '../../common/errors/domain.error';
import { Principal, UserPrincipal } from '../principal';

export type AuthenticatedRequest = Request & { principal?: Principal; id?: string };

/** The caller, as authenticated by the AuthGuard. */
export const CurrentPrincipal = createParamDecorator((_: unknown, ctx: ExecutionContext): Principal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (!principal) throw new DomainError('UNAUTHENTICATED', 'Authentication required.');
  return principal;
});

/** The caller when the route is open to accounts only. */
export const CurrentUser = createParamDecorator((_: unknown, ctx: ExecutionContext): UserPrincipal => {
  const principal = ctx.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal?.kind !== 'user') throw new DomainError('UNAUTHENTICATED', 'Sign in with an account.');
  return principal;
});
