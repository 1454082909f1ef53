import { EventEmitter } from 'node:events';
import {
  ClientClosedError,
  linkEndpoints,
  LinkSupervisor,
  namedLogger,
  type LinkEndpoint,
  type LinkLogger,
  type LinkStatus,
  type LinkStatusChange,
} from '@gws/framed-link';
import { KVList, KVType } from '@gws/tlib';
import { ConfServRequestError } from '../errors/confserv-request.error';
import { DisabledPersonError } from '../errors/disabled-person.error';
import { EmptyPasswordError } from '../errors/empty-password.error';
import { ObjectCountMismatchError } from '../errors/object-count-mismatch.error';
import { ObjectNotFoundError } from '../errors/object-not-found.error';
import { ServerUnavailableError } from '../errors/server-unavailable.error';
import { UnknownUserError } from '../errors/unknown-user.error';
import { WrongPasswordError } from '../errors/wrong-password.error';
import { cfgTypeName } from '../objects/cfg-object-schemas';
import { decodeCfgDelta, decodeCfgObjects, encodeCfgFields, encodeCfgObjects } from '../objects/cfg-object-codec';
import type { CfgDelta, CfgModelledType, CfgObject, CfgObjectMap, CfgOptions } from '../objects/cfg-objects';
import { CfgObjectType } from '../protocol/cfg-enums';
import { encodeCfgFilter, type CfgFilter } from '../protocol/cfg-filter';
import { ConfServErrorCode } from '../protocol/confserv-error-codes';
import type { ConfServMessageName } from '../protocol/confserv-message-ids';
import type { ConfServAttributes, ConfServMessage } from '../protocol/confserv-protocol';
import type { AgentProfile } from './agent-profile';
import { CfgCache } from './cfg-cache';
import {
  resolveConfServClientOptions,
  type ConfServClientOptions,
  type ConfServRequestOptions,
} from './confserv-client-options';
import { confservCorrelator, type ConfServCorrelator } from './confserv-correlation';
import { ConfServSession } from './confserv-session';

export interface AuthenticatedUser {
  readonly userName: string;
  readonly personDBID: number;
}

export interface ConfServClientEvents {
  status: [change: LinkStatusChange];
  objectCreated: [type: CfgModelledType, object: CfgObject];
  /** `merged` is the cached object after the delta, when the cache held it. */
  objectUpdated: [type: CfgModelledType, delta: CfgDelta, merged: CfgObject | undefined];
  objectDeleted: [type: CfgModelledType, dbid: number];
}

const SERVER = 'Configuration Server';

/**
 * The Configuration Server client GWS uses: one registered link, kept up with the parts TServerClient uses too
 * (LinkSupervisor: status, failover, backoff, close; RequestCorrelator), typed reads, agent authentication, the
 * agent directory in few round trips, and a cache kept current by notifications.
 */
export class ConfServClient extends EventEmitter<ConfServClientEvents> {
  readonly cache = new CfgCache();
  private readonly logger: LinkLogger;
  private readonly correlator: ConfServCorrelator = confservCorrelator();
  private readonly link: LinkSupervisor<ConfServSession>;
  /** Subscribed object types; undefined = not subscribed, empty = every type. */
  private subscription: readonly CfgModelledType[] | undefined;

  /** @throws InvalidOptionError naming the option */
  constructor(options: ConfServClientOptions) {
    super();
    const resolved = resolveConfServClientOptions(options);
    this.logger = namedLogger(resolved.logger, 'ConfServClient');
    const context = {
      options: resolved,
      correlator: this.correlator,
      logger: this.logger,
      onNotification: (message: ConfServMessage) => this.onNotification(message),
      registered: (session: ConfServSession) => this.restoreSubscription(session),
    };
    this.link = new LinkSupervisor<ConfServSession>(
      {
        server: SERVER,
        endpoints: linkEndpoints(resolved.endpoints),
        retryStrategy: resolved.retryStrategy,
        logger: this.logger,
        initial: { status: 'disconnected', previous: 'disconnected', endpoint: undefined },
      },
      {
        open: async (endpoint, registering) => ({
          session: await ConfServSession.open(endpoint, context, registering),
        }),
        failRequests: (error) => this.correlator.failAll(error),
        statusChanged: (change) => {
          if (change.status !== 'connected') this.cache.clear();
          this.emit('status', change);
        },
      },
    );
  }

  get status(): LinkStatus {
    return this.link.status;
  }

  /** The endpoint in use (or being tried). */
  get endpoint(): LinkEndpoint | undefined {
    return this.link.current.endpoint;
  }

  /** Sequential round trips so far (the client went from idle to waiting). */
  get roundTrips(): number {
    return this.correlator.roundTrips;
  }

  get requestsSent(): number {
    return this.correlator.sent;
  }

