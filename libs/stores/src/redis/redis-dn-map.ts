import { systemClock, type Clock } from '../clock';
import type { AssignResult, DnMap, DnMapping, DnOwner, EndpointRegistration } from '../dn-map/dn-map';
import { assignDn, dnRowsOf, releaseDn, setDnEndpoint, transferDn } from './dn-map.lua';
import { ChannelSubscription } from './channel-subscription';
import { fromPairs } from './flat-hash';
import type { RedisLink } from './redis-link';

type Watcher = (mapping: DnMapping) => void;
type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** The string columns a row may lack: ownership (GWS's) and endpoint (the gateway's). */
const OPTIONAL_COLUMNS = ['userId', 'userName', 'placeName', 'agentId', 'nodeId', 'sipEndpoint'] as const;
const REGISTRATIONS: ReadonlySet<string> = new Set<EndpointRegistration>(['registered', 'unregistered', 'unknown']);

/**
 * The DN map on Redis: a small table (thousands of rows) under one hash tag, so that each write is one script over
 * the row and its indexes (see `dn-map.lua.ts`): `<prefix>{dnmap}:dn:<dn>` (a hash per row), `<prefix>{dnmap}:all`
 * (the set of DNs) and `<prefix>{dnmap}:user:<userId>` (the set of a user's DNs). Every write publishes the row as
 * JSON on `<prefix>dnmap:changes`, whoever wrote it (GWS or the SIP gateway); `watch` listens there on a connection
 * of this instance's own. Writes go on the fail-fast connection: a caller learns at once that Redis is away.
 */
export class RedisDnMap implements DnMap {
  private readonly channel: string;
  /** ioredis resubscribes after a reconnect; a watcher that must not miss a change reads `list` again. */
  private readonly changes: ChannelSubscription<DnMapping>;
  /** Gateway notices are answered by a read of the row; one at a time, so rows reach watchers in notice order. */
  private rereads: Promise<void> = Promise.resolve();

  constructor(
    private readonly link: RedisLink,
    private readonly now: Clock = systemClock,
  ) {
    this.channel = `${link.prefix}dnmap:changes`;
    this.changes = new ChannelSubscription(link, this.channel, (message) => this.receive(message));
  }

  async get(dn: string): Promise<DnMapping | undefined> {
    const fields = await this.link.client.hgetall(this.rowKey(dn));
    return Object.keys(fields).length === 0 ? undefined : toMapping(fields);
  }

  async assign(dn: string, owner: DnOwner): Promise<AssignResult> {
    const columns = [
      ...['userId', owner.userId, 'userName', owner.userName, 'placeName', owner.placeName],
      ...(owner.agentId === undefined ? [] : ['agentId', owner.agentId]),
      ...['nodeId', owner.nodeId],
    ];
    const [ok, result] = await assignDn(
      this.link.client,
      this.rowKey(dn),
      this.allKey(),
      this.userKey(owner.userId),
      dn,
      this.now(),
      this.channel,
      owner.userId,
      ...columns,
    );
    return ok === 1 ? { ok: true, mapping: toMapping(fromPairs(result)) } : { ok: false, heldBy: result };
  }

  async release(dn: string, userId: string): Promise<boolean> {
    const released = await releaseDn(
      this.link.client,
      this.rowKey(dn),
      this.userKey(userId),
      dn,
      this.now(),
      this.channel,
      userId,
    );
    return released === 1;
  }

  async transfer(dn: string, userId: string, fromNodeId: string, toNodeId: string): Promise<boolean> {
    const moved = await transferDn(
      this.link.client,
      this.rowKey(dn),
      dn,
      this.now(),
      this.channel,
      userId,
      fromNodeId,
      toNodeId,
    );
    return moved === 1;
  }

  async setEndpoint(dn: string, endpoint: { sipEndpoint?: string; registration: EndpointRegistration }): Promise<void> {
    const columns = [
      'registration',
      endpoint.registration,
      ...(endpoint.sipEndpoint === undefined ? [] : ['sipEndpoint', endpoint.sipEndpoint]),
    ];
    await setDnEndpoint(this.link.client, this.rowKey(dn), this.allKey(), dn, this.now(), this.channel, ...columns);
  }

  async findByUser(userId: string): Promise<DnMapping[]> {
    const rows = await dnRowsOf(this.link.client, this.userKey(userId), this.rowKey(''));
    return rows.map((row) => toMapping(fromPairs(row))).filter((mapping) => mapping.userId === userId);
  }

  async list(): Promise<DnMapping[]> {
    const rows = await dnRowsOf(this.link.client, this.allKey(), this.rowKey(''));
    return rows.map((row) => toMapping(fromPairs(row)));
  }

  watch(handler: Watcher): Promise<() => Promise<void>> {
    return this.changes.add(handler);
  }

  close(): Promise<void> {
    this.changes.close();
    return Promise.resolve();
  }

  /**
   * A message is either a whole row (this class's scripts publish one after each write) or a notice from the SIP
   * gateway, which writes only its endpoint columns and says so with `source` (`{"dn","registration","source"}`):
   * then the row is read back, so that watchers always get whole rows, ownership included.
   */
  private receive(message: string): void {
    const fields = JSON.parse(message) as Record<string, string>;
    if (fields.source === undefined) {
      this.changes.deliver(toMapping(fields));
      return;
    }
    const dn = fields.dn ?? '';
    this.rereads = this.rereads
      .then(() => this.get(dn))
      .then(
        (mapping) => {
          if (mapping !== undefined) this.changes.deliver(mapping);
        },
        // Redis away: the notice is lost like any pub/sub message; watchers re-read `list` after reconnects.
        () => undefined,
      );
  }

  private rowKey(dn: string): string {
    return `${this.link.prefix}{dnmap}:dn:${dn}`;
  }

  private allKey(): string {
    return `${this.link.prefix}{dnmap}:all`;
  }

  private userKey(userId: string): string {
    return `${this.link.prefix}{dnmap}:user:${userId}`;
  }
}

function toMapping(fields: Readonly<Record<string, string>>): DnMapping {
  const registration = fields.registration ?? 'unknown';
  const mapping: Mutable<DnMapping> = {
    dn: fields.dn ?? '',
    registration: REGISTRATIONS.has(registration) ? (registration as EndpointRegistration) : 'unknown',
    updatedAt: Number(fields.updatedAt ?? 0),
  };
  for (const column of OPTIONAL_COLUMNS) {
    const value = fields[column];
    if (value !== undefined) mapping[column] = value;
  }
  return mapping;
}
