import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import {
  FramedConnection,
  InboundLinkGuard,
  silentLogger,
  type InboundLinkLimits,
  type LinkLogger,
} from '@gws/framed-link';
import {
  CfgObjectType,
  confservMessage,
  createConfServCodec,
  encodeCfgFields,
  cfgTypeName,
  type CfgModelledType,
  type CfgObject,
  type ConfServMessage,
} from '@gws/confserv';
import { KVList, KVType } from '@gws/tlib';
import type { ContactCenterDirectory } from '@gws/directory';
import { startAdminServer, type AdminServer } from './admin/admin-server';
import { CfgStore, type StoreChange } from './store/cfg-store';
import { directoryToCfg } from './store/directory-to-cfg';
import { DEFAULT_SCRYPT_COST, PasswordVault, scryptHasher } from './store/password-vault';
import { ConfServSession, objectAttributes } from './session/confserv-session';

/** The link limits (`maxConnections`, `registrationTimeoutMs`, `unregisteredMaxFrameBytes`): docs/confserv-sim.md. */
export interface ConfServSimulatorOptions extends InboundLinkLimits {
  readonly directory: ContactCenterDirectory;
  /** @default 127.0.0.1 */
  readonly host?: string;
  /** 0 = any free port. @default 0 */
  readonly port?: number;
  /** HTTP admin API port (0 = any free port); omitted = no admin API. */
  readonly adminPort?: number;
  /** Objects per EventObjectsRead (1-1000). @default 100 */
  readonly batchSize?: number;
  /** scrypt cost N for the password hashes (docs/confserv-sim.md). @default 256 */
  readonly scryptCost?: number;
  readonly logger?: LinkLogger;
}

const codec = createConfServCodec();

/**
 * A Configuration Server simulator on real TCP: it serves a contact-center directory as Cfg objects through the
 * production codec and framing, checks agent passwords against salted scrypt hashes, and notifies subscribed
 * clients of every change made over the wire, through the admin API or through the methods below.
 */
export class ConfServSimulator {
  /** Requests received and answers sent, by message name. */
  readonly messageCounts = new Map<string, number>();
  private readonly sessions = new Set<ConfServSession>();
  private readonly sockets = new Set<Socket>();
  private admin: AdminServer | undefined;

  private constructor(
    readonly store: CfgStore,
    private readonly vault: PasswordVault,
    private readonly server: Server,
    private readonly guard: InboundLinkGuard,
    private readonly logger: LinkLogger,
  ) {
    store.on('change', (change) => this.broadcast(change));
  }

  static async start(options: ConfServSimulatorOptions): Promise<ConfServSimulator> {
    const batchSize = options.batchSize ?? 100;
    if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 1000) {
      throw new RangeError(`batchSize ${batchSize}: expected 1 to 1000`);
    }
    const logger = options.logger ?? silentLogger;
    const { directory } = options;
    const vault = new PasswordVault(scryptHasher(options.scryptCost ?? DEFAULT_SCRYPT_COST));
    await Promise.all(directory.persons.map((person) => vault.set(person.dbid, person.password)));
    const store = new CfgStore(directoryToCfg(directory), directory.tenant.dbid);
    const server = createServer();
    const guard = new InboundLinkGuard(server, { name: 'confserv-sim', logger, limits: options });
    const simulator = new ConfServSimulator(store, vault, server, guard, logger);
    server.on('connection', (socket) => simulator.accept(socket, batchSize));
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => resolve());
    });
    if (options.adminPort !== undefined) {
      simulator.admin = await startAdminServer(simulator, options.host ?? '127.0.0.1', options.adminPort);
    }
    return simulator;
  }

  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  get adminPort(): number | undefined {
    return this.admin?.port;
  }

  /** Client links open now. */
  get connections(): number {
    return this.sessions.size;
  }

  /** How many messages of this name were received (requests) or sent as answers (events). */
  requestCount(name: string): number {
    return this.messageCounts.get(name) ?? 0;
  }

  listObjects(type: CfgModelledType): CfgObject[] {
    return this.store.list(type);
  }

  /** Adds an object (DBID assigned when absent); a person may come with a password, hashed before it is kept. */
  async createObject(
    type: CfgModelledType,
    object: Readonly<Record<string, unknown>>,
    password?: string,
  ): Promise<CfgObject> {
    const created = this.store.create(type, object);
    if (type === CfgObjectType.Person) await this.vault.set(created.DBID, password ?? '');
    return created;
  }

  /** Applies a delta: DBID plus the fields to change. */
  async updateObject(
    type: CfgModelledType,
    delta: Readonly<Record<string, unknown>>,
    password?: string,
  ): Promise<CfgObject> {
    const updated = this.store.update(type, delta);
    if (type === CfgObjectType.Person && password !== undefined) await this.vault.set(updated.DBID, password);
    return updated;
  }

  deleteObject(type: CfgModelledType, dbid: number): CfgObject {
    const deleted = this.store.delete(type, dbid);
    if (type === CfgObjectType.Person) this.vault.delete(dbid);
    return deleted;
  }

  /** Fault injection: drops every client link at once (the simulator keeps listening). */
  dropLinks(): void {
    for (const session of this.sessions) session.link.destroy('dropped by the simulator');
  }

  async close(): Promise<void> {
    await this.admin?.close();
    const closed = new Promise<void>((resolve) => this.server.close(() => resolve()));
    for (const socket of this.sockets) socket.destroy();
    await closed;
  }

  private accept(socket: Socket, batchSize: number): void {
    this.sockets.add(socket);
    socket.once('close', () => this.sockets.delete(socket));
    const link = new FramedConnection<ConfServMessage>({ socket, codec, name: 'confserv-sim', logger: this.logger });
    const session = new ConfServSession(link, this.guard.admit(link), {
      store: this.store,
      vault: this.vault,
      batchSize,
      logger: this.logger,
      count: (name) => this.messageCounts.set(name, (this.messageCounts.get(name) ?? 0) + 1),
    });
    this.sessions.add(session);
    link.once('close', (reason) => {
      this.sessions.delete(session);
      this.logger.info({ remote: link.remote, reason }, 'client link closed');
    });
  }

  /** EventObjectCreated (whole object), EventObjectUpdated (delta), EventObjectDeleted (DBID and type). */
  private broadcast(change: StoreChange): void {
    const message = notification(change);
    for (const session of this.sessions) if (session !== change.origin) session.notify(message, change.type);
  }
}

function notification(change: StoreChange): ConfServMessage {
  const { type } = change;
  switch (change.kind) {
    case 'created':
      return confservMessage('EventObjectCreated', objectAttributes(type, change.object));
    case 'updated': {
      const list = new KVList();
      list.push({ key: cfgTypeName(type), type: KVType.List, value: encodeCfgFields(type, change.delta) });
      return confservMessage('EventObjectUpdated', { IATRCFG_OBJECTTYPE: type, BATRCFG_OBJECT: list });
    }
    case 'deleted':
      return confservMessage('EventObjectDeleted', { IATRCFG_OBJECTTYPE: type, IATRCFG_DBID: change.dbid });
  }
}
