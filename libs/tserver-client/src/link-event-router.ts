import type { EventEmitter } from 'node:events';
import type { LinkLogger } from '@gws/framed-link';
import { ServerRole, type TMessage } from '@gws/tlib';
import type { ServerRoleName, TServerClientEvents } from './client-events';
import { EventDeduplicator } from './link/event-deduplicator';
import type { TServerSession } from './link/tserver-session';
import type { ResolvedOptions } from './options';
import { RegisteredDns } from './resync/registered-dns';
import { resyncDns } from './resync/resync-dns';

export function roleOf(serverInfo: TMessage): ServerRoleName {
  return serverInfo.attributes.ServerRole === ServerRole.Backup ? 'backup' : 'primary';
}

/**
 * What the client does with the events of every link: de-duplication, CTI link state, server role, call tracking
 * for re-sync, and the `event` stream; and the re-sync itself after each (re)connect.
 */
export class LinkEventRouter {
  readonly registered = new RegisteredDns();
  readonly dedup: EventDeduplicator;
  ctiLink: 'unknown' | 'up' | 'down' = 'unknown';

  constructor(
    private readonly emitter: EventEmitter<TServerClientEvents>,
    private readonly options: ResolvedOptions,
    private readonly logger: LinkLogger,
    private readonly roleChanged: (role: ServerRoleName) => void,
  ) {
    this.dedup = new EventDeduplicator(options.dedupWindow);
  }

  /** Called by each link for every event that passed de-duplication (and correlation). */
  readonly onEvent = (event: TMessage): void => {
    if (event.name === 'EventServerInfo') this.roleChanged(roleOf(event));
    this.registered.observe(event);
    this.emitter.emit('event', event);
    if (event.name === 'EventLinkConnected' || event.name === 'EventLinkDisconnected') {
      this.ctiLink = event.name === 'EventLinkConnected' ? 'up' : 'down';
      this.emitter.emit('linkState', { up: this.ctiLink === 'up', event });
    }
  };

  /** Re-registers every remembered DN over `session` and reports each; stops quietly if the link goes down. */
  async resync(session: TServerSession): Promise<void> {
    const known = this.options.knownCalls ?? ((dn: string) => this.registered.callsOf(dn));
    try {
      const summary = await resyncDns({
        request: (message) => session.request(message),
        dns: this.registered.entries(),
        knownCalls: known,
        forgetCall: (dn, connId) => this.registered.forgetCall(dn, connId),
        emit: (result) => this.emitter.emit('resync', result),
      });
      if (summary === undefined) return;
      this.logger.info({ ...summary }, 'DNs re-synchronised');
      this.emitter.emit('resynced', summary);
    } catch (error) {
      this.logger.error({ err: error instanceof Error ? error.message : String(error) }, 're-sync failed');
    }
  }
}
