import { EventEmitter } from 'node:events';
import type { Socket } from 'node:net';
import {
  connectSocket,
  exponentialBackoff,
  FramedConnection,
  Int32Sequence,
  RequestTracker,
  silentLogger,
  type CloseReason,
  type LinkLogger,
} from '@gws/framed-link';
import { ConfServRequestError } from '../errors/confserv-request.error';
import { RequestTimeoutError } from '../errors/request-timeout.error';
import { ServerUnavailableError } from '../errors/server-unavailable.error';
import { enumName, CfgAppType } from '../protocol/cfg-enums';
import type { ConfServMessageName } from '../protocol/confserv-message-ids';
import {
  confservMessage,
  createConfServCodec,
  type ConfServAttributes,
  type ConfServMessage,
} from '../protocol/confserv-protocol';
import {
  DEFAULT_CONNECT_TIMEOUT_MS,
  DEFAULT_REQUEST_TIMEOUT_MS,
  type ConfServClientOptions,
  type ConfServEndpoint,
  type ConfServRequestOptions,
  type LinkStatus,
} from './confserv-client-options';

const codec = createConfServCodec();

/** Object events that are not the answer to one of our requests. */
const NOTIFICATIONS = new Set<ConfServMessageName>(['EventObjectCreated', 'EventObjectUpdated', 'EventObjectDeleted']);

interface LinkEvents {
  status: [status: LinkStatus];
  notification: [message: ConfServMessage];
}

/**
 * One registered link to Configuration Server, kept up across failures: dial (primary, then backup), register,
 * run `onRegistered` (re-subscribe), then serve requests until the link drops; reconnect with capped backoff.
 * Requests carry IATRCFG_REQUESTID from a wrapping sequence; a read completes on EventObjectsSent.
 *
 * A server that stops answering (hung process, dead route) is noticed two ways, and its link closed so the status
 * says so: ADDP (`addpTimeoutMs`) while the link is idle, and a request timeout during which nothing at all arrived.
 */
export class ConfServLink extends EventEmitter<LinkEvents> {
  /** Requests sent since start. */
  requestsSent = 0;
  /** Times the link went from nothing in flight to waiting for an answer: sequential round trips. */
  roundTrips = 0;
  /** Hook run after each registration, before the status turns `connected`. */
  onRegistered: () => Promise<void> = () => Promise.resolve();

  private currentStatus: LinkStatus = 'disconnected';
  private link: FramedConnection<ConfServMessage> | undefined;
  /** Each link's socket, to tell whether anything arrived (answers, ADDP replies) while a request waited. */
  private readonly sockets = new WeakMap<FramedConnection<ConfServMessage>, Socket>();
  private readonly ids = new Int32Sequence();
  private readonly tracker = new RequestTracker<number, ConfServMessage[]>();
  /** EventObjectsRead batches received so far, per request id. */
  private readonly batches = new Map<number, ConfServMessage[]>();
  private readonly requestNames = new Map<number, string>();
  private readonly logger: LinkLogger;
  private readonly reconnectDelay: (attempt: number) => number;
  private running: Promise<void> | undefined;
  private closing = false;
  private wake: (() => void) | undefined;
  private sleepTimer: NodeJS.Timeout | undefined;
  private readonly waiters = new Set<{ resolve: () => void; reject: (error: Error) => void }>();

  constructor(private readonly options: ConfServClientOptions) {
    super();
    if (options.endpoints.length === 0) throw new RangeError('ConfServClient needs at least one endpoint');
    this.logger = options.logger ?? silentLogger;
    this.reconnectDelay = options.reconnectDelay ?? exponentialBackoff();
  }

  get status(): LinkStatus {
    return this.currentStatus;
  }

  start(): void {
    if (this.running || this.closing) return;
    this.running = this.run();
  }

