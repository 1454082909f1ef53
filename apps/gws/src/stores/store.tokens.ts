export { SESSION_STORE } from '../sessions/session.service';
export const EVENT_BUS = Symbol('EVENT_BUS');
export const EVENT_LOG = Symbol('EVENT_LOG');
export const DN_MAP = Symbol('DN_MAP');
export { LOGIN_THROTTLE } from '../auth/auth.tokens';
