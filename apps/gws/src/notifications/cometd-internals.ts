import { EventEmitter } from 'node:events';
import type { Callback, CometDServer, ServerMessage, ServerSession } from 'cometd-nodejs-server';

/**
 * The few private parts of cometd-nodejs-server 1.x that cluster support needs, typed in one place: creating a
 * session without the client's handshake (a session adopted from another node), delivering a whole message (so that it
 * carries its stream sequence number in `ext`), and dropping a session without telling its client (it moved to
 * another node). The library exposes none of these publicly; the version is pinned in package.json.
 */
interface InternalSession extends ServerSession {
  _deliver(sender: ServerSession | null, message: ServerMessage, callback?: Callback<boolean>): void;
  readonly _hasMessages: boolean;
  _metaConnectDeliveryOnly: boolean;
  _scheduler: { resume(): void } | null;
}

interface InternalServer extends CometDServer {
  _removeServerSession(session: ServerSession, timeout: boolean): unknown;
}

/** Queues a full message (channel, data, ext, ...) for the session, through every outgoing extension. */
export function deliverMessage(session: ServerSession, message: ServerMessage): void {
  (session as InternalSession)._deliver(null, message);
}

export function hasQueuedMessages(session: ServerSession): boolean {
  return (session as InternalSession)._hasMessages;
}

/** Messages leave only with `/meta/connect` replies (what the acknowledgement extension needs). */
export function deliverOnMetaConnectOnly(session: ServerSession): void {
  (session as InternalSession)._metaConnectDeliveryOnly = true;
}

/**
 * Runs a `/meta/handshake` through the server's HTTP transport as if the client had sent it with `cookieHeader`
 * (extensions, security policy, and the transport's list of the browser's sessions, which the transport finds the
 * client's later requests by, through its browser cookie); resolves with the session the server added, or
 * undefined when it was refused.
 */
export function handshakeInternally(
  server: CometDServer,
  message: ServerMessage,
  cookieHeader: string | undefined,
): Promise<ServerSession | undefined> {
  const request = { method: 'POST', body: [message], headers: { cookie: cookieHeader } };
  return new Promise((resolve) => {
    const response = new CollectingResponse((content) => {
      const reply = parseReply(content);
      const session =
        reply?.successful === true && reply.clientId ? server.getServerSession(reply.clientId) : undefined;
      resolve(session ?? undefined);
    });
    server.handle(request, response);
  });
}

/** The part of Node's ServerResponse the transport writes to. */
class CollectingResponse extends EventEmitter {
  statusCode = 200;
  readonly socket = { destroyed: false };

  constructor(private readonly done: (content: string) => void) {
    super();
  }

  setHeader(): void {}

  end(content?: string): void {
    this.done(content ?? '');
    this.emit('finish');
  }
}

function parseReply(content: string): ServerMessage | undefined {
  try {
    const replies = JSON.parse(content) as ServerMessage[];
    return Array.isArray(replies) ? replies.find((reply) => reply.channel === '/meta/handshake') : undefined;
  } catch {
    return undefined;
  }
}

/** Answers the session's parked long poll (if any) and removes the session without a `/meta/disconnect`. */
export function dropSession(server: CometDServer, session: ServerSession): void {
  (session as InternalSession)._scheduler?.resume();
  (server as InternalServer)._removeServerSession(session, false);
}
