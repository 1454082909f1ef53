import { HttpStatus, Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { sessionIdFrom } from '../sessions/session-cookie';
import { IS_PUBLIC } from './public.decorator';

export const CSRF_HEADER = 'X-CSRF-TOKEN';
const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * GWS CSRF protection: a state-changing request must carry the session's token in `X-CSRF-TOKEN` and come with the
 * session cookie itself. Runs after authentication.
 */
@Injectable()
export class CsrfGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request & { user?: GwsPrincipal }>();
    if (!this.config.csrfEnabled || !UNSAFE_METHODS.has(request.method)) return true;
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [context.getHandler(), context.getClass()])) return true;
    const principal = request.user;
    const token = request.header(CSRF_HEADER);
    if (principal === undefined || sessionIdFrom(request) !== principal.sessionId || token !== principal.csrfToken) {
      throw new GwsException(GwsStatus.Forbidden, 'Missing or invalid Csrf token', HttpStatus.FORBIDDEN);
    }
    return true;
  }
}
