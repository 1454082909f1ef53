import type { TMessage } from '@gws/tlib';

/**
 * Where the switch model sends the events it produces for a DN. The link layer stamps them (sequence number, time)
 * and fans them out to the clients that registered the DN; the model knows nothing of sockets.
 */
export interface EventSink {
  publish(dn: string, message: TMessage): void;
}
