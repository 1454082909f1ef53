import type { FramedConnection, LinkLogger, PendingRegistration } from '@gws/framed-link';
import { KVList } from '@gws/tlib';
import {
  CfgAppType,
  ConfServErrorCode,
  confservMessage,
  decodeCfgDelta,
  decodeCfgFilter,
  decodeCfgFields,
  encodeCfgObjects,
  enumName,
  isModelledType,
  UnsupportedObjectTypeError,
  type CfgModelledType,
  type CfgObject,
  type ConfServAttributes,
  type ConfServMessage,
} from '@gws/confserv';
import type { CfgStore } from '../store/cfg-store';
import type { PasswordVault } from '../store/password-vault';
import { authenticatePerson } from './authenticator';
import { toEventError } from './event-error';
import { RequestRefusal } from './request-refusal.error';

export interface SessionContext {
  readonly store: CfgStore;
  readonly vault: PasswordVault;
  readonly batchSize: number;
  readonly logger: LinkLogger;
  /** Counts each request received and each event sent, by name (tests, benchmark). */
  count(name: string): void;
}

/** Every type, or the subscribed ones. */
type Subscription = 'all' | ReadonlySet<number>;

/** One client link: registration, authentication, reads in batches, notifications and object changes. */
export class ConfServSession {
  private client: string | undefined;
  private subscription: Subscription | undefined;

  constructor(
    readonly link: FramedConnection<ConfServMessage>,
    private readonly pendingRegistration: PendingRegistration,
    private readonly context: SessionContext,
  ) {
    link.on('message', (message) => void this.handle(message));
  }

  /** Sends the notification for a change made by someone else, if this client subscribed to its type. */
  notify(message: ConfServMessage, type: CfgModelledType): void {
    const subscription = this.subscription;
    if (subscription === undefined || (subscription !== 'all' && !subscription.has(type))) return;
    this.link.send(message);
  }

  private async handle(message: ConfServMessage): Promise<void> {
    const requestId = message.attributes.IATRCFG_REQUESTID ?? 0;
    this.context.count(message.name);
    try {
      if (message.name !== 'RequestRegisterClient' && this.client === undefined) {
        throw new RequestRefusal(ConfServErrorCode.NotRegistered, `${message.name} before RequestRegisterClient`);
      }
      await this.dispatch(message, requestId);
    } catch (error) {
      const { code, description } = toEventError(error);
      if (code === ConfServErrorCode.Internal) {
        this.context.logger.error({ client: this.client, message: message.name, err: error }, 'request failed');
      }
      this.reply('EventError', requestId, { IATRCFG_ERRORCODE: code, SATRCFG_DESCRIPTION: description });
    }
  }

  private async dispatch(message: ConfServMessage, requestId: number): Promise<void> {
    const attributes = message.attributes;
    const { store } = this.context;
    switch (message.name) {
      case 'RequestRegisterClient':
        return this.register(attributes, requestId);
      case 'RequestAuthenticate': {
        const userName = required(attributes.SATRCFG_USERNAME, 'SATRCFG_USERNAME');
        const dbid = await authenticatePerson(store, this.context.vault, userName, attributes.SATRCFG_PASSWORD ?? '');
        return this.reply('EventAuthenticated', requestId, { IATRCFG_DBID: dbid });
      }
      case 'RequestReadObjects':
        return this.readObjects(objectType(attributes), attributes.BATRCFG_FILTER, requestId);
      case 'RequestRegisterNotification': {
        const types = (attributes.BATRCFG_SUBSCRIPTION ?? new KVList()).pairs().map((pair) => Number(pair.value));
        this.subscription = types.length === 0 ? 'all' : new Set(types);
        return this.reply('EventNotificationRegistered', requestId, {});
      }
      case 'RequestUnregisterNotification':
        this.subscription = undefined;
        return this.reply('EventNotificationUnregistered', requestId, {});
      case 'RequestCreateObject': {
        const type = objectType(attributes);
        const input = decodeCfgFields(type, required(attributes.BATRCFG_OBJECT, 'BATRCFG_OBJECT'));
        const created = store.create(type, input, this);
        return this.reply('EventObjectCreated', requestId, objectAttributes(type, created));
      }
      case 'RequestUpdateObject': {
        const type = objectType(attributes);
        const delta = decodeCfgDelta(type, required(attributes.BATRCFG_OBJECT, 'BATRCFG_OBJECT'));
        store.update(type, delta, this);
        return this.reply('EventObjectUpdated', requestId, {
          IATRCFG_OBJECTTYPE: type,
          BATRCFG_OBJECT: attributes.BATRCFG_OBJECT,
        });
      }
      case 'RequestDeleteObject': {
        const type = objectType(attributes);
        const dbid = required(attributes.IATRCFG_DBID, 'IATRCFG_DBID');
        store.delete(type, dbid, this);
        return this.reply('EventObjectDeleted', requestId, { IATRCFG_OBJECTTYPE: type, IATRCFG_DBID: dbid });
      }
      default:
        throw new RequestRefusal(ConfServErrorCode.BadRequest, `${message.name} is not a request`);
    }
  }

