import type { LinkLogger } from '@gws/framed-link';
import { create, makeResponse, type Message } from 'sip';
import type { SipHeaders, SipRequest, SipResponse } from './sip-message';
import { freeUdpPort } from './udp-port';

export interface SipStackOptions {
  readonly host: string;
  /** 0 = a free port. */
  readonly port: number;
  readonly logger: LinkLogger;
  /** A request from a peer: a new one (its server transaction is open) or an ACK to a 2xx. */
  readonly onRequest: (request: SipRequest) => void;
}

export interface ResponseExtras {
  readonly headers?: SipHeaders;
  readonly content?: string;
}

/**
 * The SIP transport and transaction layer the simulator's SIP side needs, over UDP: requests out through client
 * transactions (retransmission, timer B's 408), responses out through the server transaction of the request.
 * Dialogs are the caller's business. Behind this interface so that the npm `sip` package can be replaced.
 */
export interface SipStack {
  readonly host: string;
  readonly port: number;
  /**
   * Sends `request` to its first Route (loose routing) or else its Request-URI; a Via is added. `onResponse` gets
   * every response, the retransmitted 2xx of an INVITE included. An ACK has no transaction and no response.
   */
  send(request: SipRequest, onResponse?: (response: SipResponse) => void): void;
  /** Answers a request `onRequest` delivered (Via, From, To, Call-ID and CSeq copied from it). */
  respond(request: SipRequest, status: number, reason: string, extras?: ResponseExtras): void;
  close(): void;
}

/** Starts the npm `sip` stack on UDP `host:port`. */
export async function startSipStack(options: SipStackOptions): Promise<SipStack> {
  // sip 0.0.6 binds by itself, reads port 0 as 5060 and has no bind error handler: reserve a port it can have.
  const port = await freeUdpPort(options.host, options.port);
  const { logger } = options;
  const guarded =
    <A extends unknown[]>(what: string, run: (...args: A) => void) =>
    (...args: A): void => {
      try {
        run(...args);
      } catch (error) {
        logger.error({ err: error }, `SIP ${what} handler failed`);
      }
    };
  const stack = create(
    {
      address: options.host,
      port,
      udp: true,
      tcp: false,
      logger: {
        send: (message) => logger.debug({ sip: summary(message) }, 'SIP out'),
        recv: (message) => logger.debug({ sip: summary(message) }, 'SIP in'),
        error: (error) => logger.warn({ err: error }, 'SIP stack error'),
      },
    },
    guarded('request', (message: Message) => {
      const request = asRequest(message);
      if (request !== undefined) options.onRequest(request);
    }),
  );
  let closed = false;
  return {
    host: options.host,
    port,
    send(request, onResponse) {
      if (closed) return;
      const deliver = onResponse === undefined ? undefined : guarded('response', onResponse);
      stack.send(request, (message) => {
        const response = asResponse(message);
        if (response !== undefined && deliver !== undefined && !closed) deliver(response);
      });
    },
    respond(request, status, reason, extras = {}) {
      if (!closed) stack.send(makeResponse(request, status, reason, extras));
    },
    close() {
      if (closed) return;
      closed = true;
      stack.destroy();
    },
  };
}

function asRequest(message: Message): SipRequest | undefined {
  const { method, uri, headers, content } = message;
  if (method === undefined || uri === undefined) return undefined;
  return { method, uri, headers, ...(content !== undefined ? { content } : {}) };
}

function asResponse(message: Message): SipResponse | undefined {
  const { status, reason, headers, content } = message;
  if (status === undefined) return undefined;
  return { status, reason: reason ?? '', headers, ...(content !== undefined ? { content } : {}) };
}

function summary(message: Message): string {
  const what = message.method ?? `${message.status ?? '?'} ${message.reason ?? ''}`;
  return `${what} ${message.headers.cseq?.method ?? ''} ${message.headers['call-id'] ?? ''}`;
}
