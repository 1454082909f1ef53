import type { Socket } from 'node:net';
import { LinkSession, openSession, type LinkEndpoint, type LinkLogger } from '@gws/framed-link';
import { createTlibCodec, KVList, tmessage, type TMessage } from '@gws/tlib';
import { ProtocolVersionError } from '../errors/protocol-version.error';
import { RegistrationRefusedError } from '../errors/registration-refused.error';
import { TServerRequestError } from '../errors/tserver-request.error';
import type { ResolvedOptions } from '../options';
import type { EventDeduplicator } from './event-deduplicator';
import { acceptReply, requestReply, type TlibCorrelator } from './tlib-correlation';

export interface TServerSessionContext {
  readonly options: ResolvedOptions;
  readonly correlator: TlibCorrelator;
  readonly dedup: EventDeduplicator;
  /** Every new event, after de-duplication and correlation. */
  readonly onEvent: (event: TMessage) => void;
  readonly logger: LinkLogger;
}

/** One TCP link to one T-Server, from connect through RequestRegisterClient to its close. */
export class TServerSession extends LinkSession<TMessage> {
  private constructor(
    socket: Socket,
    endpoint: LinkEndpoint,
    private readonly context: TServerSessionContext,
  ) {
    super(socket, endpoint, {
      codec: createTlibCodec(),
      name: `tserver-client ${endpoint.which}`,
      addpTimeoutMs: context.options.addp.localTimeoutMs,
      logger: context.logger,
      correlator: context.correlator,
    });
    context.dedup.newLink();
  }

  /** Opens TCP; `registering` is called between connect and RequestRegisterClient. @returns the session and EventServerInfo */
  static async open(
    endpoint: LinkEndpoint,
    context: TServerSessionContext,
    registering: (session: TServerSession) => void,
  ): Promise<{ session: TServerSession; serverInfo: TMessage }> {
    const { session, registration } = await openSession(
      endpoint,
      context.options.connectTimeoutMs,
      (socket) => new TServerSession(socket, endpoint, context),
      registering,
      (opened) => opened.register(),
    );
    return { session, serverInfo: registration };
  }

  request(message: TMessage): Promise<TMessage> {
    const { correlator, options } = this.context;
    return requestReply(correlator, message, options.requestTimeoutMs, (stamped) => this.connection.send(stamped));
  }

  protected receive(event: TMessage): void {
    const { dedup, correlator, logger, onEvent } = this.context;
    if (!dedup.accept(event)) {
      logger.debug({ event: event.name, seq: event.attributes.EventSequenceNumber }, 'duplicate dropped');
      return;
    }
    acceptReply(correlator, event, logger);
    onEvent(event);
  }

  /** RequestRegisterClient; a refusal becomes ProtocolVersionError (code 55) or RegistrationRefusedError. */
  private async register(): Promise<TMessage> {
    const { applicationName, applicationPassword, protocolVersion, addp } = this.context.options;
    const message = tmessage('RequestRegisterClient', {
      ApplicationName: applicationName,
      ProtocolVersion: protocolVersion,
      ...(applicationPassword !== undefined ? { ApplicationPassword: applicationPassword } : {}),
      Extensions: KVList.from({
        'addp-timeout': addpSeconds(addp.localTimeoutMs),
        'addp-remote-timeout': addpSeconds(addp.remoteTimeoutMs),
      }),
    });
    try {
      return await this.request(message);
    } catch (error) {
      if (!(error instanceof TServerRequestError)) throw error;
      throw error.errorCode === 55
        ? new ProtocolVersionError(protocolVersion, this.remote, error)
        : new RegistrationRefusedError(applicationName, this.remote, error);
    }
  }
}

/** ADDP timeouts travel in seconds: an int when whole, else a decimal string ("0.25") so short test values survive. */
function addpSeconds(ms: number): number | string {
  return ms % 1000 === 0 ? ms / 1000 : String(ms / 1000);
}
