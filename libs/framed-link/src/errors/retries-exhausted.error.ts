import { LinkError } from './link.error';

/** The retryStrategy returned null: the client gives up and closes. */
export class RetriesExhaustedError extends LinkError {
  constructor(
    readonly attempts: number,
    lastError: unknown,
  ) {
    const last = lastError instanceof Error ? lastError.message : String(lastError);
    super(
      `gave up reconnecting after ${attempts} failed rounds (last: ${last}); the retryStrategy option returned null`,
      false,
      { cause: lastError },
    );
  }
}
