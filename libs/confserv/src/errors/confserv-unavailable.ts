import { RequestTimeoutError } from './request-timeout.error';
import { ServerUnavailableError } from './server-unavailable.error';

/**
 * Whether a request failed because Configuration Server cannot be used right now rather than because it refused:
 * no registered link (ServerUnavailableError) or no answer in time (RequestTimeoutError). Callers answer "try
 * again shortly" to both, never "internal error".
 */
export function isConfServUnavailable(error: unknown): error is ServerUnavailableError | RequestTimeoutError {
  return error instanceof ServerUnavailableError || error instanceof RequestTimeoutError;
}
