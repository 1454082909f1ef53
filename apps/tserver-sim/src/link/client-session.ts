import type { FramedConnection, LinkLogger, PendingRegistration } from '@gws/framed-link';
import type { EnumValue, RegisterMode, TMessage } from '@gws/tlib';
import type { EndpointRole, TServerEndpoint } from './tserver-endpoint';

/** One client link: who it is (after RequestRegisterClient) and which DNs it registered. */
export class ClientSession {
  applicationName: string | undefined;
  /** Each DN this client registered, with the RegisterMode of its latest RequestRegisterAddress. */
  readonly registeredDns = new Map<string, EnumValue<typeof RegisterMode>>();

  constructor(
    readonly id: string,
    readonly endpoint: TServerEndpoint,
    readonly connection: FramedConnection<TMessage>,
    private readonly logger: LinkLogger,
    private readonly pendingRegistration: PendingRegistration,
  ) {}

  get registered(): boolean {
    return this.applicationName !== undefined;
  }

  /** RequestRegisterClient succeeded: the link is lifted to the normal frame limit and has no deadline any more. */
  register(applicationName: string): void {
    this.applicationName = applicationName;
    this.pendingRegistration.registered();
  }

  get role(): EndpointRole {
    return this.endpoint.role;
  }

  /** The server polls this client after `intervalMs` without traffic (0 = never), unless `stopAddp` was injected. */
  setAddpInterval(intervalMs: number): void {
    this.connection.setAddpTimeout(intervalMs);
  }

  /**
   * Fault injection (`stop-addp`): the server goes silent on ADDP for this link, neither answering the client's polls
   * nor polling it (FramedConnection's `answerAddp`).
   */
  stopAddp(): void {
    this.connection.answerAddp = false;
  }

  /** Sends one message; a message that cannot be encoded is logged and dropped, never thrown at the caller. */
  send(message: TMessage): boolean {
    try {
      return this.connection.send(message);
    } catch (error) {
      this.logger.error({ client: this.id, message: message.name, err: error }, 'cannot encode event');
      return false;
    }
  }
}
