import { RetriesExhaustedError } from '../errors/retries-exhausted.error';
import type { LinkError } from '../errors/link.error';
import type { LinkEndpoint } from './link-status';

/** Delay in ms before failed round `round` (1, 2, ...) is followed by another; null gives up. */
export type RetryStrategy = (round: number) => number | null;

export interface ConnectionLoopHooks<S> {
  /** Connects and registers; rejects when this endpoint cannot be used now. */
  readonly open: (endpoint: LinkEndpoint) => Promise<S>;
  /** Runs the link; resolves when it is lost. */
  readonly serve: (session: S) => Promise<void>;
  readonly attemptFailed: (endpoint: LinkEndpoint, error: unknown) => void;
  /** The loop stopped by itself: a final refusal (`isFinal`), or the retry strategy gave up. */
  readonly gaveUp: (error: LinkError) => void;
  /** Whether a failed attempt's error stops the loop: the server's own refusal, which trying again would repeat. */
  readonly isFinal: (error: unknown) => error is LinkError;
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
    private readonly endpoints: readonly LinkEndpoint[],
    private readonly retryStrategy: RetryStrategy,
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
        if (this.hooks.isFinal(error)) return this.hooks.gaveUp(error);
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
