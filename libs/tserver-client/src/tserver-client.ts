import { EventEmitter } from 'node:events';
import {
  ClientClosedError,
  linkEndpoints,
  type LinkError,
  LinkSupervisor,
  namedLogger,
  type LinkEndpoint,
  type LinkLogger,
  type LinkStatus,
} from '@gws/framed-link';
import { AddressType, RegisterMode, type EnumValue, type TMessage } from '@gws/tlib';
import type { ServerRoleName, StatusChange, TServerClientEvents } from './client-events';
import { LinkDownError } from './errors/link-down.error';
import { ProtocolVersionError } from './errors/protocol-version.error';
import { RegistrationRefusedError } from './errors/registration-refused.error';
import { StandbyServerError } from './errors/standby-server.error';
import { LinkEventRouter, roleOf } from './link-event-router';
import { TServerSession } from './link/tserver-session';
import { tlibCorrelator, type TlibCorrelator } from './link/tlib-correlation';
import { resolveOptions, type ResolvedOptions, type TServerClientOptions } from './options';
import { AgentRequests } from './requests/agent-requests';
import { CallRequests } from './requests/call-requests';
import { registerAddressMessage } from './requests/dn-messages';
import { DnRequests } from './requests/dn-requests';
import { UserDataRequests } from './requests/user-data-requests';

/** How long an endpoint's failed connect counts as "down" when deciding whether to settle for a standby backup. */
const RECENT_FAILURE_MS = 30_000;

/**
 * A resilient link to a T-Server HA pair: registers, correlates requests by ReferenceID, keeps the link up with
 * failover and backoff (the LinkSupervisor both platform clients share), and re-registers DNs after every reconnect.
 * Convenience requests are grouped in `agent`, `calls`, `dn` and `userData`.
 */
export class TServerClient extends EventEmitter<TServerClientEvents> {
  readonly agent: AgentRequests;
  readonly calls: CallRequests;
  readonly dn: DnRequests;
  readonly userData: UserDataRequests;
  private readonly options: ResolvedOptions;
  private readonly logger: LinkLogger;
  private readonly correlator: TlibCorrelator;
  private readonly router: LinkEventRouter;
  private readonly link: LinkSupervisor<TServerSession, StatusChange>;
  /** When each endpoint last failed to connect (a standby backup does not count as a failure). */
  private readonly failedAt = new Map<LinkEndpoint['which'], number>();

  constructor(options: TServerClientOptions) {
    super();
    this.options = resolveOptions(options);
    this.logger = namedLogger(this.options.logger, 'TServerClient');
    this.correlator = tlibCorrelator(this.options.initialReferenceId);
    this.router = new LinkEventRouter(this, this.options, this.logger, (role) => {
      if (this.status === 'connected' && role !== this.role) this.link.setStatus('connected', { role });
    });
    const request = (message: TMessage): Promise<TMessage> => this.request(message);
    this.agent = new AgentRequests(request);
    this.calls = new CallRequests(request);
    this.dn = new DnRequests(request);
    this.userData = new UserDataRequests(request);
    const { primary, backup } = this.options.endpoints;
    this.link = new LinkSupervisor<TServerSession, StatusChange>(
      {
        server: 'T-Server',
        endpoints: linkEndpoints(backup ? [primary, backup] : [primary]),
        retryStrategy: this.options.retryStrategy,
        logger: this.logger,
        initial: { status: 'disconnected', previous: 'disconnected', endpoint: undefined, role: undefined },
      },
      {
        open: (endpoint, registering) => this.open(endpoint, registering),
        connected: (session) => void this.router.resync(session),
        attemptFailed: (endpoint, error) => {
          if (!(error instanceof StandbyServerError)) this.failedAt.set(endpoint.which, Date.now());
        },
        isFinal: (error): error is LinkError => isRefusal(error) && !error.retriable,
        failRequests: (error) => this.correlator.failAll(error),
        statusChanged: (change) => this.emit('status', change),
      },
    );
  }

  get status(): LinkStatus {
    return this.link.status;
  }