  /** Starts the link (once) and resolves once registered; rejects if the client closes first. */
  connect(): Promise<void> {
    return this.link.connect();
  }

  /** Fails in-flight requests with ClientClosedError, drops the link and stops reconnecting. */
  close(): void {
    this.link.stop();
  }

  /**
   * RequestAuthenticate. @throws UnknownUserError, WrongPasswordError, DisabledPersonError, EmptyPasswordError; and
   * like every request ServerUnavailableError, RequestTimeoutError or ClientClosedError (`isConfServUnavailable`)
   */
  async authenticate(
    userName: string,
    password: string,
    options: ConfServRequestOptions = {},
  ): Promise<AuthenticatedUser> {
    try {
      const [answer] = await this.request(
        'RequestAuthenticate',
        { SATRCFG_USERNAME: userName, SATRCFG_PASSWORD: password },
        options,
      );
      return { userName, personDBID: answer?.attributes.IATRCFG_DBID ?? 0 };
    } catch (error) {
      throw authenticationError(error, userName);
    }
  }

  /** RequestReadObjects: every batch until EventObjectsSent, checked against the announced total. */
  async readObjects<T extends CfgModelledType>(
    type: T,
    filter: CfgFilter = {},
    options: ConfServRequestOptions = {},
  ): Promise<CfgObjectMap[T][]> {
    const answers = await this.request(
      'RequestReadObjects',
      { IATRCFG_OBJECTTYPE: type, BATRCFG_FILTER: encodeCfgFilter(filter) },
      options,
    );
    const objects: CfgObjectMap[T][] = [];
    for (const answer of answers) {
      if (answer.name !== 'EventObjectsRead') continue;
      objects.push(...decodeCfgObjects(type, answer.attributes.BATRCFG_OBJECTS ?? new KVList()));
    }
    const total = answers.at(-1)?.attributes.IATRCFG_TOTALCOUNT ?? -1;
    if (total !== objects.length) throw new ObjectCountMismatchError(cfgTypeName(type), objects.length, total);
    this.cache.put(type, objects);
    return objects;
  }

  /**
   * The person and everything needed to log them in, in two round trips: (1) the person by `user_name`;
   * (2) in flight together: each agent login and skill by DBID, the place, its DNs (`place_dbid`) and the tenant's
   * switches. `options` applies to each of those requests. `parts.switch: false` leaves the switches out (`switch`
   * is then undefined), for a caller that keeps the tenant's switches itself: one read less per login.
   * @throws UnknownUserError when no person has this user name
   */
  async readAgentProfile(
    userName: string,
    options: ConfServRequestOptions = {},
    parts: { readonly switch?: boolean } = {},
  ): Promise<AgentProfile> {
    const [person] = await this.readObjects(CfgObjectType.Person, { user_name: userName }, options);
    if (person === undefined) throw new UnknownUserError(userName);
    const info = person.agentInfo;
    const placeDBID = info?.placeDBID ?? 0;
    const byDbid = <T extends CfgModelledType>(type: T, dbid: number) => this.readObjects(type, { dbid }, options);
    const [logins, places, dns, skills, switches] = await Promise.all([
      Promise.all((info?.agentLogins ?? []).map((login) => byDbid(CfgObjectType.AgentLogin, login.agentLoginDBID))),
      placeDBID === 0 ? Promise.resolve([]) : byDbid(CfgObjectType.Place, placeDBID),
      placeDBID === 0 ? Promise.resolve([]) : this.readObjects(CfgObjectType.DN, { place_dbid: placeDBID }, options),
      Promise.all((info?.skillLevels ?? []).map((level) => byDbid(CfgObjectType.Skill, level.skillDBID))),
      parts.switch === false
        ? Promise.resolve([])
        : this.readObjects(CfgObjectType.Switch, { tenant_dbid: person.tenantDBID }, options),
    ]);
    const agentLogins = logins.flat();
    const place = places[0];
    const order = place?.DNDBIDs ?? [];
    const sortedDns = [...dns].sort((a, b) => order.indexOf(a.DBID) - order.indexOf(b.DBID));
    const switchDBID = agentLogins[0]?.switchDBID ?? sortedDns[0]?.switchDBID ?? 0;
    return {
      person,
      agentLogins,
      place,
      dns: sortedDns,
      skills: skills.flat(),
      switch: switches.find((entry) => entry.DBID === switchDBID),
    };
  }

  /** Every action code (Not Ready reasons have `type` CfgActionCodeType.NotReady). */
  readActionCodes(options: ConfServRequestOptions = {}): Promise<CfgObjectMap[typeof CfgObjectType.ActionCode][]> {
    return this.readObjects(CfgObjectType.ActionCode, {}, options);
  }

