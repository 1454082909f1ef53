import type { IncomingMessage } from 'node:http';
import { Injectable } from '@nestjs/common';
import type { AuthenticatedPrincipal, HandshakeAuthenticator } from '../../notifications';
import { SessionService } from '../../sessions/session.service';
import { workspaceSessionIdFrom } from '../auth/workspace-session-cookie';

/**
 * Who a `/workspace/v3/notifications` handshake belongs to: the live v3 session of its WORKSPACE_SESSIONID cookie.
 * Nothing else is accepted (no Basic, no v2 JSESSIONID): the library always handshakes on that cookie.
 */
@Injectable()
export class WorkspaceHandshakeAuthenticator implements HandshakeAuthenticator {
  constructor(private readonly sessions: SessionService) {}

  async authenticate(request: IncomingMessage): Promise<AuthenticatedPrincipal | undefined> {
    const sessionId = workspaceSessionIdFrom(request);
    return sessionId === undefined ? undefined : this.sessions.resume(sessionId, 'workspace-v3');
  }
}