  /** Any application name is accepted (and logged); the user's credentials are checked when given. */
  private async register(attributes: ConfServAttributes, requestId: number): Promise<void> {
    const appName = required(attributes.SATRCFG_APPNAME, 'SATRCFG_APPNAME');
    const appType = attributes.IATRCFG_APPTYPE ?? CfgAppType.NoApplication;
    if (attributes.SATRCFG_USERNAME !== undefined) {
      const { store, vault } = this.context;
      await authenticatePerson(store, vault, attributes.SATRCFG_USERNAME, attributes.SATRCFG_PASSWORD ?? '');
    }
    this.client = `(${enumName(CfgAppType, appType)} '${appName}')`;
    this.pendingRegistration.registered();
    this.context.logger.info({ client: this.client, remote: this.link.remote }, 'client registered');
    this.reply('EventClientRegistered', requestId, {});
  }

  /** Batches of `batchSize` objects in EventObjectsRead, then EventObjectsSent with the total. */
  private readObjects(type: CfgModelledType, filterList: KVList | undefined, requestId: number): void {
    const objects = this.context.store.read(type, decodeCfgFilter(filterList));
    const total = objects.length;
    const { batchSize } = this.context;
    for (let start = 0; start < total; start += batchSize) {
      const batch = objects.slice(start, start + batchSize) as unknown as Record<string, unknown>[];
      this.reply('EventObjectsRead', requestId, {
        IATRCFG_OBJECTTYPE: type,
        IATRCFG_TOTALCOUNT: total,
        IATRCFG_OBJECTCOUNT: batch.length,
        BATRCFG_OBJECTS: encodeCfgObjects(type, batch),
      });
    }
    this.reply('EventObjectsSent', requestId, { IATRCFG_OBJECTTYPE: type, IATRCFG_TOTALCOUNT: total });
  }

  private reply(name: ConfServMessage['name'], requestId: number, attributes: ConfServAttributes): void {
    this.context.count(name);
    this.link.send(confservMessage(name, { IATRCFG_REQUESTID: requestId, ...attributes }));
  }
}

function objectType(attributes: ConfServAttributes): CfgModelledType {
  const type = required(attributes.IATRCFG_OBJECTTYPE, 'IATRCFG_OBJECTTYPE');
  if (!isModelledType(type)) throw new UnsupportedObjectTypeError(type);
  return type;
}

function required<T>(value: T | undefined, name: string): T {
  if (value === undefined) throw new RequestRefusal(ConfServErrorCode.BadRequest, `missing ${name}`);
  return value;
}

/** IATRCFG_OBJECTTYPE and BATRCFG_OBJECT for one whole object. */
export function objectAttributes(type: CfgModelledType, object: CfgObject): ConfServAttributes {
  const fields = object as unknown as Record<string, unknown>;
  return { IATRCFG_OBJECTTYPE: type, BATRCFG_OBJECT: encodeCfgObjects(type, [fields]) };
}
