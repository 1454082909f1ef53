import { setTimeout as delay } from 'node:timers/promises';
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
import { NodeUnreachable, RequestForwarder } from './request-forwarder';
import { routeRequest, type RequestRoute } from './request-route';
import { standbyOf } from './standby-wards';

/** The routes that act on the caller's own session: the ones that must reach the node holding it. */
const OWN_SESSION_PATH = /^\/api\/v2\/me(\/|$)/;

/** How often a node waiting for an owner that refuses connections looks whether the cluster saw it die. */
const OWNER_CHECK_MS = 100;

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
    let route = await this.settleOnceKnown(request, principal.userId);
    if (route.kind === 'forward') {
      try {
        return of(await this.forwarder.forward(request, principal.sessionId, route.to));
      } catch (error) {
        // Nothing listens where the owner was (killed, the request never reached it): once the cluster sees it
        // dead (its entry expires within the TTL), the session is taken over and the request served after all.
        if (!(error instanceof NodeUnreachable && error.refused)) throw error;
        if (!(await this.ownerGone(principal.userId, error.nodeId))) throw error;
        route = await this.settleOnceKnown(request, principal.userId);
      }
    }
    if (route.kind === 'to-standby') {
      try {
        return of(await this.forwarder.forward(request, principal.sessionId, route.to));
      } catch (error) {
        // The standby is gone as well: the session is taken over here, from T-Server alone.
        if (!(error instanceof NodeUnreachable && error.refused)) throw error;
        await this.contactCenter.takeOver(principal.userId, route.from);
        route = await this.route(request, principal.userId, false);
      }
    }
    if (route.kind === 'forward' || route.kind === 'to-standby') {
      return of(await this.forwarder.forward(request, principal.sessionId, route.to));
    }
    if (route.kind === 'unavailable') {
      throw new GwsException(GwsStatus.InternalError, UNAVAILABLE[route.reason], HttpStatus.SERVICE_UNAVAILABLE);
    }
    return next.handle();
  }

  /**
   * {@link settle}, waited for when this node started (or its heartbeats came back) less than a TTL ago and cannot
   * yet tell a dead holder from one whose heartbeat a Redis outage erased: it can within that time, so the request
   * waits rather than failing.
   */
  private async settleOnceKnown(request: Request, userId: string): Promise<RequestRoute> {
    const route = await this.settle(request, userId);
    const unknownFor = route.kind === 'unavailable' && route.reason === 'unsettled' && this.heartbeat.livenessKnownIn;
    if (!unknownFor) return route;
    await delay(unknownFor);
    return this.settle(request, userId);
  }

  /** The route, once this node has taken the session over where that is the route (then it serves the request). */
  private async settle(request: Request, userId: string): Promise<RequestRoute> {
    const route = await this.route(request, userId);
    if (route.kind !== 'take-over' || (await this.contactCenter.takeOver(userId, route.from)) !== 'elsewhere') {
      return route;
    }
    // Another node was first: it serves the session now.
    const next = await this.route(request, userId);
    return next.kind === 'take-over' ? { kind: 'local' } : next;
  }

  /**
   * Resolves true once `nodeId` no longer holds the user's session or has dropped out of the registry; false if it
   * is still there after a TTL and a heartbeat (it is alive, only unreachable from here).
   */
  private async ownerGone(userId: string, nodeId: string): Promise<boolean> {
    const { ttlMs, heartbeatMs } = this.config.cluster;
    const deadline = Date.now() + ttlMs + heartbeatMs;
    for (;;) {
      if ((await this.agentSessions.get(userId))?.nodeId !== nodeId) return true;
      if ((await this.registry.get(nodeId)) === undefined) return true;
      if (Date.now() >= deadline) return false;
      await delay(OWNER_CHECK_MS);
    }
  }

  /** `toStandby`: whether the session of a dead or draining node may be sent to that node's standby. */
  private async route(request: Request, userId: string, toStandby = true): Promise<RequestRoute> {
    const me = this.config.nodeId;
    const record = await this.agentSessions.get(userId);
    const draining = this.heartbeat.draining;
    const owner = record === undefined || record.nodeId === me ? undefined : await this.registry.get(record.nodeId);
    const ownerGone = record !== undefined && record.nodeId !== me && (owner === undefined || owner.draining);
    return routeRequest({
      me,
      record,
      owner,
      // Not while a takeover is still seating its devices: the request waits for it (take-over from this node).
      held: this.sessions.ofUser(userId) !== undefined && !this.sessions.busy(userId),
      draining,
      livenessKnown: this.heartbeat.livenessKnown,
      fallback: draining ? await this.servingNode() : undefined,
      forwarded: request.header(FORWARDED_BY_HEADER) !== undefined,
      standby: ownerGone && toStandby ? await this.standbyOf(record.nodeId) : undefined,
    });
  }

  /** The standby of `nodeId` while it is alive and serving. */
  private async standbyOf(nodeId: string): Promise<NodeInfo | undefined> {
    const alive = await this.registry.alive();
    const standby = standbyOf(nodeId, alive);
    return alive.find((node) => node.nodeId === standby);
  }

  /** Another node serving now, chosen at random so that a draining node spreads what it passes on. */
  private async servingNode(): Promise<NodeInfo | undefined> {
    const serving = (await this.registry.alive()).filter(
      (node) => node.nodeId !== this.config.nodeId && !node.draining,
    );
    return serving[Math.floor(Math.random() * serving.length)];
  }
}