  /** ServerRole of the server in use, from its EventServerInfo. */
  get role(): ServerRoleName | undefined {
    return this.link.current.role;
  }

  get endpoint(): LinkEndpoint | undefined {
    return this.link.current.endpoint;
  }

  /** The switch (CTI) link as the T-Server last reported it. */
  get ctiLink(): 'unknown' | 'up' | 'down' {
    return this.router.ctiLink;
  }

  /** DNs re-registered after every reconnect. */
  get registeredDns(): string[] {
    return this.router.registered.entries().map(({ dn }) => dn);
  }

  /** The RegisterMode `dn` was last registered in; undefined if it is not registered. */
  registeredMode(dn: string): EnumValue<typeof RegisterMode> | undefined {
    return this.router.registered.modeOf(dn);
  }

  /** Starts the link (once); resolves when first connected, rejects if the client closes first. */
  connect(): Promise<void> {
    return this.link.connect();
  }

  /** Sends `message` with a fresh ReferenceID; resolves with its direct reply. Fails at once while no link is up. */
  request(message: TMessage): Promise<TMessage> {
    if (this.status === 'closed') return Promise.reject(new ClientClosedError(message.name, 'T-Server'));
    const session = this.link.connectedSession;
    if (session === undefined) return Promise.reject(new LinkDownError(message.name, `status ${this.status}`, false));
    return session.request(message);
  }

  /**
   * RequestRegisterAddress in `mode`; on success the DN is re-registered, in the same mode, after every reconnect.
   * Registering a registered DN again (e.g. ModeShare after ModeMonitor, to take it over) replaces its mode.
   */
  async registerAddress(
    dn: string,
    addressType: EnumValue<typeof AddressType> = AddressType.DN,
    mode: EnumValue<typeof RegisterMode> = RegisterMode.ModeShare,
  ): Promise<TMessage> {
    const reply = await this.request(registerAddressMessage(dn, addressType, mode));
    this.router.registered.add(dn, addressType, mode);
    return reply;
  }

  /** RequestUnregisterAddress; the DN is forgotten for re-sync even if the request fails. */
  unregisterAddress(dn: string): Promise<TMessage> {
    this.router.registered.remove(dn);
    return this.request({ name: 'RequestUnregisterAddress', attributes: { ThisDN: dn } });
  }

  /** Fails in-flight requests with ClientClosedError, drops the link and stops reconnecting. */
  close(): void {
    this.link.stop();
  }

  /** Registers over a new link; a standby backup is passed over while the other endpoint may be up. */
  private async open(
    endpoint: LinkEndpoint,
    registering: (session: TServerSession) => void,
  ): Promise<{ session: TServerSession; fields: Pick<StatusChange, 'role'> }> {
    const { correlator, logger, options, router } = this;
    const context = { options, correlator, logger, dedup: router.dedup, onEvent: router.onEvent };
    const { session, serverInfo } = await TServerSession.open(endpoint, context, registering);
    const role = roleOf(serverInfo);
    if (role === 'backup' && this.status !== 'closed' && !this.otherEndpointDown(endpoint)) {
      session.destroy('standby backup');
      throw new StandbyServerError(`${endpoint.host}:${endpoint.port}`);
    }
    return { session, fields: { role } };
  }

  /**
   * A standby backup is only worth a link when the other endpoint has just failed to connect (it is down, or being
   * replaced); with one endpoint configured there is no choice.
   */
  private otherEndpointDown(endpoint: LinkEndpoint): boolean {
    const other = endpoint.which === 'primary' ? 'backup' : 'primary';
    if (other === 'backup' && this.options.endpoints.backup === undefined) return true;
    const failedAt = this.failedAt.get(other);
    return failedAt !== undefined && Date.now() - failedAt < RECENT_FAILURE_MS;
  }
}

/** Only the T-Server's own refusal to register can stop the client; lost links and timeouts are retried. */
function isRefusal(error: unknown): error is RegistrationRefusedError | ProtocolVersionError {
  return error instanceof RegistrationRefusedError || error instanceof ProtocolVersionError;
}
