import { KVList, tmessage, type ConnId, type KVInput, type TMessage } from '@gws/tlib';
import type { RequestFn } from './request-fn';

/** Call user data and user events. Each resolves with EventAttachedDataChanged (EventACK for user events). */
export class UserDataRequests {
  constructor(private readonly request: RequestFn) {}

  /** Appends pairs, duplicates included. */
  attach(dn: string, connId: ConnId, userData: KVInput): Promise<TMessage> {
    return this.request(
      tmessage('RequestAttachUserData', { ThisDN: dn, ConnID: connId, UserData: KVList.from(userData) }),
    );
  }

  /** Replaces the given keys, adds new ones. */
  update(dn: string, connId: ConnId, userData: KVInput): Promise<TMessage> {
    return this.request(
      tmessage('RequestUpdateUserData', { ThisDN: dn, ConnID: connId, UserData: KVList.from(userData) }),
    );
  }

  deletePair(dn: string, connId: ConnId, key: string): Promise<TMessage> {
    return this.request(tmessage('RequestDeletePair', { ThisDN: dn, ConnID: connId, DataKey: key }));
  }

  /** Removes all user data of the call. */
  deleteAll(dn: string, connId: ConnId): Promise<TMessage> {
    return this.request(tmessage('RequestDeleteUserData', { ThisDN: dn, ConnID: connId }));
  }

  /** The server copies it into EventUserEvent for every client registered on `dn`. */
  distributeUserEvent(dn: string, userData: KVInput, connId?: ConnId): Promise<TMessage> {
    return this.request(
      tmessage('RequestDistributeUserEvent', {
        ThisDN: dn,
        UserData: KVList.from(userData),
        ...(connId !== undefined ? { ConnID: connId } : {}),
      }),
    );
  }
}
