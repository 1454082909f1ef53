import {
  connectSocket,
  FramedConnection,
  type CloseReason,
  type LinkEndpoint,
  type LinkLogger,
} from '@gws/framed-link';
import { createTlibCodec, KVList, tmessage, type TMessage } from '@gws/tlib';
import { ProtocolVersionError } from '../errors/protocol-version.error';
import { RegistrationRefusedError } from '../errors/registration-refused.error';
import { TServerRequestError } from '../errors/tserver-request.error';
import type { ResolvedOptions } from '../options';
import type { EventDeduplicator } from './event-deduplicator';
import { acceptReply, requestReply, type TlibCorrelator } from './tlib-correlation';

export interface LinkSessionContext {
  readonly options: ResolvedOptions;
  readonly correlator: TlibCorrelator;
  readonly dedup: EventDeduplicator;
  /** Every new event, after de-duplication and correlation. */
  readonly onEvent: (event: TMessage) => void;
  readonly logger: LinkLogger;
}

/** One TCP link to one T-Server, from connect through RequestRegisterClient to its close. */
export class LinkSession {
  /** Resolves once, with why the link closed; in-flight requests have failed with LinkDownError by then. */
  readonly closed: Promise<CloseReason>;
  private readonly connection: FramedConnection<TMessage>;

  private constructor(
    socket: Awaited<ReturnType<typeof connectSocket>>,
    readonly endpoint: LinkEndpoint,
    private readonly context: LinkSessionContext,
  ) {
    const { options, correlator, dedup, onEvent } = context;
    this.connection = new FramedConnection<TMessage>({
      socket,
      codec: createTlibCodec(),
      name: `tserver-client ${endpoint.which}`,
      addpTimeoutMs: options.addp.localTimeoutMs,
      logger: context.logger,
    });
    dedup.newLink();
    this.connection.on('message', (event) => {
      if (!dedup.accept(event)) {
        context.logger.debug({ event: event.name, seq: event.attributes.EventSequenceNumber }, 'duplicate dropped');
        return;
      }
      acceptReply(correlator, event, context.logger);
      onEvent(event);
    });
    this.closed = new Promise((resolve) => {
      this.connection.once('close', (reason) => {
        correlator.linkLost(reason);
        resolve(reason);
      });
    });
  }

  /** Opens TCP; `registering` is called between connect and RequestRegisterClient. @returns the session and EventServerInfo */
  static async open(
    endpoint: LinkEndpoint,
    context: LinkSessionContext,
    registering: (session: LinkSession) => void,
  ): Promise<{ session: LinkSession; serverInfo: TMessage }> {
    const socket = await connectSocket(endpoint, context.options.connectTimeoutMs);
    const session = new LinkSession(socket, endpoint, context);
    registering(session);
    try {
      return { session, serverInfo: await session.request(session.registerClientMessage()) };
    } catch (error) {
      session.destroy('registration failed');
      throw session.registrationError(error);
    }
  }

  get remote(): string {
    return `${this.endpoint.host}:${this.endpoint.port}`;
  }

  request(message: TMessage): Promise<TMessage> {
    const { correlator, options } = this.context;
    return requestReply(correlator, message, options.requestTimeoutMs, (stamped) => this.connection.send(stamped));
  }

  destroy(detail: string): void {
    this.connection.destroy(detail);
  }

  private registerClientMessage(): TMessage {
    const { applicationName, applicationPassword, protocolVersion, addp } = this.context.options;
    return tmessage('RequestRegisterClient', {
      ApplicationName: applicationName,
      ProtocolVersion: protocolVersion,
      ...(applicationPassword !== undefined ? { ApplicationPassword: applicationPassword } : {}),
      Extensions: KVList.from({
        'addp-timeout': addpSeconds(addp.localTimeoutMs),
        'addp-remote-timeout': addpSeconds(addp.remoteTimeoutMs),
      }),
    });
  }

  private registrationError(error: unknown): unknown {
    if (!(error instanceof TServerRequestError)) return error;
    const { applicationName, protocolVersion } = this.context.options;
    return error.errorCode === 55
      ? new ProtocolVersionError(protocolVersion, this.remote, error)
      : new RegistrationRefusedError(applicationName, this.remote, error);
  }
}

/** ADDP timeouts travel in seconds: an int when whole, else a decimal string ("0.25") so short test values survive. */
function addpSeconds(ms: number): number | string {
  return ms % 1000 === 0 ? ms / 1000 : String(ms / 1000);
}
