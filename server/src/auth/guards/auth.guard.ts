import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../../common/errors/domain.error';
import { AuthService } from '../auth.service';
import { CSRF_HEADER } from '../cookies';
import { ALLOW_KEY, PUBLIC_KEY } from '../decorators/allow.decorator';
import { AuthenticatedRequest } from '../decorators/principal.decorator';
import { Principal } from '../principal';
import { Audience } from '../roles';
import { safeEqual } from '../tokens';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Global guard, default deny: a route is reachable only through @Public or @Allow. Authenticates the
 * session or device cookie, checks the audience, then the CSRF header on state-changing requests.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // WebSocket gateways authenticate in handleConnection.
    const targets = [context.getHandler(), context.getClass()];
    const isPublic = this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets) === true;
    const allowed = this.reflector.getAllAndOverride<Audience[] | undefined>(ALLOW_KEY, targets);
    if (!isPublic && !allowed) throw new DomainError('FORBIDDEN', 'This route is not open to anyone.');

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const principal = await this.authenticate(request, isPublic);
    if (principal) request.principal = principal;
    if (isPublic) return true;
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Authentication required.');

    const audience: Audience = principal.kind === 'device' ? 'device' : principal.role;
    if (!allowed!.includes(audience)) throw new DomainError('FORBIDDEN', 'You are not allowed to do this.');

    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers[CSRF_HEADER];
      if (typeof header !== 'string' || !safeEqual(header, principal.csrfToken)) {
        throw new DomainError('CSRF_MISMATCH', `Missing or wrong ${CSRF_HEADER} header.`);
      }
    }
    return true;
  }

  private async authenticate(request: AuthenticatedRequest, isPublic: boolean): Promise<Principal | null> {
    try {
      return await this.auth.authenticateCookies((request.cookies ?? {}) as Record<string, unknown>);
    } catch (error) {
      // A stale cookie must not lock anyone out of public routes such as the login itself.
      if (!isPublic) throw error;
      return null;
    }
  }
}
