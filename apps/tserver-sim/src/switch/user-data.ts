import type { ConnId, KVList } from '@gws/tlib';
import type { Call } from './call';
import { emitCallEvent } from './call-events';
import type { SwitchCallTable } from './calls';
import type { SwitchContext } from './switch-context';
import { checkUserDataSize } from './user-data-cap';

/** A call's user data operations. Each change goes to every party of the call, ThirdPartyDN naming the changer. */
export class UserDataOps {
  constructor(
    private readonly ctx: SwitchContext,
    private readonly calls: SwitchCallTable,
  ) {}

  /** RequestAttachUserData: every pair is appended, duplicate keys included (KVList attach semantics). */
  attach(dn: string, connId: ConnId, data: KVList): void {
    this.change(dn, connId, (current) => current.append(data));
  }

  /** RequestUpdateUserData: keys present are overwritten, new keys appended. */
  update(dn: string, connId: ConnId, data: KVList): void {
    this.change(dn, connId, (current) => current.update(data));
  }

  deletePair(dn: string, connId: ConnId, key: string): void {
    this.change(dn, connId, (current) => {
      current.delete(key);
      return current;
    });
  }

  deleteAll(dn: string, connId: ConnId): void {
    this.change(dn, connId, (current) => {
      current.clear();
      return current;
    });
  }

  private change(dn: string, connId: ConnId, apply: (current: KVList) => KVList): void {
    const { call } = this.calls.requireParty(connId, dn);
    const next = apply(call.userData.clone());
    checkUserDataSize(next, this.ctx.settings.userDataCapBytes);
    call.userData = next;
    this.notify(call, dn);
  }

  private notify(call: Call, changer: string): void {
    for (const party of call.parties) {
      if (party.kind === 'external') continue;
      emitCallEvent(this.ctx, 'EventAttachedDataChanged', call, party.dn, { ThirdPartyDN: changer });
    }
  }
}
