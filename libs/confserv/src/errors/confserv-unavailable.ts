import { ClientClosedError, RequestTimeoutError } from '@gws/framed-link';
import { ServerUnavailableError } from './server-unavailable.error';

/**
 * Whether a ConfServClient request failed because Configuration Server cannot be used right now rather than because
 * it refused: no registered link (ServerUnavailableError), no answer in time (RequestTimeoutError), or a client
 * closed while the process shuts down (ClientClosedError). Callers answer "try again shortly" to all three, never
 * "internal error".
 */
export function isConfServUnavailable(
  error: unknown,
): error is ServerUnavailableError | RequestTimeoutError | ClientClosedError {
  return (
    error instanceof ServerUnavailableError ||
    error instanceof RequestTimeoutError ||
    error instanceof ClientClosedError
  );
}