  /** Resolves once registered; rejects if the client is closed first. */
  whenConnected(): Promise<void> {
    if (this.currentStatus === 'connected') return Promise.resolve();
    if (this.closing) return Promise.reject(new ServerUnavailableError('connect', 'client closed'));
    return new Promise<void>((resolve, reject) => this.waiters.add({ resolve, reject }));
  }

  async close(): Promise<void> {
    this.closing = true;
    clearTimeout(this.sleepTimer);
    this.wake?.();
    this.link?.close('client closed');
    this.tracker.failAll(new ServerUnavailableError('request', 'client closed'));
    for (const waiter of this.waiters) waiter.reject(new ServerUnavailableError('connect', 'client closed'));
    this.waiters.clear();
    this.setStatus('disconnected');
    await this.running;
  }

  /**
   * Sends a request and resolves with its answer(s): one event, or the read batches then EventObjectsSent.
   * @throws ServerUnavailableError at once while the link is not connected, or when it drops before the answer
   * @throws RequestTimeoutError when no answer came in time (the link is closed too if nothing else arrived)
   */
  request(
    name: ConfServMessageName,
    attributes: ConfServAttributes,
    options: ConfServRequestOptions = {},
  ): Promise<ConfServMessage[]> {
    if (this.currentStatus !== 'connected' || this.link === undefined) {
      return Promise.reject(new ServerUnavailableError(name, `link ${this.currentStatus}`));
    }
    return this.exchange(this.link, name, attributes, options.timeoutMs);
  }

  private exchange(
    link: FramedConnection<ConfServMessage>,
    name: ConfServMessageName,
    attributes: ConfServAttributes,
    timeoutMs = this.options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS,
  ): Promise<ConfServMessage[]> {
    const requestId = this.ids.next();
    if (this.tracker.size === 0) this.roundTrips++;
    const bytesReadAtSend = this.bytesRead(link);
    const answer = this.tracker.track(requestId, timeoutMs, () => {
      this.forget(requestId);
      const error = new RequestTimeoutError(name, requestId, timeoutMs);
      if (this.bytesRead(link) === bytesReadAtSend) this.dropSilentLink(link, error);
      return error;
    });
    this.requestNames.set(requestId, name);
    this.requestsSent++;
    try {
      link.send(confservMessage(name, { ...attributes, IATRCFG_REQUESTID: requestId }));
    } catch (error) {
      this.tracker.fail(requestId, error as Error);
      this.forget(requestId);
    }
    return answer;
  }

  private onMessage(message: ConfServMessage): void {
    const requestId = message.attributes.IATRCFG_REQUESTID ?? 0;
    if (NOTIFICATIONS.has(message.name)) this.emit('notification', message);
    if (requestId === 0 || !this.tracker.has(requestId)) {
      if (!NOTIFICATIONS.has(message.name)) {
        this.logger.warn({ message: message.name, requestId }, 'confserv: answer without a matching request');
      }
      return;
    }
    if (message.name === 'EventObjectsRead') {
      const batches = this.batches.get(requestId) ?? [];
      batches.push(message);
      this.batches.set(requestId, batches);
      return;
    }
    const collected = this.batches.get(requestId) ?? [];
    const requestName = this.requestNames.get(requestId) ?? 'request';
    this.forget(requestId);
    if (message.name === 'EventError') {
      const { IATRCFG_ERRORCODE: code = 0, SATRCFG_DESCRIPTION: description = '' } = message.attributes;
      this.tracker.fail(requestId, new ConfServRequestError(requestName, code, description));
      return;
    }
    this.tracker.settle(requestId, [...collected, message]);
  }

  private bytesRead(link: FramedConnection<ConfServMessage>): number {
    return this.sockets.get(link)?.bytesRead ?? 0;
  }

  /**
   * A request timed out and the server sent nothing at all meanwhile: it is not answering (a live server would have
   * answered something, an ADDP poll at least when ADDP is on). Closing the link makes the status say so, fails the
   * other requests at once instead of each waiting out its timeout, and starts reconnecting.
   */
  private dropSilentLink(link: FramedConnection<ConfServMessage>, timeout: RequestTimeoutError): void {
    if (link.closed) return;
    this.logger.warn({ link: link.remote, err: timeout.message }, 'confserv: server not answering; closing the link');
    link.destroy(`server not answering (${timeout.message}; nothing else received meanwhile)`);
  }

