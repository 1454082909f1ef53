import type { EndpointInUse } from '../client-events';
import { ProtocolVersionError } from '../errors/protocol-version.error';
import { RegistrationRefusedError } from '../errors/registration-refused.error';
import { RetriesExhaustedError } from '../errors/retries-exhausted.error';
import type { TServerClientError } from '../errors/tserver-client.error';

export interface ConnectionLoopHooks<S> {
  /** Connects and registers; rejects when this endpoint cannot be used now. */
  readonly open: (endpoint: EndpointInUse) => Promise<S>;
  /** Runs the link; resolves when it is lost. */
  readonly serve: (session: S) => Promise<void>;
  readonly attemptFailed: (endpoint: EndpointInUse, error: unknown) => void;
  /** The loop stopped by itself: a non-retriable refusal, or the retry strategy gave up. */
  readonly gaveUp: (error: TServerClientError) => void;
}

/**
 * Keeps one link up. Endpoints are tried in turn (primary, backup, primary, ...); a round is one try of each,
 * and `retryStrategy(round)` is waited out before an endpoint is tried again in a new round. A lost link moves
 * on to the other endpoint at once; with a single endpoint it waits first, like a failed round.
 */
export class ConnectionLoop<S> {
  private stopped = false;
  private wake: (() => void) | undefined;

  constructor(
    private readonly endpoints: readonly EndpointInUse[],
    private readonly retryStrategy: (attempt: number) => number | null,
    private readonly hooks: ConnectionLoopHooks<S>,
  ) {}

  async run(): Promise<void> {
    const tried = new Set<number>();
    let cursor = 0;
    let round = 0;
    let lastError: unknown;
    while (!this.stopped) {
      if (tried.has(cursor)) {
        const delay = this.retryStrategy(++round);
        if (delay === null) return this.hooks.gaveUp(new RetriesExhaustedError(round - 1, lastError));
        await this.sleep(delay);
        if (this.stopped) return;
        tried.clear();
      }
      tried.add(cursor);
      const endpoint = this.endpoints[cursor]!;
      try {
        const session = await this.hooks.open(endpoint);
        round = 0;
        tried.clear();
        tried.add(cursor);
        await this.hooks.serve(session);
      } catch (error) {
        lastError = error;
        if (isRefusal(error) && !error.retriable) return this.hooks.gaveUp(error);
        if (!this.stopped) this.hooks.attemptFailed(endpoint, error);
      }
      cursor = (cursor + 1) % this.endpoints.length;
    }
  }

  stop(): void {
    this.stopped = true;
    this.wake?.();
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        resolve();
      }
      this.wake = done;
    });
  }
}

/** Only the T-Server's own refusal to register stops the loop; lost links and timeouts are retried. */
function isRefusal(error: unknown): error is RegistrationRefusedError | ProtocolVersionError {
  return error instanceof RegistrationRefusedError || error instanceof ProtocolVersionError;
}
