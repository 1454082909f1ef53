import type { TMessage } from '@gws/tlib';

/**
 * Where the switch model sends the events it produces for a DN. The link layer stamps them (sequence number, time)
 * and fans them out to the clients that registered the DN; the model knows nothing of sockets.
 */
export interface EventSink {
  publish(dn: string, message: TMessage): void;
  /**
   * The request being served is answered later, when a phone has done what it asked (a SIP endpoint answering):
   * the first event of the request's reply type for its DN and ConnID that reaches the requester then carries its
   * ReferenceID, and no EventACK goes out now. Outside a request there is nothing to defer: a no-op reply.
   */
  deferReply(): DeferredReply;
}

export interface DeferredReply {
  /** The request failed after all: EventError with its ReferenceID. Nothing when its reply already went out. */
  fail(code: number, message: string): void;
}

export const NO_REPLY: DeferredReply = { fail: () => undefined };
