import type { UserEventStream } from '@gws/stores';
import type { GwsTopicMessages } from '../notifications';

export { SESSION_STORE } from '../sessions/session.service';
/** A {@link GwsUserEventStream}. */
export const USER_EVENT_STREAM = Symbol('USER_EVENT_STREAM');
export const DN_MAP = Symbol('DN_MAP');
export { LOGIN_THROTTLE } from '../auth/auth.tokens';

/** Each user's GWS notifications, typed by topic: logged, numbered and fanned out to every node in one step. */
export type GwsUserEventStream = UserEventStream<GwsTopicMessages>;
