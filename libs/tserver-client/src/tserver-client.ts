import { EventEmitter } from 'node:events';
import type { LinkLogger } from '@gws/framed-link';
import { AddressType, type EnumValue, type TMessage } from '@gws/tlib';
import type {
  EndpointInUse,
  ServerRoleName,
  StatusChange,
  TServerClientEvents,
  TServerClientStatus,
} from './client-events';
import { ClientClosedError } from './errors/client-closed.error';
import { StandbyServerError } from './errors/standby-server.error';
import { LinkDownError } from './errors/link-down.error';
import { LinkEventRouter, roleOf } from './link-event-router';
import type { TServerClientError } from './errors/tserver-client.error';
import { ConnectionLoop } from './link/connection-loop';
import { LinkSession } from './link/link-session';
import { RequestCorrelator } from './link/request-correlator';
import { namedLogger } from './named-logger';
import { nextStatus, whenConnected, type StatusUpdate } from './status-state';
import { resolveOptions, type ResolvedOptions, type TServerClientOptions } from './options';
import { AgentRequests } from './requests/agent-requests';
import { CallRequests } from './requests/call-requests';
import { registerAddressMessage } from './requests/dn-messages';
import { DnRequests } from './requests/dn-requests';
import { UserDataRequests } from './requests/user-data-requests';

/**
 * A resilient link to a T-Server HA pair: registers, correlates requests by ReferenceID, keeps the link up with
 * failover and backoff, and re-registers DNs after every reconnect. Convenience requests are grouped in `agent`,
 * `calls`, `dn` and `userData`.
 */
/** How long an endpoint's failed connect counts as "down" when deciding whether to settle for a standby backup. */
const RECENT_FAILURE_MS = 30_000;

export class TServerClient extends EventEmitter<TServerClientEvents> {
  readonly agent: AgentRequests;
  readonly calls: CallRequests;
  readonly dn: DnRequests;
  readonly userData: UserDataRequests;
  private readonly options: ResolvedOptions;
  private readonly logger: LinkLogger;
  private readonly correlator: RequestCorrelator;
  private readonly router: LinkEventRouter;
  private readonly loop: ConnectionLoop<LinkSession>;
  private session: LinkSession | undefined;
  private state: StatusChange = {
    status: 'disconnected',
    previous: 'disconnected',
    endpoint: undefined,
    role: undefined,
  };
  private started = false;
  /** When each endpoint last failed to connect (a standby backup does not count as a failure). */
  private readonly failedAt = new Map<EndpointInUse['which'], number>();

  constructor(options: TServerClientOptions) {
    super();
    this.options = resolveOptions(options);
    this.logger = namedLogger(this.options.logger, 'TServerClient');
    this.correlator = new RequestCorrelator(this.logger, this.options.initialReferenceId);
    this.router = new LinkEventRouter(this, this.options, this.logger, (role) => {
      if (this.status === 'connected' && role !== this.role) this.setStatus('connected', { role });
    });
    const request = (message: TMessage): Promise<TMessage> => this.request(message);
    this.agent = new AgentRequests(request);
    this.calls = new CallRequests(request);
    this.dn = new DnRequests(request);
    this.userData = new UserDataRequests(request);
    const { primary, backup } = this.options.endpoints;
    const endpoints: EndpointInUse[] = [{ which: 'primary', ...primary }];
    if (backup) endpoints.push({ which: 'backup', ...backup });
    this.loop = new ConnectionLoop(endpoints, this.options.retryStrategy, {
      open: (endpoint) => this.open(endpoint),
      serve: (session) => this.serve(session),
      attemptFailed: (endpoint, error) => this.attemptFailed(endpoint, error),
      gaveUp: (error) => this.stop(error),
    });
  }

  get status(): TServerClientStatus {
    return this.state.status;
  }

  /** ServerRole of the server in use, from its EventServerInfo. */
  get role(): ServerRoleName | undefined {
    return this.state.role;
  }

  get endpoint(): EndpointInUse | undefined {
    return this.state.endpoint;
  }

  /** The switch (CTI) link as the T-Server last reported it. */
  get ctiLink(): 'unknown' | 'up' | 'down' {
    return this.router.ctiLink;
  }

  /** DNs re-registered after every reconnect. */
  get registeredDns(): string[] {
    return this.router.registered.entries().map(({ dn }) => dn);
  }

  /** Starts the link (once); resolves when first connected, rejects if the client closes first. */
  connect(): Promise<void> {
    if (this.status === 'connected') return Promise.resolve();
    if (this.status === 'closed') return Promise.reject(new ClientClosedError('connect'));
    const connected = whenConnected(this);
    if (!this.started) {
      this.started = true;
      void this.loop.run();
    }
    return connected;
  }

