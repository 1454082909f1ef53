import { Injectable } from '@nestjs/common';
import type { OperationContext } from '../common/operations/operation-context';
import { NotificationPublisher } from '../notifications';
import { expiredSessionCookie } from '../sessions/session-cookie';
import { SessionService } from '../sessions/session.service';
import { ContactCenterSessionService } from '../voice/contact-center-session.service';

/**
 * EndContactCenterSession: logs the agent out and frees the place, then ends this HTTP session (and the CometD
 * clients riding on it), as GWS does: the next request needs fresh credentials and a new CSRF token.
 */
@Injectable()
export class LogoutService {
  constructor(
    private readonly contactCenter: ContactCenterSessionService,
    private readonly sessions: SessionService,
    private readonly publisher: NotificationPublisher,
  ) {}

  async endContactCenterSession({ principal, request, response }: OperationContext): Promise<void> {
    await this.contactCenter.end(principal);
    await this.sessions.invalidate(principal.sessionId);
    this.publisher.disconnectSession(principal.sessionId);
    response.setHeader('Set-Cookie', expiredSessionCookie(request));
  }
}
