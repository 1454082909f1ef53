import type { Callback, CometDServer, ServerMessage, ServerSession } from 'cometd-nodejs-server';

/**
 * The few private parts of cometd-nodejs-server 1.x that cluster support needs, typed in one place: creating a
 * session without an HTTP handshake (a session adopted from another node), delivering a whole message (so that it
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
  _newServerSession(): ServerSession;
  _process(session: ServerSession, message: ServerMessage, callback: (failure?: unknown) => void): void;
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
 * Creates a session and runs `/meta/handshake` for it through the server's extensions and security policy, as the
 * HTTP transport would; resolves with the session once the server added it, or undefined when it was refused.
 */
export function handshakeInternally(server: CometDServer, message: ServerMessage): Promise<ServerSession | undefined> {
  const internal = server as InternalServer;
  const session = internal._newServerSession();
  return new Promise((resolve, reject) => {
    internal._process(session, message, (failure) => {
      if (failure !== undefined) reject(failure instanceof Error ? failure : new Error('internal handshake failed'));
      else resolve(server.getServerSession(session.id) === session ? session : undefined);
    });
  });
}

/** Answers the session's parked long poll (if any) and removes the session without a `/meta/disconnect`. */
export function dropSession(server: CometDServer, session: ServerSession): void {
  (session as InternalSession)._scheduler?.resume();
  (server as InternalServer)._removeServerSession(session, false);
}
