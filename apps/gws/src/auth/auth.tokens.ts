export const LOGIN_THROTTLE = Symbol('LOGIN_THROTTLE');