  /** Sends `message` with a fresh ReferenceID; resolves with its direct reply. Fails at once while no link is up. */
  request(message: TMessage): Promise<TMessage> {
    if (this.status === 'closed') return Promise.reject(new ClientClosedError(message.name));
    const session = this.status === 'connected' ? this.session : undefined;
    if (session === undefined) return Promise.reject(new LinkDownError(message.name, `status ${this.status}`, false));
    return session.request(message);
  }

  /** RequestRegisterAddress; on success the DN is re-registered after every reconnect. */
  async registerAddress(dn: string, addressType: EnumValue<typeof AddressType> = AddressType.DN): Promise<TMessage> {
    const reply = await this.request(registerAddressMessage(dn, addressType));
    this.router.registered.add(dn, addressType);
    return reply;
  }

  /** RequestUnregisterAddress; the DN is forgotten for re-sync even if the request fails. */
  unregisterAddress(dn: string): Promise<TMessage> {
    this.router.registered.remove(dn);
    return this.request({ name: 'RequestUnregisterAddress', attributes: { ThisDN: dn } });
  }

  /** Fails in-flight requests with ClientClosedError, drops the link and stops reconnecting. */
  close(): void {
    this.stop();
  }

  private async open(endpoint: EndpointInUse): Promise<LinkSession> {
    this.setStatus('connecting', { endpoint });
    const { correlator, logger, options, router } = this;
    const context = { options, correlator, logger, dedup: router.dedup, onEvent: router.onEvent };
    const { session, serverInfo } = await LinkSession.open(endpoint, context, (opening) => {
      if (this.status === 'closed') return opening.destroy('client closed');
      this.session = opening;
      this.setStatus('registering');
    });
    if (this.status === 'closed') {
      session.destroy('client closed');
      throw new ClientClosedError('RequestRegisterClient');
    }
    if (roleOf(serverInfo) === 'backup' && !this.otherEndpointDown(endpoint)) {
      session.destroy('standby backup');
      throw new StandbyServerError(`${endpoint.host}:${endpoint.port}`);
    }
    this.setStatus('connected', { role: roleOf(serverInfo) });
    this.logger.info({ endpoint: session.remote, role: this.role }, 'T-Server link up');
    return session;
  }

  private async serve(session: LinkSession): Promise<void> {
    void this.router.resync(session);
    const reason = await session.closed;
    if (this.status === 'closed') return;
    this.session = undefined;
    this.logger.warn({ endpoint: session.remote, reason: reason.kind, detail: reason.detail }, 'T-Server link lost');
    this.setStatus('disconnected', { reason, endpoint: undefined, role: undefined });
  }

  /**
   * A standby backup is only worth a link when the other endpoint has just failed to connect (it is down, or being
   * replaced); with one endpoint configured there is no choice.
   */
  private otherEndpointDown(endpoint: EndpointInUse): boolean {
    const other = endpoint.which === 'primary' ? 'backup' : 'primary';
    if (other === 'backup' && this.options.endpoints.backup === undefined) return true;
    const failedAt = this.failedAt.get(other);
    return failedAt !== undefined && Date.now() - failedAt < RECENT_FAILURE_MS;
  }

  private attemptFailed(endpoint: EndpointInUse, error: unknown): void {
    if (!(error instanceof StandbyServerError)) this.failedAt.set(endpoint.which, Date.now());
    this.session = undefined;
    const detail = error instanceof Error ? error.message : String(error);
    this.logger.warn(
      { endpoint: `${endpoint.host}:${endpoint.port}`, which: endpoint.which, detail },
      'connect failed',
    );
    const failure = error instanceof Error ? error : new Error(detail);
    this.setStatus('disconnected', { error: failure, endpoint: undefined, role: undefined });
  }

  private stop(error?: TServerClientError): void {
    if (this.status === 'closed') return;
    this.loop.stop();
    this.correlator.failAll((name) => new ClientClosedError(name));
    this.setStatus('closed', { ...(error ? { error } : {}), endpoint: undefined, role: undefined });
    this.session?.destroy('client closed');
    this.session = undefined;
    if (error) this.logger.error({ err: error.message }, 'T-Server client stopped');
  }

  private setStatus(status: TServerClientStatus, update: StatusUpdate = {}): void {
    this.state = nextStatus(this.state, status, update);
    this.emit('status', this.state);
  }
}
