import {
  HttpStatus,
  Inject,
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import type { AgentSessionStore, NodeInfo, NodeRegistry } from '@gws/stores';
import type { Request } from 'express';
import { of, type Observable } from 'rxjs';
import { GwsException } from '../common/gws.exception';
import { GwsStatus } from '../common/gws-status';
import { GWS_CONFIG, type GwsConfig } from '../config/gws-config';
import type { GwsPrincipal } from '../sessions/gws-principal';
import { AGENT_SESSION_STORE, NODE_REGISTRY } from '../stores/store.tokens';
import { ContactCenterSessionService } from '../voice/contact-center-session.service';
import { VoiceSessions } from '../voice/voice-session';
import { FORWARDED_BY_HEADER } from './forwarded-request';
import { NodeHeartbeat } from './node-heartbeat';
import { RequestForwarder } from './request-forwarder';
import { routeRequest, type RequestRoute } from './request-route';

/** The routes that act on the caller's own session: the ones that must reach the node holding it. */
const OWN_SESSION_PATH = /^\/api\/v2\/me(\/|$)/;

/** What the caller is told when no node can serve the request now. */
const UNAVAILABLE = {
  draining: 'This GWS node is stopping and hands its sessions over; try again shortly',
  unsettled: 'The GWS node holding this session cannot be reached yet; try again shortly',
} as const;

/**
 * Any node answers any request under /api/v2/me (global, after authentication, so the caller is known): the node
 * holding the user's contact-center session serves it, another node forwards it there, and the session of a dead
 * node is taken over by the node the request reached before it serves it (routeRequest).
 */
@Injectable()
export class ForwardingInterceptor implements NestInterceptor {
  constructor(
    @Inject(AGENT_SESSION_STORE) private readonly agentSessions: AgentSessionStore,
    @Inject(NODE_REGISTRY) private readonly registry: NodeRegistry,
    @Inject(GWS_CONFIG) private readonly config: GwsConfig,
    private readonly sessions: VoiceSessions,
    private readonly contactCenter: ContactCenterSessionService,
    private readonly heartbeat: NodeHeartbeat,
    private readonly forwarder: RequestForwarder,
  ) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const request = context.switchToHttp().getRequest<Request & { user?: GwsPrincipal }>();
    const principal = request.user;
    if (principal === undefined || !OWN_SESSION_PATH.test(request.path)) return next.handle();
    let route = await this.route(request, principal.userId);
    if (route.kind === 'take-over' && !(await this.contactCenter.takeOver(principal.userId, route.from))) {
      // Another node was first: it serves the session now.
      route = await this.route(request, principal.userId);
      if (route.kind === 'take-over') route = { kind: 'local' };
    }
    switch (route.kind) {
      case 'forward':
        return of(await this.forwarder.forward(request, principal.sessionId, route.to));
      case 'unavailable':
        throw new GwsException(GwsStatus.InternalError, UNAVAILABLE[route.reason], HttpStatus.SERVICE_UNAVAILABLE);
      default:
        return next.handle();
    }
  }

  private async route(request: Request, userId: string): Promise<RequestRoute> {
    const me = this.config.nodeId;
    const record = await this.agentSessions.get(userId);
    const draining = this.heartbeat.draining;
    const owner = record === undefined || record.nodeId === me ? undefined : await this.registry.get(record.nodeId);
    return routeRequest({
      me,
      record,
      owner,
      held: this.sessions.ofUser(userId) !== undefined,
      draining,
      livenessKnown: this.heartbeat.livenessKnown,
      fallback: draining ? await this.servingNode() : undefined,
      forwarded: request.header(FORWARDED_BY_HEADER) !== undefined,
    });
  }

  /** Another node serving now, chosen at random so that a draining node spreads what it passes on. */
  private async servingNode(): Promise<NodeInfo | undefined> {
    const serving = (await this.registry.alive()).filter(
      (node) => node.nodeId !== this.config.nodeId && !node.draining,
    );
    return serving[Math.floor(Math.random() * serving.length)];
  }
}
