import { createParamDecorator, HttpStatus, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import type { Request } from 'express';
import { GwsException } from '../../common/gws.exception';
import { GwsStatus } from '../../common/gws-status';
import type { GwsPrincipal } from '../../sessions/gws-principal';
import { SessionService } from '../../sessions/session.service';
import { workspaceSessionIdFrom } from './workspace-session-cookie';

/** Where the guard leaves the caller (not `request.user`, which the v2 guards and interceptors read). */
const WORKSPACE_PRINCIPAL = Symbol('workspacePrincipal');

type WorkspaceRequest = Request & { [WORKSPACE_PRINCIPAL]?: GwsPrincipal };

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Checked on the header itself: the library sends it on bodiless POSTs too, where `request.is` says nothing. */
const JSON_TYPE = /^application\/json\s*(;|$)/i;

/**
 * Workspace API v3 routes after `initialize-workspace`: the caller is the live v3 session of its WORKSPACE_SESSIONID
 * cookie (a v2 JSESSIONID value is no credential here). The library sends no CSRF token; a state-changing request
 * must instead be `Content-Type: application/json`, which a page on another site cannot send without a CORS
 * preflight (and the cookie is SameSite=Lax over plain HTTP).
 */
@Injectable()
export class WorkspaceSessionGuard implements CanActivate {
  constructor(private readonly sessions: SessionService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WorkspaceRequest>();
    const sessionId = workspaceSessionIdFrom(request);
    const principal = sessionId === undefined ? undefined : await this.sessions.resume(sessionId, 'workspace-v3');
    if (principal === undefined) {
      throw new GwsException(
        GwsStatus.NotAuthenticated,
        'Access denied: no live Workspace session; POST /workspace/v3/initialize-workspace with a bearer token first',
        HttpStatus.UNAUTHORIZED,
      );
    }
    if (UNSAFE_METHODS.has(request.method) && !JSON_TYPE.test(request.headers['content-type'] ?? '')) {
      throw new GwsException(
        GwsStatus.ValidationError,
        'Send Content-Type: application/json',
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
      );
    }
    request[WORKSPACE_PRINCIPAL] = principal;
    return true;
  }
}

/** The caller of a route behind {@link WorkspaceSessionGuard}. */
export const WorkspacePrincipal = createParamDecorator((_data: unknown, context: ExecutionContext): GwsPrincipal => {
  const principal = context.switchToHttp().getRequest<WorkspaceRequest>()[WORKSPACE_PRINCIPAL];
  if (principal === undefined) throw new Error('WorkspacePrincipal used on a route without WorkspaceSessionGuard');
  return principal;
});
