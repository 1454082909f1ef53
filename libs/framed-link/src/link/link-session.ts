import type { Socket } from 'node:net';
import type { WireCodec, WireMessage } from '@gws/tlib';
import type { CloseReason } from '../close-reason';
import { connectSocket } from '../connect-socket';
import { FramedConnection } from '../framed-connection';
import type { LinkLogger } from '../link-logger';
import type { LinkEndpoint } from './link-status';
import type { SupervisedSession } from './link-supervisor';

export interface LinkSessionOptions<M extends WireMessage> {
  readonly codec: WireCodec<M>;
  /** Names the link in logs, e.g. `tserver-client primary`. */
  readonly name: string;
  /** ADDP on this side: FramedConnection's `addpTimeoutMs`; 0 = off. */
  readonly addpTimeoutMs: number;
  readonly logger: LinkLogger;
  /** Fails the requests in flight when the link closes (a RequestCorrelator). */
  readonly correlator: { linkLost(reason: CloseReason): void };
}

/**
 * One framed TCP link to one server, from connect to its close, as both platform clients hold it: the client's
 * session adds registration, requests and what it does with each message (`receive`).
 */
export abstract class LinkSession<M extends WireMessage> implements SupervisedSession {
  /** Resolves once, with why the link closed; the requests in flight on it have failed by then. */
  readonly closed: Promise<CloseReason>;
  protected readonly connection: FramedConnection<M>;

  protected constructor(
    socket: Socket,
    readonly endpoint: LinkEndpoint,
    options: LinkSessionOptions<M>,
  ) {
    const { codec, name, addpTimeoutMs, logger, correlator } = options;
    this.connection = new FramedConnection<M>({ socket, codec, name, addpTimeoutMs, logger });
    this.connection.on('message', (message) => this.receive(message));
    this.closed = new Promise((resolve) => {
      this.connection.once('close', (reason) => {
        correlator.linkLost(reason);
        resolve(reason);
      });
    });
  }

  get remote(): string {
    return `${this.endpoint.host}:${this.endpoint.port}`;
  }

  destroy(detail: string): void {
    this.connection.destroy(detail);
  }

  /** Every message from the server, in order. */
  protected abstract receive(message: M): void;
}

/**
 * Connects to `endpoint`, builds the session on the socket, calls `registering(session)` and then `register`; a
 * registration that fails destroys the session. @returns the session and what `register` resolved with
 */
export async function openSession<S extends SupervisedSession, R>(
  endpoint: LinkEndpoint,
  connectTimeoutMs: number,
  create: (socket: Socket) => S,
  registering: (session: S) => void,
  register: (session: S) => Promise<R>,
): Promise<{ session: S; registration: R }> {
  const session = create(await connectSocket(endpoint, connectTimeoutMs));
  registering(session);
  try {
    return { session, registration: await register(session) };
  } catch (error) {
    session.destroy('registration failed');
    throw error;
  }
}
