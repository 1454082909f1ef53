import type { IncomingMessage } from 'node:http';
import type { CometDServer, ServerMessage, ServerSession } from 'cometd-nodejs-server';
import { handshakeInternally } from './cometd-internals';
import type { AuthenticatedPrincipal } from './handshake-authenticator';
import type { NotificationsLogger } from './notifications-logger';
import type { AdoptedPushSession, PushCluster } from './push-cluster';
import type { SequencedDelivery } from './sequenced-delivery';

interface Adoption extends AdoptedPushSession {
  readonly clientId: string;
}

/**
 * Continues on this node the Bayeux sessions other nodes opened. A request naming a client id this node does not
 * hold asks the cluster; when the cluster knows the session and the request comes from its client, a local session
 * is made by an internal handshake (through the transport and the security policy, with the principal the cluster
 * had, under the client's browser cookie) and filled
 * with what the client has not read yet, before the request is processed. The library gives every session a
 * random id of its own, so the client keeps the id it knows: requests are rewritten to the local session's id.
 */
export class PushSessionAdoption {
  private readonly localIds = new Map<string, string>();
  private readonly clientIds = new WeakMap<ServerSession, string>();
  private readonly adoptions = new WeakMap<ServerMessage, Adoption>();
  private readonly inFlight = new Map<string, Promise<void>>();
  private readonly requestClientIds = new WeakMap<readonly ServerMessage[], string>();
  /** Sessions whose internal handshake the security policy is accepting now. */
  private readonly adopting = new WeakSet<ServerSession>();

  constructor(
    private readonly server: CometDServer,
    private readonly cluster: PushCluster,
    private readonly sequenced: SequencedDelivery,
    private readonly logger: NotificationsLogger,
    /** Forgets a local copy another node took over since (without a word to the client). */
    private readonly onStale: (session: ServerSession) => void,
    /** False once this node hands its sessions over (drain): it adopts none from then on. */
    private readonly accepting: () => boolean,
  ) {}

  /** The id the session's client knows it by. */
  clientIdOf(session: ServerSession): string {
    return this.clientIds.get(session) ?? session.id;
  }

  /** The session held here for a client id, adopted or not. */
  sessionOf(clientId: string): ServerSession | undefined {
    return this.server.getServerSession(this.localIds.get(clientId) ?? clientId) ?? undefined;
  }

  /** The principal of an internal handshake made by {@link route} (the security policy accepts it as it is). */
  principalOf(session: ServerSession, handshake: ServerMessage): AuthenticatedPrincipal | undefined {
    const principal = this.adoptions.get(handshake)?.principal;
    if (principal !== undefined) this.adopting.add(session);
    return principal;
  }

  /** True while `session` is being made by an adoption (its handshake is internal). */
  isAdopting(session: ServerSession): boolean {
    return this.adopting.has(session);
  }

  /** Called when the server added a session: true when it is an adopted one (now known by its client's id). */
  added(session: ServerSession, handshake: ServerMessage): boolean {
    const adoption = this.adoptions.get(handshake);
    if (adoption === undefined) return false;
    this.clientIds.set(session, adoption.clientId);
    if (session.id !== adoption.clientId) this.localIds.set(adoption.clientId, session.id);
    return true;
  }

  removed(session: ServerSession): void {
    const clientId = this.clientIds.get(session);
    if (clientId !== undefined && this.localIds.get(clientId) === session.id) this.localIds.delete(clientId);
  }

  /**
   * Points `messages` at the local session of their client, adopting it first when this node does not hold it.
   * Returns whether the session is here once it resolves; the caller hands the messages to the server at once (in
   * the same turn), as a session dropped meanwhile (another node claimed it) would get the client a 402.
   */
  async route(messages: ServerMessage[], request: IncomingMessage): Promise<void> {
    const clientId = this.clientIdOfRequest(messages);
    if (clientId === undefined) return;
    // Twice at most: a copy dropped while this request waited (claimed by another node) is adopted back.
    for (let attempt = 0; attempt < 2 && !(await this.settle(clientId, messages, request)); attempt++);
    const localId = this.localIds.get(clientId) ?? clientId;
    for (const message of messages) if (message.clientId !== undefined) message.clientId = localId;
  }