  private forget(requestId: number): void {
    this.batches.delete(requestId);
    this.requestNames.delete(requestId);
  }

  private async run(): Promise<void> {
    const endpoints = this.options.endpoints;
    let attempt = 0;
    let index = 0;
    while (!this.closing) {
      const endpoint = endpoints[index % endpoints.length]!;
      this.setStatus('connecting');
      try {
        const { closed } = await this.open(endpoint);
        attempt = 0;
        this.setStatus('connected');
        const reason = await closed;
        this.logger.warn({ endpoint: label(endpoint), reason }, 'confserv: link lost');
      } catch (error) {
        this.logger.warn({ endpoint: label(endpoint), err: (error as Error).message }, 'confserv: connect failed');
        index++;
      }
      if (this.closing) break;
      this.setStatus('disconnected');
      attempt++;
      await this.sleep(this.reconnectDelay(attempt));
    }
  }

  /** Dials and registers; resolves with a promise of the link's close (wrapped, so it is not awaited here). */
  private async open(endpoint: ConfServEndpoint): Promise<{ closed: Promise<CloseReason> }> {
    const socket = await connectSocket(endpoint, this.options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS);
    if (this.closing) {
      socket.destroy();
      throw new ServerUnavailableError('connect', 'client closed');
    }
    const link = new FramedConnection<ConfServMessage>({
      socket,
      codec,
      name: `confserv ${label(endpoint)}`,
      addpTimeoutMs: this.options.addpTimeoutMs ?? 0,
      logger: this.logger,
    });
    const closed = new Promise<CloseReason>((resolve) => {
      link.once('close', (reason) => {
        if (this.link === link) this.link = undefined;
        this.tracker.failAll(new ServerUnavailableError('request', `link closed: ${reason.detail}`));
        this.batches.clear();
        this.requestNames.clear();
        resolve(reason);
      });
    });
    link.on('message', (message) => this.onMessage(message));
    this.sockets.set(link, socket);
    this.link = link;
    try {
      const { applicationName, applicationType, userName, password } = this.options;
      await this.exchange(link, 'RequestRegisterClient', {
        SATRCFG_APPNAME: applicationName,
        IATRCFG_APPTYPE: applicationType,
        ...(userName === undefined ? {} : { SATRCFG_USERNAME: userName }),
        ...(password === undefined ? {} : { SATRCFG_PASSWORD: password }),
      });
      await this.onRegistered();
    } catch (error) {
      link.destroy('registration failed');
      throw error;
    }
    this.logger.info(
      {
        endpoint: label(endpoint),
        client: `${enumName(CfgAppType, this.options.applicationType)} '${this.options.applicationName}'`,
      },
      'confserv: registered',
    );
    return { closed };
  }

  /** `request` refuses while connecting; the registration hook uses this to re-subscribe before `connected`. */
  requestWhileRegistering(name: ConfServMessageName, attributes: ConfServAttributes): Promise<ConfServMessage[]> {
    if (this.link === undefined) return Promise.reject(new ServerUnavailableError(name, 'no link'));
    return this.exchange(this.link, name, attributes);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.wake = resolve;
      this.sleepTimer = setTimeout(resolve, ms);
    }).finally(() => {
      this.wake = undefined;
    });
  }

  private setStatus(status: LinkStatus): void {
    if (status === this.currentStatus) return;
    this.currentStatus = status;
    if (status === 'connected') {
      for (const waiter of this.waiters) waiter.resolve();
      this.waiters.clear();
    }
    this.emit('status', status);
  }
}

function label(endpoint: ConfServEndpoint): string {
  return `${endpoint.host}:${endpoint.port}`;
}
