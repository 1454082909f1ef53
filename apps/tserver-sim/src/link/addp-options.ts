import { TErrorCode, type KVList } from '@gws/tlib';
import { TServerError } from '../switch/tserver-error';

/** RequestRegisterClient Extensions key: how often (seconds) the server should poll an idle client; 0 = never. */
export const ADDP_REMOTE_TIMEOUT_KEY = 'addp-remote-timeout';
/** The client's own poll interval (seconds); read for the log only. */
export const ADDP_LOCAL_TIMEOUT_KEY = 'addp-timeout';

/**
 * The ADDP interval a client asks the server to use, in ms; undefined when it asks for none. Seconds may be an
 * int or a decimal string ("0.2") so that tests can use short intervals. @throws TServerError 53 on a bad value
 */
export function addpPollIntervalMs(extensions: KVList | undefined, key = ADDP_REMOTE_TIMEOUT_KEY): number | undefined {
  const raw = extensions?.getIC(key);
  if (raw === undefined) return undefined;
  const seconds = typeof raw === 'number' ? raw : typeof raw === 'string' ? Number(raw) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds < 0 || seconds > 3600) {
    throw new TServerError(
      TErrorCode.InvalidAttribute,
      `Extensions ${key} must be 0-3600 seconds, got ${typeof raw === 'string' || typeof raw === 'number' ? raw : 'a non-scalar value'}`,
    );
  }
  return Math.round(seconds * 1000);
}
