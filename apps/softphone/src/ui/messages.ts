import { GwsError } from '../gws/gws-error';

/** What the agent reads when a login is refused (docs/security.md, "Logins"). */
export function loginFailureMessage(error: unknown): string {
  if (error instanceof GwsError) {
    if (error.locked) {
      const wait = error.retryAfterSeconds === undefined ? 'later' : `in ${error.retryAfterSeconds} s`;
      return /in progress/i.test(error.statusMessage)
        ? `Too many logins in progress: try again ${wait}.`
        : `Account locked after too many failed logins: try again ${wait}.`;
    }
    if (error.notAuthenticated) return 'Wrong user name or password.';
    if (error.httpStatus === 503) return `GWS cannot check logins right now: ${error.statusMessage}`;
    return `Login failed: ${error.statusMessage}`;
  }
  return failureMessage(error);
}

/** Any other failure, in one line. */
export function failureMessage(error: unknown): string {
  if (error instanceof GwsError) return error.statusMessage;
  return error instanceof Error ? error.message : String(error);
}

/** `/me/webrtc` answered 404: no gateway for this server or DN, or (a race) no session yet; GWS's words say which. */
export function webrtcUnavailableMessage(error: GwsError, dn: string | undefined): string {
  return (
    `WebRTC is unavailable${dn === undefined ? '' : ` for DN ${dn}`}: the SIP gateway is not configured on this ` +
    `server, or the session has not started yet, so this page cannot ring (GWS: ${error.statusMessage}).`
  );
}
