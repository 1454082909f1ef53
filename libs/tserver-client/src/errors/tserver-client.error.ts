import { LinkError } from '@gws/framed-link';

/**
 * Base of the errors only this client raises (T-Server refusals, a lost T-Server link, a standby backup); the ones
 * both platform clients share (RequestTimeoutError, ClientClosedError, RetriesExhaustedError, InvalidOptionError)
 * come from `@gws/framed-link`. All are LinkErrors: `retriable` and `cause`.
 */
export class TServerClientError extends LinkError {}