  /** Whether the session `route` pointed the messages at is still here: check it just before handing them over. */
  routed(messages: readonly ServerMessage[]): boolean {
    const clientId = this.requestClientIds.get(messages);
    return clientId === undefined || this.sessionOf(clientId) !== undefined;
  }

  /** The client id the request came with (kept across the rewrites of a retried `route`). */
  private clientIdOfRequest(messages: readonly ServerMessage[]): string | undefined {
    let clientId = this.requestClientIds.get(messages);
    if (clientId === undefined) {
      const named = messages.find((message) => message.channel !== '/meta/handshake')?.clientId;
      if (typeof named !== 'string') return undefined;
      this.requestClientIds.set(messages, (clientId = named));
    }
    return clientId;
  }

  /** True when, as this resolves, this node holds the client's session (synchronously checked last). */
  private async settle(clientId: string, messages: ServerMessage[], request: IncomingMessage): Promise<boolean> {
    const held = this.sessionOf(clientId);
    if (held !== undefined && this.cluster.shared && isLongPoll(messages) && !(await this.stillHolds(clientId))) {
      // The client went to another node and came back: this copy missed what that node sent.
      if (this.sessionOf(clientId) === held) this.onStale(held);
    }
    if (this.sessionOf(clientId) === undefined) await this.adoptOnce(clientId, request, ackOf(messages));
    return this.sessionOf(clientId) !== undefined;
  }

  /**
   * Whether the cluster still names this node the session's holder. When the store cannot say (Redis restarting),
   * the local copy is kept: no other node can have adopted the session without the store either.
   */
  private stillHolds(clientId: string): Promise<boolean> {
    return this.cluster.holds(clientId).catch((error: unknown) => {
      this.logger.debug({ error: String(error) }, 'CometD session holder unknown: the local copy serves');
      return true;
    });
  }

  private adoptOnce(clientId: string, request: IncomingMessage, ack: number | undefined): Promise<void> {
    let adopting = this.inFlight.get(clientId);
    if (adopting === undefined) {
      adopting = this.adopt(clientId, request, ack).finally(() => this.inFlight.delete(clientId));
      this.inFlight.set(clientId, adopting);
    }
    return adopting;
  }

  private async adopt(clientId: string, request: IncomingMessage, ack: number | undefined): Promise<void> {
    if (!this.accepting()) return;
    const adopted = await this.cluster.adopt(clientId, request, ack);
    // Claimed while this node began to drain: the record names this node, and the client's next poll elsewhere
    // adopts it from there (as it would from a node killed).
    if (adopted === undefined || !this.accepting()) return;
    const handshake: ServerMessage = {
      channel: '/meta/handshake',
      version: '1.0',
      supportedConnectionTypes: ['long-polling'],
      ...(adopted.acknowledging ? { ext: { ack: true } } : {}),
    };
    this.adoptions.set(handshake, { ...adopted, clientId });
    const session = await handshakeInternally(this.server, handshake, request.headers.cookie);
    if (session === undefined) return;
    const backlog = await this.cluster.backlog(adopted.principal.userId, adopted.cursor).catch((error: unknown) => {
      this.logger.warn({ error: String(error) }, 'CometD session adopted without its backlog: the log is unreadable');
      return [];
    });
    this.sequenced.open(session, adopted.cursor, backlog);
    this.logger.info(
      { userName: adopted.principal.userName, cursor: adopted.cursor, backlog: backlog.length },
      'CometD session adopted from another node',
    );
  }
}

function isLongPoll(messages: readonly ServerMessage[]): boolean {
  return messages.some((message) => message.channel === '/meta/connect');
}

/** What the client's acknowledgement extension confirmed on its `/meta/connect`, if it uses it. */
function ackOf(messages: readonly ServerMessage[]): number | undefined {
  const connect = messages.find((message) => message.channel === '/meta/connect');
  const ack = (connect?.ext as { ack?: unknown } | undefined)?.ack;
  return typeof ack === 'number' ? ack : undefined;
}
