import type { CloseReason } from '../close-reason';
import { ClientClosedError } from '../errors/client-closed.error';
import type { LinkError } from '../errors/link.error';
import type { LinkLogger } from '../link-logger';
import { ConnectionLoop, type RetryStrategy } from './connection-loop';
import {
  clearedFields,
  nextStatus,
  type LinkEndpoint,
  type LinkStatus,
  type LinkStatusChange,
  type StatusUpdate,
} from './link-status';

/** What the supervisor needs of one link, from connect to close. */
export interface SupervisedSession {
  /** Resolves once, with why the link closed; the requests in flight on it have failed by then. */
  readonly closed: Promise<CloseReason>;
  /** `host:port`, for logs. */
  readonly remote: string;
  destroy(detail: string): void;
}

export interface LinkSupervisorOptions<C extends LinkStatusChange> {
  /** Names the server in logs and errors: `T-Server`, `Configuration Server`. */
  readonly server: string;
  /** Tried in this order, a round at a time (ConnectionLoop). */
  readonly endpoints: readonly LinkEndpoint[];
  readonly retryStrategy: RetryStrategy;
  readonly logger: LinkLogger;
  /** The record before the first change (`disconnected`); its fields but the status are what a lost link clears. */
  readonly initial: C;
}

export interface LinkSupervisorHooks<S extends SupervisedSession, C extends LinkStatusChange> {
  /**
   * Connects to `endpoint` and registers, calling `registering(session)` once TCP is up and before the registration
   * request. Resolves with the registered session and the fields the `connected` record carries; rejects when this
   * endpoint cannot be used now.
   */
  readonly open: (
    endpoint: LinkEndpoint,
    registering: (session: S) => void,
  ) => Promise<{ readonly session: S; readonly fields?: StatusUpdate<C> }>;
  /** Runs each time a link turns `connected` (T-Server re-sync). */
  readonly connected?: (session: S) => void;
  /** An attempt failed (after open rejected), before the status turns `disconnected`. */
  readonly attemptFailed?: (endpoint: LinkEndpoint, error: unknown) => void;
  /** The server's own refusal to register, which trying again would repeat: the client closes. @default none is */
  readonly isFinal?: (error: unknown) => error is LinkError;
  /** Fails every request in flight, on close. */
  readonly failRequests: (error: (requestName: string) => Error) => void;
  /** Every status change, in order (the client emits it as `status`). */
  readonly statusChanged: (change: C) => void;
}

const neverFinal = (_error: unknown): _error is LinkError => false;

/**
 * The status of one resilient link and the loop that keeps it up, as both platform clients run them: `connect()`
 * starts the loop once and resolves on the first `connected`; a lost link or a failed attempt turns `disconnected`
 * (with `reason` or `error`) and the ConnectionLoop moves on; `stop()` (the client's `close()`) fails the requests in
 * flight with ClientClosedError, stops the loop, drops the link and turns `closed`, for good.
 */
export class LinkSupervisor<S extends SupervisedSession, C extends LinkStatusChange = LinkStatusChange> {
  private state: C;
  private session: S | undefined;
  private started = false;
  private readonly loop: ConnectionLoop<S>;
  /** Fields a lost link clears: `endpoint` and the client's own (as in `initial`). */
  private readonly cleared: StatusUpdate<C>;
  private readonly waiters = new Set<{ resolve: () => void; reject: (error: Error) => void }>();

  constructor(
    private readonly options: LinkSupervisorOptions<C>,
    private readonly hooks: LinkSupervisorHooks<S, C>,
  ) {
    this.state = options.initial;
    this.cleared = clearedFields(options.initial);
    this.loop = new ConnectionLoop(options.endpoints, options.retryStrategy, {
      open: (endpoint) => this.open(endpoint),
      serve: (session) => this.serve(session),
      attemptFailed: (endpoint, error) => this.attemptFailed(endpoint, error),
      gaveUp: (error) => this.stop(error),
      isFinal: hooks.isFinal ?? neverFinal,
    });
  }

  get status(): LinkStatus {
    return this.state.status;
  }

  /** The last status record. */
  get current(): C {
    return this.state;
  }

  /** The registered link while `connected`; undefined otherwise. */
  get connectedSession(): S | undefined {
    return this.state.status === 'connected' ? this.session : undefined;
  }

  /** Starts the link (once); resolves when first connected, rejects if the client closes first. */
  connect(): Promise<void> {
    if (this.status === 'connected') return Promise.resolve();
    if (this.status === 'closed') return Promise.reject(new ClientClosedError('connect', this.options.server));
    const connected = new Promise<void>((resolve, reject) => this.waiters.add({ resolve, reject }));
    if (!this.started) {
      this.started = true;
      void this.loop.run();
    }
    return connected;
  }

  /** Closes for good: fails in-flight requests with ClientClosedError, stops reconnecting and drops the link. */
  stop(error?: LinkError): void {
    if (this.status === 'closed') return;
    const { server } = this.options;
    this.loop.stop();
    this.hooks.failRequests((name) => new ClientClosedError(name, server));
    this.setStatus('closed', { ...this.cleared, ...(error ? { error } : {}) });
    this.session?.destroy('client closed');
    this.session = undefined;
    if (error) this.options.logger.error({ err: error.message }, `${server} client stopped`);
  }

  setStatus(status: LinkStatus, update: StatusUpdate<C> = {}): void {
    this.state = nextStatus(this.state, status, update);
    this.hooks.statusChanged(this.state);
    if (status !== 'connected' && status !== 'closed') return;
    for (const waiter of this.waiters) {
      if (status === 'connected') waiter.resolve();
      else waiter.reject(this.state.error ?? new ClientClosedError('connect', this.options.server));
    }
    this.waiters.clear();
  }

  private async open(endpoint: LinkEndpoint): Promise<S> {
    const { server, logger } = this.options;
    this.setStatus('connecting', { endpoint } as StatusUpdate<C>);
    const { session, fields } = await this.hooks.open(endpoint, (opening) => {
      if (this.status === 'closed') return opening.destroy('client closed');
      this.session = opening;
      this.setStatus('registering');
    });
    if (this.status === 'closed') {
      session.destroy('client closed');
      throw new ClientClosedError('register', server);
    }
    this.setStatus('connected', fields);
    logger.info({ endpoint: session.remote, ...fields }, `${server} link up`);
    return session;
  }

  private async serve(session: S): Promise<void> {
    this.hooks.connected?.(session);
    const reason = await session.closed;
    if (this.status === 'closed') return;
    this.session = undefined;
    const { server, logger } = this.options;
    logger.warn({ endpoint: session.remote, reason: reason.kind, detail: reason.detail }, `${server} link lost`);
    this.setStatus('disconnected', { ...this.cleared, reason });
  }

  private attemptFailed(endpoint: LinkEndpoint, error: unknown): void {
    this.hooks.attemptFailed?.(endpoint, error);
    this.session = undefined;
    const detail = error instanceof Error ? error.message : String(error);
    this.options.logger.warn(
      { endpoint: `${endpoint.host}:${endpoint.port}`, which: endpoint.which, detail },
      'connect failed',
    );
    const failure = error instanceof Error ? error : new Error(detail);
    this.setStatus('disconnected', { ...this.cleared, error: failure });
  }
}
