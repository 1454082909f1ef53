import { LinkError } from '@gws/framed-link';

/**
 * Base of the errors only this library raises; the link errors both platform clients share (RequestTimeoutError,
 * ClientClosedError, InvalidOptionError, ...) come from `@gws/framed-link`. A LinkError: `retriable` (false unless
 * said) and `cause`. `code` is stable and meant for programs; the message for people.
 */
export class ConfServError extends LinkError {
  constructor(
    readonly code: string,
    message: string,
    retriable = false,
    options?: { cause?: unknown },
  ) {
    super(message, retriable, options);
  }
}