  /** The options of the named application. @throws ObjectNotFoundError */
  async readApplicationOptions(applicationName: string, options: ConfServRequestOptions = {}): Promise<CfgOptions> {
    const [application] = await this.readObjects(CfgObjectType.Application, { name: applicationName }, options);
    if (application === undefined) throw new ObjectNotFoundError('CfgApplication', applicationName);
    return application.options;
  }

  /** RequestRegisterNotification for these types (none = every type); restored after each reconnect. */
  async subscribe(types: readonly CfgModelledType[] = []): Promise<void> {
    await this.request('RequestRegisterNotification', { BATRCFG_SUBSCRIPTION: subscriptionList(types) });
    this.subscription = types;
  }

  async unsubscribe(): Promise<void> {
    await this.request('RequestUnregisterNotification', {});
    this.subscription = undefined;
  }

  /** RequestCreateObject; the object's DBID is assigned by the server when 0 or absent. */
  async createObject<T extends CfgModelledType>(type: T, object: Partial<CfgObjectMap[T]>): Promise<CfgObjectMap[T]> {
    const [answer] = await this.request('RequestCreateObject', {
      IATRCFG_OBJECTTYPE: type,
      BATRCFG_OBJECT: encodeCfgObjects(type, [{ DBID: 0, ...object }]),
    });
    const [created] = decodeCfgObjects(type, answer?.attributes.BATRCFG_OBJECT ?? new KVList());
    if (created === undefined) throw new ObjectNotFoundError(cfgTypeName(type), 'in the creation answer');
    return created;
  }

  /** RequestUpdateObject with a delta (DBID + changed fields). */
  async updateObject<T extends CfgModelledType>(type: T, delta: CfgDelta<CfgObjectMap[T]>): Promise<void> {
    const list = new KVList();
    list.push({ key: cfgTypeName(type), type: KVType.List, value: encodeCfgFields(type, delta) });
    await this.request('RequestUpdateObject', { IATRCFG_OBJECTTYPE: type, BATRCFG_OBJECT: list });
  }

  async deleteObject(type: CfgModelledType, dbid: number): Promise<void> {
    await this.request('RequestDeleteObject', { IATRCFG_OBJECTTYPE: type, IATRCFG_DBID: dbid });
  }

  /**
   * Sends a request over the registered link; fails at once while there is none (ServerUnavailableError) or after
   * `close()` (ClientClosedError).
   */
  private request(
    name: ConfServMessageName,
    attributes: ConfServAttributes,
    options: ConfServRequestOptions = {},
  ): Promise<ConfServMessage[]> {
    if (this.status === 'closed') return Promise.reject(new ClientClosedError(name, SERVER));
    const session = this.link.connectedSession;
    if (session === undefined) return Promise.reject(new ServerUnavailableError(name, `link ${this.status}`));
    return session.request(name, attributes, options.timeoutMs);
  }

  /** Re-subscribes over a new link, before it counts as registered. */
  private async restoreSubscription(session: ConfServSession): Promise<void> {
    if (this.subscription === undefined) return;
    await session.request('RequestRegisterNotification', {
      BATRCFG_SUBSCRIPTION: subscriptionList(this.subscription),
    });
  }

  private onNotification(message: ConfServMessage): void {
    const type = message.attributes.IATRCFG_OBJECTTYPE as CfgModelledType | undefined;
    try {
      if (type === undefined) return;
      if (message.name === 'EventObjectDeleted') {
        const dbid = message.attributes.IATRCFG_DBID ?? 0;
        this.cache.delete(type, dbid);
        this.emit('objectDeleted', type, dbid);
        return;
      }
      const list = message.attributes.BATRCFG_OBJECT ?? new KVList();
      if (message.name === 'EventObjectCreated') {
        const [object] = decodeCfgObjects(type, list);
        if (object === undefined) return;
        this.cache.put(type, [object]);
        this.emit('objectCreated', type, object);
        return;
      }
      const delta = decodeCfgDelta(type, list);
      this.emit('objectUpdated', type, delta, this.cache.update(type, delta));
    } catch (error) {
      this.logger.warn({ message: message.name, type, err: (error as Error).message }, 'bad notification');
    }
  }
}

function subscriptionList(types: readonly CfgModelledType[]): KVList {
  const list = new KVList();
  for (const type of types) list.push({ key: 'objectType', type: KVType.Int, value: type });
  return list;
}

function authenticationError(error: unknown, userName: string): unknown {
  if (!(error instanceof ConfServRequestError)) return error;
  switch (error.errorCode) {
    case ConfServErrorCode.UnknownUser:
      return new UnknownUserError(userName);
    case ConfServErrorCode.WrongPassword:
      return new WrongPasswordError(userName);
    case ConfServErrorCode.DisabledPerson:
      return new DisabledPersonError(userName);
    case ConfServErrorCode.EmptyPassword:
      return new EmptyPasswordError(userName);
    default:
      return error;
  }
}
