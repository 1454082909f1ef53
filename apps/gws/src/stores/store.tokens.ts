import type { UserEventStream } from '@gws/stores';
import type { GwsTopicMessages } from '../notifications';

export { SESSION_STORE } from '../sessions/session.service';
/** A {@link GwsUserEventStream}. */
export const USER_EVENT_STREAM = Symbol('USER_EVENT_STREAM');
export const DN_MAP = Symbol('DN_MAP');
export { LOGIN_THROTTLE } from '../auth/auth.tokens';
/** An EventBus: fan-out between the nodes. */
export const EVENT_BUS = Symbol('EVENT_BUS');
/** A NodeRegistry: which nodes are alive. */
export const NODE_REGISTRY = Symbol('NODE_REGISTRY');
/** An AgentSessionStore: which node holds each user's contact-center session. */
export const AGENT_SESSION_STORE = Symbol('AGENT_SESSION_STORE');
/** A PushSessionStore: every node's CometD sessions, so that another node can adopt one. */
export const PUSH_SESSION_STORE = Symbol('PUSH_SESSION_STORE');
/** A SipCredentialStore: the SIP credentials the WebRTC gateway checks REGISTERs against. */
export const SIP_CREDENTIAL_STORE = Symbol('SIP_CREDENTIAL_STORE');
/** A {@link RedisStatus}: whether the shared stores can be used now (always, when they are in memory). */
export const REDIS_STATUS = Symbol('REDIS_STATUS');
export type { RedisStatus, RedisLinkState } from './redis-status';

/** Each user's GWS notifications, typed by topic: logged, numbered and fanned out to every node in one step. */
export type GwsUserEventStream = UserEventStream<GwsTopicMessages>;
