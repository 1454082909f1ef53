import type { Socket } from 'node:net';
import {
  LinkSession,
  openSession,
  type LinkEndpoint,
  type LinkLogger,
  type RequestTimeoutError,
} from '@gws/framed-link';
import type { ConfServMessageName } from '../protocol/confserv-message-ids';
import { createConfServCodec, type ConfServAttributes, type ConfServMessage } from '../protocol/confserv-protocol';
import type { ResolvedConfServClientOptions } from './confserv-client-options';
import { acceptAnswer, NOTIFICATIONS, requestAnswers, type ConfServCorrelator } from './confserv-correlation';

const codec = createConfServCodec();

export interface ConfServSessionContext {
  readonly options: ResolvedConfServClientOptions;
  readonly correlator: ConfServCorrelator;
  readonly logger: LinkLogger;
  /** Object notifications, from every link. */
  readonly onNotification: (message: ConfServMessage) => void;
  /** Runs after RequestRegisterClient is answered, before the link counts as registered (re-subscribe). */
  readonly registered: (session: ConfServSession) => Promise<void>;
}

/**
 * One TCP link to one Configuration Server, from connect through RequestRegisterClient to its close. A server that
 * stops answering (hung process, dead route) is noticed two ways, and the link closed so the status says so: ADDP
 * (`addpTimeoutMs`) while the link is idle, and a request timeout during which nothing at all arrived.
 */
export class ConfServSession extends LinkSession<ConfServMessage> {
  private constructor(
    socket: Socket,
    endpoint: LinkEndpoint,
    private readonly context: ConfServSessionContext,
  ) {
    super(socket, endpoint, {
      codec,
      name: `confserv ${endpoint.host}:${endpoint.port}`,
      addpTimeoutMs: context.options.addpTimeoutMs,
      logger: context.logger,
      correlator: context.correlator,
    });
  }

  /** Opens TCP; `registering` is called between connect and RequestRegisterClient. */
  static async open(
    endpoint: LinkEndpoint,
    context: ConfServSessionContext,
    registering: (session: ConfServSession) => void,
  ): Promise<ConfServSession> {
    const { session } = await openSession(
      endpoint,
      context.options.connectTimeoutMs,
      (socket) => new ConfServSession(socket, endpoint, context),
      registering,
      (opened) => opened.register(),
    );
    return session;
  }

  /**
   * Sends a request and resolves with its answer(s): one event, or the read batches then EventObjectsSent.
   * @throws ServerUnavailableError when the link drops before the answer
   * @throws RequestTimeoutError when no answer came in time (the link is closed too if nothing else arrived)
   */
  request(
    name: ConfServMessageName,
    attributes: ConfServAttributes,
    timeoutMs = this.context.options.requestTimeoutMs,
  ): Promise<ConfServMessage[]> {
    const receivedAtSend = this.connection.bytesReceived;
    const send = (message: ConfServMessage): boolean => this.connection.send(message);
    return requestAnswers(this.context.correlator, name, attributes, timeoutMs, send, (timeout) => {
      if (this.connection.bytesReceived === receivedAtSend) this.dropSilentLink(timeout);
    });
  }

  protected receive(message: ConfServMessage): void {
    if (NOTIFICATIONS.has(message.name)) this.context.onNotification(message);
    acceptAnswer(this.context.correlator, message, this.context.logger);
  }

  /** RequestRegisterClient, then the `registered` hook. */
  private async register(): Promise<void> {
    const { applicationName, applicationType, userName, password } = this.context.options;
    await this.request('RequestRegisterClient', {
      SATRCFG_APPNAME: applicationName,
      IATRCFG_APPTYPE: applicationType,
      ...(userName === undefined ? {} : { SATRCFG_USERNAME: userName }),
      ...(password === undefined ? {} : { SATRCFG_PASSWORD: password }),
    });
    await this.context.registered(this);
  }

  /**
   * A request timed out and the server sent nothing at all meanwhile: it is not answering (a live server would have
   * answered something, an ADDP poll at least when ADDP is on). Closing the link makes the status say so, fails the
   * other requests at once instead of each waiting out its timeout, and starts reconnecting.
   */
  private dropSilentLink(timeout: RequestTimeoutError): void {
    if (this.connection.closed) return;
    this.context.logger.warn({ link: this.remote, err: timeout.message }, 'server not answering; closing the link');
    this.connection.destroy(`server not answering (${timeout.message}; nothing else received meanwhile)`);
  }
}
